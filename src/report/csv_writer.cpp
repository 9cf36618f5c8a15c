#include "chainatlas/report/csv_writer.hpp"

#include <charconv>
#include <cmath>

namespace chainatlas::report {

namespace {

constexpr std::size_t kFlushAt = std::size_t{1} << 16;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Leading digits from `pos`; returns how many.
std::size_t skip_digits(std::string_view text, std::size_t& pos) {
    const std::size_t start = pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    return pos - start;
}

/// Whether the field must be quoted; `prefixed` when a `'` will stand before `cell`.
bool needs_quotes(std::string_view cell, bool prefixed) {
    if (cell.empty()) return false;
    const char first = cell.front();
    const char last = cell.back();
    if (!prefixed && (first == ' ' || first == '\t')) return true;
    if (last == ' ' || last == '\t') return true;
    return cell.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

bool is_plain_number(std::string_view cell) {
    std::size_t pos = 0;
    if (pos < cell.size() && (cell[pos] == '+' || cell[pos] == '-')) ++pos;
    std::size_t digits = skip_digits(cell, pos);
    if (pos < cell.size() && cell[pos] == '.') {
        ++pos;
        digits += skip_digits(cell, pos);
    }
    if (digits == 0) return false;
    if (pos < cell.size() && (cell[pos] == 'e' || cell[pos] == 'E')) {
        ++pos;
        if (pos < cell.size() && (cell[pos] == '+' || cell[pos] == '-')) ++pos;
        if (skip_digits(cell, pos) == 0) return false;
    }
    return pos == cell.size();
}

bool looks_like_formula(std::string_view cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r':
            return !is_plain_number(cell);
        default:
            return false;
    }
}

void append_csv_field(std::string& out, std::string_view cell, bool neutralise_formulas) {
    const bool neutralise = neutralise_formulas && looks_like_formula(cell);
    const bool quote = needs_quotes(cell, neutralise);
    if (quote) out += '"';
    if (neutralise) out += '\'';
    if (quote) {
        for (const char c : cell) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    } else {
        out += cell;
    }
}

CsvWriter::CsvWriter(std::ostream& out, CsvOptions options) : out_(out), options_(options) {
    if (options_.byte_order_mark) buffer_ += "\xEF\xBB\xBF";
}

CsvWriter::~CsvWriter() { flush(); }

void CsvWriter::separate() {
    if (row_started_) buffer_ += ',';
    row_started_ = true;
}

CsvWriter& CsvWriter::cell(std::string_view text) {
    separate();
    append_csv_field(buffer_, text, options_.neutralise_formulas);
    return *this;
}

CsvWriter& CsvWriter::number(double value) {
    separate();
    if (!std::isfinite(value)) return *this;
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    buffer_.append(text, result.ptr);
    return *this;
}

CsvWriter& CsvWriter::integer(std::int64_t value) {
    separate();
    char text[24];
    const auto result = std::to_chars(text, text + sizeof text, value);
    buffer_.append(text, result.ptr);
    return *this;
}

void CsvWriter::end_row() {
    buffer_ += options_.line_end;
    row_started_ = false;
    ++rows_;
    if (buffer_.size() >= kFlushAt) flush();
}

void CsvWriter::row(std::initializer_list<std::string_view> cells) {
    for (const auto c : cells) cell(c);
    end_row();
}

void CsvWriter::flush() {
    if (buffer_.empty()) return;
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
}

}  // namespace chainatlas::report
