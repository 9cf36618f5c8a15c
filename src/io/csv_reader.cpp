#include "chainatlas/io/csv_reader.hpp"

#include <deque>

namespace chainatlas::io {

namespace {

/// Reads one field starting at `pos`. Unquoted fields and quoted fields without doubled quotes
/// are views into `text`; others are unescaped into `scratch`, whose strings never move.
struct FieldScanner {
    std::string_view text;
    std::size_t pos = 0;
    std::size_t line = 1;
    std::size_t line_start = 0;
    std::deque<std::string>& scratch;
    std::size_t scratch_used = 0;

    [[nodiscard]] bool at_end() const { return pos >= text.size(); }
    [[nodiscard]] bool at_row_end() const {
        return at_end() || text[pos] == '\n' || text[pos] == '\r';
    }
    [[nodiscard]] std::size_t column() const { return pos - line_start + 1; }

    std::string& next_scratch() {
        if (scratch_used == scratch.size()) scratch.emplace_back();
        std::string& s = scratch[scratch_used++];
        s.clear();
        return s;
    }

    void skip_row_end() {
        if (!at_end() && text[pos] == '\r') ++pos;
        if (!at_end() && text[pos] == '\n') ++pos;
        ++line;
        line_start = pos;
    }

    std::string_view read_unquoted() {
        const std::size_t start = pos;
        while (!at_end() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') ++pos;
        return text.substr(start, pos - start);
    }

    /// Returns false on a syntax error, filling `error`.
    bool read_quoted(std::string_view& field, CsvSyntaxError& error) {
        const std::size_t open_line = line;
        const std::size_t open_column = column();
        ++pos;  // opening quote
        const std::size_t start = pos;
        std::string* unescaped = nullptr;
        std::size_t copied_from = start;
        for (;;) {
            if (at_end()) {
                error = {open_line, open_column, "unterminated quoted field (a '\"' opens here and never closes)"};
                return false;
            }
            const char c = text[pos];
            // A lone CR ends a line here as it does between rows; a CRLF counts once, at its LF.
            if (c == '\n' || (c == '\r' && (pos + 1 == text.size() || text[pos + 1] != '\n'))) {
                ++line;
                line_start = pos + 1;
            }
            if (c != '"') {
                ++pos;
                continue;
            }
            if (pos + 1 < text.size() && text[pos + 1] == '"') {
                if (unescaped == nullptr) unescaped = &next_scratch();
                unescaped->append(text.substr(copied_from, pos + 1 - copied_from));
                pos += 2;
                copied_from = pos;
                continue;
            }
            break;  // closing quote
        }
        if (unescaped == nullptr) {
            field = text.substr(start, pos - start);
        } else {
            unescaped->append(text.substr(copied_from, pos - copied_from));
            field = *unescaped;
        }
        ++pos;  // closing quote
        if (!at_row_end() && text[pos] != ',') {
            error = {line, column(), "unexpected text after a closing quote (expected ',' or the end of the row)"};
            return false;
        }
        return true;
    }
};

}  // namespace

CsvSyntaxError read_csv(std::string_view text, const std::function<bool(const CsvRow&)>& on_row) {
    std::deque<std::string> scratch;
    FieldScanner scanner{text, 0, 1, 0, scratch};
    CsvRow row;
    CsvSyntaxError error;
    while (!scanner.at_end()) {
        if (scanner.at_row_end()) {  // an empty line
            scanner.skip_row_end();
            continue;
        }
        row.fields.clear();
        row.line = scanner.line;
        scanner.scratch_used = 0;
        for (;;) {
            std::string_view field;
            if (!scanner.at_end() && text[scanner.pos] == '"') {
                if (!scanner.read_quoted(field, error)) return error;
            } else {
                field = scanner.read_unquoted();
            }
            row.fields.push_back(field);
            if (scanner.at_row_end()) break;
            ++scanner.pos;  // the comma
        }
        scanner.skip_row_end();
        if (!on_row(row)) break;
    }
    return error;
}

std::vector<std::string_view> split_list(std::string_view cell) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (start <= cell.size()) {
        std::size_t end = cell.find(';', start);
        if (end == std::string_view::npos) end = cell.size();
        std::string_view item = cell.substr(start, end - start);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (!item.empty()) items.push_back(item);
        start = end + 1;
    }
    return items;
}

}  // namespace chainatlas::io
