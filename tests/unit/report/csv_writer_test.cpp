#include "chainatlas/report/csv_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "chainatlas/io/csv_reader.hpp"

namespace chainatlas::report {
namespace {

std::string field(std::string_view cell, bool neutralise = false) {
    std::string out;
    append_csv_field(out, cell, neutralise);
    return out;
}

TEST(AppendCsvField, PlainCellsAreWrittenAsTheyAre) {
    EXPECT_EQ(field("bearing.finished"), "bearing.finished");
    EXPECT_EQ(field("临清市 轴承"), "临清市 轴承");
    EXPECT_EQ(field(""), "");
    EXPECT_EQ(field("a'b"), "a'b");
}

TEST(AppendCsvField, CommasQuotesAndLineBreaksAreQuotedWithQuotesDoubled) {
    EXPECT_EQ(field("a,b"), "\"a,b\"");
    EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(field("line\nbreak"), "\"line\nbreak\"");
    EXPECT_EQ(field("cr\rhere"), "\"cr\rhere\"");
}

TEST(AppendCsvField, LeadingAndTrailingSpacesAreQuotedSoReadersKeepThem) {
    EXPECT_EQ(field(" lead"), "\" lead\"");
    EXPECT_EQ(field("trail "), "\"trail \"");
    EXPECT_EQ(field("\ttab"), "\"\ttab\"");
    EXPECT_EQ(field("in side"), "in side");
}

TEST(AppendCsvField, FormulaStartsGetAQuoteMarkWhenAskedFor) {
    EXPECT_EQ(field("=cmd|' /C calc'!A0", true), "'=cmd|' /C calc'!A0");
    EXPECT_EQ(field("=cmd|' /C calc'!A0"), "=cmd|' /C calc'!A0");  // off by default
    EXPECT_EQ(field("+1+2", true), "'+1+2");
    EXPECT_EQ(field("-1+2", true), "'-1+2");
    EXPECT_EQ(field("@SUM(A1:A9)", true), "'@SUM(A1:A9)");
    EXPECT_EQ(field("\t=1", true), "'\t=1");  // the tab no longer leads: no quotes needed
    EXPECT_EQ(field("\r=1", true), "\"'\r=1\"");
    EXPECT_EQ(field("=HYPERLINK(\"http://x\",\"y\")", true),
              "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(field("a=b", true), "a=b");
}

TEST(AppendCsvField, PlainNumbersAreNotNeutralised) {
    for (const auto* number : {"-3.5", "+7", "-0", "1e-3", "-2.5E+10", ".5", "-5."}) {
        EXPECT_EQ(field(number, true), number) << number;
    }
    for (const auto* not_number : {"-", "+", "-e5", "-1e", "-1.2.3", "-1,5", "--1", "-1 "}) {
        EXPECT_TRUE(looks_like_formula(not_number)) << not_number;
        EXPECT_FALSE(is_plain_number(not_number)) << not_number;
    }
}

TEST(CsvWriter, RowsEndWithCrlfAndNumbersAreShortest) {
    std::ostringstream out;
    {
        CsvWriter csv(out);
        csv.row({"id", "name", "output"});
        csv.cell("e1").cell("临清, 轴承").number(12.5).end_row();
        csv.cell("e2").empty().number(800).end_row();
        csv.cell("e3").integer(-4).number(std::nan("")).end_row();
        EXPECT_EQ(csv.rows(), 4U);
    }
    EXPECT_EQ(out.str(), "id,name,output\r\ne1,\"临清, 轴承\",12.5\r\ne2,,800\r\ne3,-4,\r\n");
}

TEST(CsvWriter, NumberCellsAreNeverNeutralisedButTextCellsAre) {
    std::ostringstream out;
    CsvWriter csv(out, {.neutralise_formulas = true, .byte_order_mark = false, .line_end = "\n"});
    csv.number(-3.5).cell("-3.5").cell("=1+1").cell("@x").end_row();
    csv.flush();
    EXPECT_EQ(out.str(), "-3.5,-3.5,'=1+1,'@x\n");
}

TEST(CsvWriter, ByteOrderMarkComesFirst) {
    std::ostringstream out;
    CsvWriter csv(out, {.neutralise_formulas = false, .byte_order_mark = true, .line_end = "\r\n"});
    csv.row({"名称"});
    csv.flush();
    EXPECT_EQ(out.str(), "\xEF\xBB\xBF名称\r\n");
}

TEST(CsvWriter, WhatItWritesReadsBackCellForCell) {
    const std::vector<std::string> cells{"<&\">", "line\nbreak", " spaced ", "say \"hi\"", "a,b",
                                         "",      "临清市"};
    std::ostringstream out;
    {
        CsvWriter csv(out,
                      {.neutralise_formulas = false, .byte_order_mark = false, .line_end = "\n"});
        for (const auto& c : cells) csv.cell(c);
        csv.end_row();
    }
    std::vector<std::string> read;
    const auto problem = io::read_csv(out.str(), [&](const io::CsvRow& row) {
        read.assign(row.fields.begin(), row.fields.end());
        return true;
    });
    EXPECT_TRUE(problem.message.empty()) << problem.message;
    EXPECT_EQ(read, cells);
}

}  // namespace
}  // namespace chainatlas::report
