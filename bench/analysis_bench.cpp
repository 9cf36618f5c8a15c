// Chain analyses on synthetic registries: `gaps` for all chains and `trace` of one segment,
// measured after load (the dataset and graph are built once per size and kept for the process).
// Run: <build>/bench/chainatlas_bench --benchmark_filter='Gaps|Trace'
// The datasets are generated once under $TMPDIR/chainatlas-bench/analysis-<n>/ (seed 1,
// 2 supplies per enterprise, 50 chains x 40 segments, 1 county per 333 enterprises).
#include <benchmark/benchmark.h>


#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/analysis/trace.hpp"
#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "registry.hpp"

namespace {

using namespace chainatlas;

const bench::Registry& loaded_for(std::size_t enterprises) { return bench::registry(enterprises); }

void BM_GapsAllChains(benchmark::State& state) {
    const auto& loaded = loaded_for(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        const auto result = analysis::find_gaps(*loaded.graph, {});
        benchmark::DoNotOptimize(result.ranking.size());
    }
    state.counters["enterprises"] = static_cast<double>(state.range(0));
}

void BM_TraceOneSegment(benchmark::State& state) {
    const auto& loaded = loaded_for(static_cast<std::size_t>(state.range(0)));
    const auto& data = loaded.loaded.dataset;
    analysis::TraceOptions options;
    options.max_enterprises = 200;  // as the CLI does by default
    // A segment in the middle of the first chain: both directions have work to do.
    const auto& chain = data.chains.front();
    options.id = std::string(data.segments[chain.segments[chain.segments.size() / 2]].id);
    std::size_t listed = 0;
    for (auto _ : state) {
        const auto result = analysis::trace_chain(*loaded.graph, options);
        listed = result.enterprises.size();
        benchmark::DoNotOptimize(listed);
    }
    state.counters["enterprises"] = static_cast<double>(state.range(0));
    state.counters["listed"] = static_cast<double>(listed);
}

}  // namespace

BENCHMARK(BM_GapsAllChains)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TraceOneSegment)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
