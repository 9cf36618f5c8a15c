#include <algorithm>
#include <map>
#include <set>

#include "chainatlas/error.hpp"
#include "chainatlas/render/diagram.hpp"
#include "diagram_impl.hpp"

namespace chainatlas::render {

namespace {

using namespace detail;

Index find_chain(const model::Dataset& data, const std::string& chain_id) {
    const Index c = data.find(model::Section::chain, chain_id);
    if (c == kNoIndex) throw NotFoundError("unknown chain '" + chain_id + "' (see `chainatlas chains` for the ids)");
    return c;
}

std::string segment_node_id(const model::Segment& s) { return "seg-" + std::string(s.id); }

/// Projects that are filling a segment (signed or building), by id.
std::vector<Index> filling_projects(const model::Dataset& data, Index segment) {
    std::vector<Index> out;
    for (Index p = 0; p < data.projects.size(); ++p) {
        const auto& project = data.projects[p];
        if (project.status != model::ProjectStatus::signed_ && project.status != model::ProjectStatus::building) continue;
        if (std::find(project.segments.begin(), project.segments.end(), segment) != project.segments.end()) out.push_back(p);
    }
    std::sort(out.begin(), out.end(), [&](Index a, Index b) { return data.projects[a].id < data.projects[b].id; });
    return out;
}

Node segment_node(const graph::RegionGraph& graph, Index chain, Index s, SegmentStatus status, model::Tier tier,
                  const DiagramOptions& options) {
    const auto& data = graph.data();
    const auto& w = words(options.english);
    const auto& segment = data.segments[s];
    const auto local = graph.local_enterprises_in(s);
    const std::size_t external = graph.enterprises_in(s).size() - local.size();
    const auto colours = status_colours(status);
    Node node;
    node.id = segment_node_id(segment);
    node.classes = {"segment", "status-" + std::string(to_string(status)), "tier-" + std::string(model::to_string(tier))};
    node.title = name_of(segment, options.english);
    std::string counts = std::string(status_word(status, w)) + std::string(w.separator) + std::string(w.local) + " " +
                         std::to_string(local.size());
    if (external > 0) counts += std::string(w.separator) + std::string(w.external) + " " + std::to_string(external);
    node.rows.push_back({counts, false, false, std::string(colours.border)});
    const auto listed = enterprise_rows(data, chain, local, options.listed_enterprises, options.english);
    node.rows.insert(node.rows.end(), listed.begin(), listed.end());
    constexpr std::size_t kListedProjects = 2;
    const auto projects = filling_projects(data, s);
    for (std::size_t i = 0; i < projects.size() && i < kListedProjects; ++i) {
        const auto& project = data.projects[projects[i]];
        node.rows.push_back({std::string(w.project) + ": " +
                                 std::string(model::display_name(project.name, project.name_en, options.english)),
                             false, true, "#2e86c1"});
    }
    node.fill = std::string(colours.fill);
    node.border = std::string(colours.border);
    node.border_width = status == SegmentStatus::missing ? 2.0 : 1.2;
    node.dashed = status == SegmentStatus::missing;
    node.tooltip = std::string(segment.id);
    return node;
}

/// A segment of another chain joined by a cross link: drawn outside the tier bands, dashed.
Node other_chain_node(const model::Dataset& data, Index s, bool english) {
    const auto& segment = data.segments[s];
    const auto& chain = data.chains[segment.chain];
    Node node;
    node.id = "ext-" + std::string(segment.id);
    node.classes = {"segment", "other-chain", "chain-" + std::string(chain.id)};
    node.title = name_of(chain, english);
    node.rows.push_back({name_of(segment, english), false, false, ""});
    node.fill = "#f4ecf7";
    node.border = std::string(kCrossLinkColour);
    node.dashed = true;
    node.tooltip = std::string(segment.id);
    return node;
}

Cluster tier_cluster(model::Tier tier, const Words& w) {
    Cluster cluster;
    cluster.id = "tier-" + std::string(model::to_string(tier));
    cluster.classes = {"tier", cluster.id};
    cluster.title = std::string(tier_word(tier, w));
    cluster.fill = tier == model::Tier::midstream ? "#f7f7f7" : "#fbfbfb";
    cluster.border = "#bbbbbb";
    return cluster;
}

std::vector<LegendEntry> status_legend(const Words& w, bool english) {
    std::vector<LegendEntry> legend;
    for (const auto status : {SegmentStatus::missing, SegmentStatus::weak, SegmentStatus::filling, SegmentStatus::covered}) {
        const auto colours = status_colours(status);
        std::string text = std::string(status_word(status, w));
        legend.push_back({text, std::string(colours.fill), std::string(colours.border), false, false});
    }
    legend.push_back({std::string(w.link), "", std::string(kLinkColour), true, false});
    legend.push_back({std::string(w.cross_link), "", std::string(kCrossLinkColour), true, true});
    legend.push_back({std::string("★ ") + std::string(w.leader), "#ffffff", "#ffffff", false, false});
    (void)english;
    return legend;
}

void add_chain_links(const model::Dataset& data, Index c, const std::vector<unsigned>& levels, Diagram& diagram) {
    const auto& chain = data.chains[c];
    std::map<Index, unsigned> level_of;
    for (std::size_t i = 0; i < chain.segments.size(); ++i) level_of[chain.segments[i]] = levels[i];
    for (const auto& link : chain.links) {
        Edge edge;
        edge.from = segment_node_id(data.segments[link.from]);
        edge.to = segment_node_id(data.segments[link.to]);
        edge.kind = "link";
        edge.colour = std::string(kLinkColour);
        // A link that goes back to an earlier level closes a cycle (recycling): it must not pull
        // its target to the right.
        if (level_of[link.from] >= level_of[link.to]) {
            edge.kind = "recycle-link";
            edge.dashed = true;
            edge.constraint = false;
            edge.colour = "#999999";
        }
        diagram.edges.push_back(std::move(edge));
    }
}

void add_cross_links(const model::Dataset& data, Index c, bool english, Diagram& diagram) {
    std::set<Index> others;
    for (const auto& link : data.cross_links) {
        const bool from_here = data.segments[link.from].chain == c;
        const bool to_here = data.segments[link.to].chain == c;
        if (from_here == to_here) continue;
        const Index other = from_here ? link.to : link.from;
        others.insert(other);
        Edge edge;
        edge.from = from_here ? segment_node_id(data.segments[link.from]) : "ext-" + std::string(data.segments[link.from].id);
        edge.to = to_here ? segment_node_id(data.segments[link.to]) : "ext-" + std::string(data.segments[link.to].id);
        edge.kind = "cross-link";
        edge.colour = std::string(kCrossLinkColour);
        edge.dashed = true;
        diagram.edges.push_back(std::move(edge));
    }
    std::vector<Index> sorted(others.begin(), others.end());
    std::sort(sorted.begin(), sorted.end(), [&](Index a, Index b) { return data.segments[a].id < data.segments[b].id; });
    for (const Index s : sorted) diagram.nodes.push_back(other_chain_node(data, s, english));
}

}  // namespace

Diagram build_chain_map(const graph::RegionGraph& graph, const std::string& chain_id, const DiagramOptions& options) {
    const auto& data = graph.data();
    const Index c = find_chain(data, chain_id);
    const auto& chain = data.chains[c];
    const auto& w = words(options.english);
    const auto tiers = graph::effective_tiers(data);
    const auto statuses = segment_statuses(graph);
    const auto levels = graph::segment_levels(data, c);
    const auto columns = segment_columns(data, c, tiers);

    Diagram diagram;
    diagram.id = "chain-" + chain_id;
    diagram.kind = "chain";
    diagram.title = std::string(model::display_name(data.region.name, data.region.name_en, options.english)) +
                    std::string(w.separator) + name_of(chain, options.english) + " " + std::string(w.chain_map);
    std::set<model::Tier> tiers_present;
    std::map<SegmentStatus, std::size_t> by_status;
    std::vector<std::size_t> order(chain.segments.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return columns[a] < columns[b]; });
    for (const std::size_t i : order) {
        const Index s = chain.segments[i];
        Node node = segment_node(graph, c, s, statuses[s], tiers[s], options);
        node.cluster = "tier-" + std::string(model::to_string(tiers[s]));
        node.rank = columns[i];
        diagram.nodes.push_back(std::move(node));
        tiers_present.insert(tiers[s]);
        ++by_status[statuses[s]];
    }
    for (const auto tier : {model::Tier::upstream, model::Tier::midstream, model::Tier::downstream, model::Tier::unknown}) {
        if (tiers_present.count(tier) > 0) diagram.clusters.push_back(tier_cluster(tier, w));
    }
    std::string summary = std::to_string(chain.segments.size()) + " " + std::string(w.segments);
    for (const auto status : {SegmentStatus::missing, SegmentStatus::weak, SegmentStatus::filling, SegmentStatus::covered}) {
        summary += std::string(w.separator) + std::string(status_word(status, w)) + " " + std::to_string(by_status[status]);
    }
    diagram.notes.push_back(summary);
    add_chain_links(data, c, levels, diagram);
    add_cross_links(data, c, options.english, diagram);
    aggregate_edges(diagram);
    diagram.legend = status_legend(w, options.english);
    return diagram;
}

namespace {

struct ChainSummary {
    std::map<SegmentStatus, std::size_t> by_status;
    std::set<Index> local;
    double output = 0.0;
};

ChainSummary summarise_chain(const graph::RegionGraph& graph, Index c, const std::vector<SegmentStatus>& statuses) {
    const auto& data = graph.data();
    ChainSummary summary;
    for (const Index s : data.chains[c].segments) {
        ++summary.by_status[statuses[s]];
        for (const Index e : graph.local_enterprises_in(s)) summary.local.insert(e);
    }
    for (const Index e : summary.local) summary.output += data.enterprises[e].output;
    return summary;
}

/// Share of a chain's segments that are covered, in three bands (the fill of its box).
Colours coverage_colours(double share) {
    if (share >= 0.6) return status_colours(SegmentStatus::covered);
    if (share >= 0.3) return status_colours(SegmentStatus::weak);
    return status_colours(SegmentStatus::missing);
}

Node chain_node(const graph::RegionGraph& graph, Index c, const std::vector<SegmentStatus>& statuses,
                const DiagramOptions& options) {
    const auto& data = graph.data();
    const auto& w = words(options.english);
    const auto& chain = data.chains[c];
    const auto summary = summarise_chain(graph, c, statuses);
    // Chain coverage as `gaps` defines it: segments held by at least one local enterprise.
    std::size_t held = 0;
    for (const Index s : chain.segments) held += graph.local_enterprises_in(s).empty() ? 0 : 1;
    const double share = chain.segments.empty() ? 0.0 : static_cast<double>(held) / static_cast<double>(chain.segments.size());
    Node node;
    node.id = "chain-" + std::string(chain.id);
    node.classes = {"chain", share >= 0.6 ? "coverage-high" : share >= 0.3 ? "coverage-medium" : "coverage-low"};
    node.title = name_of(chain, options.english);
    node.rows.push_back({std::to_string(chain.segments.size()) + " " + std::string(w.segments) + std::string(w.separator) +
                             (options.english ? "coverage " : "覆盖率 ") + short_number(share * 100.0, 0) + "%",
                         false, false, ""});
    std::string statuses_text;
    for (const auto status : {SegmentStatus::missing, SegmentStatus::weak, SegmentStatus::filling}) {
        const std::size_t n = summary.by_status.count(status) ? summary.by_status.at(status) : 0;
        if (!statuses_text.empty()) statuses_text += std::string(w.separator);
        statuses_text += std::string(status_word(status, w)) + " " + std::to_string(n);
    }
    node.rows.push_back({statuses_text, false, false, "#7a1f1f"});
    std::string enterprises = std::string(w.local) + " " + std::to_string(summary.local.size()) +
                              (options.english ? " " : "") + std::string(w.enterprises_unit);
    if (summary.output > 0) enterprises += std::string(w.separator) + short_number(summary.output) + " " + std::string(w.output_unit);
    node.rows.push_back({enterprises, false, false, ""});
    std::vector<Index> leaders(chain.leaders.begin(), chain.leaders.end());
    auto rows = enterprise_rows(data, c, leaders, 3, options.english);
    node.rows.insert(node.rows.end(), rows.begin(), rows.end());
    const auto colours = coverage_colours(share);
    node.fill = std::string(colours.fill);
    node.border = std::string(colours.border);
    node.border_width = 1.5;
    node.tooltip = std::string(chain.id);
    return node;
}

}  // namespace

Diagram build_region_overview(const graph::RegionGraph& graph, const DiagramOptions& options) {
    const auto& data = graph.data();
    const auto& w = words(options.english);
    const auto statuses = segment_statuses(graph);
    Diagram diagram;
    diagram.id = "region-" + std::string(data.region.id);
    diagram.kind = "region";
    diagram.title = std::string(model::display_name(data.region.name, data.region.name_en, options.english)) + " " +
                    std::string(w.region_overview);
    for (Index c = 0; c < data.chains.size(); ++c) diagram.nodes.push_back(chain_node(graph, c, statuses, options));
    std::sort(diagram.nodes.begin(), diagram.nodes.end(), [](const Node& a, const Node& b) { return a.id < b.id; });
    for (const auto& link : data.cross_links) {
        const auto& from = data.segments[link.from];
        const auto& to = data.segments[link.to];
        if (from.chain == to.chain) continue;
        Edge edge;
        edge.from = "chain-" + std::string(data.chains[from.chain].id);
        edge.to = "chain-" + std::string(data.chains[to.chain].id);
        edge.kind = "cross-link";
        edge.colour = std::string(kCrossLinkColour);
        edge.details.push_back(name_of(from, options.english) + " → " + name_of(to, options.english));
        diagram.edges.push_back(std::move(edge));
    }
    std::sort(diagram.edges.begin(), diagram.edges.end(),
              [](const Edge& a, const Edge& b) { return std::tie(a.from, a.to) < std::tie(b.from, b.to); });
    aggregate_edges(diagram);
    diagram.notes.push_back(options.english ? std::to_string(data.chains.size()) + " chains · " +
                                                  std::to_string(data.cross_links.size()) + " cross-chain links"
                                            : std::to_string(data.chains.size()) + " 条产业链 · " +
                                                  std::to_string(data.cross_links.size()) + " 条跨链衔接");
    const auto high = status_colours(SegmentStatus::covered);
    const auto medium = status_colours(SegmentStatus::weak);
    const auto low = status_colours(SegmentStatus::missing);
    const std::string covered = options.english ? "coverage" : "覆盖率";
    diagram.legend = {{covered + " ≥ 60%", std::string(high.fill), std::string(high.border), false, false},
                      {covered + " 30–60%", std::string(medium.fill), std::string(medium.border), false, false},
                      {covered + " < 30%", std::string(low.fill), std::string(low.border), false, false},
                      {std::string(w.cross_link), "", std::string(kCrossLinkColour), true, false},
                      {std::string("★ ") + std::string(w.leader), "#ffffff", "#ffffff", false, false}};
    return diagram;
}

}  // namespace chainatlas::render
