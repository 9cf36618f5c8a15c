#include "chainatlas/render/diagram.hpp"
#include "chainatlas/render/dot_writer.hpp"
#include "chainatlas/render/graphviz_render.hpp"
#include "html_report_impl.hpp"

namespace chainatlas::report {

/// Both diagrams show the whole region (the renderer's statuses), whatever the county filter:
/// the chain map is the chain offices' map of the region.
void draw_chain_diagrams(const graph::RegionGraph& graph, const std::string& chain_id,
                         const ReportOptions& options, ChainReport& report) {
    render::DiagramOptions diagram_options;
    diagram_options.english = options.english;
    const render::DotOptions dot{render::choose_font("")};
    const auto svg_of = [&](const render::Diagram& diagram) {
        return inline_svg(render::render_dot(render::to_dot(diagram, dot), render::Format::svg));
    };
    report.chain_map_svg = svg_of(render::build_chain_map(graph, chain_id, diagram_options));
    report.cluster_svg = svg_of(
        render::build_cluster_diagram(graph, chain_id, render::ClusterBy::county, diagram_options));
}

}  // namespace chainatlas::report
