#include "chainatlas/analysis/targets.hpp"
#include "chainatlas/report/chain_writers.hpp"
#include "../context.hpp"

namespace chainatlas::cli {

void add_targets_command(CLI::App& app, Context& context) {
    struct Args {
        analysis::TargetOptions options;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand("targets", "the recruitment list (招商清单): candidates and landing places "
                                                  "for the ranked gaps");
    command->add_option("--chain", args->options.gaps.chain, "only this chain (an id such as bearing)");
    command->add_option("--county", args->options.gaps.county, "gaps of this county alone (a county id)");
    command->add_option("--park", args->options.gaps.park, "gaps of this park alone (a park id)");
    command->add_option("--top", args->options.top, "only the first N ranked gaps (default: all)");
    command->add_flag("--with-candidates", args->options.with_candidates_only,
                      "leave out gaps without a known external candidate");
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        const auto result = analysis::find_targets(context.graph(), args->options);
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_targets(std::cout, result, {context.english()});
        }
    });
}

}  // namespace chainatlas::cli
