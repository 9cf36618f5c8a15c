#pragma once

#include <ostream>

#include "chainatlas/analysis/whatif.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/text_writer.hpp"

namespace chainatlas::report {

/// `whatif --json`: `removed[]`, `gaps_opened`, `gaps_closed`, `chains[]` {id, name, name_en,
/// coverage_before, coverage_after, missing_before, missing_after, weak_before, weak_after},
/// `segments[]` {chain, segment, name, name_en, before, after, local_before, local_after,
/// effect}, `ranking[]` {chain, segment, rank_before, rank_after, score_before, score_after}.
Json to_json(const analysis::WhatIfResult& result);
void print_whatif(std::ostream& out, const analysis::WhatIfResult& result, const TextOptions& options);

}  // namespace chainatlas::report
