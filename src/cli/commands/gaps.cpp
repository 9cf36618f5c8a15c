#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/report/chain_writers.hpp"
#include "../context.hpp"

namespace chainatlas::cli {

void add_gaps_command(CLI::App& app, Context& context) {
    struct Args {
        analysis::GapOptions options;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand("gaps", "each segment's local coverage, and the gaps ranked for action");
    command->add_option("--chain", args->options.chain, "only this chain (an id such as bearing)");
    command->add_option("--county", args->options.county, "coverage of this county alone (a county id)");
    command->add_option("--park", args->options.park, "coverage of this park alone (a park id)");
    command->add_option("--sensitivity-top", args->options.sensitivity_top,
                        "how many top-ranked actions the sensitivity check follows")
        ->capture_default_str();
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        const auto result = analysis::find_gaps(context.graph(), args->options);
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_gaps(std::cout, result, {context.english()});
        }
    });
}

}  // namespace chainatlas::cli
