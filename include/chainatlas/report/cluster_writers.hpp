#pragma once

#include <ostream>

#include "chainatlas/analysis/clusters.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/text_writer.hpp"

/// Tables and JSON of `clusters`. Keys are documented in docs/COUNTIES.md, section "clusters".
namespace chainatlas::report {

/// `{"chain", "by", "basis", "places", "network", "components", "articulation_points",
/// "communities", "modularity", "segment_level"}`.
Json to_json(const analysis::ClusterResult& result);

/// The places of each chain, then the structure of the enterprise supply network and of the
/// segment graph.
void print_clusters(std::ostream& out, const analysis::ClusterResult& result,
                    const TextOptions& options);

}  // namespace chainatlas::report
