#include "chainatlas/graph/region_graph.hpp"

#include "chainatlas/util/memory.hpp"

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <deque>
#include <utility>

namespace chainatlas::graph {

namespace {

using Edge = std::pair<std::uint32_t, std::uint32_t>;

void sort_unique(std::vector<Index>& values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

RegionGraph::RegionGraph(const model::Dataset& data) : data_(&data) {
    const std::array<std::size_t, 5> sizes{data.chains.size(), data.segments.size(), data.counties.size(),
                                           data.parks.size(), data.enterprises.size()};
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        offsets_[k + 1] = offsets_[k] + static_cast<Vertex>(sizes[k]);
    }
    const auto v = [&](VertexKind kind, Index index) { return vertex(kind, index); };

    std::vector<Edge> edges;
    std::vector<EdgeProperties> properties;
    std::size_t expected = data.segments.size() + data.cross_links.size() + data.supplies.size() +
                           data.enterprise_segments.size() + 2 * data.enterprises.size() + data.parks.size();
    for (const auto& chain : data.chains) expected += chain.links.size();
    util::reserve_huge(edges, expected);
    util::reserve_huge(properties, expected);
    const auto add = [&](Vertex from, Vertex to, EdgeKind kind, std::uint32_t record = 0) {
        edges.emplace_back(from, to);
        properties.push_back({kind, record});
        ++edge_counts_[static_cast<std::size_t>(kind)];
    };

    for (Index c = 0; c < data.chains.size(); ++c) {
        for (const auto& link : data.chains[c].links) {
            add(v(VertexKind::segment, link.from), v(VertexKind::segment, link.to), EdgeKind::link);
        }
    }
    for (const auto& link : data.cross_links) {
        add(v(VertexKind::segment, link.from), v(VertexKind::segment, link.to), EdgeKind::cross_link);
    }
    for (Index s = 0; s < data.segments.size(); ++s) {
        add(v(VertexKind::segment, s), v(VertexKind::chain, data.segments[s].chain), EdgeKind::part_of);
    }
    for (Index p = 0; p < data.parks.size(); ++p) {
        add(v(VertexKind::park, p), v(VertexKind::county, data.parks[p].county), EdgeKind::in_county);
    }
    for (Index e = 0; e < data.enterprises.size(); ++e) {
        const auto& enterprise = data.enterprises[e];
        const Vertex from = v(VertexKind::enterprise, e);
        for (const Index s : data.segments_of(enterprise)) add(from, v(VertexKind::segment, s), EdgeKind::member);
        if (enterprise.county != model::kNoIndex) add(from, v(VertexKind::county, enterprise.county), EdgeKind::in_county);
        if (enterprise.park != model::kNoIndex) add(from, v(VertexKind::park, enterprise.park), EdgeKind::in_park);
    }
    for (std::uint32_t i = 0; i < data.supplies.size(); ++i) {
        const auto& supply = data.supplies[i];
        add(v(VertexKind::enterprise, supply.from), v(VertexKind::enterprise, supply.to), EdgeKind::supply, i);
    }
    graph_ = BoostGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
                        properties.begin(), offsets_[5]);
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
