#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/util/progress.hpp"

/// County comparison (县域比较): how each county takes part in each chain, how specialised it is,
/// which counties look alike and which complete each other, and how a chain runs across counties.
/// Formulas and JSON keys: docs/COUNTIES.md.
namespace chainatlas::analysis {

/// What a county's weight in a chain is measured by.
enum class CompareBasis : std::uint8_t {
    automatic,  ///< `output` when any local enterprise has a known output, else `count`
    count,      ///< local enterprises
    output,     ///< annual output (亿元) of local enterprises; falls back to `count` when unknown
};

struct CompareOptions {
    std::vector<std::string> counties;  ///< county ids to compare; empty for every county
    std::string chain;                  ///< only this chain in the matrix, pairs and links; empty for all
    CompareBasis basis = CompareBasis::automatic;
    std::size_t leading = 3;    ///< at most this many leading chains per county
    std::size_t top_pairs = 10; ///< similarity and complementarity pairs kept; 0 keeps all
    /// Counts the county pairs scored (similarity, then complementarity: `compare_pair_count`
    /// of them in all) when not null: 3,000 counties make 4.5M pairs, scored twice.
    util::Progress* progress = nullptr;
};

/// What `compare_counties` counts on `CompareOptions::progress` for `counties` compared counties.
inline std::uint64_t compare_pair_count(std::size_t counties) {
    return counties < 2 ? 0 : std::uint64_t{counties} * (counties - 1);
}

/// A chain or county named in the result, with its display names.
struct NamedRef {
    std::string id, name, name_en;
};

/// One cell of the county × chain matrix.
struct MatrixRow {
    std::string county, chain;
    std::size_t enterprises = 0;  ///< distinct local enterprises of the county in any segment of the chain
    double output = 0.0;          ///< their output, 亿元 (0 when unknown)
    std::size_t segments = 0;     ///< segments of the chain the county holds
    double coverage = 0.0;        ///< segments / all segments of the chain
    double lq = 0.0;              ///< location quotient on the result's basis; 0 when undefined
};

struct LeadingChain {
    std::string chain;
    double value = 0.0;  ///< the county's enterprises or output in the chain (per basis)
    double lq = 0.0;
};

/// A compared county: its size, specialisation (Krugman index against the rest of the region)
/// and its leading chains (LQ ≥ 1, largest value first, then higher LQ, then chain id).
struct CountyProfile {
    std::string county, name, name_en;
    std::size_t enterprises = 0;  ///< local enterprises, each once
    double output = 0.0;
    std::size_t chains = 0;       ///< chains with at least one of its enterprises
    double krugman = 0.0;         ///< in [0, 2]; 0 when the county has no enterprise in any chain
    std::vector<LeadingChain> leading;
};

/// Cosine similarity of two counties' chain profiles; `county_a` < `county_b` by id.
struct SimilarityPair {
    std::string county_a, county_b;
    double cosine = 0.0;
};

/// A link of a chain between two segments, possibly through segments no local enterprise holds.
struct SegmentLinkRef {
    std::string from, to;          ///< segment ids
    std::vector<std::string> via;  ///< uncovered segments walked through, upstream first
};

/// A known supply between two local enterprises of different counties.
struct SupplyRef {
    std::string from, to;                ///< enterprise ids (`from` sells to `to`)
    std::string from_county, to_county;
};

/// What two counties hold of one chain that the other lacks.
struct ComplementChain {
    std::string chain;
    std::vector<std::string> only_a, only_b;  ///< segment ids, in the chain's segment order
    double gain = 0.0;  ///< (|A ∪ B| − max(|A|, |B|)) / segments of the chain
    std::vector<SegmentLinkRef> links;  ///< chain links between a segment only one holds and one only the other holds
};

/// Two counties whose chains complete each other; `score` is the sum of the chains' `gain`.
/// `county_a` comes before `county_b` in the dataset; `only_a` is what `county_a` holds.
struct ComplementPair {
    std::string county_a, county_b;
    double score = 0.0;
    std::size_t links = 0;  ///< total of the chains' `links`
    std::vector<ComplementChain> chains;   ///< chains with gain > 0, highest gain first, then id
    std::vector<SupplyRef> supplies;       ///< known supplies between the two, either way
};

/// A county's part of a chain.
struct ChainCounty {
    std::string county;
    std::vector<std::string> segments;  ///< held segments, in the chain's segment order
    std::size_t enterprises = 0;
    std::vector<std::string> leaders;   ///< chain leaders (链主) located here
    double mean_level = 0.0;            ///< mean graph::segment_levels of its segments
    std::size_t internal_links = 0;     ///< chain links between two of its own segments
};

/// Links of a chain from one county to another: a segment held in `from_county` feeds one held
/// in `to_county` (directly or through uncovered segments), and the known supplies that follow it.
struct CountyLink {
    std::string from_county, to_county;
    std::vector<SegmentLinkRef> links;  ///< by from, then to
    std::vector<SupplyRef> supplies;    ///< by from, then to
};

/// How a chain runs across the compared counties.
struct ChainSpread {
    std::string chain;
    std::vector<ChainCounty> counties;  ///< upstream first: by mean_level, then county id
    std::vector<CountyLink> links;      ///< by from_county, then to_county
    /// False when more than 50 counties are compared: `links` then holds only the known supplies
    /// between counties, not the segment links (every pair of holders of a link's two ends,
    /// which grows with the square of the counties). Compare fewer counties to see them.
    bool link_pairs_listed = true;
};

/// Everything `compare` computes. Counties are the compared ones in the order of the dataset;
/// chains those in scope, in the order of the dataset.
struct CompareResult {
    std::string basis;            ///< `output` or `count`, the one used
    std::string requested_basis;  ///< `auto`, `output` or `count`
    std::size_t local_enterprises = 0;
    std::size_t output_known = 0;  ///< local enterprises with a known (positive) output
    std::vector<NamedRef> counties;
    std::vector<NamedRef> chains;
    std::vector<MatrixRow> matrix;           ///< by county, then chain (dataset order), every cell
    std::vector<CountyProfile> profiles;     ///< dataset order of counties
    std::vector<SimilarityPair> similarity;  ///< highest cosine first, then ids
    std::vector<ComplementPair> complementarity;  ///< score > 0, highest first, then by ids
    std::vector<ChainSpread> chain_links;    ///< chains in scope held by at least one compared county
};

/// Compares counties over the chains of the region. LQs and Krugman indices are taken against the
/// whole region, whichever counties are compared. Throws NotFoundError for an unknown county or
/// chain id.
CompareResult compare_counties(const graph::RegionGraph& graph, const CompareOptions& options);

/// `auto`, `count` or `output`.
std::string to_string(CompareBasis basis);

}  // namespace chainatlas::analysis
