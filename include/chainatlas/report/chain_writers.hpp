#pragma once

#include <ostream>

#include "chainatlas/analysis/critical.hpp"
#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/analysis/targets.hpp"
#include "chainatlas/analysis/trace.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/text_writer.hpp"

/// Tables and JSON of the chain analyses (`gaps`, `targets`, `trace`, `critical`, `whatif`).
/// The JSON keys are documented in docs/ANALYSIS.md; objects keep the order written here.
namespace chainatlas::report {

Json to_json(const analysis::GapResult& result);
void print_gaps(std::ostream& out, const analysis::GapResult& result, const TextOptions& options);

/// The text form lists at most `kTraceTableRows` enterprises per direction (the JSON lists all
/// that the result holds).
inline constexpr std::size_t kTraceTableRows = 30;
Json to_json(const analysis::TraceResult& result);
void print_trace(std::ostream& out, const analysis::TraceResult& result, const TextOptions& options);

Json to_json(const analysis::TargetResult& result);
void print_targets(std::ostream& out, const analysis::TargetResult& result, const TextOptions& options);

Json to_json(const analysis::CriticalResult& result);
void print_critical(std::ostream& out, const analysis::CriticalResult& result, const TextOptions& options);

}  // namespace chainatlas::report
