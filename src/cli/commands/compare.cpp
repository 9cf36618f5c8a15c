#include "chainatlas/analysis/county_compare.hpp"
#include "chainatlas/report/county_writers.hpp"
#include "../context.hpp"

namespace chainatlas::cli {

void add_compare_command(CLI::App& app, Context& context) {
    struct Args {
        analysis::CompareOptions options;
        std::string by = "auto";
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand(
        "compare", "compare counties (县域比较): county × chain matrix, LQ, specialisation, similar and "
                   "complementary counties, chains across counties");
    command->add_option("--counties", args->options.counties, "county ids to compare, comma-separated (default: all)")
        ->delimiter(',');
    command->add_option("--chain", args->options.chain, "only this chain (an id such as bearing)");
    command->add_option("--by", args->by, "basis of LQ and profiles: output (falls back to count when unknown) or count")
        ->check(CLI::IsMember({"auto", "count", "output"}));
    command->add_option("--top", args->options.top_pairs, "similar and complementary pairs to list (0: all)");
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        auto options = args->options;
        options.basis = args->by == "count"    ? analysis::CompareBasis::count
                        : args->by == "output" ? analysis::CompareBasis::output
                                               : analysis::CompareBasis::automatic;
        const auto& graph = context.graph();
        const std::size_t counties =
            options.counties.empty() ? graph.data().counties.size() : options.counties.size();
        util::Progress progress("compare", analysis::compare_pair_count(counties));
        options.progress = &progress;
        const auto result = analysis::compare_counties(graph, options);
        progress.finish();
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_compare(std::cout, result, {context.english()});
        }
    });
}

}  // namespace chainatlas::cli
