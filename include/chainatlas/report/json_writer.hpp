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

/// An empty object with room for `count` members, which the caller appends in order with
/// `emplace_back(key, value)`. For results with a row per record (hundreds of thousands at
/// registry scale): the braced form `Json{{"key", value}, ...}` builds a two-element array per
/// member, copies it and searches the keys so far for each one, several times the work. The
/// caller guarantees the keys are distinct.
inline Json::object_t& reserved_object(Json& object, std::size_t count) {
    object = Json::object();
    auto& members = object.get_ref<Json::object_t&>();
    members.reserve(count);
    return members;
}

/// `{"name", "region", "hash"}`: which dataset an output was computed from.
Json dataset_json(const model::Dataset& data);

Json to_json(const std::vector<io::Diagnostic>& diagnostics);
Json to_json(const analysis::StatsResult& result);
Json to_json(const analysis::ChainListResult& result);
Json to_json(const analysis::ShowResult& result);

/// Writes `{"dataset": ..., <body keys>}` followed by a newline.
void write_json(std::ostream& out, const model::Dataset& data, Json body);

}  // namespace chainatlas::report
