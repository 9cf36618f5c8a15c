#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace chainatlas::cli {

/// The files a dataset given with `--data` is read from, as the user typed them: the JSON file
/// itself, or for a folder its `dataset.json`, `enterprises.csv`, `supplies.csv` and
/// `projects.csv` (all four, present or not: writing a missing CSV file into the folder would
/// change the dataset too). Empty for the built-in dataset (empty `data_path`).
std::vector<std::filesystem::path> dataset_inputs(const std::string& data_path);

/// Whether writing `output` would replace `input`: the same path once `.`, `..` and symbolic
/// links are resolved (std::filesystem::weakly_canonical, so neither needs to exist), or two
/// names (hard links) of one existing file.
bool is_same_file(const std::filesystem::path& output, const std::filesystem::path& input);

/// Refuses to write `output` over a file the dataset is read from: throws Error (exit 1) naming
/// the input, before anything is computed or written. Every command that writes a file calls
/// it for each file it is about to write; `what` is "file" or "folder", as the user gives it
/// with `-o`.
void refuse_overwriting_input(const std::filesystem::path& output, const std::string& data_path,
                              std::string_view what = "file");

}  // namespace chainatlas::cli
