#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/io/diagnostic.hpp"
#include "chainatlas/model/dataset.hpp"

namespace chainatlas::io {

/// A dataset that loaded, with the warnings found on the way (unknown keys or columns, a
/// segment no link touches, a spreadsheet converted from GB18030).
struct LoadResult {
    model::Dataset dataset;
    std::vector<Diagnostic> warnings;
};

/// Loads a dataset in the format `chainatlas/1` from `path`: either one JSON file, or a folder
/// holding `dataset.json` and optionally `enterprises.csv`, `supplies.csv` and `projects.csv`.
/// Checks everything, then throws one DatasetError listing every problem (nothing is half
/// loaded); throws Error when the path cannot be read at all. Files are named in messages as
/// `path` was given.
LoadResult load_dataset(const std::filesystem::path& path);

/// The same, showing a progress bar per file on stderr when it is a terminal (util::Progress):
/// rows of each CSV file, bytes of a JSON file (read by the fast reader; a file left to
/// nlohmann's parser shows none).
LoadResult load_dataset(const std::filesystem::path& path, bool show_progress);

/// Loads a dataset (from `path`, or the built-in one when `path` is empty) together with
/// fragment files: JSON objects with `enterprises`, `supplies` and/or `projects` sections that
/// add records to it (what-if scenarios). Fragments are checked like any file of the dataset:
/// their records may refer to the dataset's ids, a duplicate id is an error. A fragment may
/// hold no other section.
LoadResult load_dataset_with_fragments(const std::filesystem::path& path,
                                       const std::vector<std::filesystem::path>& fragments);

/// Loads a dataset held in memory as one JSON text; `name` is used in messages and output.
LoadResult load_dataset_from_json(std::string_view json_text, const std::string& name);

/// The dataset compiled into the binary (Liaocheng), named `built-in:liaocheng`.
LoadResult load_builtin_dataset();

/// The JSON text of the built-in dataset.
std::string_view builtin_dataset_json();

}  // namespace chainatlas::io
