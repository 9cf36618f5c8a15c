#include "chainatlas/graph/region_graph.hpp"

#include "chainatlas/util/memory.hpp"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <deque>
#include <utility>

namespace chainatlas::graph {

namespace {

void sort_unique(std::vector<Index>& values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

/// Visits every edge of the region in one fixed order: chain links, cross links, part-of,
/// parks in counties, each enterprise's memberships, county and park, then the supplies. Both
/// passes of the CSR build walk it, so the out-edges of each vertex keep this order (the order
/// Boost's own constructor gave from an edge list in the same order).
template <typename Visit>
void visit_edges(const model::Dataset& data, const std::array<Vertex, 6>& offsets, Visit&& visit) {
    const auto v = [&](VertexKind kind, Index index) {
        return offsets[static_cast<std::size_t>(kind)] + index;
    };
    for (const auto& chain : data.chains) {
        for (const auto& link : chain.links) {
            visit(v(VertexKind::segment, link.from), v(VertexKind::segment, link.to),
                  EdgeKind::link, 0U);
        }
    }
    for (const auto& link : data.cross_links) {
        visit(v(VertexKind::segment, link.from), v(VertexKind::segment, link.to),
              EdgeKind::cross_link, 0U);
    }
    for (Index s = 0; s < data.segments.size(); ++s) {
        visit(v(VertexKind::segment, s), v(VertexKind::chain, data.segments[s].chain),
              EdgeKind::part_of, 0U);
    }
    for (Index p = 0; p < data.parks.size(); ++p) {
        visit(v(VertexKind::park, p), v(VertexKind::county, data.parks[p].county),
              EdgeKind::in_county, 0U);
    }
    for (Index e = 0; e < data.enterprises.size(); ++e) {
        const auto& enterprise = data.enterprises[e];
        const Vertex from = v(VertexKind::enterprise, e);
        for (const Index s : data.segments_of(enterprise)) {
            visit(from, v(VertexKind::segment, s), EdgeKind::member, 0U);
        }
        if (enterprise.county != model::kNoIndex) {
            visit(from, v(VertexKind::county, enterprise.county), EdgeKind::in_county, 0U);
        }
        if (enterprise.park != model::kNoIndex)
            visit(from, v(VertexKind::park, enterprise.park), EdgeKind::in_park, 0U);
    }
    for (std::uint32_t i = 0; i < data.supplies.size(); ++i) {
        const auto& supply = data.supplies[i];
        visit(v(VertexKind::enterprise, supply.from), v(VertexKind::enterprise, supply.to),
              EdgeKind::supply, i);
    }
}

/// Turns counts per vertex (at [v + 1]) into row starts, in place.
void accumulate_rows(std::vector<std::uint32_t>& rowstart) {
    for (std::size_t v = 1; v < rowstart.size(); ++v) rowstart[v] += rowstart[v - 1];
}

/// The in-edges of every vertex, from the out-edges: a counting sort by target that keeps each
/// vertex's in-edges in the order of their out-edge index, as Boost's own constructor does.
void build_backward(BoostGraph& graph) {
    const auto& forward = graph.m_forward;
    auto& backward = graph.m_backward;
    const std::size_t vertex_count = forward.m_rowstart.size() - 1;
    const std::size_t edge_count = forward.m_column.size();
    backward.m_rowstart.assign(vertex_count + 1, 0);
    for (const Vertex target : forward.m_column) ++backward.m_rowstart[target + 1];
    accumulate_rows(backward.m_rowstart);
    util::reserve_huge(backward.m_column, edge_count);
    util::reserve_huge(backward.m_edge_properties, edge_count);
    backward.m_column.resize(edge_count);
    backward.m_edge_properties.resize(edge_count);
    std::vector<std::uint32_t> next(backward.m_rowstart.begin(), backward.m_rowstart.end() - 1);
    for (Vertex source = 0; source < vertex_count; ++source) {
        for (std::uint32_t edge = forward.m_rowstart[source]; edge < forward.m_rowstart[source + 1];
             ++edge) {
            const std::uint32_t at = next[forward.m_column[edge]]++;
            backward.m_column[at] = source;
            backward.m_edge_properties[at] = edge;
        }
    }
}

}  // namespace

RegionGraph::RegionGraph(const model::Dataset& data) : data_(&data) {
    const std::array<std::size_t, 5> sizes{data.chains.size(), data.segments.size(),
                                           data.counties.size(), data.parks.size(),
                                           data.enterprises.size()};
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        offsets_[k + 1] = offsets_[k] + static_cast<Vertex>(sizes[k]);
    }
    // The CSR arrays are filled straight from the dataset (count the out-edges of each vertex,
    // then place each edge), without an intermediate list of 4 million edges to sort.
    graph_ = BoostGraph(offsets_[5]);
    auto& forward = graph_.m_forward;
    visit_edges(data, offsets_, [&](Vertex from, Vertex, EdgeKind kind, std::uint32_t) {
        ++forward.m_rowstart[from + 1];
        ++edge_counts_[static_cast<std::size_t>(kind)];
    });
    accumulate_rows(forward.m_rowstart);
    const std::size_t edge_count = forward.m_rowstart.back();
    util::reserve_huge(forward.m_column, edge_count);
    util::reserve_huge(forward.m_edge_properties, edge_count);
    forward.m_column.resize(edge_count);
    forward.m_edge_properties.resize(edge_count);
    std::vector<std::uint32_t> next(forward.m_rowstart.begin(), forward.m_rowstart.end() - 1);
    visit_edges(data, offsets_, [&](Vertex from, Vertex to, EdgeKind kind, std::uint32_t record) {
        const std::uint32_t at = next[from]++;
        forward.m_column[at] = to;
        forward.m_edge_properties[at] = {kind, record};
    });
    build_backward(graph_);
    build_members();
}

void RegionGraph::build_members() {
    // A counting sort of the memberships by segment; enterprises are visited in index order,
    // so each segment's list comes out ascending. A segment listed twice by one enterprise
    // counts once.
    const auto& data = *data_;
    const std::size_t segment_count = data.segments.size();
    member_offsets_.assign(segment_count + 1, 0);
    local_offsets_.assign(segment_count + 1, 0);
    const auto each_membership = [&](auto&& visit) {
        for (Index e = 0; e < data.enterprises.size(); ++e) {
            const auto own = data.segments_of(data.enterprises[e]);
            for (std::size_t i = 0; i < own.size(); ++i) {
                if (std::find(own.begin(), own.begin() + static_cast<std::ptrdiff_t>(i), own[i]) !=
                    own.begin() + static_cast<std::ptrdiff_t>(i)) {
                    continue;
                }
                visit(e, own[i], !data.enterprises[e].external);
            }
        }
    };
    each_membership([&](Index, Index s, bool local) {
        ++member_offsets_[s + 1];
        if (local) ++local_offsets_[s + 1];
    });
    for (std::size_t s = 0; s < segment_count; ++s) {
        member_offsets_[s + 1] += member_offsets_[s];
        local_offsets_[s + 1] += local_offsets_[s];
    }
    members_.resize(member_offsets_[segment_count]);
    local_members_.resize(local_offsets_[segment_count]);
    std::vector<std::uint32_t> member_fill(member_offsets_.begin(), member_offsets_.end() - 1);
    std::vector<std::uint32_t> local_fill(local_offsets_.begin(), local_offsets_.end() - 1);
    each_membership([&](Index e, Index s, bool local) {
        members_[member_fill[s]++] = e;
        if (local) local_members_[local_fill[s]++] = e;
    });
}

VertexKind RegionGraph::kind_of(Vertex v) const {
    for (std::size_t k = 4; k > 0; --k) {
        if (v >= offsets_[k]) return static_cast<VertexKind>(k);
    }
    return VertexKind::chain;
}

template <typename Filter>
std::vector<Index> RegionGraph::neighbours(Vertex v, bool outgoing, Filter keep) const {
    std::vector<Index> out;
    if (outgoing) {
        for (const auto edge : boost::make_iterator_range(boost::out_edges(v, graph_))) {
            const Vertex other = boost::target(edge, graph_);
            if (keep(graph_[edge], other)) out.push_back(index_of(other));
        }
    } else {
        for (const auto edge : boost::make_iterator_range(boost::in_edges(v, graph_))) {
            const Vertex other = boost::source(edge, graph_);
            if (keep(graph_[edge], other)) out.push_back(index_of(other));
        }
    }
    sort_unique(out);
    return out;
}

namespace {

auto is_segment_link() {
    return [](const EdgeProperties& p, Vertex) {
        return p.kind == EdgeKind::link || p.kind == EdgeKind::cross_link;
    };
}

auto has_kind(EdgeKind kind) {
    return [kind](const EdgeProperties& p, Vertex) { return p.kind == kind; };
}

}  // namespace

std::vector<Index> RegionGraph::inputs_of(Index segment) const {
    return neighbours(vertex(VertexKind::segment, segment), false, is_segment_link());
}

std::vector<Index> RegionGraph::outputs_of(Index segment) const {
    return neighbours(vertex(VertexKind::segment, segment), true, is_segment_link());
}

std::vector<Index> RegionGraph::inputs_of(Index segment, EdgeKind kind) const {
    return neighbours(vertex(VertexKind::segment, segment), false, has_kind(kind));
}

std::vector<Index> RegionGraph::outputs_of(Index segment, EdgeKind kind) const {
    return neighbours(vertex(VertexKind::segment, segment), true, has_kind(kind));
}

std::vector<Index> RegionGraph::enterprises_in(Index segment) const {
    const auto list = members(segment);
    return {list.begin(), list.end()};
}

std::vector<Index> RegionGraph::local_enterprises_in(Index segment) const {
    const auto list = local_members(segment);
    return {list.begin(), list.end()};
}

std::vector<Index> RegionGraph::segments_of(Index enterprise) const {
    return neighbours(vertex(VertexKind::enterprise, enterprise), true, has_kind(EdgeKind::member));
}

std::vector<Index> RegionGraph::suppliers_of(Index enterprise) const {
    return neighbours(vertex(VertexKind::enterprise, enterprise), false, has_kind(EdgeKind::supply));
}

std::vector<Index> RegionGraph::customers_of(Index enterprise) const {
    return neighbours(vertex(VertexKind::enterprise, enterprise), true, has_kind(EdgeKind::supply));
}

std::vector<Index> RegionGraph::enterprises_in_county(Index county) const {
    const Vertex first_enterprise = offsets_[static_cast<std::size_t>(VertexKind::enterprise)];
    return neighbours(vertex(VertexKind::county, county), false,
                      [first_enterprise](const EdgeProperties& p, Vertex other) {
                          return p.kind == EdgeKind::in_county && other >= first_enterprise;
                      });
}

std::vector<Index> RegionGraph::enterprises_in_park(Index park) const {
    return neighbours(vertex(VertexKind::park, park), false, has_kind(EdgeKind::in_park));
}

std::vector<Index> RegionGraph::parks_in_county(Index county) const {
    const Vertex first_park = offsets_[static_cast<std::size_t>(VertexKind::park)];
    const Vertex first_enterprise = offsets_[static_cast<std::size_t>(VertexKind::enterprise)];
    return neighbours(vertex(VertexKind::county, county), false,
                      [first_park, first_enterprise](const EdgeProperties& p, Vertex other) {
                          return p.kind == EdgeKind::in_county && other >= first_park && other < first_enterprise;
                      });
}

std::vector<Reached> RegionGraph::reachable(Index segment, Direction direction,
                                            std::optional<unsigned> max_depth) const {
    // Breadth-first, so the first visit of a segment is at its shortest distance; the visited
    // set is what makes cycles (recycling links) harmless.
    std::vector<Reached> result;
    std::vector<bool> seen(data_->segments.size(), false);
    seen[segment] = true;
    std::deque<Reached> queue{{segment, 0}};
    while (!queue.empty()) {
        const Reached current = queue.front();
        queue.pop_front();
        if (max_depth && current.distance >= *max_depth) continue;
        const auto next = direction == Direction::upstream ? inputs_of(current.segment)
                                                           : outputs_of(current.segment);
        for (const Index s : next) {
            if (seen[s]) continue;
            seen[s] = true;
            result.push_back({s, current.distance + 1});
            queue.push_back({s, current.distance + 1});
        }
    }
    std::stable_sort(result.begin(), result.end(), [](const Reached& a, const Reached& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.segment < b.segment;
    });
    return result;
}

RegionGraph build_region_graph(const model::Dataset& data) { return RegionGraph(data); }

}  // namespace chainatlas::graph
