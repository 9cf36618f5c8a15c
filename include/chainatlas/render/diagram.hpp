#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/graph/region_graph.hpp"

/// Diagrams of a region as plain data: what to draw (nodes, clusters, edges, legend), not how
/// Graphviz draws it. Builders turn the dataset and analysis results into a `Diagram`; the DOT
/// writer (dot_writer.hpp) turns a `Diagram` into DOT text; graphviz_render.hpp lays it out.
/// Text in a diagram is raw UTF-8 (names as in the data); the writer escapes it.
namespace chainatlas::render {

/// Status of a segment in a region (the colours of a chain map).
enum class SegmentStatus : std::uint8_t {
    missing,  ///< no local enterprise (缺失)
    weak,     ///< exactly one local enterprise (薄弱)
    filling,  ///< missing or weak, but a signed or building project targets it (在补链)
    covered,  ///< two or more local enterprises (已覆盖)
};
std::string_view to_string(SegmentStatus status);

/// One line of a node's label. `bold` for chain leaders (链主) and headings.
struct LabelRow {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string colour;  ///< font colour, `#rrggbb`; empty for the default
};

/// A box drawn for a segment, an enterprise, a county or a chain. `id` is ASCII and unique in the
/// diagram (it becomes the DOT node name and the SVG element id).
struct Node {
    std::string id;
    std::vector<std::string> classes;  ///< SVG classes, e.g. `segment`, `status-missing`
    std::string title;                 ///< first line, bold
    std::vector<LabelRow> rows;        ///< further lines under the title
    std::string fill = "#ffffff";
    std::string border = "#555555";
    double border_width = 1.0;
    bool dashed = false;
    std::string cluster;             ///< id of the cluster holding it; empty at the top level
    std::optional<unsigned> rank;    ///< nodes with the same rank share a column (left to right)
    std::string tooltip;
};

/// A box around nodes (a county, a park, a tier). Clusters are one level deep.
struct Cluster {
    std::string id;
    std::vector<std::string> classes;
    std::string title;
    std::string fill = "#fafafa";
    std::string border = "#999999";
    std::string tooltip;
};

/// A relation drawn as an arrow from `from` to `to` (node ids). Parallel edges of the same kind
/// are merged by `aggregate_edges`: `count` says how many relations one arrow stands for.
struct Edge {
    std::string from, to;
    std::string kind;  ///< becomes the SVG class: `link`, `cross-link`, `supply`, `flow`
    std::size_t count = 1;
    std::string colour = "#555555";
    bool dashed = false;
    bool constraint = true;        ///< false: the edge does not push nodes into columns
    std::string tail_cluster;      ///< clip the arrow at this cluster's border (compound edge)
    std::string head_cluster;
    std::vector<std::string> details;  ///< what the arrow stands for; shown as label and tooltip
};

/// One entry of the legend: a colour swatch (a node style) or a line (an edge style).
struct LegendEntry {
    std::string text;
    std::string fill;    ///< for a swatch
    std::string border;  ///< swatch border, or the line colour
    bool line = false;
    bool dashed = false;
};

/// A whole diagram. Builders fill the vectors in a sorted order, so the same data gives the
/// same DOT bytes.
struct Diagram {
    std::string id;     ///< ASCII, also the SVG id of the graph
    std::string kind;   ///< `chain`, `cluster`, `county`, `region`
    std::string title;
    std::vector<std::string> notes;  ///< lines under the title (what is aggregated, counts)
    std::vector<Cluster> clusters;   ///< in drawing order
    std::vector<Node> nodes;         ///< in drawing order
    std::vector<Edge> edges;         ///< in drawing order
    std::vector<LegendEntry> legend;
    bool aggregated = false;         ///< enterprises were collapsed into counts
    std::string aggregation;         ///< how: empty, `segments` or `clusters`
};

/// Merges edges with the same ends and kind into one, adding up their `count` and keeping
/// their distinct `details` (sorted); the merged edges keep the position of the first one.
void aggregate_edges(Diagram& diagram);

/// Options shared by the diagram builders.
struct DiagramOptions {
    bool english = false;          ///< names from `name_en` where the data has one
    std::size_t listed_enterprises = 6;  ///< enterprises named in a segment box, then "+N more"
    /// Above this many enterprises a cluster diagram or county map draws one box per segment
    /// (per cluster) carrying counts instead of one box per enterprise.
    std::size_t max_enterprise_nodes = 250;
    /// Above this many segment boxes a cluster diagram draws one box per cluster.
    std::size_t max_segment_nodes = 300;
};

/// How the enterprises of a cluster diagram are grouped.
enum class ClusterBy : std::uint8_t { county, park, community };

/// Status of every segment of the dataset (indexed like `Dataset::segments`) for the whole
/// region, as the gaps analysis (analysis::find_gaps) finds it: missing = no local enterprise,
/// weak = exactly one, filling = missing or weak with a signed or building project in it,
/// covered otherwise.
std::vector<SegmentStatus> segment_statuses(const graph::RegionGraph& graph);

/// The chain map (产业链图谱) of `chain_id`: its segments from upstream to downstream in tier
/// bands, one column per level, each listing its local enterprises (chain leaders first, marked
/// ★), coloured by status, with the segments of other chains linked by cross links. Throws
/// NotFoundError for an unknown chain.
Diagram build_chain_map(const graph::RegionGraph& graph, const std::string& chain_id,
                        const DiagramOptions& options);

/// The cluster diagram of `chain_id`: its local enterprises grouped by county or park, in
/// columns from upstream to downstream, with known supplies between them and, between
/// clusters, arrows standing for the chain links that connect them. Aggregated into segment
/// counts above `max_enterprise_nodes`. `community` groups are given by `communities` (one
/// label per enterprise of the dataset, empty for none); the other groupings ignore it.
/// Throws NotFoundError for an unknown chain.
Diagram build_cluster_diagram(const graph::RegionGraph& graph, const std::string& chain_id,
                              ClusterBy by, const DiagramOptions& options,
                              const std::vector<std::string>& communities = {});

/// One county's chains: a box per chain holding the segments the county's enterprises work
/// in, each listing them, with the links between those segments. Throws NotFoundError.
Diagram build_county_map(const graph::RegionGraph& graph, const std::string& county_id,
                         const DiagramOptions& options);

/// The region on one page: one box per chain (segments by status, enterprises, leaders) and
/// the cross links between chains, merged per pair of chains.
Diagram build_region_overview(const graph::RegionGraph& graph, const DiagramOptions& options);

/// A diagram of the gallery and the file name it is kept under (without suffix).
struct GalleryItem {
    std::string stem;
    Diagram diagram;
};

/// The gallery of `graphs/`: every chain map (`chain-<id>`), the cluster diagram of every
/// chain by county (`cluster-<id>-county`) and the region overview (`region`), in that order.
std::vector<GalleryItem> build_gallery(const graph::RegionGraph& graph, const DiagramOptions& options);

}  // namespace chainatlas::render
