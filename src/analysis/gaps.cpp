#include "chainatlas/analysis/gaps.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "chain_metrics_impl.hpp"
#include "chainatlas/graph/tiers.hpp"

namespace chainatlas::analysis {

using detail::str;
using model::Index;
using model::kNoIndex;

std::string_view to_string(GapStatus status) {
    switch (status) {
        case GapStatus::missing: return "missing";
        case GapStatus::weak: return "weak";
        case GapStatus::filling: return "filling";
        case GapStatus::covered: return "covered";
    }
    return "missing";
}

std::string_view to_string(ActionKind kind) {
    switch (kind) {
        case ActionKind::create: return "create";
        case ActionKind::connect: return "connect";
        case ActionKind::strengthen: return "strengthen";
        case ActionKind::thicken: return "thicken";
        case ActionKind::extend: return "extend";
    }
    return "create";
}

std::string_view chinese_name(ActionKind kind) {
    switch (kind) {
        case ActionKind::create: return "无链生有";
        case ActionKind::connect: return "断链连通";
        case ActionKind::strengthen: return "弱链变强";
        case ActionKind::thicken: return "细链增粗";
        case ActionKind::extend: return "短链延长";
    }
    return "";
}

std::string_view english_name(ActionKind kind) {
    switch (kind) {
        case ActionKind::create: return "create a missing link";
        case ActionKind::connect: return "connect a broken chain";
        case ActionKind::strengthen: return "strengthen a weak link";
        case ActionKind::thicken: return "thicken a thin link";
        case ActionKind::extend: return "extend a short chain";
    }
    return "";
}

std::string_view rule_text(ActionKind kind) {
    switch (kind) {
        case ActionKind::create:
            return "no local enterprise, and no segment up- or downstream of it in its chain is held locally";
        case ActionKind::connect:
            return "no local enterprise, but segments both upstream and downstream of it in its chain are held locally";
        case ActionKind::strengthen: return "exactly one local enterprise holds it";
        case ActionKind::thicken: return "exactly two local enterprises hold it";
        case ActionKind::extend:
            return "no local enterprise, and segments are held locally on one side of it only (beyond the "
                   "region's current end of the chain)";
    }
    return "";
}

namespace {

/// Per chain, the number of source-to-sink supply paths through each segment, over the chain's
/// own links. Links that close a cycle are dropped first (found by a depth-first walk in the
/// chain's segment order, like graph::segment_levels), so the counts are finite and stable.
std::vector<double> path_shares(const model::Dataset& data, const model::Chain& chain) {
    const std::size_t n = chain.segments.size();
    std::map<Index, std::size_t> position;
    for (std::size_t i = 0; i < n; ++i) position[chain.segments[i]] = i;
    std::vector<std::vector<std::size_t>> out(n);
    for (const auto& link : chain.links) out[position.at(link.from)].push_back(position.at(link.to));

    // Iterative DFS: colour 1 = on the stack, 2 = done; an edge to colour 1 closes a cycle.
    std::vector<int> colour(n, 0);
    std::vector<std::size_t> finish;
    std::vector<std::vector<std::size_t>> dag(n);
    for (std::size_t root = 0; root < n; ++root) {
        if (colour[root] != 0) continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
        colour[root] = 1;
        while (!stack.empty()) {
            auto& [v, next] = stack.back();
            if (next < out[v].size()) {
                const std::size_t w = out[v][next++];
                if (colour[w] == 1) continue;
                dag[v].push_back(w);
                if (colour[w] == 0) {
                    colour[w] = 1;
                    stack.emplace_back(w, 0);
                }
            } else {
                colour[v] = 2;
                finish.push_back(v);
                stack.pop_back();
            }
        }
    }
    // Reverse finishing order is a topological order of the DAG.
    std::vector<double> from_sources(n, 0.0), to_sinks(n, 0.0);
    std::vector<bool> has_input(n, false);
    for (std::size_t v = 0; v < n; ++v) {
        for (const std::size_t w : dag[v]) has_input[w] = true;
    }
    for (auto it = finish.rbegin(); it != finish.rend(); ++it) {
        if (!has_input[*it]) from_sources[*it] += 1.0;
        for (const std::size_t w : dag[*it]) from_sources[w] += from_sources[*it];
    }
    double total = 0.0;
    for (const std::size_t v : finish) {
        if (dag[v].empty()) {
            to_sinks[v] = 1.0;
            total += from_sources[v];
        } else {
            for (const std::size_t w : dag[v]) to_sinks[v] += to_sinks[w];
        }
    }
    std::vector<double> share(n, 0.0);
    for (std::size_t v = 0; v < n; ++v) share[v] = total > 0 ? from_sources[v] * to_sinks[v] / total : 0.0;
    (void)data;
    return share;
}

/// Whether any segment reachable from `start` over the chain's own links (either way) is held.
bool held_beyond(const detail::SegmentFacts& facts, const model::Dataset& data, Index start, bool upstream) {
    const Index chain = data.segments[start].chain;
    std::vector<Index> stack{start};
    std::vector<Index> seen{start};
    while (!stack.empty()) {
        const Index s = stack.back();
        stack.pop_back();
        for (const Index next : upstream ? facts.inputs[s] : facts.outputs[s]) {
            if (data.segments[next].chain != chain) continue;
            if (std::find(seen.begin(), seen.end(), next) != seen.end()) continue;
            if (facts.held(next)) return true;
            seen.push_back(next);
            stack.push_back(next);
        }
    }
    return false;
}

std::optional<ActionKind> classify(const detail::SegmentFacts& facts, const model::Dataset& data, Index s) {
    switch (facts.local_count(s)) {
        case 0: break;
        case 1: return ActionKind::strengthen;
        case 2: return ActionKind::thicken;
        default: return std::nullopt;
    }
    const bool up = held_beyond(facts, data, s, true);
    const bool down = held_beyond(facts, data, s, false);
    if (up && down) return ActionKind::connect;
    if (up || down) return ActionKind::extend;
    return ActionKind::create;
}

GapStatus status_of(const detail::SegmentFacts& facts, Index s) {
    const std::size_t n = facts.local_count(s);
    if (n <= 1 && facts.filling(s)) return GapStatus::filling;
    if (n == 0) return GapStatus::missing;
    if (n == 1) return GapStatus::weak;
    return GapStatus::covered;
}

double tier_value(model::Tier tier) {
    switch (tier) {
        case model::Tier::upstream: return 1.0;
        case model::Tier::midstream: return 0.5;
        case model::Tier::downstream: return 0.25;
        case model::Tier::unknown: return 0.5;
    }
    return 0.5;
}

/// The raw values of the factors of segment `s`, in the order of GapWeights.
std::vector<double> factor_values(const model::Dataset& data, const detail::SegmentFacts& facts,
                                  const std::vector<model::Tier>& tiers, const std::vector<bool>& leader,
                                  Index s, double structure) {
    const std::size_t holders = facts.local_count(s);
    double severity = holders == 0 ? 1.0 : holders == 1 ? 0.5 : 0.25;
    if (facts.filling(s)) severity *= 0.5;

    const auto buyers = detail::locals_of(facts, facts.outputs[s], facts.locals(s));
    double buyer_output = 0.0;
    bool leader_buys = false;
    for (const Index e : buyers) {
        buyer_output += data.enterprises[e].output;
        leader_buys = leader_buys || leader[e];
    }
    // Upstream segments held locally whose every output lacks a local enterprise: their
    // enterprises have no local buyer, which this segment would give them.
    std::vector<Index> stranded;
    for (const Index u : facts.inputs[s]) {
        if (!facts.held(u)) continue;
        const bool sold_locally = std::any_of(facts.outputs[u].begin(), facts.outputs[u].end(),
                                              [&](Index o) { return facts.held(o); });
        if (!sold_locally) stranded.push_back(u);
    }
    const auto sellers = detail::locals_of(facts, stranded);
    return {severity,
            std::log2(1.0 + static_cast<double>(buyers.size())),
            std::log2(1.0 + buyer_output),
            std::log2(1.0 + static_cast<double>(sellers.size())),
            structure,
            leader_buys ? 1.0 : 0.0,
            tier_value(tiers[s])};
}

std::vector<std::pair<const char*, double>> named_weights(const GapWeights& w) {
    return {{"severity", w.severity},       {"demand_pull", w.demand_pull}, {"demand_output", w.demand_output},
            {"supply_push", w.supply_push}, {"structure", w.structure},     {"leader_pull", w.leader_pull},
            {"tier", w.tier}};
}

double score_of(const std::vector<double>& values, const std::vector<double>& weights) {
    double score = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) score += values[i] * weights[i];
    return score;
}

struct RankEntry {
    SegmentGap* gap;
    std::vector<double> values;
};

/// Ranks by score descending, then segment id ascending; returns the order as indices.
std::vector<std::size_t> rank_order(const std::vector<RankEntry>& candidates, const std::vector<double>& weights) {
    std::vector<double> scores;
    for (const auto& c : candidates) scores.push_back(score_of(c.values, weights));
    std::vector<std::size_t> order(candidates.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (scores[a] != scores[b]) return scores[a] > scores[b];
        return candidates[a].gap->id < candidates[b].gap->id;
    });
    return order;
}

std::vector<SensitivityEntry> check_sensitivity(const std::vector<RankEntry>& candidates,
                                                const std::vector<double>& weights,
                                                const std::vector<std::size_t>& base, std::size_t top) {
    std::vector<SensitivityEntry> entries;
    const std::size_t count = std::min(top, base.size());
    for (std::size_t r = 0; r < count; ++r) {
        entries.push_back({candidates[base[r]].gap->id, r + 1, r + 1, r + 1, true});
    }
    for (std::size_t f = 0; f < weights.size(); ++f) {
        for (const double factor : {0.75, 1.25}) {
            auto varied = weights;
            varied[f] *= factor;
            const auto order = rank_order(candidates, varied);
            std::vector<std::size_t> rank_of(candidates.size());
            for (std::size_t r = 0; r < order.size(); ++r) rank_of[order[r]] = r + 1;
            for (std::size_t r = 0; r < count; ++r) {
                const std::size_t rank = rank_of[base[r]];
                auto& entry = entries[r];
                entry.min_rank = std::min(entry.min_rank, rank);
                entry.max_rank = std::max(entry.max_rank, rank);
                entry.stable = entry.stable && rank == entry.rank;
            }
        }
    }
    return entries;
}

LeaderSupply leader_supply(const model::Dataset& data, const detail::SegmentFacts& facts, Index e) {
    const auto& enterprise = data.enterprises[e];
    LeaderSupply out;
    out.id = str(enterprise.id);
    out.name = str(enterprise.name);
    out.name_en = str(enterprise.name_en);
    std::vector<Index> own(data.segments_of(enterprise).begin(), data.segments_of(enterprise).end());
    std::sort(own.begin(), own.end());
    std::vector<Index> inputs;
    for (const Index s : own) inputs.insert(inputs.end(), facts.inputs[s].begin(), facts.inputs[s].end());
    std::sort(inputs.begin(), inputs.end());
    inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
    std::vector<std::string> missing;
    for (const Index s : inputs) {
        if (std::binary_search(own.begin(), own.end(), s)) continue;
        ++out.inputs;
        if (facts.held(s)) {
            ++out.local_inputs;
        } else {
            missing.push_back(str(data.segments[s].id));
        }
    }
    std::sort(missing.begin(), missing.end());
    out.missing_inputs = std::move(missing);
    if (out.inputs > 0) out.local_supply_ratio = static_cast<double>(out.local_inputs) / static_cast<double>(out.inputs);
    return out;
}

SegmentGap describe_segment(const model::Dataset& data, const detail::SegmentFacts& facts,
                            const std::vector<model::Tier>& tiers, Index s, unsigned level) {
    const auto& segment = data.segments[s];
    SegmentGap gap;
    gap.id = str(segment.id);
    gap.name = str(segment.name);
    gap.name_en = str(segment.name_en);
    gap.chain = str(data.chains[segment.chain].id);
    gap.tier = str(model::to_string(tiers[s]));
    gap.level = level;
    gap.status = status_of(facts, s);
    gap.local_enterprises = facts.local_count(s);
    gap.external_enterprises = facts.external_count[s];
    gap.output = facts.local_output[s];
    if (gap.local_enterprises <= 2) {
        for (const Index e : facts.locals(s)) gap.holders.push_back(str(data.enterprises[e].id));
    }
    for (const Index p : facts.filling_projects[s]) gap.projects.push_back(str(data.projects[p].id));
    std::sort(gap.projects.begin(), gap.projects.end());
    gap.inputs = facts.inputs[s].size();
    for (const Index u : facts.inputs[s]) gap.local_inputs += facts.held(u) ? 1 : 0;
    if (gap.inputs > 0) {
        gap.local_supply_ratio = static_cast<double>(gap.local_inputs) / static_cast<double>(gap.inputs);
    }
    gap.action = classify(facts, data, s);
    return gap;
}

}  // namespace

GapResult find_gaps(const graph::RegionGraph& graph, const GapOptions& options) {
    const auto& data = graph.data();
    const Index only_chain = detail::resolve_chain(data, options.chain);
    const auto place = detail::resolve_place(data, options.county, options.park);
    const auto facts = detail::collect_segment_facts(data, place);
    const auto tiers = graph::effective_tiers(data);
    std::vector<bool> leader(data.enterprises.size(), false);
    for (const auto& chain : data.chains) {
        for (const Index e : chain.leaders) leader[e] = place.contains(data.enterprises[e]);
    }

    GapResult result;
    result.county = options.county;
    result.park = options.park;
    result.weights = options.weights;
    std::vector<std::vector<double>> values_of_chain;
    for (Index c = 0; c < data.chains.size(); ++c) {
        if (only_chain != kNoIndex && c != only_chain) continue;
        const auto& chain = data.chains[c];
        ChainGaps gaps;
        gaps.id = str(chain.id);
        gaps.name = str(chain.name);
        gaps.name_en = str(chain.name_en);
        gaps.segments = chain.segments.size();
        const auto levels = graph::segment_levels(data, c);
        const auto shares = path_shares(data, chain);
        std::vector<std::size_t> order(chain.segments.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return levels[a] < levels[b]; });
        for (const std::size_t i : order) {
            const Index s = chain.segments[i];
            auto gap = describe_segment(data, facts, tiers, s, levels[i]);
            switch (gap.status) {
                case GapStatus::covered: ++gaps.covered; break;
                case GapStatus::weak: ++gaps.weak; break;
                case GapStatus::filling: ++gaps.filling; break;
                case GapStatus::missing: ++gaps.missing; break;
            }
            gaps.held += gap.local_enterprises > 0 ? 1 : 0;
            if (gap.action) {
                auto values = factor_values(data, facts, tiers, leader, s, shares[i]);
                const auto weights = named_weights(options.weights);
                for (std::size_t f = 0; f < weights.size(); ++f) {
                    gap.factors.push_back({weights[f].first, values[f], weights[f].second, values[f] * weights[f].second});
                    gap.score += values[f] * weights[f].second;
                }
            }
            gaps.segment_gaps.push_back(std::move(gap));
        }
        gaps.coverage = gaps.segments > 0 ? static_cast<double>(gaps.held) / static_cast<double>(gaps.segments) : 0.0;
        for (const Index e : chain.leaders) gaps.leaders.push_back(leader_supply(data, facts, e));
        result.chains.push_back(std::move(gaps));
    }

    std::vector<RankEntry> candidates;
    for (auto& chain : result.chains) {
        for (auto& gap : chain.segment_gaps) {
            if (!gap.action) continue;
            std::vector<double> values;
            for (const auto& f : gap.factors) values.push_back(f.value);
            candidates.push_back({&gap, std::move(values)});
        }
    }
    std::vector<double> weights;
    for (const auto& [name, weight] : named_weights(options.weights)) weights.push_back(weight);
    const auto order = rank_order(candidates, weights);
    for (std::size_t r = 0; r < order.size(); ++r) {
        SegmentGap& gap = *candidates[order[r]].gap;
        gap.rank = r + 1;
        result.ranking.push_back({r + 1, gap.chain, gap.id, gap.name, gap.name_en, gap.status, *gap.action, gap.score});
    }
    result.sensitivity = check_sensitivity(candidates, weights, order, options.sensitivity_top);
    return result;
}

}  // namespace chainatlas::analysis
