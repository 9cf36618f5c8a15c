#include "chainatlas/graph/tiers.hpp"

#include <algorithm>
#include <unordered_map>

namespace chainatlas::graph {

namespace {

using model::Index;

/// Adjacency of a chain's segments by their position in `Chain::segments`.
std::vector<std::vector<std::size_t>> chain_adjacency(const model::Chain& chain) {
    std::unordered_map<Index, std::size_t> position;
    for (std::size_t i = 0; i < chain.segments.size(); ++i) position.emplace(chain.segments[i], i);
    std::vector<std::vector<std::size_t>> next(chain.segments.size());
    for (const auto& link : chain.links) {
        const auto from = position.find(link.from);
        const auto to = position.find(link.to);
        if (from == position.end() || to == position.end()) continue;
        next[from->second].push_back(to->second);
    }
    return next;
}

/// Removes the edges that close cycles: edges to a segment still on the depth-first stack.
void drop_back_edges(std::vector<std::vector<std::size_t>>& next) {
    enum class State { unseen, active, done };
    std::vector<State> state(next.size(), State::unseen);
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // (segment, next edge to try)
    for (std::size_t root = 0; root < next.size(); ++root) {
        if (state[root] != State::unseen) continue;
        stack.emplace_back(root, 0);
        state[root] = State::active;
        while (!stack.empty()) {
            auto& [node, edge] = stack.back();
            if (edge == next[node].size()) {
                state[node] = State::done;
                stack.pop_back();
                continue;
            }
            const std::size_t target = next[node][edge];
            if (state[target] == State::active) {
                next[node].erase(next[node].begin() + static_cast<std::ptrdiff_t>(edge));
                continue;
            }
            ++edge;
            if (state[target] == State::unseen) {
                state[target] = State::active;
                stack.emplace_back(target, 0);
            }
        }
    }
}

}  // namespace

std::vector<unsigned> segment_levels(const model::Dataset& data, Index chain_index) {
    const auto& chain = data.chains[chain_index];
    auto next = chain_adjacency(chain);
    drop_back_edges(next);
    // Longest path from the sources, by relaxing in topological order (Kahn).
    std::vector<unsigned> in_degree(next.size(), 0);
    for (const auto& targets : next) {
        for (const auto t : targets) ++in_degree[t];
    }
    std::vector<unsigned> level(next.size(), 0);
    std::vector<std::size_t> ready;
    for (std::size_t i = 0; i < next.size(); ++i) {
        if (in_degree[i] == 0) ready.push_back(i);
    }
    for (std::size_t k = 0; k < ready.size(); ++k) {
        const std::size_t node = ready[k];
        for (const auto t : next[node]) {
            level[t] = std::max(level[t], level[node] + 1);
            if (--in_degree[t] == 0) ready.push_back(t);
        }
    }
    return level;
}

std::vector<model::Tier> effective_tiers(const model::Dataset& data) {
    std::vector<model::Tier> tiers(data.segments.size(), model::Tier::unknown);
    for (Index c = 0; c < data.chains.size(); ++c) {
        const auto& chain = data.chains[c];
        const auto levels = segment_levels(data, c);
        const unsigned top = levels.empty() ? 0 : *std::max_element(levels.begin(), levels.end());
        for (std::size_t i = 0; i < chain.segments.size(); ++i) {
            const Index s = chain.segments[i];
            if (data.segments[s].tier != model::Tier::unknown) {
                tiers[s] = data.segments[s].tier;
            } else if (top == 0) {
                tiers[s] = model::Tier::midstream;
            } else if (levels[i] == 0) {
                tiers[s] = model::Tier::upstream;
            } else if (levels[i] == top) {
                tiers[s] = model::Tier::downstream;
            } else {
                tiers[s] = model::Tier::midstream;
            }
        }
    }
    return tiers;
}

}  // namespace chainatlas::graph
