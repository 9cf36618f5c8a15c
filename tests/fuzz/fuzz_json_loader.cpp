// libFuzzer target: the JSON loader on arbitrary bytes. A file either loads into a consistent
// dataset or is refused with diagnostics naming it; nothing else may happen (no crash, no
// sanitizer report, no other exception, no hang, no runaway memory).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "chainatlas/error.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace chainatlas;
    const std::string_view text(reinterpret_cast<const char*>(bytes), size);
    const std::string name = "fuzz.json";
    try {
        const auto loaded = io::load_dataset_from_json(text, name);
        fuzz::check_dataset(loaded.dataset);
        for (const auto& warning : loaded.warnings) {
            CHAINATLAS_FUZZ_CHECK(warning.severity == io::Severity::warning);
            CHAINATLAS_FUZZ_CHECK(warning.file == name);
        }
    } catch (const io::DatasetError& error) {
        fuzz::check_refusal(error);
        for (const auto& diagnostic : error.diagnostics()) CHAINATLAS_FUZZ_CHECK(diagnostic.file == name);
    }
    // Any other exception escapes, and libFuzzer reports it as a crash: the loader promises
    // DatasetError for every bad dataset.
    return 0;
}
