#pragma once

#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>

/// CSV output (RFC 4180) for spreadsheets and bulk importers.
namespace chainatlas::report {

struct CsvOptions {
    /// For CSV that a person opens in Excel, WPS or LibreOffice: a text cell that starts with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so the spreadsheet
    /// shows it as text instead of running it as a formula (`=cmd|' /C calc'!A0` becomes
    /// `'=cmd|' /C calc'!A0`). A text cell that is a plain number (`-3.5`, `+7`, `1e-3`) is left
    /// alone: the spreadsheet reads it as a number, which runs nothing. Cells written with
    /// `number` are never changed. Leave it off for files read by programs (Neo4j, pandas),
    /// where the `'` would become part of the value.
    bool neutralise_formulas = false;
    /// Start with the UTF-8 byte-order mark, which Excel needs to read Chinese text as UTF-8.
    bool byte_order_mark = false;
    /// RFC 4180 ends records with CRLF; programs on Unix are happier with "\n".
    std::string_view line_end = "\r\n";
};

/// Whether `cell` is a plain decimal number: an optional sign, digits with at most one `.`
/// (at least one digit), an optional exponent (`e`/`E`, optional sign, digits).
bool is_plain_number(std::string_view cell);

/// Whether a spreadsheet would take the text `cell` for a formula (see CsvOptions).
bool looks_like_formula(std::string_view cell);

/// Appends `cell` to `out` as one CSV field: quoted (with inner quotes doubled) when it holds
/// a comma, a quote, a carriage return or a line feed, or starts or ends with a space or tab;
/// after the `'` of formula neutralisation when `neutralise_formulas` and it looks like one.
void append_csv_field(std::string& out, std::string_view cell, bool neutralise_formulas = false);

/// Writes rows of cells to a stream, buffered (call `flush`, or let the destructor do it).
///
///   CsvWriter csv(out, {.neutralise_formulas = true, .byte_order_mark = true, .line_end =
///   "\r\n"}); csv.row({"id", "name", "output"}); csv.cell(id).cell(name).number(12.5).end_row();
class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out, CsvOptions options = {});
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;
    ~CsvWriter();

    /// A text cell.
    CsvWriter& cell(std::string_view text);
    /// A numeric cell in the shortest form that reads back the same (`12.5`, `800`, `1e+21`);
    /// empty for NaN or infinity.
    CsvWriter& number(double value);
    CsvWriter& integer(std::int64_t value);
    /// An empty cell.
    CsvWriter& empty() { return cell({}); }
    /// Ends the current row.
    void end_row();
    /// A whole row of text cells.
    void row(std::initializer_list<std::string_view> cells);

    /// Writes the buffered text to the stream.
    void flush();
    [[nodiscard]] std::uint64_t rows() const { return rows_; }

private:
    void separate();

    std::ostream& out_;
    CsvOptions options_;
    std::string buffer_;
    bool row_started_ = false;
    std::uint64_t rows_ = 0;
};

}  // namespace chainatlas::report
