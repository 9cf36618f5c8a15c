#pragma once

#include <ostream>

#include "chainatlas/analysis/county_compare.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/text_writer.hpp"

/// Tables and JSON of `compare`. Keys are documented in docs/COUNTIES.md.
namespace chainatlas::report {

/// `{"basis", "requested_basis", "local_enterprises", "output_known", "counties", "chains",
/// "matrix", "profiles", "similarity", "complementarity", "chain_links"}`.
Json to_json(const analysis::CompareResult& result);

/// The matrix (cells with enterprises only), specialisation, similar and complementary pairs, and
/// each chain across the counties.
void print_compare(std::ostream& out, const analysis::CompareResult& result, const TextOptions& options);

}  // namespace chainatlas::report
