#pragma once

#include <vector>

#include "chainatlas/model/dataset.hpp"

namespace chainatlas::graph {

/// The level of each segment of `chain` from upstream to downstream: 0 for segments with no
/// input inside the chain, otherwise one more than the highest level among its inputs. Links
/// that close a cycle (recycling back to an earlier stage) are ignored, found by a depth-first
/// walk in the chain's segment order, so the result is the same on every run. Indexed like
/// `Chain::segments`.
std::vector<unsigned> segment_levels(const model::Dataset& data, model::Index chain);

/// The tier of every segment (indexed like `Dataset::segments`): the one given in the data, or
/// where none is given, derived from its level: the first level is upstream, the last
/// downstream, the rest midstream (a chain with one level is midstream throughout).
std::vector<model::Tier> effective_tiers(const model::Dataset& data);

}  // namespace chainatlas::graph
