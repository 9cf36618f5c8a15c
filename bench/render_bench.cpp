// Cluster diagram of 4,000 enterprises in 50 clusters (counties), one chain, rendered to SVG.
// Target (issue 6): under 10 s. Above DiagramOptions::max_enterprise_nodes the diagram is
// aggregated, which is what keeps `dot` fast (docs/RENDERING.md).

#include <benchmark/benchmark.h>

#include <sstream>

#include "chainatlas/io/load_dataset.hpp"
#include "chainatlas/io/synthetic.hpp"
#include "chainatlas/render/diagram.hpp"
#include "chainatlas/render/dot_writer.hpp"
#include "chainatlas/render/graphviz_render.hpp"

namespace {

using namespace chainatlas;

const model::Dataset& bench_dataset() {
    static const model::Dataset data = [] {
        io::SynthOptions options;
        options.enterprises = 4000;
        options.supplies = 8000;
        options.chains = 1;
        options.segments_per_chain = 12;
        options.counties = 50;
        options.projects = 20;
        options.external_share = 0.0;
        std::ostringstream json;
        io::write_synthetic_json(json, options);
        return io::load_dataset_from_json(json.str(), "synthetic").dataset;
    }();
    return data;
}

void BM_ClusterDiagram4000To50ClustersSvg(benchmark::State& state) {
    const auto& data = bench_dataset();
    const graph::RegionGraph graph(data);
    const std::string chain(data.chains.front().id);
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto diagram = render::build_cluster_diagram(graph, chain, render::ClusterBy::county, {});
        const std::string svg = render::render_dot(render::to_dot(diagram, {}), render::Format::svg);
        bytes = svg.size();
        benchmark::DoNotOptimize(svg.data());
    }
    state.counters["svg_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ClusterDiagram4000To50ClustersSvg)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
