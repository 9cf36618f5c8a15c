#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "chainatlas/analysis/overview.hpp"
#include "chainatlas/io/diagnostic.hpp"
#include "chainatlas/model/dataset.hpp"

/// JSON output of every command. Keys are stable and documented in docs/JSON.md; objects keep
/// the order written here so the same input gives the same bytes.
namespace chainatlas::report {

using Json = nlohmann::ordered_json;

/// `{"name", "region", "hash"}`: which dataset an output was computed from.
Json dataset_json(const model::Dataset& data);

Json to_json(const std::vector<io::Diagnostic>& diagnostics);
Json to_json(const analysis::StatsResult& result);
Json to_json(const analysis::ChainListResult& result);
Json to_json(const analysis::ShowResult& result);

/// Writes `{"dataset": ..., <body keys>}` followed by a newline.
void write_json(std::ostream& out, const model::Dataset& data, Json body);

}  // namespace chainatlas::report
