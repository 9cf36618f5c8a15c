#include "chainatlas/analysis/county_compare.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <utility>

#include "chainatlas/error.hpp"
#include "chainatlas/graph/tiers.hpp"

namespace chainatlas::analysis {

namespace {

using model::Index;
using model::kNoIndex;

std::string str(std::string_view text) { return std::string(text); }

NamedRef named(const model::County& c) { return {str(c.id), str(c.name), str(c.name_en)}; }
NamedRef named(const model::Chain& c) { return {str(c.id), str(c.name), str(c.name_en)}; }

/// Where each segment sits in the per-county bit rows: every chain starts on a fresh 64-bit
/// word, so the segments of one chain are one contiguous run of words and a chain's coverage or
/// a pair's union is a few popcounts.
struct SegmentLayout {
    std::vector<std::size_t> chain_word;   ///< first word of each chain
    std::vector<std::size_t> chain_words;  ///< words of each chain
    std::vector<std::uint32_t> position;   ///< of each segment within its chain
    std::size_t row_words = 0;

    [[nodiscard]] std::size_t bit_of(const model::Dataset& data, Index segment) const {
        return chain_word[data.segments[segment].chain] * 64 + position[segment];
    }
};

SegmentLayout make_layout(const model::Dataset& data) {
    SegmentLayout layout;
    layout.position.assign(data.segments.size(), 0);
    for (const auto& chain : data.chains) {
        layout.chain_word.push_back(layout.row_words);
        const std::size_t words = (chain.segments.size() + 63) / 64;
        layout.chain_words.push_back(words);
        layout.row_words += words;
        for (std::uint32_t p = 0; p < chain.segments.size(); ++p) layout.position[chain.segments[p]] = p;
    }
    return layout;
}

/// Totals from one pass over the enterprises: per county, per county × chain, and which segments
/// each county holds.
struct Tally {
    std::size_t chains = 0;
    std::vector<std::uint32_t> county_count;
    std::vector<double> county_output;
    std::vector<std::uint32_t> cell_count;  ///< county * chains + chain
    std::vector<double> cell_output;
    std::vector<std::uint64_t> held;        ///< county * row_words + word
    std::vector<std::uint32_t> segment_local;
    std::size_t local = 0;
    std::size_t output_known = 0;
};

Tally tally_enterprises(const model::Dataset& data, const SegmentLayout& layout) {
    Tally t;
    t.chains = data.chains.size();
    const std::size_t counties = data.counties.size();
    t.county_count.assign(counties, 0);
    t.county_output.assign(counties, 0.0);
    t.cell_count.assign(counties * t.chains, 0);
    t.cell_output.assign(counties * t.chains, 0.0);
    t.held.assign(counties * layout.row_words, 0);
    t.segment_local.assign(data.segments.size(), 0);
    std::vector<Index> chains_of;
    for (const auto& e : data.enterprises) {
        if (e.external || e.county == kNoIndex) continue;
        ++t.local;
        if (e.output > 0) ++t.output_known;
        t.county_count[e.county] += 1;
        t.county_output[e.county] += e.output;
        chains_of.clear();
        for (const Index s : data.segments_of(e)) {
            chains_of.push_back(data.segments[s].chain);
            const std::size_t bit = layout.bit_of(data, s);
            t.held[e.county * layout.row_words + bit / 64] |= std::uint64_t{1} << (bit % 64);
            t.segment_local[s] += 1;
        }
        std::sort(chains_of.begin(), chains_of.end());
        chains_of.erase(std::unique(chains_of.begin(), chains_of.end()), chains_of.end());
        for (const Index k : chains_of) {
            t.cell_count[e.county * t.chains + k] += 1;
            t.cell_output[e.county * t.chains + k] += e.output;
        }
    }
    return t;
}

bool holds(const Tally& t, const SegmentLayout& layout, Index county, std::size_t bit) {
    return (t.held[county * layout.row_words + bit / 64] >> (bit % 64)) & 1U;
}

std::size_t popcount_chain(const std::uint64_t* row, const SegmentLayout& layout, Index chain) {
    std::size_t n = 0;
    for (std::size_t w = 0; w < layout.chain_words[chain]; ++w) n += std::popcount(row[layout.chain_word[chain] + w]);
    return n;
}

/// The county × chain values on the chosen basis and their totals.
struct Values {
    bool by_output = false;
    std::size_t chains = 0;
    const Tally* tally = nullptr;
    std::vector<double> chain_total;
    double region_total = 0.0;

    [[nodiscard]] double cell(Index county, Index chain) const {
        const std::size_t i = county * chains + chain;
        return by_output ? tally->cell_output[i] : tally->cell_count[i];
    }
    [[nodiscard]] double county_total(Index county) const {
        return by_output ? tally->county_output[county] : tally->county_count[county];
    }
    [[nodiscard]] double lq(Index county, Index chain) const {
        const double own = county_total(county);
        if (own <= 0 || chain_total[chain] <= 0 || region_total <= 0) return 0.0;
        return (cell(county, chain) / own) / (chain_total[chain] / region_total);
    }
};

Values make_values(const Tally& tally, std::size_t counties, bool by_output) {
    Values v;
    v.by_output = by_output;
    v.chains = tally.chains;
    v.tally = &tally;
    v.chain_total.assign(tally.chains, 0.0);
    for (Index c = 0; c < counties; ++c) {
        v.region_total += v.county_total(c);
        for (Index k = 0; k < tally.chains; ++k) v.chain_total[k] += v.cell(c, k);
    }
    return v;
}

/// Krugman index of `county` against the rest of the region: Σ_k |s_ck − r_ck| over chain
/// shares (see docs/COUNTIES.md).
double krugman_index(const Values& v, Index county) {
    double own = 0.0;
    double rest = 0.0;
    for (Index k = 0; k < v.chains; ++k) {
        own += v.cell(county, k);
        rest += v.chain_total[k] - v.cell(county, k);
    }
    if (own <= 0) return 0.0;
    double sum = 0.0;
    for (Index k = 0; k < v.chains; ++k) {
        const double r = rest > 0 ? (v.chain_total[k] - v.cell(county, k)) / rest : 0.0;
        sum += std::abs(v.cell(county, k) / own - r);
    }
    return sum;
}

std::vector<LeadingChain> leading_chains(const model::Dataset& data, const Values& v, Index county,
                                         std::size_t limit) {
    std::vector<std::pair<Index, LeadingChain>> found;
    for (Index k = 0; k < v.chains; ++k) {
        const double lq = v.lq(county, k);
        if (lq >= 1.0 && v.cell(county, k) > 0) found.push_back({k, {str(data.chains[k].id), v.cell(county, k), lq}});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        if (a.second.value != b.second.value) return a.second.value > b.second.value;
        if (a.second.lq != b.second.lq) return a.second.lq > b.second.lq;
        return a.second.chain < b.second.chain;
    });
    std::vector<LeadingChain> out;
    for (std::size_t i = 0; i < found.size() && i < limit; ++i) out.push_back(found[i].second);
    return out;
}

/// A link between two covered segments of a chain, through uncovered ones.
struct SegmentEdge {
    Index from = kNoIndex, to = kNoIndex;
    std::vector<Index> via;
};

/// Links of `chain` between segments some local enterprise holds. A walk from each covered segment
/// goes downstream through segments no local enterprise holds (gaps) and stops at the first
/// covered ones, so forging → turning → … → grinding (a gap) → assembly still ties the counties
/// of its two ends. Each walk visits a segment once, so cycles end. Sorted by from, then to.
std::vector<SegmentEdge> covered_edges(const model::Dataset& data, const SegmentLayout& layout,
                                       const Tally& tally, Index chain) {
    const auto& c = data.chains[chain];
    std::vector<std::vector<Index>> out(c.segments.size());
    for (const auto& link : c.links) out[layout.position[link.from]].push_back(link.to);
    for (auto& o : out) std::sort(o.begin(), o.end());
    std::vector<SegmentEdge> edges;
    std::vector<Index> parent(c.segments.size());
    std::vector<char> seen(c.segments.size());
    for (const Index s : c.segments) {
        if (tally.segment_local[s] == 0) continue;
        std::fill(seen.begin(), seen.end(), 0);
        std::vector<Index> queue{s};
        seen[layout.position[s]] = 1;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const Index at = queue[head];
            for (const Index next : out[layout.position[at]]) {
                const auto p = layout.position[next];
                if (seen[p]) continue;
                seen[p] = 1;
                parent[p] = at;
                if (tally.segment_local[next] == 0) {
                    queue.push_back(next);
                    continue;
                }
                SegmentEdge edge{s, next, {}};
                for (Index back = at; back != s; back = parent[layout.position[back]]) edge.via.push_back(back);
                std::reverse(edge.via.begin(), edge.via.end());
                edges.push_back(std::move(edge));
            }
        }
    }
    std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
        return std::pair(a.from, a.to) < std::pair(b.from, b.to);
    });
    return edges;
}

SegmentLinkRef link_ref(const model::Dataset& data, const SegmentEdge& edge) {
    SegmentLinkRef ref{str(data.segments[edge.from].id), str(data.segments[edge.to].id), {}};
    for (const Index v : edge.via) ref.via.push_back(str(data.segments[v].id));
    return ref;
}

/// A known supply between local enterprises of two different compared counties.
struct CrossSupply {
    Index county_a = 0, county_b = 0;  ///< county_a < county_b
    Index from = 0, to = 0;
};

std::vector<CrossSupply> cross_supplies(const model::Dataset& data, const std::vector<char>& compared) {
    std::vector<CrossSupply> out;
    for (const auto& s : data.supplies) {
        const auto& from = data.enterprises[s.from];
        const auto& to = data.enterprises[s.to];
        if (from.external || to.external || from.county == to.county) continue;
        if (!compared[from.county] || !compared[to.county]) continue;
        out.push_back({std::min(from.county, to.county), std::max(from.county, to.county), s.from, s.to});
    }
    std::sort(out.begin(), out.end(), [](const CrossSupply& a, const CrossSupply& b) {
        return std::tie(a.county_a, a.county_b, a.from, a.to) < std::tie(b.county_a, b.county_b, b.from, b.to);
    });
    return out;
}

SupplyRef supply_ref(const model::Dataset& data, Index from, Index to) {
    return {str(data.enterprises[from].id), str(data.enterprises[to].id),
            str(data.counties[data.enterprises[from].county].id), str(data.counties[data.enterprises[to].county].id)};
}

/// Everything the pair and chain sections share.
struct Scope {
    const model::Dataset* data = nullptr;
    SegmentLayout layout;
    Tally tally;
    std::vector<Index> counties;  ///< compared, dataset order
    std::vector<char> compared;   ///< by county index
    std::vector<Index> chains;    ///< in scope, dataset order
    std::vector<std::vector<SegmentEdge>> edges;  ///< by chain index (only chains in scope filled)
    std::vector<CrossSupply> supplies;
    /// By chain index: the entries of `supplies` whose two ends both work in the chain, in order.
    std::vector<std::vector<std::uint32_t>> chain_supplies;
};

/// For each chain, which cross-county supplies join two of its enterprises: worked out once
/// rather than once per chain over every supply (50 chains × a million supplies at registry scale).
std::vector<std::vector<std::uint32_t>> supplies_by_chain(const model::Dataset& data,
                                                          const std::vector<CrossSupply>& supplies) {
    std::vector<std::vector<std::uint32_t>> out(data.chains.size());
    std::vector<Index> from_chains, to_chains;
    const auto chains_of = [&](Index enterprise, std::vector<Index>& chains) {
        chains.clear();
        for (const Index s : data.segments_of(data.enterprises[enterprise])) chains.push_back(data.segments[s].chain);
        std::sort(chains.begin(), chains.end());
        chains.erase(std::unique(chains.begin(), chains.end()), chains.end());
    };
    for (std::size_t i = 0; i < supplies.size(); ++i) {
        chains_of(supplies[i].from, from_chains);
        chains_of(supplies[i].to, to_chains);
        for (const Index k : from_chains) {
            if (std::binary_search(to_chains.begin(), to_chains.end(), k)) out[k].push_back(static_cast<std::uint32_t>(i));
        }
    }
    return out;
}

ComplementChain complement_chain(const Scope& scope, Index a, Index b, Index k) {
    const auto& data = *scope.data;
    const auto& chain = data.chains[k];
    ComplementChain out{str(chain.id), {}, {}, 0.0, {}};
    std::vector<char> side(chain.segments.size(), 0);  // 1: only a, 2: only b
    for (std::uint32_t p = 0; p < chain.segments.size(); ++p) {
        const std::size_t bit = scope.layout.chain_word[k] * 64 + p;
        const bool in_a = holds(scope.tally, scope.layout, a, bit);
        const bool in_b = holds(scope.tally, scope.layout, b, bit);
        if (in_a && !in_b) {
            side[p] = 1;
            out.only_a.push_back(str(data.segments[chain.segments[p]].id));
        } else if (in_b && !in_a) {
            side[p] = 2;
            out.only_b.push_back(str(data.segments[chain.segments[p]].id));
        }
    }
    for (const auto& edge : scope.edges[k]) {
        const char from = side[scope.layout.position[edge.from]];
        const char to = side[scope.layout.position[edge.to]];
        if (from != 0 && to != 0 && from != to) out.links.push_back(link_ref(data, edge));
    }
    return out;
}

/// gain of a pair in one chain: (|A ∪ B| − max(|A|, |B|)) / segments.
double pair_gain(const Scope& scope, Index a, Index b, Index k) {
    const auto& layout = scope.layout;
    const std::uint64_t* row_a = scope.tally.held.data() + a * layout.row_words;
    const std::uint64_t* row_b = scope.tally.held.data() + b * layout.row_words;
    std::size_t n_a = 0, n_b = 0, n_union = 0;
    for (std::size_t w = layout.chain_word[k]; w < layout.chain_word[k] + layout.chain_words[k]; ++w) {
        n_a += std::popcount(row_a[w]);
        n_b += std::popcount(row_b[w]);
        n_union += std::popcount(row_a[w] | row_b[w]);
    }
    const auto segments = scope.data->chains[k].segments.size();
    return segments == 0 ? 0.0 : static_cast<double>(n_union - std::max(n_a, n_b)) / static_cast<double>(segments);
}

std::vector<ComplementPair> find_complements(const Scope& scope, std::size_t top, util::Progress* progress) {
    const auto& data = *scope.data;
    struct Scored {
        double score;
        Index a, b;
    };
    std::vector<Scored> scored;
    for (std::size_t i = 0; i < scope.counties.size(); ++i) {
        for (std::size_t j = i + 1; j < scope.counties.size(); ++j) {
            double score = 0.0;
            for (const Index k : scope.chains) score += pair_gain(scope, scope.counties[i], scope.counties[j], k);
            if (score > 0) scored.push_back({score, scope.counties[i], scope.counties[j]});
        }
        if (progress != nullptr) progress->advance(scope.counties.size() - i - 1);
    }
    const auto order = [&](const Scored& x, const Scored& y) {
        if (x.score != y.score) return x.score > y.score;
        const auto ix = std::pair(data.counties[x.a].id, data.counties[x.b].id);
        return ix < std::pair(data.counties[y.a].id, data.counties[y.b].id);
    };
    std::sort(scored.begin(), scored.end(), order);
    if (top > 0 && scored.size() > top) scored.resize(top);
    std::vector<ComplementPair> out;
    for (const auto& s : scored) {
        ComplementPair pair{str(data.counties[s.a].id), str(data.counties[s.b].id), s.score, 0, {}, {}};
        for (const Index k : scope.chains) {
            const double gain = pair_gain(scope, s.a, s.b, k);
            if (gain <= 0) continue;
            auto chain = complement_chain(scope, s.a, s.b, k);
            chain.gain = gain;
            pair.links += chain.links.size();
            pair.chains.push_back(std::move(chain));
        }
        std::stable_sort(pair.chains.begin(), pair.chains.end(),
                         [](const auto& x, const auto& y) { return x.gain > y.gain; });
        const auto key = [](const CrossSupply& c) { return std::pair(c.county_a, c.county_b); };
        const auto lo = std::partition_point(scope.supplies.begin(), scope.supplies.end(), [&](const auto& c) {
            return key(c) < std::pair(std::min(s.a, s.b), std::max(s.a, s.b));
        });
        for (auto it = lo; it != scope.supplies.end() && key(*it) == std::pair(std::min(s.a, s.b), std::max(s.a, s.b)); ++it) {
            pair.supplies.push_back(supply_ref(data, it->from, it->to));
        }
        out.push_back(std::move(pair));
    }
    return out;
}

std::vector<SimilarityPair> find_similar(const Scope& scope, const Values& v, std::size_t top,
                                         util::Progress* progress) {
    const auto& data = *scope.data;
    std::vector<double> norm(scope.counties.size(), 0.0);
    for (std::size_t i = 0; i < scope.counties.size(); ++i) {
        for (Index k = 0; k < v.chains; ++k) norm[i] += v.cell(scope.counties[i], k) * v.cell(scope.counties[i], k);
        norm[i] = std::sqrt(norm[i]);
    }
    // Scores first, by index; names only for the pairs kept (3,000 counties make 4.5M pairs).
    struct Scored {
        double cosine;
        Index a, b;  // a's id < b's id
    };
    std::vector<Scored> scored;
    for (std::size_t i = 0; i < scope.counties.size(); ++i) {
        for (std::size_t j = i + 1; j < scope.counties.size(); ++j) {
            double dot = 0.0;
            for (Index k = 0; k < v.chains; ++k) dot += v.cell(scope.counties[i], k) * v.cell(scope.counties[j], k);
            const double cosine = norm[i] > 0 && norm[j] > 0 ? dot / (norm[i] * norm[j]) : 0.0;
            Index a = scope.counties[i];
            Index b = scope.counties[j];
            if (data.counties[b].id < data.counties[a].id) std::swap(a, b);
            scored.push_back({cosine, a, b});
        }
        if (progress != nullptr) progress->advance(scope.counties.size() - i - 1);
    }
    const auto order = [&](const Scored& x, const Scored& y) {
        if (x.cosine != y.cosine) return x.cosine > y.cosine;
        return std::pair(data.counties[x.a].id, data.counties[x.b].id) <
               std::pair(data.counties[y.a].id, data.counties[y.b].id);
    };
    const std::size_t kept = top > 0 ? std::min(top, scored.size()) : scored.size();
    std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(kept), scored.end(), order);
    std::vector<SimilarityPair> out;
    out.reserve(kept);
    for (std::size_t i = 0; i < kept; ++i) {
        out.push_back({str(data.counties[scored[i].a].id), str(data.counties[scored[i].b].id), scored[i].cosine});
    }
    return out;
}

constexpr std::size_t kMaxLinkPairCounties = 50;
constexpr std::size_t kMaxAllPairsCounties = 200;

ChainSpread spread_of(const Scope& scope, Index k) {
    const auto& data = *scope.data;
    const auto& chain = data.chains[k];
    const auto levels = graph::segment_levels(data, k);
    ChainSpread spread{str(chain.id), {}, {}};
    // holders[p]: compared counties holding the chain's segment at position p.
    std::vector<std::vector<Index>> holders(chain.segments.size());
    std::map<Index, ChainCounty> parts;
    std::map<Index, double> level_sum;
    for (const Index c : scope.counties) {
        for (std::uint32_t p = 0; p < chain.segments.size(); ++p) {
            if (!holds(scope.tally, scope.layout, c, scope.layout.chain_word[k] * 64 + p)) continue;
            holders[p].push_back(c);
            auto& part = parts[c];
            part.segments.push_back(str(data.segments[chain.segments[p]].id));
            level_sum[c] += levels[p];
        }
    }
    for (const Index leader : chain.leaders) {
        const auto& e = data.enterprises[leader];
        if (!e.external && parts.count(e.county)) parts[e.county].leaders.push_back(str(e.id));
    }
    std::map<std::pair<Index, Index>, CountyLink> links;
    // Segment links between counties are every pair of holders of a link's two ends: quadratic
    // in the counties. They are listed when at most kMaxLinkPairCounties counties are compared
    // (the result says when they were left out); supplies between counties are always listed.
    spread.link_pairs_listed = scope.counties.size() <= kMaxLinkPairCounties;
    for (const auto& edge : scope.edges[k]) {
        const std::size_t to_bit = scope.layout.chain_word[k] * 64 + scope.layout.position[edge.to];
        for (const Index a : holders[scope.layout.position[edge.from]]) {
            if (holds(scope.tally, scope.layout, a, to_bit)) ++parts[a].internal_links;
            if (!spread.link_pairs_listed) continue;
            for (const Index b : holders[scope.layout.position[edge.to]]) {
                if (a != b) links[{a, b}].links.push_back(link_ref(data, edge));
            }
        }
    }
    for (const std::uint32_t i : scope.chain_supplies[k]) {
        const auto& s = scope.supplies[i];
        links[{data.enterprises[s.from].county, data.enterprises[s.to].county}].supplies.push_back(
            supply_ref(data, s.from, s.to));
    }
    for (auto& [c, part] : parts) {
        part.county = str(data.counties[c].id);
        part.enterprises = scope.tally.cell_count[c * scope.tally.chains + k];
        part.mean_level = level_sum[c] / static_cast<double>(part.segments.size());
        spread.counties.push_back(std::move(part));
    }
    std::sort(spread.counties.begin(), spread.counties.end(), [](const auto& x, const auto& y) {
        if (x.mean_level != y.mean_level) return x.mean_level < y.mean_level;
        return x.county < y.county;
    });
    for (auto& [key, link] : links) {
        link.from_county = str(data.counties[key.first].id);
        link.to_county = str(data.counties[key.second].id);
        std::sort(link.supplies.begin(), link.supplies.end(),
                  [](const auto& x, const auto& y) { return std::tie(x.from, x.to) < std::tie(y.from, y.to); });
        spread.links.push_back(std::move(link));
    }
    std::sort(spread.links.begin(), spread.links.end(), [](const auto& x, const auto& y) {
        return std::tie(x.from_county, x.to_county) < std::tie(y.from_county, y.to_county);
    });
    return spread;
}

std::vector<Index> resolve_counties(const model::Dataset& data, const std::vector<std::string>& ids) {
    std::vector<Index> out;
    if (ids.empty()) {
        for (Index c = 0; c < data.counties.size(); ++c) out.push_back(c);
        return out;
    }
    for (const auto& id : ids) {
        const Index c = data.find(model::Section::county, id);
        if (c == kNoIndex) throw NotFoundError("unknown county '" + id + "' (expected an id from /counties)");
        out.push_back(c);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<MatrixRow> make_matrix(const Scope& scope, const Values& v) {
    const auto& data = *scope.data;
    std::vector<MatrixRow> rows;
    rows.reserve(scope.counties.size() * scope.chains.size());
    for (const Index c : scope.counties) {
        const std::uint64_t* row = scope.tally.held.data() + c * scope.layout.row_words;
        for (const Index k : scope.chains) {
            MatrixRow r;
            r.county = str(data.counties[c].id);
            r.chain = str(data.chains[k].id);
            r.enterprises = scope.tally.cell_count[c * scope.tally.chains + k];
            r.output = scope.tally.cell_output[c * scope.tally.chains + k];
            r.segments = popcount_chain(row, scope.layout, k);
            const auto n = data.chains[k].segments.size();
            r.coverage = n == 0 ? 0.0 : static_cast<double>(r.segments) / static_cast<double>(n);
            r.lq = v.lq(c, k);
            rows.push_back(std::move(r));
        }
    }
    return rows;
}

}  // namespace

std::string to_string(CompareBasis basis) {
    switch (basis) {
        case CompareBasis::automatic: return "auto";
        case CompareBasis::count: return "count";
        case CompareBasis::output: return "output";
    }
    return "auto";
}

CompareResult compare_counties(const graph::RegionGraph& graph, const CompareOptions& options) {
    const auto& data = graph.data();
    Scope scope;
    scope.data = &data;
    scope.counties = resolve_counties(data, options.counties);
    if (options.top_pairs == 0 && scope.counties.size() > kMaxAllPairsCounties) {
        // Every pair in full grows with the square of the counties (200 counties: 19,900 pairs,
        // each listing the segments one holds and the other lacks, chain by chain).
        throw Error("--top 0 lists every pair of counties in full: at most " + std::to_string(kMaxAllPairsCounties) +
                    " counties (" + std::to_string(scope.counties.size()) +
                    " compared); choose them with --counties, or keep the best pairs with --top N");
    }
    if (options.chain.empty()) {
        for (Index k = 0; k < data.chains.size(); ++k) scope.chains.push_back(k);
    } else {
        const Index k = data.find(model::Section::chain, options.chain);
        if (k == kNoIndex) throw NotFoundError("unknown chain '" + options.chain + "' (expected an id from /chains)");
        scope.chains.push_back(k);
    }
    scope.compared.assign(data.counties.size(), 0);
    for (const Index c : scope.counties) scope.compared[c] = 1;
    scope.layout = make_layout(data);
    scope.tally = tally_enterprises(data, scope.layout);

    CompareResult result;
    result.requested_basis = to_string(options.basis);
    result.local_enterprises = scope.tally.local;
    result.output_known = scope.tally.output_known;
    // Output is used when asked for (or by default) and known for at least one local enterprise;
    // the Liaocheng data has no output figures, so it compares by enterprise count.
    const bool by_output = options.basis != CompareBasis::count && scope.tally.output_known > 0;
    result.basis = by_output ? "output" : "count";
    const Values values = make_values(scope.tally, data.counties.size(), by_output);

    for (const Index c : scope.counties) result.counties.push_back(named(data.counties[c]));
    for (const Index k : scope.chains) result.chains.push_back(named(data.chains[k]));
    result.matrix = make_matrix(scope, values);
    for (const Index c : scope.counties) {
        CountyProfile p;
        p.county = str(data.counties[c].id);
        p.name = str(data.counties[c].name);
        p.name_en = str(data.counties[c].name_en);
        p.enterprises = scope.tally.county_count[c];
        p.output = scope.tally.county_output[c];
        for (Index k = 0; k < data.chains.size(); ++k) p.chains += scope.tally.cell_count[c * data.chains.size() + k] > 0;
        p.krugman = krugman_index(values, c);
        p.leading = leading_chains(data, values, c, options.leading);
        result.profiles.push_back(std::move(p));
    }
    if (options.progress != nullptr) options.progress->relabel("compare: similar counties");
    result.similarity = find_similar(scope, values, options.top_pairs, options.progress);

    scope.edges.resize(data.chains.size());
    for (const Index k : scope.chains) scope.edges[k] = covered_edges(data, scope.layout, scope.tally, k);
    scope.supplies = cross_supplies(data, scope.compared);
    scope.chain_supplies = supplies_by_chain(data, scope.supplies);
    if (options.progress != nullptr) options.progress->relabel("compare: complementary counties");
    result.complementarity = find_complements(scope, options.top_pairs, options.progress);
    for (const Index k : scope.chains) {
        auto spread = spread_of(scope, k);
        if (!spread.counties.empty()) result.chain_links.push_back(std::move(spread));
    }
    return result;
}

}  // namespace chainatlas::analysis
