#include "chainatlas/analysis/overview.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/text_writer.hpp"
#include "../context.hpp"

namespace chainatlas::cli {

void add_stats_command(CLI::App& app, Context& context) {
    auto json = std::make_shared<bool>(false);
    auto* command = app.add_subcommand("stats", "counts of the dataset by kind, by chain and by county");
    command->add_flag("--json", *json, "machine-readable output");
    command->callback([json, &context] {
        const auto result = analysis::compute_stats(context.graph());
        if (*json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_stats(std::cout, context.data(), result, {context.english()});
        }
    });
}

void add_chains_command(CLI::App& app, Context& context) {
    struct Args {
        std::string chain;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand("chains", "the chains and their segments from upstream to downstream");
    command->add_option("--chain", args->chain, "only this chain (an id such as bearing)");
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        const auto result = analysis::list_chains(context.graph(), args->chain);
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_chains(std::cout, result, {context.english()});
        }
    });
}

void add_show_command(CLI::App& app, Context& context) {
    struct Args {
        std::string id;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand("show", "any record by its id, with its neighbours in the graph");
    command->add_option("id", args->id, "id of a chain, segment, county, park, enterprise or project")->required();
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        const auto result = analysis::show_record(context.graph(), args->id);
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_show(std::cout, result);
        }
    });
}

}  // namespace chainatlas::cli
