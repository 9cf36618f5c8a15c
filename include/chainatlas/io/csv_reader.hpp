#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace chainatlas::io {

/// One row of a CSV file: its fields (unquoted, `""` turned into `"`) and the line it starts on.
/// The views are valid only during the callback that receives the row.
struct CsvRow {
    std::vector<std::string_view> fields;
    std::size_t line = 0;
};

/// A CSV syntax problem that stops reading: unterminated quote, text after a closing quote.
struct CsvSyntaxError {
    std::size_t line = 0;
    std::size_t column = 0;
    std::string message;
};

/// Reads RFC 4180 CSV from `text` (UTF-8, any of LF, CRLF or CR-LF mixed line ends), calling
/// `on_row` for every non-empty row in order, header included. Quoted fields may hold commas,
/// quotes and newlines. Stops at the first syntax error and returns it; returns an empty
/// message when the whole text was read. `on_row` returns false to stop early.
CsvSyntaxError read_csv(std::string_view text, const std::function<bool(const CsvRow&)>& on_row);

/// Splits a list cell (`a;b;c`) into trimmed, non-empty items.
std::vector<std::string_view> split_list(std::string_view cell);

}  // namespace chainatlas::io
