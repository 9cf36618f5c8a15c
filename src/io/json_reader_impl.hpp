#pragma once

#include <string_view>

#include "assembler_impl.hpp"

namespace chainatlas::io::detail {

/// Reads one JSON file of a dataset (all of it, or the `dataset.json` of a folder) into
/// `assembler`, reporting syntax and encoding problems with their line and column.
void read_json_dataset(std::string_view text, DatasetAssembler& assembler);

/// The same reading with chainatlas's own JSON tokenizer instead of nlohmann's (several times
/// faster on a registry of a million records; docs/PERFORMANCE.md). It takes only what it is
/// sure to read exactly as nlohmann does: at a syntax error, an escape it does not decode, a
/// number that does not fit, or a byte-order mark, it returns false, and `assembler` holds a
/// partial reading that must be discarded; the caller then reads the text again with
/// `read_json_dataset`, whose messages are the reference.
[[nodiscard]] bool read_json_dataset_fast(std::string_view text, DatasetAssembler& assembler);

}  // namespace chainatlas::io::detail
