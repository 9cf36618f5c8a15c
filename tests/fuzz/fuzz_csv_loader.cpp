// libFuzzer target: the CSV files of the folder form. The input is one CSV file, or all three:
//   byte 0 % 4 == 0, 1, 2: the rest is enterprises.csv, supplies.csv or projects.csv;
//   byte 0 % 4 == 3: the rest is split at NUL bytes into enterprises.csv, supplies.csv and
//   projects.csv (missing parts are absent files).
// They are written beside a fixed, valid dataset.json (counties a and b, park p, chain c with
// segments c.up, c.mid, c.down, enterprises e1 and e2) in a private temporary folder and loaded
// with io::load_dataset, as `chainatlas --data folder` does. The CSV reader is also run on its
// own over the same text.

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/error.hpp"
#include "chainatlas/io/csv_reader.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "fuzz_support.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDatasetJson = R"({
  "format": "chainatlas/1",
  "region": {"id": "fuzz", "name": "测试市"},
  "counties": [{"id": "a", "name": "甲县", "kind": "county"}, {"id": "b", "name": "乙区", "kind": "district"}],
  "parks": [{"id": "p", "name": "甲园", "county": "a", "chains": ["c"]}],
  "chains": [{"id": "c", "name": "测试链", "segments": [
      {"id": "c.up", "name": "上游", "tier": "upstream"},
      {"id": "c.mid", "name": "中游"},
      {"id": "c.down", "name": "下游", "tier": "downstream"}],
    "links": [{"from": "c.up", "to": "c.mid"}, {"from": "c.mid", "to": "c.down"}]}],
  "enterprises": [{"id": "e1", "name": "一厂", "county": "a", "park": "p", "segments": ["c.up"]},
                  {"id": "e2", "name": "二厂", "county": "b", "segments": ["c.down"]}]
}
)";

constexpr std::array<const char*, 3> kCsvFiles{"enterprises.csv", "supplies.csv", "projects.csv"};

fs::path g_folder;

void remove_folder() {
    std::error_code ignored;
    if (!g_folder.empty()) fs::remove_all(g_folder, ignored);
}

void write(const fs::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    CHAINATLAS_FUZZ_CHECK(static_cast<bool>(out));
}

/// The CSV reader alone: rows come in order of their lines, and a row never starts on a line
/// past the end of the text.
void check_reader(std::string_view text) {
    std::size_t previous_line = 0;
    const std::size_t lines = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
                              static_cast<std::size_t>(std::count(text.begin(), text.end(), '\r'));
    const auto error = chainatlas::io::read_csv(text, [&](const chainatlas::io::CsvRow& row) {
        CHAINATLAS_FUZZ_CHECK(row.line > previous_line && row.line <= lines);
        CHAINATLAS_FUZZ_CHECK(!row.fields.empty());
        previous_line = row.line;
        return true;
    });
    if (!error.message.empty()) CHAINATLAS_FUZZ_CHECK(error.line >= 1 && error.line <= lines && error.column >= 1);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/chainatlas-fuzz-csv-XXXXXX";
    CHAINATLAS_FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr);
    g_folder = pattern;
    std::atexit(remove_folder);
    write(g_folder / "dataset.json", kDatasetJson);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace chainatlas;
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    std::array<std::optional<std::string_view>, 3> files;
    const unsigned selector = bytes[0] % 4;
    if (selector < 3) {
        files[selector] = rest;
    } else {
        std::size_t start = 0;
        for (std::size_t i = 0; i < files.size() && start <= rest.size(); ++i) {
            const std::size_t end = std::min(rest.find('\0', start), rest.size());
            files[i] = rest.substr(start, end - start);
            start = end + 1;
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        const fs::path path = g_folder / kCsvFiles[i];
        if (files[i]) {
            write(path, *files[i]);
            check_reader(*files[i]);
        } else {
            std::error_code ignored;
            fs::remove(path, ignored);
        }
    }
    try {
        const auto loaded = io::load_dataset(g_folder);
        fuzz::check_dataset(loaded.dataset);
        CHAINATLAS_FUZZ_CHECK(loaded.dataset.counties.size() == 2 && loaded.dataset.segments.size() == 3);
    } catch (const io::DatasetError& error) {
        fuzz::check_refusal(error);
        for (const auto& diagnostic : error.diagnostics()) {
            // Every problem is in one of the CSV files: dataset.json is valid.
            CHAINATLAS_FUZZ_CHECK(diagnostic.file.ends_with(".csv"));
        }
    }
    return 0;
}
