#pragma once

#include <ostream>

#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/text_writer.hpp"

/// Tables and JSON of the chain analyses (`gaps`, `targets`, `trace`, `critical`, `whatif`).
/// The JSON keys are documented in docs/ANALYSIS.md; objects keep the order written here.
namespace chainatlas::report {

Json to_json(const analysis::GapResult& result);
void print_gaps(std::ostream& out, const analysis::GapResult& result, const TextOptions& options);

}  // namespace chainatlas::report
