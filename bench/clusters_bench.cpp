// Cluster structure on synthetic registries: components and articulation points of the supply
// network (and the geographic places), then the same with Louvain communities, after load.
// Run: <build>/bench/chainatlas_bench --benchmark_filter='Clusters'
// The datasets are the ones of analysis_bench.cpp, generated once under
// $TMPDIR/chainatlas-bench/analysis-<n>/ (seed 1, 2 supplies per enterprise, 50 chains x 40
// segments, 1 county per 333 enterprises) and shared with it.
#include <benchmark/benchmark.h>


#include "chainatlas/analysis/clusters.hpp"
#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "registry.hpp"

namespace {

using namespace chainatlas;

const bench::Registry& loaded_for(std::size_t enterprises) { return bench::registry(enterprises); }

void run(benchmark::State& state, bool communities) {
    const auto& loaded = loaded_for(static_cast<std::size_t>(state.range(0)));
    analysis::ClusterOptions options;
    options.communities = communities;
    analysis::ClusterResult result;
    for (auto _ : state) {
        result = analysis::find_clusters(*loaded.graph, options);
        benchmark::DoNotOptimize(result.network.component_count);
    }
    state.counters["enterprises"] = static_cast<double>(state.range(0));
    state.counters["vertices"] = static_cast<double>(result.network.vertices);
    state.counters["edges"] = static_cast<double>(result.network.edges);
    state.counters["components"] = static_cast<double>(result.network.component_count);
    state.counters["articulation"] = static_cast<double>(result.network.articulation_points.size());
    state.counters["communities"] = static_cast<double>(result.network.communities.size());
    state.counters["modularity"] = result.network.modularity;
}

/// Components, articulation points, places and the segment level, without communities.
void BM_ClustersStructure(benchmark::State& state) { run(state, false); }

/// Everything, Louvain communities of the enterprise network included.
void BM_ClustersCommunities(benchmark::State& state) { run(state, true); }

}  // namespace

BENCHMARK(BM_ClustersStructure)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClustersCommunities)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
