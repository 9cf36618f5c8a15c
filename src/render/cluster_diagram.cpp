#include <algorithm>
#include <map>
#include <set>

#include "chainatlas/error.hpp"
#include "chainatlas/render/diagram.hpp"
#include "diagram_impl.hpp"

namespace chainatlas::render {

namespace {

using namespace detail;

/// Above this many pairs of clusters joined by chain links, the arrows between clusters would
/// hide the diagram: they are left out and the notes say so.
constexpr std::size_t kMaxFlowPairs = 60;
/// At most this many supply arrows between boxes once enterprises are summed into boxes: the
/// strongest flows (most supplies) are drawn and the rest are counted in a note. Fifty counties
/// trading with one another make ~2,500 pairs, which `dot` lays out in minutes and nobody can
/// read; the strongest 60 show where the chain's trade runs.
constexpr std::size_t kMaxSupplyArrows = 60;

/// A group of enterprises drawn as one cluster.
struct Group {
    std::string id;     ///< cluster id (ASCII)
    std::string title;
    std::vector<Index> members;  ///< enterprises, by id
    double output = 0.0;
};

/// The enterprises of a chain and where they stand in it.
struct ChainMembers {
    Index chain = kNoIndex;
    std::vector<Index> enterprises;                ///< local, working in the chain, by id
    std::map<Index, std::vector<Index>> segments;  ///< enterprise -> its segments in the chain
    std::map<Index, unsigned> column;              ///< segment -> column
    std::map<Index, Index> primary;                ///< enterprise -> its most upstream segment
    std::map<Index, std::size_t> group_of;         ///< enterprise -> index in the groups
};

ChainMembers collect_members(const graph::RegionGraph& graph, Index c) {
    const auto& data = graph.data();
    ChainMembers m;
    m.chain = c;
    const auto tiers = graph::effective_tiers(data);
    const auto columns = segment_columns(data, c, tiers);
    const auto& segments = data.chains[c].segments;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        m.column[segments[i]] = columns[i];
        for (const Index e : graph.local_enterprises_in(segments[i])) m.segments[e].push_back(segments[i]);
    }
    for (auto& [e, list] : m.segments) {
        std::sort(list.begin(), list.end(), [&](Index a, Index b) {
            return std::make_pair(m.column[a], data.segments[a].id) < std::make_pair(m.column[b], data.segments[b].id);
        });
        m.primary[e] = list.front();
        m.enterprises.push_back(e);
    }
    std::sort(m.enterprises.begin(), m.enterprises.end(),
              [&](Index a, Index b) { return data.enterprises[a].id < data.enterprises[b].id; });
    return m;
}

/// Groups in the planners' order: counties and parks as the dataset lists them, communities by
/// label; enterprises outside any park (or community) last.
std::vector<Group> group_members(const model::Dataset& data, ChainMembers& m, ClusterBy by,
                                 const std::vector<std::string>& communities, bool english) {
    const auto& w = words(english);
    std::map<std::pair<std::size_t, std::string>, Group> groups;
    for (const Index e : m.enterprises) {
        const auto& enterprise = data.enterprises[e];
        std::pair<std::size_t, std::string> key;
        Group group;
        if (by == ClusterBy::county || (by == ClusterBy::park && enterprise.park == kNoIndex)) {
            const auto& county = data.counties[enterprise.county];
            const bool outside = by == ClusterBy::park;
            key = {enterprise.county + (outside ? data.parks.size() : 0), std::string(county.id)};
            group.id = (outside ? "no-park-" : "county-") + std::string(county.id);
            group.title = name_of(county, english) + (outside ? "（" + std::string(w.no_park) + "）" : "");
        } else if (by == ClusterBy::park) {
            const auto& park = data.parks[enterprise.park];
            key = {enterprise.park, std::string(park.id)};
            group.id = "park-" + std::string(park.id);
            group.title = name_of(park, english);
        } else {
            // Labels are community numbers ("1", "2", ... largest first): sorted as numbers.
            const std::string label = e < communities.size() ? communities[e] : std::string();
            const bool numeric = !label.empty() && label.size() < 10 &&
                                 std::all_of(label.begin(), label.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
            key = {label.empty() ? SIZE_MAX : numeric ? std::stoul(label) : 0, label};
            group.id = label.empty() ? "no-community" : "community-" + label;
            group.title = label.empty() ? std::string(w.no_community)
                                        : (english ? "community " : "社区 ") + label;
        }
        auto [it, inserted] = groups.emplace(key, std::move(group));
        it->second.members.push_back(e);
        it->second.output += enterprise.output;
    }
    std::vector<Group> out;
    for (auto& [key, group] : groups) {
        for (const Index e : group.members) m.group_of[e] = out.size();
        out.push_back(std::move(group));
    }
    return out;
}

std::string count_text(std::size_t n, const Words& w, bool english) {
    return std::to_string(n) + (english ? " " : " ") + std::string(w.enterprises_unit);
}

Cluster group_cluster(const Group& group, const Words& w, bool english, std::string_view kind) {
    Cluster cluster;
    cluster.id = group.id;
    cluster.classes = {"group", std::string(kind)};
    cluster.title = group.title + std::string(w.separator) + count_text(group.members.size(), w, english);
    if (group.output > 0) {
        cluster.title += std::string(w.separator) + short_number(group.output) + " " + std::string(w.output_unit);
    }
    cluster.fill = "#fafafa";
    cluster.border = "#8c8c8c";
    return cluster;
}

Node enterprise_node(const model::Dataset& data, const ChainMembers& m, Index e, const std::vector<model::Tier>& tiers,
                     const std::string& cluster, bool english) {
    const auto& w = words(english);
    const auto& enterprise = data.enterprises[e];
    const bool leader = is_leader(data, m.chain, e);
    const model::Tier tier = tiers[m.primary.at(e)];
    const auto colours = tier_colours(tier);
    Node node;
    node.id = "ent-" + std::string(enterprise.id);
    node.classes = {"enterprise", "tier-" + std::string(model::to_string(tier))};
    if (leader) node.classes.push_back("leader");
    node.title = (leader ? "★ " : "") + name_of(enterprise, english);
    std::string segments;
    for (const Index s : m.segments.at(e)) {
        if (!segments.empty()) segments += std::string(w.list_separator);
        segments += name_of(data.segments[s], english);
    }
    node.rows.push_back({segments, false, false, "#333333"});
    std::string tags;
    for (const auto tag : model::kAllTags) {
        if (tag == model::Tag::chain_leader || !enterprise.has(tag)) continue;
        if (!tags.empty()) tags += std::string(w.list_separator);
        tags += std::string(tag_word(tag, english));
    }
    if (enterprise.output > 0) {
        if (!tags.empty()) tags += std::string(w.separator);
        tags += short_number(enterprise.output) + " " + std::string(w.output_unit);
    }
    if (!tags.empty()) node.rows.push_back({tags, false, true, "#555555"});
    node.fill = std::string(colours.fill);
    node.border = leader ? std::string(kLeaderBorder) : std::string(colours.border);
    node.border_width = leader ? 2.5 : 1.0;
    node.cluster = cluster;
    node.rank = m.column.at(m.primary.at(e));
    node.tooltip = std::string(enterprise.id);
    return node;
}

/// How enterprises are drawn: one box each, one box per segment per group, one box per group.
enum class Detail : std::uint8_t { enterprises, segments, groups };

std::string segment_node_id(const Group& group, const model::Segment& s) { return "agg-" + group.id + "-" + std::string(s.id); }

void add_enterprise_nodes(const model::Dataset& data, const ChainMembers& m, const std::vector<Group>& groups,
                          bool english, Diagram& diagram) {
    const auto tiers = graph::effective_tiers(data);
    for (const auto& group : groups) {
        for (const Index e : group.members) diagram.nodes.push_back(enterprise_node(data, m, e, tiers, group.id, english));
    }
}

void add_segment_nodes(const model::Dataset& data, const ChainMembers& m, const std::vector<Group>& groups,
                       bool english, Diagram& diagram) {
    const auto& w = words(english);
    const auto tiers = graph::effective_tiers(data);
    for (const auto& group : groups) {
        std::map<std::pair<unsigned, std::string_view>, std::pair<Index, std::size_t>> counts;
        std::map<Index, std::size_t> leaders;
        for (const Index e : group.members) {
            for (const Index s : m.segments.at(e)) {
                auto& entry = counts[{m.column.at(s), data.segments[s].id}];
                entry.first = s;
                ++entry.second;
                if (is_leader(data, m.chain, e)) ++leaders[s];
            }
        }
        for (const auto& [key, entry] : counts) {
            const auto [s, n] = entry;
            const auto colours = tier_colours(tiers[s]);
            Node node;
            node.id = segment_node_id(group, data.segments[s]);
            node.classes = {"segment", "aggregate", "tier-" + std::string(model::to_string(tiers[s]))};
            node.title = name_of(data.segments[s], english);
            node.rows.push_back({count_text(n, w, english), false, false, ""});
            if (leaders[s] > 0) node.rows.push_back({"★ " + std::string(w.leader) + " " + std::to_string(leaders[s]), true, false, ""});
            node.fill = std::string(colours.fill);
            node.border = leaders[s] > 0 ? std::string(kLeaderBorder) : std::string(colours.border);
            node.cluster = group.id;
            node.rank = key.first;
            node.tooltip = std::string(data.segments[s].id);
            diagram.nodes.push_back(std::move(node));
        }
    }
}

void add_group_nodes(const model::Dataset& data, const ChainMembers& m, const std::vector<Group>& groups,
                     std::size_t listed, bool english, Diagram& diagram) {
    const auto& w = words(english);
    for (const auto& group : groups) {
        std::map<Index, std::size_t> counts;
        for (const Index e : group.members) {
            for (const Index s : m.segments.at(e)) ++counts[s];
        }
        std::vector<std::pair<std::size_t, Index>> ranked;
        for (const auto& [s, n] : counts) ranked.push_back({n, s});
        std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : data.segments[a.second].id < data.segments[b.second].id;
        });
        Node node;
        node.id = "agg-" + group.id;
        node.classes = {"group", "aggregate"};
        node.title = group.title + std::string(w.separator) + count_text(group.members.size(), w, english);
        for (std::size_t i = 0; i < ranked.size() && i < listed; ++i) {
            node.rows.push_back({name_of(data.segments[ranked[i].second], english) + " " + std::to_string(ranked[i].first), false, false, ""});
        }
        if (ranked.size() > listed) {
            node.rows.push_back({"+" + std::to_string(ranked.size() - listed) + " " + std::string(w.segments), false, true, "#555555"});
        }
        node.fill = "#f2f2f2";
        node.border = "#666666";
        node.tooltip = group.id;
        diagram.nodes.push_back(std::move(node));
    }
}

/// The node standing for enterprise `e` at the chosen detail.
std::string node_of(const model::Dataset& data, const ChainMembers& m, const std::vector<Group>& groups, Detail detail, Index e) {
    const Group& group = groups[m.group_of.at(e)];
    switch (detail) {
        case Detail::enterprises: return "ent-" + std::string(data.enterprises[e].id);
        case Detail::segments: return segment_node_id(group, data.segments[m.primary.at(e)]);
        case Detail::groups: return "agg-" + group.id;
    }
    return "";
}

void add_supplies(const model::Dataset& data, const ChainMembers& m, const std::vector<Group>& groups, Detail detail,
                  Diagram& diagram) {
    std::vector<Index> supplies;
    for (Index i = 0; i < data.supplies.size(); ++i) {
        const auto& supply = data.supplies[i];
        if (m.group_of.count(supply.from) > 0 && m.group_of.count(supply.to) > 0) supplies.push_back(i);
    }
    std::sort(supplies.begin(), supplies.end(), [&](Index a, Index b) {
        const auto& sa = data.supplies[a];
        const auto& sb = data.supplies[b];
        return std::tie(data.enterprises[sa.from].id, data.enterprises[sa.to].id, a) <
               std::tie(data.enterprises[sb.from].id, data.enterprises[sb.to].id, b);
    });
    for (const Index i : supplies) {
        const auto& supply = data.supplies[i];
        Edge edge;
        edge.from = node_of(data, m, groups, detail, supply.from);
        edge.to = node_of(data, m, groups, detail, supply.to);
        if (edge.from == edge.to) continue;  // within one box once aggregated
        const bool across = m.group_of.at(supply.from) != m.group_of.at(supply.to);
        edge.kind = "supply";
        edge.colour = across ? std::string(kSupplyColour) : std::string(kLinkColour);
        diagram.edges.push_back(std::move(edge));
    }
}

struct SupplyCut {
    std::size_t kept_arrows = 0, dropped_arrows = 0;
    std::size_t kept_supplies = 0, dropped_supplies = 0;
};

/// Keeps the kMaxSupplyArrows supply arrows with the most supplies (ties: the order they are
/// in, which is sorted by ids), in their original order.
SupplyCut keep_strongest_supplies(Diagram& diagram) {
    std::vector<std::size_t> supply;
    for (std::size_t i = 0; i < diagram.edges.size(); ++i) {
        if (diagram.edges[i].kind == "supply") supply.push_back(i);
    }
    SupplyCut cut;
    if (supply.size() <= kMaxSupplyArrows) return cut;
    std::stable_sort(supply.begin(), supply.end(), [&](std::size_t a, std::size_t b) {
        return diagram.edges[a].count > diagram.edges[b].count;
    });
    std::vector<bool> drop(diagram.edges.size(), false);
    for (std::size_t k = 0; k < supply.size(); ++k) {
        const std::size_t count = diagram.edges[supply[k]].count;
        if (k < kMaxSupplyArrows) {
            ++cut.kept_arrows;
            cut.kept_supplies += count;
        } else {
            drop[supply[k]] = true;
            ++cut.dropped_arrows;
            cut.dropped_supplies += count;
        }
    }
    std::vector<Edge> kept;
    for (std::size_t i = 0; i < diagram.edges.size(); ++i) {
        if (!drop[i]) kept.push_back(std::move(diagram.edges[i]));
    }
    diagram.edges = std::move(kept);
    return cut;
}

/// Arrows between groups standing for the chain links that join them: a link X → Y joins group
/// A to group B when A holds X and B holds Y. One arrow per pair of groups, its label naming the
/// links. Returns the number of pairs (the arrows are left out above kMaxFlowPairs).
std::size_t add_flows(const model::Dataset& data, const ChainMembers& m, const std::vector<Group>& groups, Detail detail,
                      bool english, Diagram& diagram) {
    std::vector<std::set<Index>> held(groups.size());
    for (const auto& [e, segments] : m.segments) held[m.group_of.at(e)].insert(segments.begin(), segments.end());
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::string>> pairs;
    for (const auto& link : data.chains[m.chain].links) {
        for (std::size_t a = 0; a < groups.size(); ++a) {
            if (held[a].count(link.from) == 0) continue;
            for (std::size_t b = 0; b < groups.size(); ++b) {
                if (a == b || held[b].count(link.to) == 0) continue;
                pairs[{a, b}].push_back(name_of(data.segments[link.from], english) + " → " +
                                        name_of(data.segments[link.to], english));
            }
        }
    }
    if (pairs.size() > kMaxFlowPairs) return pairs.size();
    for (auto& [pair, details] : pairs) {
        Edge edge;
        edge.from = node_of(data, m, groups, detail, groups[pair.first].members.front());
        edge.to = node_of(data, m, groups, detail, groups[pair.second].members.front());
        edge.kind = "flow";
        edge.colour = std::string(kFlowColour);
        edge.dashed = true;
        edge.constraint = false;
        if (detail != Detail::groups) {
            edge.tail_cluster = groups[pair.first].id;
            edge.head_cluster = groups[pair.second].id;
        }
        edge.count = details.size();
        edge.details = std::move(details);
        diagram.edges.push_back(std::move(edge));
    }
    return pairs.size();
}

std::vector<LegendEntry> tier_legend(const Words& w) {
    std::vector<LegendEntry> legend;
    for (const auto tier : {model::Tier::upstream, model::Tier::midstream, model::Tier::downstream}) {
        const auto colours = tier_colours(tier);
        legend.push_back({std::string(tier_word(tier, w)), std::string(colours.fill), std::string(colours.border), false, false});
    }
    legend.push_back({"★ " + std::string(w.leader), "#ffffff", std::string(kLeaderBorder), false, false});
    return legend;
}

Detail choose_detail(const ChainMembers& m, const DiagramOptions& options) {
    if (m.enterprises.size() <= options.max_enterprise_nodes) return Detail::enterprises;
    std::set<std::pair<std::size_t, Index>> boxes;
    for (const auto& [e, segments] : m.segments) {
        for (const Index s : segments) boxes.insert({m.group_of.at(e), s});
    }
    return boxes.size() <= options.max_segment_nodes ? Detail::segments : Detail::groups;
}

std::string aggregation_note(Detail detail, std::size_t enterprises, const DiagramOptions& options) {
    const std::string n = std::to_string(enterprises);
    const std::string limit = std::to_string(options.max_enterprise_nodes);
    if (detail == Detail::segments) {
        return options.english ? n + " enterprises (over " + limit + "): counted per segment in each cluster"
                               : "企业 " + n + " 家（超过 " + limit + " 家）：各集群按环节汇总为企业数";
    }
    return options.english ? n + " enterprises (over " + limit + "): counted per cluster"
                           : "企业 " + n + " 家（超过 " + limit + " 家）：按集群汇总为企业数";
}

std::string_view by_word(ClusterBy by, const Words& w) {
    switch (by) {
        case ClusterBy::county: return w.by_county;
        case ClusterBy::park: return w.by_park;
        case ClusterBy::community: return w.by_community;
    }
    return w.by_county;
}

}  // namespace

Diagram build_cluster_diagram(const graph::RegionGraph& graph, const std::string& chain_id, ClusterBy by,
                              const DiagramOptions& options, const std::vector<std::string>& communities) {
    const auto& data = graph.data();
    const Index c = data.find(model::Section::chain, chain_id);
    if (c == kNoIndex) throw NotFoundError("unknown chain '" + chain_id + "' (see `chainatlas chains` for the ids)");
    const auto& w = words(options.english);
    ChainMembers m = collect_members(graph, c);
    const auto groups = group_members(data, m, by, communities, options.english);
    const Detail detail = choose_detail(m, options);
    static constexpr std::string_view kBy[] = {"county", "park", "community"};

    Diagram diagram;
    diagram.id = "cluster-" + chain_id + "-" + std::string(kBy[static_cast<int>(by)]);
    diagram.kind = "cluster";
    diagram.title = std::string(model::display_name(data.region.name, data.region.name_en, options.english)) +
                    std::string(w.separator) + name_of(data.chains[c], options.english) + " " +
                    std::string(w.cluster_diagram) + "（" + std::string(by_word(by, w)) + "）";
    if (detail != Detail::groups) {
        for (const auto& group : groups) diagram.clusters.push_back(group_cluster(group, w, options.english, kBy[static_cast<int>(by)]));
    }
    if (detail == Detail::enterprises) add_enterprise_nodes(data, m, groups, options.english, diagram);
    if (detail == Detail::segments) add_segment_nodes(data, m, groups, options.english, diagram);
    if (detail == Detail::groups) add_group_nodes(data, m, groups, options.listed_enterprises, options.english, diagram);
    add_supplies(data, m, groups, detail, diagram);
    aggregate_edges(diagram);
    const SupplyCut cut = detail == Detail::enterprises ? SupplyCut{} : keep_strongest_supplies(diagram);
    const std::size_t pairs = add_flows(data, m, groups, detail, options.english, diagram);

    diagram.notes.push_back(options.english
        ? std::to_string(m.enterprises.size()) + " local enterprises in " + std::to_string(groups.size()) + " clusters"
        : std::to_string(m.enterprises.size()) + " 家本地企业，" + std::to_string(groups.size()) + " 个集群");
    if (by == ClusterBy::community && std::all_of(groups.begin(), groups.end(),
                                                  [](const Group& g) { return g.id == "no-community"; })) {
        diagram.notes.push_back(options.english
            ? "no known supply (supplies) joins these enterprises, so there are no communities to draw"
            : "这些企业之间没有已知供货关系（supplies），无法划分社区");
    }
    if (detail != Detail::enterprises) {
        diagram.aggregated = true;
        diagram.aggregation = detail == Detail::segments ? "segments" : "clusters";
        diagram.notes.push_back(aggregation_note(detail, m.enterprises.size(), options));
    }
    if (cut.dropped_arrows > 0) {
        diagram.notes.push_back(options.english
            ? "supply flows between boxes: the strongest " + std::to_string(cut.kept_arrows) + " of " +
                  std::to_string(cut.kept_arrows + cut.dropped_arrows) + " drawn (" +
                  std::to_string(cut.kept_supplies) + " of " + std::to_string(cut.kept_supplies + cut.dropped_supplies) +
                  " supplies)"
            : "方框之间的供货：画出最强的 " + std::to_string(cut.kept_arrows) + " 条（共 " +
                  std::to_string(cut.kept_arrows + cut.dropped_arrows) + " 条），涵盖 " +
                  std::to_string(cut.kept_supplies) + " / " + std::to_string(cut.kept_supplies + cut.dropped_supplies) +
                  " 笔供货");
    }
    if (pairs > kMaxFlowPairs) {
        diagram.notes.push_back(options.english
            ? std::to_string(pairs) + " pairs of clusters joined by chain links: arrows left out"
            : std::to_string(pairs) + " 对集群之间有环节衔接：箭头从略");
    }
    diagram.legend = tier_legend(w);
    diagram.legend.push_back({std::string(w.supply), "", std::string(kSupplyColour), true, false});
    diagram.legend.push_back({std::string(w.flow), "", std::string(kFlowColour), true, true});
    return diagram;
}

namespace {

Node county_segment_node(const model::Dataset& data, Index chain, Index s, std::vector<Index> enterprises,
                         model::Tier tier, bool aggregated, const DiagramOptions& options) {
    const auto& w = words(options.english);
    const auto colours = tier_colours(tier);
    Node node;
    node.id = "seg-" + std::string(data.segments[s].id);
    node.classes = {"segment", "tier-" + std::string(model::to_string(tier))};
    node.title = name_of(data.segments[s], options.english);
    node.rows.push_back({count_text(enterprises.size(), w, options.english), false, false, "#555555"});
    if (!aggregated) {
        const auto rows = enterprise_rows(data, chain, std::move(enterprises), options.listed_enterprises, options.english);
        node.rows.insert(node.rows.end(), rows.begin(), rows.end());
    }
    node.fill = std::string(colours.fill);
    node.border = std::string(colours.border);
    node.tooltip = std::string(data.segments[s].id);
    return node;
}

}  // namespace

Diagram build_county_map(const graph::RegionGraph& graph, const std::string& county_id, const DiagramOptions& options) {
    const auto& data = graph.data();
    const Index k = data.find(model::Section::county, county_id);
    if (k == kNoIndex) throw NotFoundError("unknown county '" + county_id + "' (see `chainatlas stats` for the ids)");
    const auto& w = words(options.english);
    const auto tiers = graph::effective_tiers(data);
    const auto local = graph.enterprises_in_county(k);
    const bool aggregated = local.size() > options.max_enterprise_nodes;
    std::map<Index, std::vector<Index>> in_segment;  // segment -> the county's enterprises in it
    for (const Index e : local) {
        for (const Index s : data.segments_of(data.enterprises[e])) in_segment[s].push_back(e);
    }

    Diagram diagram;
    diagram.id = "county-" + county_id;
    diagram.kind = "county";
    diagram.title = std::string(model::display_name(data.region.name, data.region.name_en, options.english)) +
                    std::string(w.separator) + name_of(data.counties[k], options.english) + " " + std::string(w.county_map);
    std::size_t chains = 0;
    for (Index c = 0; c < data.chains.size(); ++c) {
        const auto& chain = data.chains[c];
        const auto columns = segment_columns(data, c, tiers);
        std::set<Index> chain_enterprises;
        std::vector<std::size_t> present;
        for (std::size_t i = 0; i < chain.segments.size(); ++i) {
            const auto it = in_segment.find(chain.segments[i]);
            if (it == in_segment.end()) continue;
            present.push_back(i);
            chain_enterprises.insert(it->second.begin(), it->second.end());
        }
        if (present.empty()) continue;
        ++chains;
        std::stable_sort(present.begin(), present.end(), [&](std::size_t a, std::size_t b) { return columns[a] < columns[b]; });
        Cluster cluster;
        cluster.id = "chain-" + std::string(chain.id);
        cluster.classes = {"chain"};
        cluster.title = name_of(chain, options.english) + std::string(w.separator) +
                        count_text(chain_enterprises.size(), w, options.english);
        diagram.clusters.push_back(std::move(cluster));
        for (const std::size_t i : present) {
            const Index s = chain.segments[i];
            Node node = county_segment_node(data, c, s, in_segment[s], tiers[s], aggregated, options);
            node.cluster = "chain-" + std::string(chain.id);
            node.rank = columns[i];
            diagram.nodes.push_back(std::move(node));
        }
        for (const auto& link : chain.links) {
            if (in_segment.count(link.from) == 0 || in_segment.count(link.to) == 0) continue;
            diagram.edges.push_back({"seg-" + std::string(data.segments[link.from].id),
                                     "seg-" + std::string(data.segments[link.to].id), "link", 1,
                                     std::string(kLinkColour), false, true, "", "", {}});
        }
    }
    for (const auto& link : data.cross_links) {
        if (in_segment.count(link.from) == 0 || in_segment.count(link.to) == 0) continue;
        diagram.edges.push_back({"seg-" + std::string(data.segments[link.from].id),
                                 "seg-" + std::string(data.segments[link.to].id), "cross-link", 1,
                                 std::string(kCrossLinkColour), true, false, "", "", {}});
    }
    aggregate_edges(diagram);
    diagram.notes.push_back(options.english
        ? std::to_string(local.size()) + " local enterprises in " + std::to_string(chains) + " chains"
        : std::to_string(local.size()) + " 家本地企业，涉及 " + std::to_string(chains) + " 条产业链");
    if (aggregated) {
        diagram.aggregated = true;
        diagram.aggregation = "segments";
        diagram.notes.push_back(options.english
            ? "over " + std::to_string(options.max_enterprise_nodes) + " enterprises: segments show counts only"
            : "企业超过 " + std::to_string(options.max_enterprise_nodes) + " 家：环节只显示企业数");
    }
    diagram.legend = tier_legend(w);
    diagram.legend.push_back({std::string(w.link), "", std::string(kLinkColour), true, false});
    diagram.legend.push_back({std::string(w.cross_link), "", std::string(kCrossLinkColour), true, true});
    return diagram;
}

}  // namespace chainatlas::render
