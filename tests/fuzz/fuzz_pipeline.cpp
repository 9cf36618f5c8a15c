// libFuzzer target: the whole path a planner's file takes, on arbitrary bytes read as a JSON
// dataset. When it loads: the region graph, the overview, gaps, targets, critical enterprises,
// a trace from every chain's first segment, every chain map as DOT, the cluster diagram and
// the region overview, every writer (tables, JSON, the HTML report without Graphviz layout).
// Besides "no crash, no sanitizer report, no exception": the JSON written parses back, the DOT
// written parses in Graphviz (so no name can break out of a label), and the HTML report holds
// no markup taken from a name.

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "chainatlas/analysis/critical.hpp"
#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/analysis/overview.hpp"
#include "chainatlas/analysis/targets.hpp"
#include "chainatlas/analysis/trace.hpp"
#include "chainatlas/error.hpp"
#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/graph/tiers.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "chainatlas/render/diagram.hpp"
#include "chainatlas/render/dot_writer.hpp"
#include "chainatlas/report/chain_writers.hpp"
#include "chainatlas/report/html_report.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/text_writer.hpp"
#include "fuzz_support.hpp"

namespace {

using namespace chainatlas;

/// Graphviz must read every DOT text the tool writes.
void check_dot(const std::string& dot) {
    Agraph_t* graph = agmemread(dot.c_str());
    CHAINATLAS_FUZZ_CHECK(graph != nullptr);
    agclose(graph);
}

/// Every JSON document the tool writes parses back (names are escaped, text stays UTF-8).
void check_json(const model::Dataset& data, const report::Json& body) {
    std::ostringstream out;
    report::write_json(out, data, body);
    CHAINATLAS_FUZZ_CHECK(nlohmann::json::accept(out.str()));
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

void run_chain_analyses(const graph::RegionGraph& graph, const model::Chain& chain, bool english) {
    const model::Dataset& data = graph.data();
    const std::string chain_id(chain.id);
    const report::TextOptions text{english};
    std::ostringstream table;

    analysis::GapOptions gap_options;
    gap_options.chain = chain_id;
    const auto gaps = analysis::find_gaps(graph, gap_options);
    report::print_gaps(table, gaps, text);
    check_json(data, report::to_json(gaps));

    analysis::TraceOptions trace_options;
    trace_options.id = std::string(data.segments[chain.segments.front()].id);
    const auto trace = analysis::trace_chain(graph, trace_options);
    report::print_trace(table, trace, text);
    check_json(data, report::to_json(trace));

    render::DiagramOptions diagram_options;
    diagram_options.english = english;
    check_dot(render::to_dot(render::build_chain_map(graph, chain_id, diagram_options), {}));
    check_dot(render::to_dot(
        render::build_cluster_diagram(graph, chain_id, render::ClusterBy::county, diagram_options), {}));
}

void run_pipeline(const model::Dataset& data, bool english) {
    const graph::RegionGraph graph(data);
    const report::TextOptions text{english};
    std::ostringstream table;

    const auto stats = analysis::compute_stats(graph);
    report::print_stats(table, data, stats, text);
    check_json(data, report::to_json(stats));
    const auto chains = analysis::list_chains(graph);
    report::print_chains(table, chains, text);
    check_json(data, report::to_json(chains));
    (void)graph::effective_tiers(data);

    const auto gaps = analysis::find_gaps(graph, {});
    check_json(data, report::to_json(gaps));
    const auto targets = analysis::find_targets(graph, {});
    report::print_targets(table, targets, text);
    check_json(data, report::to_json(targets));
    const auto critical = analysis::find_critical(graph, {});
    report::print_critical(table, critical, text);
    check_json(data, report::to_json(critical));

    // At most a few chains: the fuzzer's datasets are small, but one may hold many tiny chains.
    for (std::size_t c = 0; c < data.chains.size() && c < 4; ++c) {
        (void)graph::segment_levels(data, static_cast<model::Index>(c));
        run_chain_analyses(graph, data.chains[c], english);
    }
    render::DiagramOptions diagram_options;
    diagram_options.english = english;
    check_dot(render::to_dot(render::build_region_overview(graph, diagram_options), {}));

    report::ReportOptions report_options;
    report_options.english = english;
    report_options.diagrams = false;
    std::ostringstream html;
    report::write_html_report(html, report::assemble_report(graph, report_options), report_options);
    const std::string page = lower(html.str());
    CHAINATLAS_FUZZ_CHECK(page.find("<script") == std::string::npos);
    CHAINATLAS_FUZZ_CHECK(page.find("<img") == std::string::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    try {
        const auto loaded = io::load_dataset_from_json(text, "fuzz.json");
        fuzz::check_dataset(loaded.dataset);
        // Names in English where the data has them on odd sizes: both label paths get inputs.
        run_pipeline(loaded.dataset, size % 2 == 1);
    } catch (const io::DatasetError& error) {
        fuzz::check_refusal(error);
    }
    return 0;
}
