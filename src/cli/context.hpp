#pragma once

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/io/load_dataset.hpp"

namespace chainatlas::cli {

/// Exit codes, documented in the README: 0 success (or a valid dataset), 1 invalid data or a
/// failure to read, write or render, 2 a usage error (bad flags, unknown command).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

/// What every command shares: the global flags and the dataset, loaded once on first use.
class Context {
public:
    std::string data_path;   ///< `--data`; empty for the built-in dataset
    std::string lang = "zh"; ///< `--lang`: `zh` or `en`
    [[nodiscard]] bool english() const { return lang == "en"; }
    int exit_code = kExitOk;

    /// Loads the dataset (warnings go to stderr) and builds its graph, once.
    const io::LoadResult& loaded();
    const model::Dataset& data() { return loaded().dataset; }
    const graph::RegionGraph& graph();

private:
    std::unique_ptr<io::LoadResult> loaded_;
    std::unique_ptr<graph::RegionGraph> graph_;
};

/// Each command adds itself to the application; its callback sets `context.exit_code`.
void add_validate_command(CLI::App& app, Context& context);
void add_stats_command(CLI::App& app, Context& context);
void add_chains_command(CLI::App& app, Context& context);
void add_show_command(CLI::App& app, Context& context);
void add_synth_command(CLI::App& app, Context& context);
void add_gaps_command(CLI::App& app, Context& context);
void add_trace_command(CLI::App& app, Context& context);
void add_targets_command(CLI::App& app, Context& context);
void add_critical_command(CLI::App& app, Context& context);
void add_whatif_command(CLI::App& app, Context& context);
void add_compare_command(CLI::App& app, Context& context);
void add_clusters_command(CLI::App& app, Context& context);
void add_render_command(CLI::App& app, Context& context);
void add_report_command(CLI::App& app, Context& context);
void add_export_command(CLI::App& app, Context& context);

}  // namespace chainatlas::cli
