#include "chainatlas/report/html_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "chainatlas/error.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::report {
namespace {

using testing::DatasetBuilder;

constexpr const char* kScript = "<script>alert(1)</script>";
constexpr const char* kAttribute = "\" onmouseover=\"alert(2)\" x='";

/// A chain whose every name carries markup, quotes, `&` and line breaks.
model::Dataset hostile() {
    DatasetBuilder b;
    b.county("a").name(std::string("县") + kScript);
    b.county("b").name(std::string("B & ") + kAttribute);
    b.park("p", "a").name(std::string("园区<img src=x onerror=alert(3)>"));
    b.chain("c", {"c.up", "c.mid", "c.down"}, std::string("链") + kScript)
        .link("c.up", "c.mid")
        .link("c.mid", "c.down");
    b.enterprise("e1", "a", {"c.up"})
        .name(std::string("企业") + kScript)
        .output(2.0)
        .tag("chain-leader")
        .in_park("p");
    b.enterprise("e2", "b", {"c.down"}).name("A & B <b>bold</b>\r\n");
    b.enterprise("e3", "b", {"c.down"}).name(kAttribute);
    b.leader("c", "e1");
    b.external("x1", {"c.mid"}, std::string("外地") + kScript)
        .name(std::string("候选") + kAttribute);
    b.supply("e1", "e2");
    b.project("p1", "a", {"c.mid"}, model::ProjectStatus::building, 3.0)
        .name(std::string("项目") + kScript);
    // The builder names segments by their ids: name one, the region and a source in the JSON.
    auto doc = nlohmann::ordered_json::parse(b.json());
    doc["chains"][0]["segments"][2]["name"] = std::string("mid\nline") + kAttribute;
    doc["region"]["name"] = std::string("市") + kScript;
    doc["counties"][0]["source"] = std::string("http://x/<script>alert(4)</script>; a & b");
    return io::load_dataset_from_json(doc.dump(), std::string("hostile") + kScript).dataset;
}

std::string report_of(const model::Dataset& data, ReportOptions options = {},
                      bool diagrams = false) {
    options.diagrams = diagrams;
    const auto graph = graph::build_region_graph(data);
    std::ostringstream out;
    write_html_report(out, assemble_report(graph, options), options);
    return out.str();
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return text;
}

/// Every attribute name of every tag in `html` (a small tokenizer: the writer quotes every
/// value with `"`, so a value ends at the next `"`).
std::set<std::string> attribute_names(const std::string& html) {
    std::set<std::string> names;
    std::size_t pos = 0;
    while ((pos = html.find('<', pos)) != std::string::npos) {
        std::size_t i = pos + 1;
        if (html[i] == '!') {  // <!DOCTYPE html>
            pos = i;
            continue;
        }
        while (i < html.size() && html[i] != '>' &&
               !std::isspace(static_cast<unsigned char>(html[i])))
            ++i;
        while (i < html.size() && html[i] != '>') {
            if (std::isspace(static_cast<unsigned char>(html[i])) || html[i] == '/') {
                ++i;
                continue;
            }
            const std::size_t start = i;
            while (i < html.size() && html[i] != '=' && html[i] != '>' &&
                   !std::isspace(static_cast<unsigned char>(html[i])))
                ++i;
            names.insert(html.substr(start, i - start));
            if (i < html.size() && html[i] == '=') {
                EXPECT_EQ(html[i + 1], '"') << "unquoted attribute value at " << i;
                i = html.find('"', i + 2) + 1;
            }
        }
        pos = i;
    }
    return names;
}

TEST(EscapeHtmlText, EscapesMarkupQuotesAndAmpersand) {
    EXPECT_EQ(escape_html_text("<a href=\"x\">&'</a>"),
              "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(escape_html_text("聊城"), "聊城");
}

TEST(EscapeHtmlText, DropsControlCharactersButKeepsLineBreaksAndTabs) {
    EXPECT_EQ(escape_html_text(std::string("a\x01\x7f\rb\n\tc")), "ab\n\tc");
}

TEST(HtmlReport, NoScriptFromTheDataReachesThePage) {
    const std::string html = report_of(hostile());
    EXPECT_EQ(lower(html).find("<script"), std::string::npos);
    EXPECT_EQ(lower(html).find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<b>bold"), std::string::npos);
    EXPECT_NE(html.find("链&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("企业&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(html.find("项目&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("A &amp; B &lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(html.find("mid\nline&quot; onmouseover"), std::string::npos);
    EXPECT_NE(html.find("市&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("http://x/&lt;script&gt;alert(4)&lt;/script&gt;</li>"), std::string::npos);
    EXPECT_NE(html.find("hostile&lt;script&gt;"), std::string::npos);
    EXPECT_NE(html.find("园区&lt;img src=x onerror=alert(3)&gt;"), std::string::npos);
}

TEST(HtmlReport, NamesCannotAddAttributes) {
    const std::string html = report_of(hostile());
    EXPECT_EQ(html.find("onmouseover=\""), std::string::npos);
    EXPECT_NE(html.find("&quot; onmouseover=&quot;alert(2)&quot; x=&#39;"), std::string::npos);
    const std::set<std::string> allowed = {"lang",   "charset", "name",  "content",     "id",
                                           "class",  "href",    "style", "xmlns",       "width",
                                           "height", "viewBox", "role",  "font-family", "font-size",
                                           "x",      "y",       "fill",  "text-anchor"};
    for (const auto& attribute : attribute_names(html)) {
        EXPECT_TRUE(allowed.count(attribute) == 1) << "unexpected attribute '" << attribute << "'";
    }
}

TEST(HtmlReport, DiagramsAreInlineSvgWithTheDataAsText) {
    const std::string html = report_of(hostile(), {}, true);
    EXPECT_EQ(lower(html).find("<script"), std::string::npos);
    EXPECT_EQ(lower(html).find("<img"), std::string::npos);
    EXPECT_EQ(html.find("onmouseover=\""), std::string::npos);
    EXPECT_EQ(html.find("<?xml"), std::string::npos);
    EXPECT_EQ(html.find("<!DOCTYPE svg"), std::string::npos);
    const auto map = html.find("<figure class=\"diagram chain-map\">\n<svg");
    const auto cluster = html.find("<figure class=\"diagram cluster\">\n<svg");
    EXPECT_NE(map, std::string::npos);
    EXPECT_NE(cluster, std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;", map), std::string::npos)
        << "names drawn as text in the SVG";
}

TEST(HtmlReport, HasEveryChainSectionTheTocAndTheFooter) {
    DatasetBuilder b;
    b.county("a");
    b.chain("c1", {"c1.s"}, "甲链").chain("c2", {"c2.s"}, "乙链");
    b.enterprise("e1", "a", {"c1.s"});
    const auto data = b.build();
    const std::string html = report_of(data);
    EXPECT_NE(html.find("<section class=\"chain\" id=\"report-chain-c1\">"), std::string::npos);
    EXPECT_NE(html.find("<section class=\"chain\" id=\"report-chain-c2\">"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"#report-chain-c2\">乙链</a>"), std::string::npos);
    EXPECT_NE(html.find("id=\"coverage-chart\""), std::string::npos);
    EXPECT_NE(html.find(data.content_hash), std::string::npos);
    EXPECT_NE(html.find("<footer id=\"sources\">"), std::string::npos);
    EXPECT_NE(html.find("1个图谱+N张清单"), std::string::npos);
    EXPECT_EQ(html.rfind("</html>\n"), html.size() - 8);
}

TEST(HtmlReport, OneChainOrOneCountyNarrowsTheReport) {
    DatasetBuilder b;
    b.county("a", "甲县").county("b", "乙县");
    b.chain("c1", {"c1.s"}).chain("c2", {"c2.s"});
    b.enterprise("e1", "a", {"c1.s"});
    b.enterprise("e2", "b", {"c1.s"});
    const auto data = b.build();
    const auto graph = graph::build_region_graph(data);
    ReportOptions options;
    options.diagrams = false;
    options.chain = "c1";
    const auto one_chain = assemble_report(graph, options);
    EXPECT_EQ(report_sections(one_chain),
              (std::vector<std::string>{"overview", "report-chain-c1", "counties", "network"}));

    options.chain.clear();
    options.county = "b";
    const auto one_county = assemble_report(graph, options);
    ASSERT_EQ(one_county.chains.size(), 2U);
    EXPECT_EQ(one_county.chains[0].gaps.held, 1U);
    ASSERT_EQ(one_county.chains[0].supporting.size(), 1U);
    ASSERT_EQ(one_county.chains[0].supporting[0].enterprises.size(), 1U);
    EXPECT_EQ(one_county.chains[0].supporting[0].enterprises[0].id, "e2");
    std::ostringstream out;
    write_html_report(out, one_county, options);
    EXPECT_NE(out.str().find("乙县 产业链规划报告"), std::string::npos);
}

TEST(HtmlReport, UnknownChainOrCountyIsNotFound) {
    DatasetBuilder b;
    b.county("a");
    b.chain("c", {"c.s"});
    const auto data = b.build();
    const auto graph = graph::build_region_graph(data);
    ReportOptions options;
    options.chain = "nope";
    EXPECT_THROW(assemble_report(graph, options), NotFoundError);
    options.chain.clear();
    options.county = "nope";
    EXPECT_THROW(assemble_report(graph, options), NotFoundError);
}

TEST(HtmlReport, EnglishUsesEnglishHeadings) {
    ReportOptions options;
    options.english = true;
    const std::string html = report_of(hostile(), options);
    EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(html.find("One map and N lists"), std::string::npos);
    EXPECT_NE(html.find("Recruitment list"), std::string::npos);
}

}  // namespace
}  // namespace chainatlas::report
