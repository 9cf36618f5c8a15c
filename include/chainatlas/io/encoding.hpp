#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chainatlas::io {

/// Where the first invalid UTF-8 sequence is: byte offset, 1-based line and column (as
/// line_and_column counts them), or nullopt when all of `text` is valid UTF-8.
struct Utf8Problem {
    std::size_t offset = 0;
    std::size_t line = 0;
    std::size_t column = 0;
};
std::optional<Utf8Problem> find_invalid_utf8(std::string_view text);

/// 1-based line and column (in characters) of byte `offset` in `text`; LF, CRLF and a lone CR
/// each end a line.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset);

/// Converts `text` from `encoding` (an iconv name such as "GB18030") to UTF-8; nullopt when
/// `text` is not valid in that encoding.
std::optional<std::string> convert_to_utf8(std::string_view text, const char* encoding);

/// The UTF-8 byte-order mark, which Excel writes at the start of "CSV UTF-8" files.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace chainatlas::io
