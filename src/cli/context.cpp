#include "context.hpp"

#include <optional>

#include "chainatlas/report/text_writer.hpp"
#include "chainatlas/util/progress.hpp"

namespace chainatlas::cli {

const io::LoadResult& Context::loaded() {
    if (!loaded_) {
        if (data_path.empty()) {
            loaded_ = std::make_unique<io::LoadResult>(io::load_builtin_dataset());
        } else {
            // A registry takes seconds to read: on a terminal, a bar per file (rows or bytes),
            // then building the graph as a step (graph()).
            loaded_ = std::make_unique<io::LoadResult>(io::load_dataset(data_path, util::progress_wanted()));
        }
        report::print_diagnostics(std::cerr, loaded_->warnings);
    }
    return *loaded_;
}

const graph::RegionGraph& Context::graph() {
    if (!graph_) {
        const auto& data = loaded().dataset;
        std::optional<util::Progress> progress;  // a registry's graph takes a moment
        if (!data_path.empty()) {
            progress.emplace("loading", 1);
            progress->begin_step("building the graph");
        }
        graph_ = std::make_unique<graph::RegionGraph>(data);
    }
    return *graph_;
}

}  // namespace chainatlas::cli
