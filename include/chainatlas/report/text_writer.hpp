#pragma once

#include <ostream>
#include <vector>

#include "chainatlas/analysis/overview.hpp"
#include "chainatlas/io/diagnostic.hpp"
#include "chainatlas/model/dataset.hpp"

/// The human-readable tables of each command, made from the same results as the JSON output.
namespace chainatlas::report {

/// Options shared by the text writers.
struct TextOptions {
    bool english = false;  ///< print `name_en` where the data has one
};

void print_diagnostics(std::ostream& out, const std::vector<io::Diagnostic>& diagnostics);
void print_stats(std::ostream& out, const model::Dataset& data, const analysis::StatsResult& result,
                 const TextOptions& options);
void print_chains(std::ostream& out, const analysis::ChainListResult& result, const TextOptions& options);
void print_show(std::ostream& out, const analysis::ShowResult& result);

}  // namespace chainatlas::report
