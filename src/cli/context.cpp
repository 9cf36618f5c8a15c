#include "context.hpp"

#include "chainatlas/report/text_writer.hpp"

namespace chainatlas::cli {

const io::LoadResult& Context::loaded() {
    if (!loaded_) {
        loaded_ = std::make_unique<io::LoadResult>(data_path.empty() ? io::load_builtin_dataset()
                                                                     : io::load_dataset(data_path));
        report::print_diagnostics(std::cerr, loaded_->warnings);
    }
    return *loaded_;
}

const graph::RegionGraph& Context::graph() {
    if (!graph_) graph_ = std::make_unique<graph::RegionGraph>(loaded().dataset);
    return *graph_;
}

}  // namespace chainatlas::cli
