#include "chainatlas/io/encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

namespace chainatlas::io {

namespace {

/// Length of the valid UTF-8 sequence starting at `p` (at most `left` bytes), or 0 when it is
/// not valid: overlong forms, surrogates and code points above U+10FFFF are rejected.
std::size_t utf8_sequence_length(const unsigned char* p, std::size_t left) {
    const unsigned char c = p[0];
    if (c < 0x80) return 1;
    auto continuation = [&](std::size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF) return continuation(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!continuation(1) || !continuation(2)) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
        if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
        if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace

std::optional<Utf8Problem> find_invalid_utf8(std::string_view text) {
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // Skip ASCII eight bytes at a time: most of a dataset is ASCII ids and numbers.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, data + i, 8);
            if ((word & 0x8080808080808080ULL) != 0) break;
            i += 8;
        }
        if (i >= size) break;
        const std::size_t length = utf8_sequence_length(data + i, size - i);
        if (length == 0) {
            const auto [line, column] = line_and_column(text, i);
            return Utf8Problem{i, line, column};
        }
        i += length;
    }
    return std::nullopt;
}

std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t line_start = 0;
    const std::size_t end = offset < text.size() ? offset : text.size();
    // LF, CRLF and a lone CR (old Mac files, some Excel exports) each end a line, as the CSV
    // reader and editors count them. Only messages call this, so the loop may be simple.
    for (std::size_t i = 0; i < end; ++i) {
        const bool lone_cr = text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n');
        if (text[i] == '\n' || lone_cr) {
            ++line;
            line_start = i + 1;
        }
    }
    // Columns count characters, so that a Chinese name counts as one column per character.
    std::size_t column = 1;
    for (std::size_t i = line_start; i < end; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    return {line, column};
}

std::optional<std::string> convert_to_utf8(std::string_view text, const char* encoding) {
    iconv_t converter = iconv_open("UTF-8", encoding);
    if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out(text.size() * 2 + 16, '\0');
    char* in_ptr = const_cast<char*>(text.data());  // iconv's interface is not const-correct
    std::size_t in_left = text.size();
    std::size_t out_used = 0;
    bool ok = true;
    while (in_left > 0) {
        char* out_ptr = out.data() + out_used;
        std::size_t out_left = out.size() - out_used;
        const std::size_t result = iconv(converter, &in_ptr, &in_left, &out_ptr, &out_left);
        out_used = out.size() - out_left;
        if (result != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        ok = false;  // EILSEQ or EINVAL: not valid in this encoding
        break;
    }
    iconv_close(converter);
    if (!ok) return std::nullopt;
    out.resize(out_used);
    return out;
}

}  // namespace chainatlas::io
