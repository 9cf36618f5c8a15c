#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace chainatlas::report {

/// Columns on a terminal: East Asian wide characters (Chinese, full-width forms) take two, most
/// others one, combining marks none. Counted per code point of UTF-8 `text`.
std::size_t display_width(std::string_view text);

/// `text` safe for a terminal: control characters (C0, DEL) become spaces, so a name holding
/// ESC, BEL, NUL or a carriage return cannot clear the screen, ring or overwrite a line.
std::string printable(std::string_view text);

/// A plain-text table whose columns line up for Chinese as well as ASCII text.
class Table {
public:
    enum class Align { left, right };

    explicit Table(std::vector<std::string> headers, std::vector<Align> aligns = {});

    void add_row(std::vector<std::string> cells);
    [[nodiscard]] bool empty() const { return rows_.empty(); }

    /// Writes the header, a rule, then the rows; cells wider than `max_cell_width` columns are
    /// cut with an ellipsis.
    void print(std::ostream& out, std::size_t max_cell_width = 48) const;

private:
    std::vector<std::string> headers_;
    std::vector<Align> aligns_;
    std::vector<std::vector<std::string>> rows_;
};

/// `12.50` style: fixed decimals, no exponent, for stable output.
std::string format_number(double value, int decimals = 2);
/// `37.5%` from a share in [0, 1].
std::string format_percent(double share, int decimals = 1);

}  // namespace chainatlas::report
