#include "chainatlas/analysis/clusters.hpp"

#include "../context.hpp"
#include "chainatlas/report/cluster_writers.hpp"

namespace chainatlas::cli {

void add_clusters_command(CLI::App& app, Context& context) {
    struct Args {
        analysis::ClusterOptions options;
        std::string by = "county";
        bool no_communities = false;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command =
        app.add_subcommand("clusters",
                           "industrial clusters (产业集群): where chains concentrate, components, "
                           "articulation points and "
                           "communities of the supply network and of the segment graph");
    command->add_option("--chain", args->options.chain, "only this chain (an id such as bearing)");
    command->add_option("--by", args->by, "places: county, park or community (supply communities)")
        ->check(CLI::IsMember({"county", "park", "community"}));
    command->add_option("--top", args->options.top_components,
                        "components to list, largest first (0: all)");
    command->add_flag("--no-communities", args->no_communities,
                      "leave out community detection (Leiden), the slow part on a registry: "
                      "places, components and articulation points only");
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] {
        if (args->no_communities && args->by == "community") {
            throw CLI::ValidationError("--by community",
                                       "needs the communities: leave out --no-communities");
        }
        auto options = args->options;
        options.communities = !args->no_communities;
        options.by = args->by == "park"        ? analysis::ClusterBy::park
                     : args->by == "community" ? analysis::ClusterBy::community
                                               : analysis::ClusterBy::county;
        const auto& graph = context.graph();
        util::Progress progress("clusters", analysis::kClusterSteps);
        options.progress = &progress;
        const auto result = analysis::find_clusters(graph, options);
        progress.finish();
        if (args->json) {
            report::write_json(std::cout, context.data(), report::to_json(result));
        } else {
            report::print_clusters(std::cout, result, {context.english()});
        }
    });
}

}  // namespace chainatlas::cli
