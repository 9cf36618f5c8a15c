#include "context.hpp"

#include <filesystem>
#include <string>

#include "chainatlas/report/table.hpp"
#include "chainatlas/report/text_writer.hpp"
#include "chainatlas/util/progress.hpp"

namespace chainatlas::cli {

namespace {

/// `registry.json (217 MB)`: what is being read, for the progress line.
std::string describe_input(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    std::uintmax_t bytes = 0;
    if (fs::is_directory(path, error)) {
        for (const auto& entry : fs::directory_iterator(path, error)) {
            const auto size = entry.is_regular_file(error) ? entry.file_size(error) : 0;
            if (!error) bytes += size;
        }
    } else {
        bytes = fs::file_size(path, error);
        if (error) bytes = 0;
    }
    const std::string name = fs::path(path).filename().empty() ? path : fs::path(path).filename().string();
    return name + " (" + std::to_string((bytes + (1U << 19)) >> 20) + " MB)";
}

}  // namespace

const io::LoadResult& Context::loaded() {
    if (!loaded_) {
        if (data_path.empty()) {
            loaded_ = std::make_unique<io::LoadResult>(io::load_builtin_dataset());
        } else {
            // A registry takes seconds to read: on a terminal, a bar per file (rows or bytes),
            // then the checks across files and the graph as steps.
            loaded_ = std::make_unique<io::LoadResult>(io::load_dataset(data_path, util::progress_wanted()));
        }
        report::print_diagnostics(std::cerr, loaded_->warnings);
    }
    return *loaded_;
}

const graph::RegionGraph& Context::graph() {
    if (!graph_) {
        const auto& data = loaded().dataset;
        if (!data_path.empty()) {
            util::Progress progress("loading", 1);
            progress.begin_step("building the graph of " + report::printable(describe_input(data_path)));
            graph_ = std::make_unique<graph::RegionGraph>(data);
        } else {
            graph_ = std::make_unique<graph::RegionGraph>(data);
        }
    }
    return *graph_;
}

}  // namespace chainatlas::cli
