#include "chainatlas/io/synthetic.hpp"
#include "chainatlas/io/write_file.hpp"
#include "../context.hpp"
#include "../output_guard.hpp"

namespace chainatlas::cli {

void add_synth_command(CLI::App& app, Context& context) {
    struct Args {
        io::SynthOptions options;
        std::optional<std::size_t> supplies;
        std::optional<std::size_t> counties;
        std::optional<std::size_t> projects;
        std::string form = "csv";
        std::string output;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand(
        "synth", "write a deterministic synthetic dataset of any size (for benchmarks and tests)");
    command->add_option("--enterprises", args->options.enterprises, "number of enterprises")->capture_default_str();
    command->add_option("--supplies", args->supplies, "number of supplies (default: 2 per enterprise)");
    command->add_option("--chains", args->options.chains, "number of chains")->capture_default_str()->check(CLI::PositiveNumber);
    command->add_option("--segments-per-chain", args->options.segments_per_chain, "segments in each chain")
        ->capture_default_str()
        ->check(CLI::Range(3, 1000));
    command->add_option("--counties", args->counties, "number of counties (default: 1 per 333 enterprises, 10 to 3000)");
    command->add_option("--projects", args->projects, "number of projects (default: 1 per 100 enterprises)");
    command->add_option("--seed", args->options.seed, "random seed")->capture_default_str();
    command->add_option("--form", args->form, "json (one file) or csv (a folder)")
        ->capture_default_str()
        ->check(CLI::IsMember({"json", "csv"}));
    command->add_option("-o,--output", args->output, "file (json) or folder (csv) to write")->required();
    command->callback([args, &context] {
        auto options = args->options;
        options.supplies = args->supplies.value_or(2 * options.enterprises);
        options.counties = args->counties.value_or(std::clamp<std::size_t>(options.enterprises / 333, 10, 3000));
        options.projects = args->projects.value_or(options.enterprises / 100);
        if (args->form == "json") {
            refuse_overwriting_input(args->output, context.data_path);
            io::write_file_atomically(args->output, [&](std::ostream& out) { io::write_synthetic_json(out, options); });
        } else {
            for (const char* name : {"dataset.json", "enterprises.csv", "supplies.csv", "projects.csv"}) {
                refuse_overwriting_input(std::filesystem::path(args->output) / name, context.data_path, "folder");
            }
            io::write_synthetic_folder(args->output, options);
        }
        context.exit_code = kExitOk;
    });
}

}  // namespace chainatlas::cli
