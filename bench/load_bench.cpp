// Load + validate + graph build of synthetic registries, in both forms of chainatlas/1.
// Run: build/bench/chainatlas_bench --benchmark_filter=Load
// The datasets are generated once per process under $TMPDIR/chainatlas-bench/ (deterministic,
// seed 1, 2 supplies per enterprise, 50 chains x 40 segments, 1 county per 333 enterprises).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "chainatlas/io/synthetic.hpp"
#include "chainatlas/io/write_file.hpp"

namespace {

namespace fs = std::filesystem;
using namespace chainatlas;

io::SynthOptions options_for(std::size_t enterprises) {
    io::SynthOptions options;
    options.enterprises = enterprises;
    options.supplies = 2 * enterprises;
    options.counties = std::clamp<std::size_t>(enterprises / 333, 10, 3000);
    options.projects = enterprises / 100;
    return options;
}

/// The path of a synthetic dataset of `enterprises` in `form`, written on first use.
fs::path dataset_path(std::size_t enterprises, bool csv) {
    const fs::path root = fs::temp_directory_path() / "chainatlas-bench";
    const fs::path path = root / ((csv ? "csv-" : "json-") + std::to_string(enterprises) + (csv ? "" : ".json"));
    if (!fs::exists(path)) {
        fs::create_directories(root);
        if (csv) {
            io::write_synthetic_folder(path, options_for(enterprises));
        } else {
            io::write_file_atomically(path, [&](std::ostream& out) { io::write_synthetic_json(out, options_for(enterprises)); });
        }
    }
    return path;
}

void load_and_build(benchmark::State& state, bool csv) {
    const auto enterprises = static_cast<std::size_t>(state.range(0));
    const fs::path path = dataset_path(enterprises, csv);
    for (auto _ : state) {
        const auto loaded = io::load_dataset(path);
        const graph::RegionGraph graph(loaded.dataset);
        benchmark::DoNotOptimize(graph.edge_count());
    }
    state.counters["enterprises"] = static_cast<double>(enterprises);
    state.counters["enterprises_per_s"] =
        benchmark::Counter(static_cast<double>(enterprises), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_LoadCsvFolder(benchmark::State& state) { load_and_build(state, true); }
void BM_LoadJsonFile(benchmark::State& state) { load_and_build(state, false); }

BENCHMARK(BM_LoadCsvFolder)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_LoadJsonFile)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
