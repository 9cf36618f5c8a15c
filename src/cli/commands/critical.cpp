#include "chainatlas/analysis/critical.hpp"
#include "chainatlas/report/chain_writers.hpp"
#include "../context.hpp"

namespace chainatlas::cli {

void add_critical_command(CLI::App& app, Context& context) {
    struct Args {
        analysis::CriticalOptions options;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand("critical", "single points of failure: weak segments, enterprises whose "
                                                   "loss opens gaps, articulation points of the supply network");
    command->add_option("--chain", args->options.chain, "only segments of this chain");
    command->add_option("--county", args->options.county, "only enterprises in this county count as local");
    command->add_option("--park", args->options.park, "only enterprises in this park count as local");
    command->add_option("--top", args->options.top, "how many enterprises to list by removal impact (0: all)")
        ->capture_default_str();
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        const auto result = analysis::find_critical(context.graph(), args->options);
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_critical(std::cout, result, {context.english()});
        }
    });
}

}  // namespace chainatlas::cli
