#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/text_writer.hpp"
#include "../context.hpp"

namespace chainatlas::cli {

namespace {

struct ValidateArgs {
    std::string path;
    bool json = false;
};

report::Json summary_json(const std::string& name, bool valid, std::size_t errors, std::size_t warnings,
                          const std::vector<io::Diagnostic>& diagnostics) {
    return report::Json{{"name", name},
                        {"valid", valid},
                        {"errors", errors},
                        {"warnings", warnings},
                        {"diagnostics", report::to_json(diagnostics)}};
}

int run_validate(const ValidateArgs& args, Context& context) {
    const std::string path = args.path.empty() ? context.data_path : args.path;
    const std::string name = path.empty() ? "built-in:liaocheng" : path;
    try {
        const auto loaded = path.empty() ? io::load_builtin_dataset() : io::load_dataset(path);
        const auto& data = loaded.dataset;
        if (args.json) {
            report::write_json(std::cout, data,
                               {{"validation", summary_json(name, true, 0, loaded.warnings.size(), loaded.warnings)}});
        } else {
            report::print_diagnostics(std::cout, loaded.warnings);
            std::cout << "valid: " << name << ": " << data.chains.size() << " chains, " << data.segments.size()
                      << " segments, " << data.counties.size() << " counties, " << data.parks.size() << " parks, "
                      << data.enterprises.size() << " enterprises, " << data.supplies.size() << " supplies, "
                      << data.projects.size() << " projects (" << loaded.warnings.size()
                      << (loaded.warnings.size() == 1 ? " warning" : " warnings") << ")\n";
        }
        return kExitOk;
    } catch (const io::DatasetError& e) {
        const std::size_t errors = e.error_count();
        const std::size_t warnings = e.diagnostics().size() + e.suppressed() - errors;
        if (args.json) {
            report::Json document{{"dataset", {{"name", name}}},
                                  {"validation", summary_json(name, false, errors, warnings, e.diagnostics())}};
            std::cout << document.dump(2) << '\n';
        } else {
            report::print_diagnostics(std::cout, e.diagnostics());
            if (e.suppressed() > 0) std::cout << "... and " << e.suppressed() << " more errors not shown\n";
            std::cout << "invalid: " << name << ": " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                      << (warnings == 1 ? " warning" : " warnings") << "\n";
        }
        return kExitFailure;
    }
}

}  // namespace

void add_validate_command(CLI::App& app, Context& context) {
    auto args = std::make_shared<ValidateArgs>();
    auto* command = app.add_subcommand(
        "validate", "check a dataset against the format chainatlas/1 and list every problem (exit 0 when valid, 1 when not)");
    command->add_option("path", args->path, "dataset file or folder (default: --data, or the built-in dataset)");
    command->add_flag("--json", args->json, "machine-readable output");
    command->callback([args, &context] { context.exit_code = run_validate(*args, context); });
}

}  // namespace chainatlas::cli
