#pragma once

#include <string_view>

#include "assembler_impl.hpp"

namespace chainatlas::io::detail {

/// Reads one JSON file of a dataset (all of it, or the `dataset.json` of a folder) into
/// `assembler`, reporting syntax and encoding problems with their line and column.
void read_json_dataset(std::string_view text, DatasetAssembler& assembler);

}  // namespace chainatlas::io::detail
