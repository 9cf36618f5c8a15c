#include <array>
#include <charconv>
#include <cmath>

#include "text_sink_impl.hpp"

namespace chainatlas::export_::detail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Length of the well-formed UTF-8 sequence at `text[i]` (a byte >= 0x80), or 0 when it is
/// not one (overlong forms, surrogates and values above U+10FFFF are not).
std::size_t utf8_length(std::string_view text, std::size_t i) {
    const auto at = [&](std::size_t k) -> unsigned char {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    const unsigned char lead = at(0);
    if (lead >= 0xC2 && lead <= 0xDF) return is_continuation(at(1)) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned char second = at(1);
        const bool ok = lead == 0xE0   ? second >= 0xA0 && second <= 0xBF
                        : lead == 0xED ? second >= 0x80 && second <= 0x9F
                                       : is_continuation(second);
        return ok && is_continuation(at(2)) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned char second = at(1);
        const bool ok = lead == 0xF0   ? second >= 0x90 && second <= 0xBF
                        : lead == 0xF4 ? second >= 0x80 && second <= 0x8F
                                       : is_continuation(second);
        return ok && is_continuation(at(2)) && is_continuation(at(3)) ? 4 : 0;
    }
    return 0;
}

/// U+FFFE and U+FFFF, which XML 1.0 forbids.
bool is_xml_noncharacter(std::string_view text, std::size_t i) {
    return text.compare(i, 3, "\xEF\xBF\xBE") == 0 || text.compare(i, 3, "\xEF\xBF\xBF") == 0;
}

/// The XML replacement of an ASCII byte that is not kept: an entity, or "" to drop it.
const char* xml_replacement(unsigned char c) {
    switch (c) {
        case '&':
            return "&amp;";
        case '<':
            return "&lt;";
        case '>':
            return "&gt;";
        case '"':
            return "&quot;";
        case '\'':
            return "&apos;";
        case '\t':
            return "&#9;";
        case '\n':
            return "&#10;";
        case '\r':
            return "&#13;";
        default:
            return "";
    }
}

/// What the XML escaper does with a byte: keep it, replace or drop it (ASCII), or look at the
/// UTF-8 sequence it starts (bytes from 0x80).
enum class ByteClass : unsigned char { keep, ascii, sequence };

constexpr std::array<ByteClass, 256> make_xml_classes() {
    std::array<ByteClass, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        const bool special = c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
        classes[c] = c >= 0x80 ? ByteClass::sequence : special ? ByteClass::ascii : ByteClass::keep;
    }
    return classes;
}
constexpr auto kXmlClass = make_xml_classes();

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
    std::size_t run = 0;  // start of the bytes kept as they are, not yet appended
    std::size_t i = 0;
    while (i < text.size()) {
        // Most bytes (ids, Chinese names) are kept: skip them in a tight loop.
        while (i < text.size() && kXmlClass[static_cast<unsigned char>(text[i])] == ByteClass::keep)
            ++i;
        if (i == text.size()) break;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out.append(text.data() + run, i - run);
            out += xml_replacement(c);
            run = ++i;
            continue;
        }
        const std::size_t length = utf8_length(text, i);
        if (length == 0 || (length == 3 && is_xml_noncharacter(text, i))) {
            out.append(text.data() + run, i - run);
            if (length == 0) out += kReplacement;
            i += length == 0 ? 1 : length;
            run = i;
            continue;
        }
        i += length;
    }
    out.append(text.data() + run, text.size() - run);
}

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8_length(text, i);
            if (length > 0) {
                i += length;
                continue;
            }
            out.append(text.data() + run, i - run);
            out += kReplacement;
            run = ++i;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.append(text.data() + run, i - run);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
        }
        run = ++i;
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

void append_number(std::string& out, double value) {
    if (!std::isfinite(value)) value = 0.0;
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    out.append(text, result.ptr);
}

void append_integer(std::string& out, std::int64_t value) {
    char text[24];
    const auto result = std::to_chars(text, text + sizeof text, value);
    out.append(text, result.ptr);
}

}  // namespace chainatlas::export_::detail
