#pragma once

// Facts about segments shared by gaps, targets, trace, critical and whatif: which local
// enterprises hold each segment (in a place), its inputs and outputs, the projects filling it.
// Computed in one pass over the enterprises so no analysis scans all enterprises per segment.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "chainatlas/model/dataset.hpp"

namespace chainatlas::analysis::detail {

using model::Index;
using model::kNoIndex;

/// Where enterprises must be to count as local: the whole region, a county, a park or both.
struct Place {
    Index county = kNoIndex;
    Index park = kNoIndex;

    [[nodiscard]] bool contains(const model::Enterprise& e) const {
        return !e.external && (county == kNoIndex || e.county == county) && (park == kNoIndex || e.park == park);
    }
    [[nodiscard]] bool contains(const model::Project& p) const {
        return (county == kNoIndex || p.county == county) && (park == kNoIndex || p.park == park);
    }
};

/// Throws NotFoundError for an unknown id; empty ids leave the place unrestricted.
Place resolve_place(const model::Dataset& data, const std::string& county, const std::string& park);
/// The chain's index, kNoIndex for an empty id; throws NotFoundError for an unknown id.
Index resolve_chain(const model::Dataset& data, const std::string& chain);
/// The enterprise's index; throws NotFoundError for an unknown id.
Index resolve_enterprise(const model::Dataset& data, const std::string& id);

/// Per-segment facts for one place, indexed like Dataset::segments.
struct SegmentFacts {
    std::vector<std::uint32_t> local_offsets;  ///< CSR offsets into local_list (size segments+1)
    std::vector<Index> local_list;             ///< local enterprises, ascending within a segment
    std::vector<std::uint32_t> external_count;
    std::vector<double> local_output;
    std::vector<std::vector<Index>> inputs;    ///< links and cross links, ascending, no repeats
    std::vector<std::vector<Index>> outputs;
    std::vector<std::vector<Index>> filling_projects;  ///< signed/building projects in the place

    [[nodiscard]] std::span<const Index> locals(Index s) const {
        return {local_list.data() + local_offsets[s], local_offsets[s + 1] - local_offsets[s]};
    }
    [[nodiscard]] std::size_t local_count(Index s) const { return local_offsets[s + 1] - local_offsets[s]; }
    [[nodiscard]] bool held(Index s) const { return local_count(s) > 0; }
    [[nodiscard]] bool filling(Index s) const { return !filling_projects[s].empty(); }
};

SegmentFacts collect_segment_facts(const model::Dataset& data, const Place& place);

/// Inputs and outputs of every segment through links and cross links (ascending, no repeats).
void collect_segment_links(const model::Dataset& data, std::vector<std::vector<Index>>& inputs,
                           std::vector<std::vector<Index>>& outputs);

/// Distinct local enterprises of `segments` (ascending), leaving out those in `excluded`.
std::vector<Index> locals_of(const SegmentFacts& facts, std::span<const Index> segments,
                             std::span<const Index> excluded = {});

std::string str(std::string_view text);

}  // namespace chainatlas::analysis::detail
