#include "chainatlas/analysis/trace.hpp"
#include "chainatlas/report/chain_writers.hpp"
#include "../context.hpp"

namespace chainatlas::cli {

void add_trace_command(CLI::App& app, Context& context) {
    struct Args {
        analysis::TraceOptions options;
        bool up = false, down = false;
        unsigned depth = 0;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    args->options.max_enterprises = 200;
    auto* command = app.add_subcommand("trace", "segments and local enterprises upstream and downstream of a "
                                                "segment or an enterprise");
    command->add_option("id", args->options.id, "a segment id (bearing.cage) or an enterprise id")->required();
    auto* up = command->add_flag("--up", args->up, "only upstream (suppliers' side)");
    command->add_flag("--down", args->down, "only downstream (customers' side)")->excludes(up);
    command->add_option("--depth", args->depth, "walk at most N links (default: unlimited)")
        ->check(CLI::PositiveNumber);
    command->add_option("--county", args->options.county, "only local enterprises in this county count");
    command->add_option("--park", args->options.park, "only local enterprises in this park count");
    command->add_option("--limit", args->options.max_enterprises,
                        "list at most N local enterprises per direction, nearest first; 0 for all (all are counted)")
        ->capture_default_str();
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        auto options = args->options;
        options.upstream = !args->down;
        options.downstream = !args->up;
        if (args->depth > 0) options.depth = args->depth;
        const auto result = analysis::trace_chain(context.graph(), options);
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_trace(std::cout, result, {context.english()});
        }
    });
}

}  // namespace chainatlas::cli
