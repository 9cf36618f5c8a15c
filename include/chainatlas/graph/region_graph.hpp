#pragma once

#include <array>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "chainatlas/model/dataset.hpp"

/// One Boost.Graph of a whole region, and the typed queries the analyses ask of it.
namespace chainatlas::graph {

using model::Index;

/// What a vertex stands for. Vertices are numbered by kind in this order, each kind in the
/// order of its dataset section, so a vertex maps to a record without a lookup.
enum class VertexKind : std::uint8_t { chain, segment, county, park, enterprise };

/// What an edge stands for, always pointing from supplier to user or from part to whole.
enum class EdgeKind : std::uint8_t {
    link,        ///< segment → segment, within a chain (`from` is an input of `to`)
    cross_link,  ///< segment → segment of another chain
    part_of,     ///< segment → its chain
    member,      ///< enterprise → a segment it works in
    in_park,     ///< enterprise → its park
    in_county,   ///< enterprise → its county; park → its county
    supply,      ///< enterprise → enterprise it sells to (a known `supplies` record)
};

struct EdgeProperties {
    EdgeKind kind = EdgeKind::link;
    std::uint32_t record = 0;  ///< the supply's index for `supply` edges, else 0
};

using BoostGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                                      EdgeProperties, boost::no_property,
                                                      std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;

/// Which way to walk supply relations.
enum class Direction : std::uint8_t { upstream, downstream };

/// A segment reached by a walk, with the number of links walked to reach it.
struct Reached {
    Index segment = model::kNoIndex;
    unsigned distance = 0;
};

/// The region as one graph: chains, segments, counties, parks and enterprises as vertices; supply
/// links, cross-chain links, memberships, locations and enterprise supplies as edges. Cycles
/// (recycling) are legal and every query handles them. Built once from a dataset that must
/// outlive it; immutable afterwards. All queries return model indices, sorted ascending and
/// without repeats unless said otherwise.
class RegionGraph {
public:
    explicit RegionGraph(const model::Dataset& data);

    [[nodiscard]] const model::Dataset& data() const { return *data_; }
    [[nodiscard]] const BoostGraph& boost_graph() const { return graph_; }

    [[nodiscard]] Vertex vertex(VertexKind kind, Index index) const {
        return offsets_[static_cast<std::size_t>(kind)] + index;
    }
    [[nodiscard]] VertexKind kind_of(Vertex v) const;
    [[nodiscard]] Index index_of(Vertex v) const {
        return v - offsets_[static_cast<std::size_t>(kind_of(v))];
    }
    [[nodiscard]] std::size_t vertex_count() const { return boost::num_vertices(graph_); }
    [[nodiscard]] std::size_t edge_count() const { return boost::num_edges(graph_); }
    /// Number of edges of one kind.
    [[nodiscard]] std::size_t edge_count(EdgeKind kind) const {
        return edge_counts_[static_cast<std::size_t>(kind)];
    }

    /// Segments that feed `segment` directly (its inputs), through chain links and cross links.
    [[nodiscard]] std::vector<Index> inputs_of(Index segment) const;
    /// Segments that `segment` feeds directly (its outputs).
    [[nodiscard]] std::vector<Index> outputs_of(Index segment) const;
    /// Only the inputs (or outputs) reached by links of the same chain, or only cross links.
    [[nodiscard]] std::vector<Index> inputs_of(Index segment, EdgeKind kind) const;
    [[nodiscard]] std::vector<Index> outputs_of(Index segment, EdgeKind kind) const;

    /// Every enterprise that works in `segment`, local and external.
    [[nodiscard]] std::vector<Index> enterprises_in(Index segment) const;
    /// Only the local (non-external) enterprises of `segment`.
    [[nodiscard]] std::vector<Index> local_enterprises_in(Index segment) const;
    /// The same two lists without a copy: ascending enterprise indices, kept beside the graph
    /// (built with it, 4 bytes per membership) so that walks over many segments touch no
    /// enterprise record (`trace` of one segment on a million enterprises in a few ms).
    [[nodiscard]] std::span<const Index> members(Index segment) const {
        return {members_.data() + member_offsets_[segment], members_.data() + member_offsets_[segment + 1]};
    }
    [[nodiscard]] std::span<const Index> local_members(Index segment) const {
        return {local_members_.data() + local_offsets_[segment], local_members_.data() + local_offsets_[segment + 1]};
    }
    [[nodiscard]] std::vector<Index> segments_of(Index enterprise) const;
    /// Enterprises that sell to `enterprise` according to known supplies.
    [[nodiscard]] std::vector<Index> suppliers_of(Index enterprise) const;
    /// Enterprises that `enterprise` sells to according to known supplies.
    [[nodiscard]] std::vector<Index> customers_of(Index enterprise) const;

    [[nodiscard]] std::vector<Index> enterprises_in_county(Index county) const;
    [[nodiscard]] std::vector<Index> enterprises_in_park(Index park) const;
    [[nodiscard]] std::vector<Index> parks_in_county(Index county) const;

    /// Segments reachable from `segment` by walking links and cross links in `direction`, each
    /// once with its shortest distance, nearest first (then by index). `segment` itself is not
    /// included even when a cycle leads back to it. `max_depth` limits the distance.
    [[nodiscard]] std::vector<Reached> reachable(Index segment, Direction direction,
                                                 std::optional<unsigned> max_depth = std::nullopt) const;

private:
    void build_members();
    template <typename Filter>
    std::vector<Index> neighbours(Vertex v, bool outgoing, Filter keep) const;

    const model::Dataset* data_;
    std::array<Vertex, 6> offsets_{};
    std::array<std::size_t, 7> edge_counts_{};
    BoostGraph graph_;
    std::vector<std::uint32_t> member_offsets_, local_offsets_;  // per segment, CSR
    std::vector<Index> members_, local_members_;
};

/// Builds the graph of `data` (which must outlive it).
RegionGraph build_region_graph(const model::Dataset& data);

}  // namespace chainatlas::graph
