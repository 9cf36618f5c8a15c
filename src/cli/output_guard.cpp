#include "output_guard.hpp"

#include <system_error>

#include "chainatlas/error.hpp"

namespace chainatlas::cli {

namespace fs = std::filesystem;

std::vector<fs::path> dataset_inputs(const std::string& data_path) {
    if (data_path.empty()) return {};
    const fs::path data(data_path);
    std::error_code ec;
    if (!fs::is_directory(data, ec)) return {data};
    std::vector<fs::path> inputs;
    for (const char* name : {"dataset.json", "enterprises.csv", "supplies.csv", "projects.csv"}) {
        inputs.push_back(data / name);
    }
    return inputs;
}

namespace {

/// The absolute path with `.`, `..` and every symbolic link of its existing part resolved.
fs::path resolved(const fs::path& path) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    if (ec) return path.lexically_normal();
    const fs::path canonical = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : canonical;
}

}  // namespace

bool is_same_file(const fs::path& output, const fs::path& input) {
    if (resolved(output) == resolved(input)) return true;
    std::error_code ec;
    return fs::exists(output, ec) && fs::exists(input, ec) && fs::equivalent(output, input, ec);
}

void refuse_overwriting_input(const fs::path& output, const std::string& data_path, std::string_view what) {
    for (const auto& input : dataset_inputs(data_path)) {
        if (!is_same_file(output, input)) continue;
        const std::string hint = "choose another " + std::string(what) + " with -o";
        if (output.lexically_normal() == input.lexically_normal()) {
            throw Error("refusing to overwrite the input dataset '" + output.string() + "' (" + hint + ")");
        }
        throw Error("refusing to overwrite the input dataset '" + input.string() + "': '" + output.string() +
                    "' is the same file (" + hint + ")");
    }
}

}  // namespace chainatlas::cli
