#include <algorithm>

#include "chainatlas/graph/tiers.hpp"
#include "region_walk_impl.hpp"
#include "text_sink_impl.hpp"

namespace chainatlas::export_::detail {

namespace {

using model::Index;
using model::kNoIndex;

constexpr std::array<Attribute, kNodeAttrCount> kNodeAttributes{{
    {"name", AttrType::string},        {"name_en", AttrType::string},
    {"county", AttrType::string},      {"park", AttrType::string},
    {"chain", AttrType::string},       {"chains", AttrType::list},
    {"county_kind", AttrType::string}, {"park_level", AttrType::string},
    {"confidence", AttrType::string},  {"leaders", AttrType::list},
    {"tier", AttrType::string},        {"tier_derived", AttrType::boolean},
    {"level", AttrType::integer},      {"segments", AttrType::list},
    {"output", AttrType::number},      {"employees", AttrType::number},
    {"external", AttrType::boolean},   {"location", AttrType::string},
    {"tags", AttrType::list},          {"leader", AttrType::boolean},
    {"enterprise", AttrType::string},  {"investment", AttrType::number},
    {"status", AttrType::string},      {"year", AttrType::integer},
    {"provenance", AttrType::string},
}};

constexpr std::array<Attribute, kEdgeAttrCount> kEdgeAttributes{{
    {"weight", AttrType::number},
    {"provenance", AttrType::string},
}};

using A = NodeAttr;
constexpr NodeAttr kCountyAttrs[] = {A::name, A::name_en, A::county, A::county_kind, A::provenance};
constexpr NodeAttr kParkAttrs[] = {A::name,   A::name_en,    A::county,
                                   A::chains, A::park_level, A::provenance};
constexpr NodeAttr kChainAttrs[] = {A::name,       A::name_en, A::chain,
                                    A::confidence, A::leaders, A::provenance};
constexpr NodeAttr kSegmentAttrs[] = {A::name,         A::name_en, A::chain,     A::tier,
                                      A::tier_derived, A::level,   A::provenance};
constexpr NodeAttr kEnterpriseAttrs[] = {
    A::name,   A::name_en,   A::county,   A::park,     A::chain, A::chains, A::segments,
    A::output, A::employees, A::external, A::location, A::tags,  A::leader, A::provenance};
constexpr NodeAttr kProjectAttrs[] = {A::name,   A::name_en,  A::county,     A::park,
                                      A::chain,  A::segments, A::enterprise, A::investment,
                                      A::status, A::year,     A::provenance};

constexpr EdgeAttr kNoEdgeAttrs[] = {EdgeAttr::provenance};  // spans below use 0 of them
constexpr EdgeAttr kLinkAttrs[] = {EdgeAttr::provenance};
constexpr EdgeAttr kSupplyAttrs[] = {EdgeAttr::weight, EdgeAttr::provenance};
constexpr std::span<const EdgeAttr> kNone(kNoEdgeAttrs, 0);

using K = NodeKind;
const EdgeGroup kEdgeGroups[] = {
    {"part_of", "PART_OF", "rels_PART_OF.csv", K::segment, K::chain, kNone},
    {"link", "LINK", "rels_LINK.csv", K::segment, K::segment, kLinkAttrs},
    {"cross_link", "CROSS_LINK", "rels_CROSS_LINK.csv", K::segment, K::segment, kLinkAttrs},
    {"in_county", "IN_COUNTY", "rels_IN_COUNTY_Park.csv", K::park, K::county, kNone},
    {"leads", "LEADS", "rels_LEADS.csv", K::enterprise, K::chain, kNone},
    {"member", "MEMBER", "rels_MEMBER.csv", K::enterprise, K::segment, kNone},
    {"in_county", "IN_COUNTY", "rels_IN_COUNTY_Enterprise.csv", K::enterprise, K::county, kNone},
    {"in_park", "IN_PARK", "rels_IN_PARK_Enterprise.csv", K::enterprise, K::park, kNone},
    {"supply", "SUPPLY", "rels_SUPPLY.csv", K::enterprise, K::enterprise, kSupplyAttrs},
    {"targets", "TARGETS", "rels_TARGETS.csv", K::project, K::segment, kNone},
    {"in_county", "IN_COUNTY", "rels_IN_COUNTY_Project.csv", K::project, K::county, kNone},
    {"in_park", "IN_PARK", "rels_IN_PARK_Project.csv", K::project, K::park, kNone},
    {"by_enterprise", "BY_ENTERPRISE", "rels_BY_ENTERPRISE.csv", K::project, K::enterprise, kNone},
};

Value text(std::string_view value) {
    Value v;
    v.present = !value.empty();
    v.text = value;
    return v;
}
/// Output, employees and investment are 0 when unknown (DATA-FORMAT.md): left out then.
Value known_number(double value) {
    Value v;
    v.present = value != 0.0;
    v.number = value;
    return v;
}
Value number(double value) {
    Value v;
    v.present = true;
    v.number = value;
    return v;
}
Value integer(std::int64_t value) {
    Value v;
    v.present = true;
    v.integer = value;
    return v;
}
Value flag(bool value) {
    Value v;
    v.present = true;
    v.flag = value;
    return v;
}
Value list(std::span<const std::string_view> items) {
    Value v;
    v.present = !items.empty();
    v.list = items;
    return v;
}

std::size_t group_index(const EdgeGroup& group) {
    return static_cast<std::size_t>(&group - kEdgeGroups);
}

}  // namespace

std::string_view kind_name(NodeKind kind) {
    static constexpr std::string_view kNames[] = {"county",  "park",       "chain",
                                                  "segment", "enterprise", "project"};
    return kNames[static_cast<std::size_t>(kind)];
}

std::string_view label_name(NodeKind kind) {
    static constexpr std::string_view kLabels[] = {"County",  "Park",       "Chain",
                                                   "Segment", "Enterprise", "Project"};
    return kLabels[static_cast<std::size_t>(kind)];
}

const Attribute& attribute(NodeAttr attr) {
    return kNodeAttributes[static_cast<std::size_t>(attr)];
}
const Attribute& attribute(EdgeAttr attr) {
    return kEdgeAttributes[static_cast<std::size_t>(attr)];
}

std::span<const NodeAttr> node_attributes(NodeKind kind) {
    switch (kind) {
        case NodeKind::county:
            return kCountyAttrs;
        case NodeKind::park:
            return kParkAttrs;
        case NodeKind::chain:
            return kChainAttrs;
        case NodeKind::segment:
            return kSegmentAttrs;
        case NodeKind::enterprise:
            return kEnterpriseAttrs;
        case NodeKind::project:
            return kProjectAttrs;
    }
    return {};
}

std::span<const EdgeGroup> edge_groups() { return kEdgeGroups; }

RegionWalker::RegionWalker(const model::Dataset& data, util::Progress* progress)
    : data_(data), progress_(progress), edge_counts_(std::size(kEdgeGroups), 0) {
    tiers_ = graph::effective_tiers(data);
    levels_.assign(data.segments.size(), 0);
    for (Index c = 0; c < data.chains.size(); ++c) {
        const auto levels = graph::segment_levels(data, c);
        const auto& segments = data.chains[c].segments;
        for (std::size_t i = 0; i < segments.size(); ++i) levels_[segments[i]] = levels[i];
    }
    for (Index c = 0; c < data.chains.size(); ++c) {
        for (const Index e : data.chains[c].leaders) leads_.emplace_back(e, c);
    }
    std::sort(leads_.begin(), leads_.end());
}

void RegionWalker::set(NodeAttr attr, Value value) {
    values_[static_cast<std::size_t>(attr)] = value;
}
void RegionWalker::set_text(NodeAttr attr, std::string_view value) { set(attr, text(value)); }

void RegionWalker::emit_node(RegionVisitor& visitor, NodeKind kind, std::string_view id) {
    const auto attrs = node_attributes(kind);
    for (std::size_t i = 0; i < attrs.size(); ++i) {
        auto& slot = values_[static_cast<std::size_t>(attrs[i])];
        ordered_[i] = slot;
        slot = {};
    }
    visitor.node(kind, id, std::span<const Value>(ordered_.data(), attrs.size()));
    ++node_counts_[static_cast<std::size_t>(kind)];
    if (progress_ != nullptr) progress_->advance();
}

void RegionWalker::emit_edge(RegionVisitor& visitor, const EdgeGroup& group, std::string_view from,
                             std::string_view to, std::span<const Value> values) {
    visitor.edge(group, from, to, values);
    ++edge_counts_[group_index(group)];
    if (progress_ != nullptr) progress_->advance();
}

std::span<const std::string_view> RegionWalker::segment_ids(std::span<const Index> segments) {
    segment_scratch_.clear();
    for (const Index s : segments) segment_scratch_.push_back(data_.segments[s].id);
    return segment_scratch_;
}

/// The chains of `segments`, each once, in the order of the segments.
std::span<const std::string_view> RegionWalker::chain_ids(std::span<const Index> segments) {
    chain_scratch_.clear();
    for (const Index s : segments) {
        const auto id = data_.chains[data_.segments[s].chain].id;
        if (std::find(chain_scratch_.begin(), chain_scratch_.end(), id) == chain_scratch_.end()) {
            chain_scratch_.push_back(id);
        }
    }
    return chain_scratch_;
}

void RegionWalker::walk_counties(RegionVisitor& visitor) {
    for (const auto& county : data_.counties) {
        set_text(A::name, county.name);
        set_text(A::name_en, county.name_en);
        set_text(A::county, county.id);
        if (county.kind != model::CountyKind::unknown)
            set_text(A::county_kind, model::to_string(county.kind));
        set_text(A::provenance, county.provenance.source);
        emit_node(visitor, NodeKind::county, county.id);
    }
}

void RegionWalker::walk_parks(RegionVisitor& visitor) {
    for (const auto& park : data_.parks) {
        set_text(A::name, park.name);
        set_text(A::name_en, park.name_en);
        if (park.county != kNoIndex) set_text(A::county, data_.counties[park.county].id);
        chain_scratch_.clear();
        for (const Index c : park.chains) chain_scratch_.push_back(data_.chains[c].id);
        set(A::chains, list(chain_scratch_));
        if (park.level != model::ParkLevel::unknown)
            set_text(A::park_level, model::to_string(park.level));
        set_text(A::provenance, park.provenance.source);
        emit_node(visitor, NodeKind::park, park.id);
    }
}

void RegionWalker::walk_chains(RegionVisitor& visitor) {
    for (const auto& chain : data_.chains) {
        set_text(A::name, chain.name);
        set_text(A::name_en, chain.name_en);
        set_text(A::chain, chain.id);
        if (chain.confidence != model::Confidence::unknown) {
            set_text(A::confidence, model::to_string(chain.confidence));
        }
        leader_scratch_.clear();
        for (const Index e : chain.leaders) leader_scratch_.push_back(data_.enterprises[e].id);
        set(A::leaders, list(leader_scratch_));
        set_text(A::provenance, chain.provenance.source);
        emit_node(visitor, NodeKind::chain, chain.id);
    }
}

void RegionWalker::walk_segments(RegionVisitor& visitor) {
    for (Index s = 0; s < data_.segments.size(); ++s) {
        const auto& segment = data_.segments[s];
        set_text(A::name, segment.name);
        set_text(A::name_en, segment.name_en);
        set_text(A::chain, data_.chains[segment.chain].id);
        if (tiers_[s] != model::Tier::unknown) set_text(A::tier, model::to_string(tiers_[s]));
        set(A::tier_derived, flag(segment.tier == model::Tier::unknown));
        set(A::level, integer(levels_[s]));
        set_text(A::provenance, segment.provenance.source);
        emit_node(visitor, NodeKind::segment, segment.id);
    }
}

void RegionWalker::walk_enterprises(RegionVisitor& visitor) {
    for (Index e = 0; e < data_.enterprises.size(); ++e) {
        const auto& enterprise = data_.enterprises[e];
        const auto segments = data_.segments_of(enterprise);
        set_text(A::name, enterprise.name);
        set_text(A::name_en, enterprise.name_en);
        if (enterprise.county != kNoIndex)
            set_text(A::county, data_.counties[enterprise.county].id);
        if (enterprise.park != kNoIndex) set_text(A::park, data_.parks[enterprise.park].id);
        const auto chains = chain_ids(segments);
        if (!chains.empty()) set_text(A::chain, chains.front());
        set(A::chains, list(chains));
        set(A::segments, list(segment_ids(segments)));
        set(A::output, known_number(enterprise.output));
        set(A::employees, known_number(enterprise.employees));
        set(A::external, flag(enterprise.external));
        set_text(A::location, enterprise.location);
        set(A::tags, list(data_.tags_of(enterprise)));  // every word as the data gives it
        const auto lead =
            std::lower_bound(leads_.begin(), leads_.end(), std::pair<Index, Index>{e, 0});
        const bool leads_a_chain = lead != leads_.end() && lead->first == e;
        set(A::leader, flag(leads_a_chain || enterprise.has(model::Tag::chain_leader)));
        set_text(A::provenance, enterprise.provenance.source);
        emit_node(visitor, NodeKind::enterprise, enterprise.id);
    }
}

void RegionWalker::walk_projects(RegionVisitor& visitor) {
    for (const auto& project : data_.projects) {
        set_text(A::name, project.name);
        set_text(A::name_en, project.name_en);
        if (project.county != kNoIndex) set_text(A::county, data_.counties[project.county].id);
        if (project.park != kNoIndex) set_text(A::park, data_.parks[project.park].id);
        if (!project.segments.empty()) {
            set_text(A::chain, data_.chains[data_.segments[project.segments.front()].chain].id);
        }
        set(A::segments, list(segment_ids(project.segments)));
        if (project.enterprise != kNoIndex)
            set_text(A::enterprise, data_.enterprises[project.enterprise].id);
        set(A::investment, known_number(project.investment));
        set_text(A::status, model::to_string(project.status));
        if (project.year) set(A::year, integer(*project.year));
        set_text(A::provenance, project.provenance.source);
        emit_node(visitor, NodeKind::project, project.id);
    }
}

void RegionWalker::walk_nodes(NodeKind kind, RegionVisitor& visitor) {
    switch (kind) {
        case NodeKind::county:
            return walk_counties(visitor);
        case NodeKind::park:
            return walk_parks(visitor);
        case NodeKind::chain:
            return walk_chains(visitor);
        case NodeKind::segment:
            return walk_segments(visitor);
        case NodeKind::enterprise:
            return walk_enterprises(visitor);
        case NodeKind::project:
            return walk_projects(visitor);
    }
}

void RegionWalker::walk_edges(const EdgeGroup& group, RegionVisitor& visitor) {
    const auto& d = data_;
    Value values[kEdgeAttrCount];
    // Positions in kEdgeGroups.
    switch (group_index(group)) {
        case 0:  // part_of
            for (const auto& s : d.segments) emit_edge(visitor, group, s.id, d.chains[s.chain].id);
            return;
        case 1:  // link
            for (const auto& chain : d.chains) {
                for (const auto& link : chain.links) {
                    values[0] = text(link.provenance.source);
                    emit_edge(visitor, group, d.segments[link.from].id, d.segments[link.to].id,
                              {values, 1});
                }
            }
            return;
        case 2:  // cross_link
            for (const auto& link : d.cross_links) {
                values[0] = text(link.provenance.source);
                emit_edge(visitor, group, d.segments[link.from].id, d.segments[link.to].id,
                          {values, 1});
            }
            return;
        case 3:  // park in_county
            for (const auto& p : d.parks) {
                if (p.county != kNoIndex) emit_edge(visitor, group, p.id, d.counties[p.county].id);
            }
            return;
        case 4:  // leads, in dataset order of the chains and their leader lists
            for (const auto& chain : d.chains) {
                for (const Index e : chain.leaders)
                    emit_edge(visitor, group, d.enterprises[e].id, chain.id);
            }
            return;
        case 5:  // member
            for (const auto& e : d.enterprises) {
                for (const Index s : d.segments_of(e))
                    emit_edge(visitor, group, e.id, d.segments[s].id);
            }
            return;
        case 6:  // enterprise in_county
            for (const auto& e : d.enterprises) {
                if (e.county != kNoIndex) emit_edge(visitor, group, e.id, d.counties[e.county].id);
            }
            return;
        case 7:  // enterprise in_park
            for (const auto& e : d.enterprises) {
                if (e.park != kNoIndex) emit_edge(visitor, group, e.id, d.parks[e.park].id);
            }
            return;
        case 8:  // supply
            for (const auto& supply : d.supplies) {
                values[0] = number(supply.weight);
                values[1] = text(supply.provenance.source);
                emit_edge(visitor, group, d.enterprises[supply.from].id,
                          d.enterprises[supply.to].id, {values, 2});
            }
            return;
        case 9:  // targets
            for (const auto& p : d.projects) {
                for (const Index s : p.segments) emit_edge(visitor, group, p.id, d.segments[s].id);
            }
            return;
        case 10:  // project in_county
            for (const auto& p : d.projects) {
                if (p.county != kNoIndex) emit_edge(visitor, group, p.id, d.counties[p.county].id);
            }
            return;
        case 11:  // project in_park
            for (const auto& p : d.projects) {
                if (p.park != kNoIndex) emit_edge(visitor, group, p.id, d.parks[p.park].id);
            }
            return;
        case 12:  // by_enterprise
            for (const auto& p : d.projects) {
                if (p.enterprise != kNoIndex)
                    emit_edge(visitor, group, p.id, d.enterprises[p.enterprise].id);
            }
            return;
        default:
            return;
    }
}

std::string_view join_list(std::span<const std::string_view> items, std::string& scratch) {
    scratch.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) scratch += ';';
        const std::size_t start = scratch.size();
        scratch += items[i];
        std::replace(scratch.begin() + static_cast<std::ptrdiff_t>(start), scratch.end(), ';', ',');
    }
    return scratch;
}

void write_xml_value(TextSink& sink, AttrType type, const Value& value, std::string& scratch) {
    switch (type) {
        case AttrType::string: sink.xml(value.text); break;
        case AttrType::number: sink.number(value.number); break;
        case AttrType::integer: sink.integer(value.integer); break;
        case AttrType::boolean: sink.raw(value.flag ? "true" : "false"); break;
        case AttrType::list: sink.xml(join_list(value.list, scratch)); break;
    }
}

void RegionWalker::walk_all(RegionVisitor& visitor) {
    for (const auto kind : kNodeKinds) walk_nodes(kind, visitor);
    for (const auto& group : edge_groups()) walk_edges(group, visitor);
}

namespace {

/// Node counts by kind and edge counts by group, summed into ExportCounts.
ExportCounts make_counts(std::span<const std::uint64_t> nodes,
                         std::span<const std::uint64_t> edges) {
    ExportCounts counts;
    for (const auto kind : kNodeKinds) {
        counts.nodes.emplace_back(std::string(kind_name(kind)),
                                  nodes[static_cast<std::size_t>(kind)]);
    }
    for (std::size_t g = 0; g < std::size(kEdgeGroups); ++g) {
        const auto kind = kEdgeGroups[g].kind;
        const auto found = std::find_if(counts.edges.begin(), counts.edges.end(),
                                        [&](const auto& entry) { return entry.first == kind; });
        if (found == counts.edges.end()) {
            counts.edges.emplace_back(std::string(kind), edges[g]);
        } else {
            found->second += edges[g];
        }
    }
    return counts;
}

}  // namespace

ExportCounts RegionWalker::counts() const { return make_counts(node_counts_, edge_counts_); }

}  // namespace chainatlas::export_::detail

namespace chainatlas::export_ {

std::uint64_t ExportCounts::node_total() const {
    std::uint64_t total = 0;
    for (const auto& [kind, count] : nodes) total += count;
    return total;
}

std::uint64_t ExportCounts::edge_total() const {
    std::uint64_t total = 0;
    for (const auto& [kind, count] : edges) total += count;
    return total;
}

ExportCounts count_region(const model::Dataset& d) {
    using model::kNoIndex;
    const std::uint64_t nodes[] = {d.counties.size(), d.parks.size(),       d.chains.size(),
                                   d.segments.size(), d.enterprises.size(), d.projects.size()};
    std::uint64_t edges[std::size(detail::kEdgeGroups)] = {};
    edges[0] = d.segments.size();
    for (const auto& chain : d.chains) {
        edges[1] += chain.links.size();
        edges[4] += chain.leaders.size();
    }
    edges[2] = d.cross_links.size();
    for (const auto& p : d.parks) edges[3] += p.county != kNoIndex ? 1 : 0;
    for (const auto& e : d.enterprises) {
        edges[5] += e.segments.size;
        edges[6] += e.county != kNoIndex ? 1 : 0;
        edges[7] += e.park != kNoIndex ? 1 : 0;
    }
    edges[8] = d.supplies.size();
    for (const auto& p : d.projects) {
        edges[9] += p.segments.size();
        edges[10] += p.county != kNoIndex ? 1 : 0;
        edges[11] += p.park != kNoIndex ? 1 : 0;
        edges[12] += p.enterprise != kNoIndex ? 1 : 0;
    }
    return detail::make_counts(nodes, edges);
}

}  // namespace chainatlas::export_
