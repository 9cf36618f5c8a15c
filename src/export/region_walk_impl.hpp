#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chainatlas/export/region_export.hpp"
#include "chainatlas/model/dataset.hpp"
#include "chainatlas/util/progress.hpp"

/// The one schema of every export (docs/EXPORT.md) and a walk over a dataset that hands each
/// node and edge, with its attributes, to a format's visitor. Nothing is copied: values are
/// views into the dataset, lists are views into scratch vectors reused from record to record.
namespace chainatlas::export_::detail {

enum class NodeKind : std::uint8_t { county, park, chain, segment, enterprise, project };
inline constexpr std::array<NodeKind, 6> kNodeKinds{NodeKind::county,     NodeKind::park,
                                                    NodeKind::chain,      NodeKind::segment,
                                                    NodeKind::enterprise, NodeKind::project};

/// `county`, ... (the `kind` attribute and the prefix of node ids: `county:linqing`).
std::string_view kind_name(NodeKind kind);
/// `County`, ... (the Neo4j label).
std::string_view label_name(NodeKind kind);

enum class AttrType : std::uint8_t { string, number, integer, boolean, list };

/// Every node attribute of any kind, each with one type, in the order formats declare them.
enum class NodeAttr : std::uint8_t {
    name,
    name_en,
    county,
    park,
    chain,
    chains,
    county_kind,
    park_level,
    confidence,
    leaders,
    tier,
    tier_derived,
    level,
    segments,
    output,
    employees,
    external,
    location,
    tags,
    leader,
    enterprise,
    investment,
    status,
    year,
    provenance,
};
inline constexpr std::size_t kNodeAttrCount = static_cast<std::size_t>(NodeAttr::provenance) + 1;

enum class EdgeAttr : std::uint8_t { weight, provenance };
inline constexpr std::size_t kEdgeAttrCount = 2;

struct Attribute {
    std::string_view name;
    AttrType type;
};
const Attribute& attribute(NodeAttr attr);
const Attribute& attribute(EdgeAttr attr);

/// The attributes a node of `kind` may carry, in the order they are written.
std::span<const NodeAttr> node_attributes(NodeKind kind);

/// One kind of edge between two kinds of node; the unit of a Neo4j relationship file.
struct EdgeGroup {
    std::string_view kind;  ///< `member`: the `kind` attribute
    std::string_view type;  ///< `MEMBER`: the Neo4j relationship type
    std::string_view file;  ///< `rels_MEMBER.csv`
    NodeKind from;
    NodeKind to;
    std::span<const EdgeAttr> attributes;
};
/// Every edge group, in the order edges are written.
std::span<const EdgeGroup> edge_groups();

/// An attribute's value; `present` is false for a missing one (an empty name_en, an unknown
/// output, a local enterprise's location), which formats leave out or leave empty.
struct Value {
    bool present = false;
    std::string_view text;
    double number = 0.0;
    std::int64_t integer = 0;
    bool flag = false;
    std::span<const std::string_view> list;
};

/// What a format does with each node and edge. `values` line up with `node_attributes(kind)`
/// or `group.attributes`. Ids are record ids; formats that need one id space prefix them with
/// the kind (`enterprise:ent-1`).
class RegionVisitor {
public:
    virtual ~RegionVisitor() = default;
    virtual void node(NodeKind kind, std::string_view id, std::span<const Value> values) = 0;
    virtual void edge(const EdgeGroup& group, std::string_view from, std::string_view to,
                      std::span<const Value> values) = 0;
};

/// Walks a dataset in schema order: all nodes kind by kind (each kind in dataset order), then
/// all edges group by group. Counts what it hands out and advances `progress` by one per node
/// and edge.
class RegionWalker {
public:
    RegionWalker(const model::Dataset& data, util::Progress* progress);

    void walk_nodes(NodeKind kind, RegionVisitor& visitor);
    void walk_edges(const EdgeGroup& group, RegionVisitor& visitor);
    /// Every node, then every edge.
    void walk_all(RegionVisitor& visitor);

    /// What has been handed out so far, by kind (edges of one kind summed over groups).
    [[nodiscard]] ExportCounts counts() const;

private:
    void walk_counties(RegionVisitor& visitor);
    void walk_parks(RegionVisitor& visitor);
    void walk_chains(RegionVisitor& visitor);
    void walk_segments(RegionVisitor& visitor);
    void walk_enterprises(RegionVisitor& visitor);
    void walk_projects(RegionVisitor& visitor);
    void emit_node(RegionVisitor& visitor, NodeKind kind, std::string_view id);
    void emit_edge(RegionVisitor& visitor, const EdgeGroup& group, std::string_view from,
                   std::string_view to, std::span<const Value> values = {});
    void set(NodeAttr attr, Value value);
    void set_text(NodeAttr attr, std::string_view text);
    std::span<const std::string_view> segment_ids(std::span<const model::Index> segments);
    std::span<const std::string_view> chain_ids(std::span<const model::Index> segments);

    const model::Dataset& data_;
    util::Progress* progress_;
    std::vector<model::Tier> tiers_;                            // per segment
    std::vector<unsigned> levels_;                              // per segment
    std::vector<std::pair<model::Index, model::Index>> leads_;  // (enterprise, chain), sorted
    std::array<Value, kNodeAttrCount> values_{};                // by NodeAttr, for the current node
    std::array<Value, kNodeAttrCount> ordered_{};               // the same in the kind's order
    std::vector<std::string_view> segment_scratch_, chain_scratch_, leader_scratch_;
    std::array<std::uint64_t, kNodeKinds.size()> node_counts_{};
    std::vector<std::uint64_t> edge_counts_;  // per group
};

/// `items` joined with `;` into `scratch` (the formats without lists: GraphML, GEXF, Neo4j
/// arrays); a `;` inside an item becomes `,` so that splitting gives the items back.
std::string_view join_list(std::span<const std::string_view> items, std::string& scratch);

class TextSink;
/// `value` as XML text of an attribute of type `type` (GraphML `<data>`, GEXF `attvalue`):
/// strings escaped, lists joined with join_list, booleans `true`/`false`.
void write_xml_value(TextSink& sink, AttrType type, const Value& value, std::string& scratch);

}  // namespace chainatlas::export_::detail
