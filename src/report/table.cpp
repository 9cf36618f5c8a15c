#include "chainatlas/report/table.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace chainatlas::report {

namespace {

/// Decodes the code point at `i` and advances `i`; invalid bytes count as one column.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    if (i + length > text.size()) length = 1;
    char32_t cp = length == 1 ? byte : length == 2 ? byte & 0x1F : length == 3 ? byte & 0x0F : byte & 0x07;
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += length;
    return cp;
}

bool is_wide(char32_t cp) {
    // The East Asian Wide and Fullwidth ranges of Unicode's EastAsianWidth.txt that Chinese
    // text uses; emoji and rarer scripts are left at one column.
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
           (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_zero_width(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || cp == 0x200D || cp == 0xFE0F;
}

std::string truncate_to(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    std::string out;
    std::size_t used = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(text, i);
        const std::size_t w = is_zero_width(cp) ? 0 : is_wide(cp) ? 2 : 1;
        if (used + w + 1 > width) break;
        out.append(text.substr(start, i - start));
        used += w;
    }
    return out + "…";
}

std::string clean(std::string_view cell) { return printable(cell); }

}  // namespace

std::string printable(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) c = ' ';
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = next_code_point(text, i);
        if (is_zero_width(cp)) continue;
        width += is_wide(cp) ? 2 : 1;
    }
    return width;
}

Table::Table(std::vector<std::string> headers, std::vector<Align> aligns)
    : headers_(std::move(headers)), aligns_(std::move(aligns)) {
    aligns_.resize(headers_.size(), Align::left);
}

void Table::add_row(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    for (auto& cell : cells) cell = clean(cell);
    rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out, std::size_t max_cell_width) const {
    std::vector<std::vector<std::string>> shown;
    shown.reserve(rows_.size() + 1);
    shown.push_back(headers_);
    for (const auto& row : rows_) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(truncate_to(cell, max_cell_width));
        shown.push_back(std::move(cells));
    }
    std::vector<std::size_t> widths(headers_.size(), 0);
    for (const auto& row : shown) {
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    const auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::size_t pad = widths[c] - display_width(row[c]);
            const bool last = c + 1 == row.size();
            if (aligns_[c] == Align::right) line.append(pad, ' ');
            line += row[c];
            if (aligns_[c] == Align::left && !last) line.append(pad, ' ');
            if (!last) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    print_row(shown.front());
    std::string rule;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        rule.append(widths[c], '-');
        if (c + 1 < widths.size()) rule += "  ";
    }
    out << rule << '\n';
    for (std::size_t r = 1; r < shown.size(); ++r) print_row(shown[r]);
}

std::string format_number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value == 0.0 ? 0.0 : value);
    return text;
}

std::string format_percent(double share, int decimals) { return format_number(share * 100.0, decimals) + "%"; }

}  // namespace chainatlas::report
