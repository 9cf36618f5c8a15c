// `critical` on synthetic registries, after load: weak segments, removal impacts (sole suppliers)
// and the articulation points of the whole supply network; then the articulation points alone,
// and the per-chain form the HTML report uses (all 50 chains, no articulation points).
// Run: <build>/bench/chainatlas_bench --benchmark_filter='Critical'
// The datasets are the ones of analysis_bench.cpp, generated once under
// $TMPDIR/chainatlas-bench/analysis-<n>/ (seed 1, 2 supplies per enterprise, 50 chains x 40
// segments, 1 county per 333 enterprises) and shared with it.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "chainatlas/analysis/critical.hpp"
#include "registry.hpp"

namespace {

using namespace chainatlas;

/// Everything the `critical` command computes, as the CLI asks for it (top 20).
void BM_CriticalAll(benchmark::State& state) {
    const auto& loaded = bench::registry(static_cast<std::size_t>(state.range(0)));
    analysis::CriticalResult result;
    for (auto _ : state) {
        result = analysis::find_critical(*loaded.graph, {});
        benchmark::DoNotOptimize(result.removals.size());
    }
    state.counters["enterprises"] = static_cast<double>(state.range(0));
    state.counters["weak"] = static_cast<double>(result.weak_segments.size());
    state.counters["articulation"] = static_cast<double>(result.articulation_points.size());
}

/// The articulation points of the whole supply network alone.
void BM_CriticalArticulationPoints(benchmark::State& state) {
    const auto& loaded = bench::registry(static_cast<std::size_t>(state.range(0)));
    std::size_t points = 0;
    for (auto _ : state) {
        points = analysis::find_articulation_points(*loaded.graph).size();
        benchmark::DoNotOptimize(points);
    }
    state.counters["articulation"] = static_cast<double>(points);
}

/// Every chain's weak segments and top-10 removals, as the report asks for them.
void BM_CriticalPerChain(benchmark::State& state) {
    const auto& loaded = bench::registry(static_cast<std::size_t>(state.range(0)));
    std::vector<std::string> chains;
    for (const auto& chain : loaded.loaded.dataset.chains) chains.emplace_back(chain.id);
    for (auto _ : state) {
        const auto results =
            analysis::find_critical_per_chain(*loaded.graph, {"", "", "", 10}, chains);
        benchmark::DoNotOptimize(results.size());
    }
    state.counters["chains"] = static_cast<double>(chains.size());
}

}  // namespace

BENCHMARK(BM_CriticalAll)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CriticalArticulationPoints)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CriticalPerChain)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
