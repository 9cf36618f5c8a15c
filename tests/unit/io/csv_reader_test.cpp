#include "chainatlas/io/csv_reader.hpp"

#include <gtest/gtest.h>

namespace chainatlas::io {
namespace {

std::vector<std::vector<std::string>> rows_of(std::string_view text, CsvSyntaxError* error = nullptr) {
    std::vector<std::vector<std::string>> rows;
    const auto result = read_csv(text, [&](const CsvRow& row) {
        rows.emplace_back(row.fields.begin(), row.fields.end());
        return true;
    });
    if (error != nullptr) *error = result;
    return rows;
}

TEST(ReadCsv, QuotesCommasNewlinesAndMixedLineEnds) {
    const auto rows = rows_of("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n\nlast,row,end");
    const std::vector<std::vector<std::string>> expected{
        {"a", "b,c", "say \"hi\""}, {"two\nlines", "", "x"}, {"last", "row", "end"}};
    EXPECT_EQ(rows, expected);
}

TEST(ReadCsv, UnterminatedQuoteReportsWhereItOpened) {
    CsvSyntaxError error;
    rows_of("a,b\nc,\"d\ne,f\n", &error);
    EXPECT_EQ(error.line, 2U);
    EXPECT_EQ(error.column, 3U);
    EXPECT_NE(error.message.find("unterminated"), std::string::npos);
}

TEST(ReadCsv, TextAfterClosingQuoteIsAnError) {
    CsvSyntaxError error;
    rows_of("\"a\"b,c\n", &error);
    EXPECT_EQ(error.line, 1U);
    EXPECT_EQ(error.column, 4U);
}

TEST(ReadCsv, RowsKnowTheirLineEvenAfterMultilineFields) {
    std::vector<std::size_t> lines;
    read_csv("h\n\"x\ny\"\nz\n", [&](const CsvRow& row) {
        lines.push_back(row.line);
        return true;
    });
    EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 4}));
}

TEST(ReadCsv, ALoneCrInsideAQuotedFieldEndsALineAsBetweenRows) {
    std::vector<std::size_t> lines;
    // CR line ends (Excel for Mac): the quoted cell spans lines 2 and 3, so the next row is 4.
    // A CRLF inside a cell counts once.
    read_csv("h\r\"x\ry\"\rz\r\"p\r\nq\"\r\nw\r\n", [&](const CsvRow& row) {
        lines.push_back(row.line);
        return true;
    });
    EXPECT_EQ(lines, (std::vector<std::size_t>{1, 2, 4, 5, 7}));
}

TEST(ReadCsv, ErrorsAfterACrInsideAQuotedFieldHaveTheLineAndColumnOfTheirRow) {
    CsvSyntaxError error;
    rows_of("h,i\r\"x\ry\"z,1\r", &error);
    EXPECT_EQ(error.line, 3U);
    EXPECT_EQ(error.column, 3U);
}

TEST(SplitList, TrimsAndDropsEmptyItems) {
    EXPECT_EQ(split_list(" a; b ;;c "), (std::vector<std::string_view>{"a", "b", "c"}));
    EXPECT_TRUE(split_list("").empty());
}

}  // namespace
}  // namespace chainatlas::io
