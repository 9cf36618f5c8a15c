#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>

#include "chainatlas/error.hpp"
#include "chainatlas/io/diagnostic.hpp"
#include "chainatlas/report/text_writer.hpp"
#include "chainatlas/util/memory.hpp"
#include "context.hpp"

namespace {

/// Whether `--data` names a registry big enough for huge pages to pay off (the program starts
/// a second time for them, ~20–50 ms; the built-in dataset and small files are left alone).
bool large_input(int argc, char** argv) {
    namespace fs = std::filesystem;
    constexpr std::uintmax_t kLarge = std::uintmax_t{32} << 20;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        std::string path;
        if (arg == "--data" && i + 1 < argc) {
            path = argv[i + 1];
        } else if (arg.starts_with("--data=")) {
            path = std::string(arg.substr(7));
        } else {
            continue;
        }
        std::error_code error;
        if (fs::is_directory(path, error)) {
            std::uintmax_t bytes = 0;
            for (const char* name : {"enterprises.csv", "supplies.csv", "dataset.json"}) {
                const auto size = fs::file_size(fs::path(path) / name, error);
                if (!error) bytes += size;
            }
            return bytes >= kLarge;
        }
        const auto size = fs::file_size(path, error);
        return !error && size >= kLarge;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace chainatlas;
    if (large_input(argc, argv)) util::reexec_with_huge_page_malloc(argv);
    // Everything goes through the C++ streams (Graphviz output included), so they need not keep
    // step with C's stdio: unsynchronised, std::cout buffers instead of passing each piece to
    // stdio (a registry's JSON is tens of MB written a few bytes at a time).
    std::ios::sync_with_stdio(false);
    cli::Context context;
    CLI::App app{"chainatlas: a region's industrial chains (产业链) as a graph, and what planners should do about them"};
    app.set_version_flag("--version", std::string("chainatlas ") + CHAINATLAS_VERSION);
    // Several commands may follow each other (`gaps --json compare --json`): the dataset is
    // loaded once and the commands run in the order given (docs/CLI.md).
    app.require_subcommand(1, 0);
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
