#include "chainatlas/analysis/whatif.hpp"
#include "chainatlas/report/whatif_writer.hpp"
#include "../context.hpp"

namespace chainatlas::cli {

void add_whatif_command(CLI::App& app, Context& context) {
    struct Args {
        std::vector<std::string> remove;
        std::vector<std::string> add;
        analysis::GapOptions options;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand(
        "whatif", "what changes in coverage and the gap ranking if enterprises leave or new ones and projects arrive");
    command->add_option("--remove", args->remove, "ids of enterprises that leave the region");
    command->add_option("--add", args->add,
                                    "JSON file(s) with new `enterprises`, `supplies` and/or `projects` to add")
                    ->check(CLI::ExistingFile);
    command->add_option("--chain", args->options.chain, "only this chain");
    command->add_option("--county", args->options.county, "coverage of this county alone");
    command->add_option("--park", args->options.park, "coverage of this park alone");
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        if (args->remove.empty() && args->add.empty()) {
            throw CLI::ValidationError("whatif", "give --remove ENT... and/or --add FILE");
        }
        const auto before = analysis::find_gaps(context.graph(), args->options);
        std::vector<std::filesystem::path> fragments(args->add.begin(), args->add.end());
        const io::LoadResult scenario =
            fragments.empty() ? io::LoadResult{context.data(), {}}
                              : io::load_dataset_with_fragments(context.data_path, fragments);
        report::print_diagnostics(std::cerr, scenario.warnings);
        const model::Dataset after_data = analysis::remove_enterprises(scenario.dataset, args->remove);
        const graph::RegionGraph after_graph(after_data);
        auto result = analysis::compare_gap_results(before, analysis::find_gaps(after_graph, args->options));
        result.removed = args->remove;
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_whatif(std::cout, result, {context.english()});
        }
    });
}

}  // namespace chainatlas::cli
