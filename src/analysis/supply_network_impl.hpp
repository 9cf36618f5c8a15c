#pragma once

// One depth-first walk of an undirected network, shared by `clusters` (components and
// articulation points of the local supply network) and `critical` (articulation points of the
// whole supply network, external enterprises included).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace chainatlas::analysis::detail {

/// What one depth-first walk of an undirected network finds: its connected components and, for
/// every vertex, the number of blocks (biconnected components) it belongs to; a vertex in two
/// or more blocks is an articulation point, and removing it leaves that many parts of its
/// component.
struct Walk {
    std::vector<std::uint32_t> offsets;  ///< adjacency (CSR) of the network: v's neighbours are
    std::vector<std::uint32_t> targets;  ///< targets[offsets[v] .. offsets[v + 1])
    std::vector<std::uint32_t> component;  ///< per vertex, numbered in order of first vertex
    std::size_t component_count = 0;
    std::vector<std::size_t> splits;  ///< per vertex: blocks it belongs to (0 when isolated)

    /// Distinct neighbours of `v` (the edges are distinct).
    [[nodiscard]] std::size_t degree(std::size_t v) const { return offsets[v + 1] - offsets[v]; }
};

/// Hopcroft and Tarjan's articulation points in one iterative depth-first search (no recursion:
/// a supply chain can be a path a million long), over an adjacency array, of the network of
/// `vertices` vertices and `edges`, which must be distinct and join two different vertices.
///
/// Hand-written, not a library call: on a 1M-vertex, 1.9M-edge supply network, Boost.Graph's
/// `biconnected_components` needs an `adjacency_list` (built in ~1.9 s, walked in ~1.9 s, plus
/// ~1.3 s for `connected_components`), and igraph's `igraph_biconnected_components`, which
/// also returns every block's edge list, took ~2.1 s; this walk takes a fraction of a second
/// (docs/COUNTIES.md). Both libraries' results are what the tests in
/// tests/unit/analysis/clusters_test.cpp and critical_test.cpp were worked out against.
inline Walk depth_first(std::size_t vertices,
                        std::span<const std::pair<std::uint32_t, std::uint32_t>> edges) {
    const std::size_t n = vertices;
    Walk w;
    w.offsets.assign(n + 1, 0);
    for (const auto& [a, b] : edges) {
        ++w.offsets[a + 1];
        ++w.offsets[b + 1];
    }
    for (std::size_t v = 0; v < n; ++v) w.offsets[v + 1] += w.offsets[v];
    w.targets.resize(w.offsets[n]);
    std::vector<std::uint32_t> fill(w.offsets.begin(), w.offsets.end() - 1);
    for (const auto& [a, b] : edges) {
        w.targets[fill[a]++] = b;
        w.targets[fill[b]++] = a;
    }
    // What the walk keeps of a vertex, in one 16-byte record: on a million vertices every step
    // to a neighbour is a cache miss, and the neighbour's discovery time, low point, parent and
    // cursor are then all in the line fetched.
    constexpr std::uint32_t kUnseen = UINT32_MAX;
    struct State {
        std::uint32_t order = kUnseen;  // discovery time
        std::uint32_t low = 0;
        std::uint32_t parent = kUnseen;
        std::uint32_t next = 0;  // next neighbour to try (an index into targets)
    };
    std::vector<State> state(n);
    for (std::size_t v = 0; v < n; ++v) state[v].next = w.offsets[v];
    std::vector<std::uint32_t> separated(n, 0);  // children whose subtree hangs on v alone
    w.component.assign(n, 0);
    std::vector<std::uint32_t> stack;
    std::uint32_t time = 0;
    for (std::uint32_t root = 0; root < n; ++root) {
        if (state[root].order != kUnseen) continue;
        const auto c = static_cast<std::uint32_t>(w.component_count++);
        state[root].order = state[root].low = time++;
        w.component[root] = c;
        stack.push_back(root);
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            State& sv = state[v];
            if (sv.next < w.offsets[v + 1]) {
                const std::uint32_t u = w.targets[sv.next++];
                State& su = state[u];
                if (su.order == kUnseen) {
                    su.parent = v;
                    su.order = su.low = time++;
                    w.component[u] = c;
                    stack.push_back(u);
                } else if (u != sv.parent) {  // edges are distinct: the tree edge is the only
                                              // one to v's parent
                    sv.low = std::min(sv.low, su.order);
                }
                continue;
            }
            stack.pop_back();
            if (v == root) continue;
            State& sp = state[sv.parent];
            sp.low = std::min(sp.low, sv.low);
            if (sv.low >= sp.order) ++separated[sv.parent];
        }
    }
    // A root belongs to one block per child; any other vertex to one per separated child, plus
    // the block of the edge to its parent.
    w.splits.assign(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
        if (w.offsets[v + 1] == w.offsets[v]) continue;
        w.splits[v] = state[v].parent == kUnseen ? separated[v] : separated[v] + 1;
    }
    return w;
}

}  // namespace chainatlas::analysis::detail
