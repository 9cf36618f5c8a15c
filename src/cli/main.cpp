#include <CLI/CLI.hpp>
#include <iostream>

#include "chainatlas/error.hpp"
#include "chainatlas/io/diagnostic.hpp"
#include "chainatlas/report/text_writer.hpp"
#include "context.hpp"

int main(int argc, char** argv) {
    using namespace chainatlas;
    cli::Context context;
    CLI::App app{"chainatlas: a region's industrial chains (产业链) as a graph, and what planners should do about them"};
    app.set_version_flag("--version", std::string("chainatlas ") + CHAINATLAS_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--data", context.data_path,
                   "dataset: a chainatlas/1 JSON file or a folder with dataset.json and CSV files "
                   "(default: the built-in Liaocheng dataset)");
    app.add_option("--lang", context.lang, "language of names in tables, diagrams and reports (zh or en)")
        ->check(CLI::IsMember({"zh", "en"}));

    cli::add_validate_command(app, context);
    cli::add_stats_command(app, context);
    cli::add_chains_command(app, context);
    cli::add_show_command(app, context);
    cli::add_synth_command(app, context);
    cli::add_gaps_command(app, context);
    cli::add_trace_command(app, context);
    cli::add_targets_command(app, context);
    cli::add_critical_command(app, context);
    cli::add_whatif_command(app, context);
    cli::add_compare_command(app, context);
    cli::add_clusters_command(app, context);
    cli::add_render_command(app, context);
    cli::add_report_command(app, context);
    cli::add_export_command(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? cli::kExitOk : cli::kExitUsage;
    } catch (const io::DatasetError& e) {
        report::print_diagnostics(std::cerr, e.diagnostics());
        if (e.suppressed() > 0) std::cerr << "... and " << e.suppressed() << " more errors\n";
        std::cerr << "chainatlas: error: " << e.what() << '\n';
        return cli::kExitFailure;
    } catch (const Error& e) {
        std::cerr << "chainatlas: error: " << e.what() << '\n';
        return cli::kExitFailure;
    }
    return context.exit_code;
}
