#include "registry.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "chainatlas/io/synthetic.hpp"

namespace chainatlas::bench {

const Registry& registry(std::size_t enterprises) {
    namespace fs = std::filesystem;
    static std::map<std::size_t, std::unique_ptr<Registry>> cache;
    auto& slot = cache[enterprises];
    if (!slot) {
        io::SynthOptions options;
        options.enterprises = enterprises;
        options.supplies = 2 * enterprises;
        options.counties = std::clamp<std::size_t>(enterprises / 333, 10, 3000);
        options.projects = enterprises / 100;
        const fs::path path = fs::temp_directory_path() / "chainatlas-bench" / ("analysis-" + std::to_string(enterprises));
        if (!fs::exists(path / "enterprises.csv")) io::write_synthetic_folder(path, options);
        slot = std::make_unique<Registry>(Registry{io::load_dataset(path), nullptr});
        slot->graph = std::make_unique<graph::RegionGraph>(slot->loaded.dataset);
    }
    return *slot;
}

}  // namespace chainatlas::bench
