#pragma once

// Helpers shared by the diagram builders: words in both languages, colours, enterprise order.

#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/graph/tiers.hpp"
#include "chainatlas/render/diagram.hpp"

namespace chainatlas::render::detail {

using model::Index;
using model::kNoIndex;

/// The words drawn on diagrams, in Chinese or English.
struct Words {
    std::string_view upstream, midstream, downstream, unknown_tier;
    std::string_view missing, weak, filling, covered;
    std::string_view chain_map, cluster_diagram, county_map, region_overview;
    std::string_view local, external, enterprises_unit, more, leader, link, cross_link, recycle_link;
    std::string_view supply, flow, project, output_unit, segments, no_park, no_community;
    std::string_view by_county, by_park, by_community, separator, list_separator;
};
const Words& words(bool english);

std::string_view tier_word(model::Tier tier, const Words& w);
std::string_view status_word(SegmentStatus status, const Words& w);
std::string_view tag_word(model::Tag tag, bool english);

struct Colours {
    std::string_view fill, border;
};
Colours status_colours(SegmentStatus status);
Colours tier_colours(model::Tier tier);
inline constexpr std::string_view kLeaderBorder = "#b8860b";
inline constexpr std::string_view kLinkColour = "#4d4d4d";
inline constexpr std::string_view kCrossLinkColour = "#8e44ad";
inline constexpr std::string_view kSupplyColour = "#1f6fb2";
inline constexpr std::string_view kFlowColour = "#7f8c8d";

std::string name_of(const model::Segment& s, bool english);
std::string name_of(const model::Enterprise& e, bool english);
std::string name_of(const model::Chain& c, bool english);
std::string name_of(const model::County& c, bool english);
std::string name_of(const model::Park& p, bool english);

/// Whether `enterprise` leads `chain` (listed among its leaders, or tagged `chain-leader`).
bool is_leader(const model::Dataset& data, Index chain, Index enterprise);

/// Enterprises in the order a segment box lists them: chain leaders first, then by output
/// (largest first), then by id.
void sort_for_listing(const model::Dataset& data, Index chain, std::vector<Index>& enterprises);

/// Rows naming `enterprises` (leaders bold with ★), at most `limit`, then "+N more".
std::vector<LabelRow> enterprise_rows(const model::Dataset& data, Index chain, std::vector<Index> enterprises,
                                      std::size_t limit, bool english);

/// The column of each segment of `chain` (indexed like `Chain::segments`): tiers left to right
/// (upstream, midstream, downstream, then segments without tier) and, within a tier, levels from
/// upstream. Columns are numbered from 0 without holes.
std::vector<unsigned> segment_columns(const model::Dataset& data, Index chain,
                                      const std::vector<model::Tier>& tiers);

/// "1.5" with at most `decimals` decimals, no trailing zeros.
std::string short_number(double value, int decimals = 1);

}  // namespace chainatlas::render::detail
