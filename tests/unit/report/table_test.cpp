#include "chainatlas/report/table.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace chainatlas::report {
namespace {

TEST(DisplayWidth, ChineseCharactersTakeTwoColumns) {
    EXPECT_EQ(display_width("abc"), 3U);
    EXPECT_EQ(display_width("临清市"), 6U);
    EXPECT_EQ(display_width("轴承(GCr15)"), 4U + 7U);
    EXPECT_EQ(display_width("ＡＢ"), 4U);  // full-width forms
}

TEST(Table, ColumnsLineUpForMixedChineseAndAscii) {
    Table table({"id", "name", "n"}, {Table::Align::left, Table::Align::left, Table::Align::right});
    table.add_row({"linqing", "临清市", "17"});
    table.add_row({"edz", "聊城经济技术开发区", "3"});
    std::ostringstream out;
    table.print(out);
    EXPECT_EQ(out.str(),
              "id       name                 n\n"
              "-------  ------------------  --\n"
              "linqing  临清市              17\n"
              "edz      聊城经济技术开发区   3\n");
}

TEST(Table, LongCellsAreCutWithAnEllipsisAndNewlinesFlattened) {
    Table table({"x"});
    table.add_row({"一二三四五六七八九十"});
    table.add_row({"a\nb"});
    std::ostringstream out;
    table.print(out, 9);
    EXPECT_EQ(out.str(), "x\n---------\n一二三四…\na b\n");
}

}  // namespace
}  // namespace chainatlas::report
