#include "chainatlas/report/html_report.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/model/dataset.hpp"
#include "chainatlas/report/table.hpp"
#include "html_report_impl.hpp"

namespace chainatlas::report {

std::string escape_html_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                // Control characters are not allowed in HTML text; tab and newline are kept.
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
                    break;
                out += c;
        }
    }
    return out;
}

std::string inline_svg(std::string_view document) {
    const auto start = document.find("<svg");
    if (start == std::string_view::npos) return {};
    return std::string(document.substr(start));
}

namespace {

using analysis::GapStatus;

/// Writes the page. Holds the language so that every helper picks its words the same way.
class Writer {
public:
    Writer(std::ostream& out, const ReportInput& input, const ReportOptions& options)
        : out_(out), in_(input), en_(options.english) {
        if (in_.counties) {
            for (const auto& c : in_.counties->counties) counties_by_id_.emplace(c.id, &c);
        }
    }

    void write();

private:
    std::ostream& out_;
    const ReportInput& in_;
    bool en_;
    /// The compared counties by id: county_name is asked for every county of every chain's
    /// spread and every link between counties (3,000 counties at a million enterprises).
    std::map<std::string_view, const analysis::NamedRef*> counties_by_id_;

    [[nodiscard]] std::string_view t(std::string_view zh, std::string_view en) const {
        return en_ ? en : zh;
    }
    /// A name from the data in the chosen language, escaped.
    [[nodiscard]] std::string name(std::string_view zh, std::string_view en) const {
        return escape_html_text(model::display_name(zh, en, en_));
    }
    static std::string esc(std::string_view text) { return escape_html_text(text); }

    [[nodiscard]] std::string status_label(GapStatus status) const;
    [[nodiscard]] std::string action_label(analysis::ActionKind kind) const;
    [[nodiscard]] std::string title() const;
    [[nodiscard]] std::string segment_name(const ChainReport& chain, const std::string& id) const;

    void head();
    void header();
    void toc();
    void overview();
    void coverage_chart();
    void top_actions();
    void chain_section(const ChainReport& chain);
    void chain_summary(const ChainReport& chain);
    void figure(const std::string& svg, std::string_view caption, std::string_view kind);
    void segment_table(const ChainReport& chain);
    void action_table(const ChainReport& chain);
    void target_table(const ChainReport& chain);
    void project_table(const ChainReport& chain);
    void critical_tables(const ChainReport& chain);
    void one_map_n_lists(const ChainReport& chain);
    void enterprise_list(const std::vector<EnterpriseEntry>& list);
    void counties();
    void heat_map(const analysis::CompareResult& result);
    void county_profiles(const analysis::CompareResult& result);
    void complement_pairs(const analysis::CompareResult& result);
    void chain_links(const analysis::CompareResult& result);
    void network();
    void footer();
    [[nodiscard]] std::string county_name(const analysis::CompareResult& result,
                                          const std::string& id) const;
    [[nodiscard]] std::string chain_name(const std::string& id) const;
};

constexpr std::string_view kStyle = R"css(
:root { --covered: #2e7d32; --weak: #ef6c00; --filling: #1565c0; --missing: #c62828; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei",
       "PingFang SC", sans-serif; margin: 0 auto; max-width: 1200px; padding: 16px 24px;
       color: #1a1a1a; background: #fff; line-height: 1.5; font-size: 14px; }
h1 { font-size: 26px; margin: 8px 0; }
h2 { font-size: 21px; border-bottom: 2px solid #37474f; padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 17px; margin: 20px 0 8px; color: #263238; }
h4 { font-size: 15px; margin: 14px 0 6px; }
.meta { color: #555; font-size: 13px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid #cfd8dc; border-radius: 6px; padding: 8px 14px; min-width: 120px; background: #f7f9fa; }
.card b { display: block; font-size: 20px; }
table { border-collapse: collapse; margin: 8px 0 14px; width: 100%; font-size: 13px; }
th, td { border: 1px solid #cfd8dc; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eceff1; }
td.num, th.num { text-align: right; white-space: nowrap; }
.status { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; white-space: nowrap; }
.status-covered { background: var(--covered); }
.status-weak { background: var(--weak); }
.status-filling { background: var(--filling); }
.status-missing { background: var(--missing); }
.factors { color: #455a64; font-size: 12px; }
.note { color: #555; font-size: 12px; }
.empty { color: #777; font-style: italic; }
nav ol { columns: 2; margin: 4px 0; }
figure { margin: 10px 0; border: 1px solid #e0e0e0; padding: 6px; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: #555; }
.lists { border-left: 4px solid #90a4ae; padding-left: 12px; }
.heat td.cell { text-align: center; white-space: nowrap; }
footer { margin-top: 40px; border-top: 1px solid #999; padding-top: 8px; font-size: 12px; color: #444; }
footer ul { columns: 2; font-size: 11px; word-break: break-all; }
.legend span { margin-right: 12px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  section.chain, section#counties, section#network { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

std::string status_class(GapStatus status) {
    return "status status-" + std::string(analysis::to_string(status));
}

std::string Writer::status_label(GapStatus status) const {
    switch (status) {
        case GapStatus::missing:
            return std::string(t("缺链", "missing"));
        case GapStatus::weak:
            return std::string(t("弱链", "weak"));
        case GapStatus::filling:
            return std::string(t("在补链", "being filled"));
        case GapStatus::covered:
            return std::string(t("已覆盖", "covered"));
    }
    return {};
}

std::string Writer::action_label(analysis::ActionKind kind) const {
    return esc(en_ ? analysis::english_name(kind) : analysis::chinese_name(kind));
}

std::string Writer::title() const {
    std::string place = name(in_.facts.region, in_.facts.region_en);
    if (!in_.county.empty())
        place += (en_ ? " · " : "·") + name(in_.county_name, in_.county_name_en);
    if (!in_.chain.empty() && in_.chains.size() == 1) {
        place += (en_ ? " · " : "·") + name(in_.chains[0].gaps.name, in_.chains[0].gaps.name_en);
    }
    return place + (en_ ? ": industrial chain report" : " 产业链规划报告");
}

std::string Writer::segment_name(const ChainReport& chain, const std::string& id) const {
    for (const auto& s : chain.gaps.segment_gaps) {
        if (s.id == id) return name(s.name, s.name_en);
    }
    return esc(id);
}

std::string Writer::chain_name(const std::string& id) const {
    for (const auto& c : in_.chains) {
        if (c.gaps.id == id) return name(c.gaps.name, c.gaps.name_en);
    }
    if (in_.counties) {
        for (const auto& c : in_.counties->chains) {
            if (c.id == id) return name(c.name, c.name_en);
        }
    }
    return esc(id);
}

std::string Writer::county_name(const analysis::CompareResult& result,
                                const std::string& id) const {
    if (in_.counties && &result == &*in_.counties) {
        const auto found = counties_by_id_.find(id);
        return found == counties_by_id_.end() ? esc(id)
                                              : name(found->second->name, found->second->name_en);
    }
    for (const auto& c : result.counties) {
        if (c.id == id) return name(c.name, c.name_en);
    }
    return esc(id);
}

void Writer::head() {
    out_ << "<!DOCTYPE html>\n<html lang=\"" << t("zh-CN", "en")
         << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta name=\"generator\" content=\"chainatlas\">\n"
         << "<title>" << title() << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
}

void Writer::header() {
    const auto& f = in_.facts;
    out_ << "<header>\n<h1>" << title() << "</h1>\n<p class=\"meta\">" << t("数据集", "Dataset")
         << ": " << esc(f.name) << " · " << esc(f.content_hash);
    if (f.year) out_ << " · " << t("数据年份", "data year") << " " << *f.year;
    out_ << "</p>\n</header>\n";
}

void Writer::toc() {
    out_ << "<nav id=\"toc\">\n<h2>" << t("目录", "Contents") << "</h2>\n<ol>\n";
    out_ << "<li><a href=\"#overview\">" << t("全局概览", "The region at a glance")
         << "</a></li>\n";
    for (const auto& chain : in_.chains) {
        out_ << "<li><a href=\"#report-chain-" << esc(chain.gaps.id) << "\">"
             << name(chain.gaps.name, chain.gaps.name_en) << "</a></li>\n";
    }
    if (in_.counties)
        out_ << "<li><a href=\"#counties\">" << t("县域比较", "Counties") << "</a></li>\n";
    out_ << "<li><a href=\"#network\">" << t("供应网络关键节点", "Supply network") << "</a></li>\n";
    out_ << "<li><a href=\"#sources\">" << t("数据来源", "Sources") << "</a></li>\n</ol>\n</nav>\n";
}

void Writer::overview() {
    const auto& f = in_.facts;
    out_ << "<section id=\"overview\">\n<h2>" << t("全局概览", "The region at a glance")
         << "</h2>\n<div class=\"cards\">\n";
    const auto card = [&](std::string_view label, const std::string& value) {
        out_ << "<div class=\"card\">" << label << "<b>" << value << "</b></div>\n";
    };
    card(t("产业链", "Chains"), std::to_string(f.chains));
    card(t("环节", "Segments"), std::to_string(f.segments));
    card(t("本地企业", "Local enterprises"), std::to_string(f.local_enterprises));
    card(t("招商候选企业", "Recruitment candidates"), std::to_string(f.external_enterprises));
    if (f.local_output > 0)
        card(t("本地企业产值(亿元)", "Local output (100M yuan)"), format_number(f.local_output, 1));
    card(t("县市区", "Counties"), std::to_string(f.counties));
    card(t("园区", "Parks"), std::to_string(f.parks));
    card(t("项目", "Projects"), std::to_string(f.projects));
    out_ << "</div>\n<h3>" << t("各产业链环节覆盖率", "Coverage of each chain") << "</h3>\n";
    coverage_chart();
    top_actions();
    out_ << "</section>\n";
}

/// A horizontal stacked bar per chain: its segments by status, with the coverage at the end.
void Writer::coverage_chart() {
    constexpr int kLabel = 230, kBar = 560, kRow = 28, kTop = 30;
    const int height = kTop + kRow * static_cast<int>(in_.chains.size()) + 10;
    out_
        << "<figure class=\"chart\">\n<svg id=\"coverage-chart\" "
           "xmlns=\"http://www.w3.org/2000/svg\" width=\""
        << kLabel + kBar + 90 << "\" height=\"" << height << "\" viewBox=\"0 0 "
        << kLabel + kBar + 90 << ' ' << height
        << "\" role=\"img\" font-family=\"Noto Sans CJK SC, sans-serif\" font-size=\"13\">\n<title>"
        << t("各产业链环节覆盖率", "Coverage of each chain") << "</title>\n";
    const std::pair<GapStatus, std::string_view> kinds[] = {{GapStatus::covered, "#2e7d32"},
                                                            {GapStatus::weak, "#ef6c00"},
                                                            {GapStatus::filling, "#1565c0"},
                                                            {GapStatus::missing, "#c62828"}};
    int x = kLabel;
    for (const auto& [status, colour] : kinds) {
        out_ << "<rect x=\"" << x << "\" y=\"6\" width=\"12\" height=\"12\" fill=\"" << colour
             << "\"/><text x=\"" << x + 16 << "\" y=\"17\">" << status_label(status) << "</text>\n";
        x += 110;
    }
    int y = kTop;
    for (const auto& chain : in_.chains) {
        const auto& g = chain.gaps;
        out_ << "<g class=\"bar\"><text x=\"" << kLabel - 8 << "\" y=\"" << y + 18
             << "\" text-anchor=\"end\">" << name(g.name, g.name_en) << "</text>\n";
        const std::size_t counts[] = {g.covered, g.weak, g.filling, g.missing};
        double offset = kLabel;
        for (std::size_t k = 0; k < 4; ++k) {
            if (g.segments == 0 || counts[k] == 0) continue;
            const double w =
                kBar * static_cast<double>(counts[k]) / static_cast<double>(g.segments);
            out_ << "<rect x=\"" << format_number(offset, 1) << "\" y=\"" << y + 4 << "\" width=\""
                 << format_number(w, 1) << "\" height=\"20\" fill=\"" << kinds[k].second
                 << "\"><title>" << status_label(kinds[k].first) << ": " << counts[k]
                 << "</title></rect>\n";
            offset += w;
        }
        out_ << "<text x=\"" << kLabel + kBar + 8 << "\" y=\"" << y + 18 << "\">"
             << format_percent(g.coverage) << "</text></g>\n";
        y += kRow;
    }
    out_ << "</svg>\n<figcaption>"
         << t("覆盖率 = 至少有一家本地企业的环节 / 全部环节。",
              "Coverage = segments with at least one local enterprise / all segments.")
         << "</figcaption>\n</figure>\n";
}

void Writer::top_actions() {
    out_ << "<h3>" << t("优先补链强链行动(全部产业链)", "Top actions across chains") << "</h3>\n";
    if (in_.top_actions.empty()) {
        out_ << "<p class=\"empty\">" << t("没有需要行动的环节。", "No segment needs action.")
             << "</p>\n";
        return;
    }
    out_ << "<table>\n<tr><th class=\"num\">#</th><th>" << t("产业链", "Chain") << "</th><th>"
         << t("环节", "Segment") << "</th><th>" << t("状态", "Status") << "</th><th>"
         << t("行动", "Action") << "</th><th class=\"num\">" << t("得分", "Score")
         << "</th></tr>\n";
    for (const auto& a : in_.top_actions) {
        out_ << "<tr><td class=\"num\">" << a.rank << "</td><td><a href=\"#report-chain-"
             << esc(a.chain) << "\">" << chain_name(a.chain) << "</a></td><td>"
             << name(a.name, a.name_en) << "</td><td><span class=\"" << status_class(a.status)
             << "\">" << status_label(a.status) << "</span></td><td>" << action_label(a.action)
             << "</td><td class=\"num\">" << format_number(a.score) << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

void Writer::figure(const std::string& svg, std::string_view caption, std::string_view kind) {
    if (svg.empty()) return;
    out_ << "<figure class=\"diagram " << kind << "\">\n"
         << svg << "\n<figcaption>" << caption << "</figcaption>\n</figure>\n";
}

void Writer::chain_summary(const ChainReport& chain) {
    const auto& g = chain.gaps;
    out_ << "<div class=\"cards\">\n<div class=\"card\">" << t("覆盖率", "Coverage") << "<b>"
         << format_percent(g.coverage) << "</b></div>\n<div class=\"card\">"
         << t("环节", "Segments") << "<b>" << g.segments << "</b></div>\n";
    const std::pair<GapStatus, std::size_t> counts[] = {{GapStatus::covered, g.covered},
                                                        {GapStatus::weak, g.weak},
                                                        {GapStatus::filling, g.filling},
                                                        {GapStatus::missing, g.missing}};
    for (const auto& [status, count] : counts) {
        out_ << "<div class=\"card\">" << status_label(status) << "<b>" << count << "</b></div>\n";
    }
    out_ << "</div>\n";
    if (!g.leaders.empty()) {
        out_ << "<p>" << t("链主本地配套率", "Chain leaders' local supply ratio") << ": ";
        bool first = true;
        for (const auto& l : g.leaders) {
            out_ << (first ? "" : "; ") << name(l.name, l.name_en) << " "
                 << (l.local_supply_ratio ? format_percent(*l.local_supply_ratio)
                                          : std::string("—"));
            first = false;
        }
        out_ << "</p>\n";
    }
}

void Writer::segment_table(const ChainReport& chain) {
    out_ << "<h3>" << t("环节覆盖", "Segment coverage") << "</h3>\n<table>\n<tr><th>"
         << t("环节", "Segment") << "</th><th>" << t("层级", "Tier") << "</th><th>"
         << t("状态", "Status") << "</th><th class=\"num\">" << t("本地企业", "Local")
         << "</th><th class=\"num\">" << t("候选", "Candidates") << "</th><th class=\"num\">"
         << t("产值(亿元)", "Output") << "</th><th class=\"num\">"
         << t("本地配套率", "Local supply") << "</th></tr>\n";
    for (const auto& s : chain.gaps.segment_gaps) {
        out_ << "<tr id=\"report-seg-" << esc(s.id) << "\"><td>" << name(s.name, s.name_en)
             << "</td><td>" << esc(s.tier) << "</td><td><span class=\"" << status_class(s.status)
             << "\">" << status_label(s.status) << "</span></td><td class=\"num\">"
             << s.local_enterprises << "</td><td class=\"num\">" << s.external_enterprises
             << "</td><td class=\"num\">"
             << (s.output > 0 ? format_number(s.output, 1) : std::string("—"))
             << "</td><td class=\"num\">"
             << (s.local_supply_ratio ? format_percent(*s.local_supply_ratio) : std::string("—"))
             << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

void Writer::action_table(const ChainReport& chain) {
    out_ << "<h3>" << t("缺链与弱链(按优先级)", "Gaps and weak links, ranked") << "</h3>\n";
    if (chain.actions.empty()) {
        out_ << "<p class=\"empty\">" << t("没有需要行动的环节。", "No segment needs action.")
             << "</p>\n";
        return;
    }
    out_ << "<table>\n<tr><th class=\"num\">#</th><th>" << t("环节", "Segment") << "</th><th>"
         << t("状态", "Status") << "</th><th>" << t("行动", "Action") << "</th><th class=\"num\">"
         << t("得分", "Score") << "</th><th>" << t("因子(值×权重)", "Factors (value × weight)")
         << "</th></tr>\n";
    for (const auto& a : chain.actions) {
        const auto seg =
            std::find_if(chain.gaps.segment_gaps.begin(), chain.gaps.segment_gaps.end(),
                         [&](const analysis::SegmentGap& s) { return s.id == a.segment; });
        out_ << "<tr><td class=\"num\">" << a.rank << "</td><td>" << name(a.name, a.name_en)
             << "</td><td><span class=\"" << status_class(a.status) << "\">"
             << status_label(a.status) << "</span></td><td>" << action_label(a.action)
             << "</td><td class=\"num\">" << format_number(a.score)
             << "</td><td class=\"factors\">";
        if (seg != chain.gaps.segment_gaps.end()) {
            bool first = true;
            for (const auto& f : seg->factors) {
                if (f.contribution == 0.0) continue;
                out_ << (first ? "" : "; ") << esc(f.name) << " " << format_number(f.value) << "×"
                     << format_number(f.weight, 1) << "=" << format_number(f.contribution);
                first = false;
            }
        }
        out_ << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

void Writer::target_table(const ChainReport& chain) {
    out_ << "<h3>" << t("招商清单", "Recruitment list") << "</h3>\n";
    if (chain.targets.empty()) {
        out_ << "<p class=\"empty\">" << t("没有招商目标。", "No recruitment target.") << "</p>\n";
        return;
    }
    out_ << "<table>\n<tr><th class=\"num\">#</th><th>" << t("环节", "Segment") << "</th><th>"
         << t("候选企业(得分)", "Candidates (score)") << "</th><th>"
         << t("建议落地县市区", "Suggested county") << "</th><th>"
         << t("建议落地园区", "Suggested park") << "</th><th>" << t("已有项目", "Projects")
         << "</th></tr>\n";
    for (const auto& target : chain.targets) {
        out_ << "<tr><td class=\"num\">" << target.rank << "</td><td>"
             << name(target.name, target.name_en) << "</td><td>";
        if (target.candidates.empty())
            out_ << "<span class=\"empty\">" << t("暂无", "none known") << "</span>";
        for (std::size_t i = 0; i < target.candidates.size(); ++i) {
            const auto& c = target.candidates[i];
            out_ << (i ? "<br>" : "") << name(c.name, c.name_en) << " (" << esc(c.location) << ", "
                 << format_number(c.score) << ")";
        }
        out_ << "</td><td>";
        if (target.county) {
            out_ << name(target.county->name, target.county->name_en) << " <span class=\"note\">"
                 << t("上游", "suppliers") << " " << target.county->suppliers << " / "
                 << t("下游", "customers") << " " << target.county->customers << "</span>";
        }
        out_ << "</td><td>";
        if (target.park) out_ << name(target.park->name, target.park->name_en);
        out_ << "</td><td>";
        for (std::size_t i = 0; i < target.projects.size(); ++i) {
            out_ << (i ? "<br>" : "") << name(target.projects[i].name, target.projects[i].name_en)
                 << " (" << esc(target.projects[i].status) << ")";
        }
        out_ << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

void Writer::project_table(const ChainReport& chain) {
    if (chain.projects.empty()) {
        out_ << "<p class=\"empty\">" << t("没有项目。", "No project.") << "</p>\n";
        return;
    }
    out_ << "<table>\n<tr><th>" << t("项目", "Project") << "</th><th>" << t("状态", "Status")
         << "</th><th>" << t("县市区", "County") << "</th><th>" << t("环节", "Segments")
         << "</th><th class=\"num\">" << t("投资(亿元)", "Investment") << "</th><th class=\"num\">"
         << t("年份", "Year") << "</th></tr>\n";
    for (const auto& p : chain.projects) {
        out_ << "<tr><td>" << name(p.name, p.name_en) << "</td><td>" << esc(p.status) << "</td><td>"
             << name(p.county, p.county_en) << "</td><td>";
        for (std::size_t i = 0; i < p.segments.size(); ++i) {
            out_ << (i ? "、" : "") << name(p.segments[i], p.segments_en[i]);
        }
        out_ << "</td><td class=\"num\">"
             << (p.investment > 0 ? format_number(p.investment, 1) : std::string("—"))
             << "</td><td class=\"num\">" << (p.year ? std::to_string(*p.year) : std::string("—"))
             << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

void Writer::critical_tables(const ChainReport& chain) {
    const auto& c = chain.critical;
    out_ << "<h3>" << t("关键企业(单点风险)", "Critical enterprises (single points of failure)")
         << "</h3>\n";
    if (c.weak_segments.empty() && c.removals.empty()) {
        out_ << "<p class=\"empty\">" << t("没有单点风险。", "No single point of failure.")
             << "</p>\n";
        return;
    }
    if (!c.removals.empty()) {
        out_ << "<table>\n<tr><th>" << t("企业", "Enterprise") << "</th><th>"
             << t("失去后出现缺链的环节", "Segments left without a local enterprise if it goes")
             << "</th><th class=\"num\">" << t("受影响企业", "Dependent enterprises")
             << "</th><th class=\"num\">"
             << t("失去唯一本地供应商的客户", "Customers losing their only local supplier")
             << "</th></tr>\n";
        for (const auto& r : c.removals) {
            out_ << "<tr><td>" << name(r.enterprise.name, r.enterprise.name_en) << "</td><td>";
            for (std::size_t i = 0; i < r.gaps_opened.size(); ++i) {
                out_ << (i ? "、" : "") << segment_name(chain, r.gaps_opened[i]);
            }
            out_ << "</td><td class=\"num\">" << r.segment_dependents.size()
                 << "</td><td class=\"num\">" << r.orphaned_customers.size() << "</td></tr>\n";
        }
        out_ << "</table>\n";
    }
}

void Writer::enterprise_list(const std::vector<EnterpriseEntry>& list) {
    out_ << "<table>\n<tr><th>" << t("企业", "Enterprise") << "</th><th>" << t("县市区", "County")
         << "</th><th>" << t("园区", "Park") << "</th><th>" << t("标签", "Tags")
         << "</th><th class=\"num\">" << t("产值(亿元)", "Output") << "</th></tr>\n";
    for (const auto& e : list) {
        out_ << "<tr><td>" << (e.leader ? "★ " : "") << name(e.name, e.name_en) << "</td><td>"
             << name(e.county, e.county_en) << "</td><td>" << name(e.park, e.park_en)
             << "</td><td>";
        for (std::size_t i = 0; i < e.tags.size(); ++i) out_ << (i ? ", " : "") << esc(e.tags[i]);
        out_ << "</td><td class=\"num\">"
             << (e.output > 0 ? format_number(e.output, 1) : std::string("—")) << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

/// The chain offices' standard artefact: the map plus the lists of leading enterprises,
/// supporting enterprises by segment, recruitment targets, weak links and projects.
void Writer::one_map_n_lists(const ChainReport& chain) {
    const auto& id = chain.gaps.id;
    out_ << "<div class=\"lists\" id=\"report-lists-" << esc(id) << "\">\n<h3>"
         << t("一个图谱 + N张清单", "One map and N lists")
         << " <span class=\"note\">(1个图谱+N张清单)</span></h3>\n<p class=\"note\">"
         << t("图谱见上方产业链图谱;以下为各张清单。",
              "The map is the chain map above; the lists follow.")
         << "</p>\n";
    out_ << "<h4>" << t("清单一:龙头骨干企业", "List 1: leading enterprises") << "</h4>\n";
    if (chain.leading.empty()) {
        out_ << "<p class=\"empty\">"
             << t("本地无链主或专精特新等骨干企业。",
                  "No local chain leader or tagged leading enterprise.")
             << "</p>\n";
    } else {
        enterprise_list(chain.leading);
    }
    out_ << "<h4>" << t("清单二:各环节配套企业", "List 2: supporting enterprises by segment")
         << "</h4>\n<table>\n<tr><th>" << t("环节", "Segment") << "</th><th>"
         << t("本地企业", "Local enterprises") << "</th></tr>\n";
    for (const auto& s : chain.supporting) {
        out_ << "<tr><td>" << name(s.name, s.name_en) << "</td><td>";
        if (s.enterprises.empty())
            out_ << "<span class=\"empty\">" << t("(空白)", "(none)") << "</span>";
        for (std::size_t i = 0; i < s.enterprises.size(); ++i) {
            out_ << (i ? "、" : "") << (s.enterprises[i].leader ? "★" : "")
                 << name(s.enterprises[i].name, s.enterprises[i].name_en);
        }
        out_ << "</td></tr>\n";
    }
    out_ << "</table>\n<h4>" << t("清单三:招商目标", "List 3: recruitment targets")
         << "</h4>\n<ol>\n";
    for (const auto& target : chain.targets) {
        out_ << "<li>" << name(target.name, target.name_en) << ": ";
        if (target.candidates.empty()) out_ << t("暂无候选", "no candidate known");
        for (std::size_t i = 0; i < target.candidates.size() && i < 3; ++i) {
            out_ << (i ? "、" : "")
                 << name(target.candidates[i].name, target.candidates[i].name_en);
        }
        out_ << "</li>\n";
    }
    if (chain.targets.empty()) out_ << "<li class=\"empty\">" << t("无", "none") << "</li>\n";
    out_ << "</ol>\n<h4>" << t("清单四:需强链的薄弱环节", "List 4: weak links to strengthen")
         << "</h4>\n<ol>\n";
    for (const auto& w : chain.critical.weak_segments) {
        out_ << "<li>" << name(w.name, w.name_en) << " — " << t("仅", "only") << " "
             << name(w.holder.name, w.holder.name_en) << "</li>\n";
    }
    if (chain.critical.weak_segments.empty())
        out_ << "<li class=\"empty\">" << t("无", "none") << "</li>\n";
    out_ << "</ol>\n<h4>" << t("清单五:项目", "List 5: projects") << "</h4>\n";
    project_table(chain);
    out_ << "</div>\n";
}

void Writer::chain_section(const ChainReport& chain) {
    const auto& g = chain.gaps;
    out_ << "<section class=\"chain\" id=\"report-chain-" << esc(g.id) << "\">\n<h2>"
         << name(g.name, g.name_en) << "</h2>\n";
    chain_summary(chain);
    figure(chain.chain_map_svg,
           t("产业链图谱:环节按上下游排列,颜色表示覆盖状态,★为链主。",
             "Chain map: segments from upstream to downstream, coloured by status; ★ marks chain "
             "leaders."),
           "chain-map");
    segment_table(chain);
    action_table(chain);
    target_table(chain);
    out_ << "<h3>" << t("补链项目", "Projects filling gaps") << "</h3>\n";
    project_table(chain);
    critical_tables(chain);
    figure(chain.cluster_svg,
           t("集群图:本地企业按县市区分组,箭头为已知供应关系与跨县链接。",
             "Cluster diagram: local enterprises grouped by county, with known supplies and links "
             "between counties."),
           "cluster");
    one_map_n_lists(chain);
    out_ << "</section>\n";
}

/// Cell colour from the location quotient: white at 0, deepening blue above 1 (capped at 3).
std::string heat_colour(double lq) {
    const double share = std::clamp(lq / 3.0, 0.0, 1.0);
    const auto channel = [&](int from, int to) {
        return static_cast<int>(from + (to - from) * share);
    };
    std::ostringstream s;
    s << "rgb(" << channel(255, 21) << ',' << channel(255, 101) << ',' << channel(255, 192) << ')';
    return s.str();
}

void Writer::heat_map(const analysis::CompareResult& result) {
    out_ << "<h3>"
         << t("县域 × 产业链热力表(区位熵 LQ / 环节覆盖率)",
              "County × chain heat map (LQ / coverage)")
         << "</h3>\n<p class=\"note\">" << t("比较基准", "Basis") << ": " << esc(result.basis)
         << ". "
         << t("LQ ≥ 1 表示该县在此链上比全市更集中;颜色越深 LQ 越高。",
              "LQ ≥ 1: the county is more concentrated in the chain than the region; darker is "
              "higher.")
         << "</p>\n<div style=\"overflow-x:auto\"><table class=\"heat\">\n<tr><th>"
         << t("县市区", "County") << "</th>";
    for (const auto& c : result.chains) out_ << "<th>" << name(c.name, c.name_en) << "</th>";
    out_ << "</tr>\n";
    // The matrix rows of each county, in matrix order: looking them up by scanning the whole
    // matrix for every county grew with the square of the counties (3,000 at a million
    // enterprises).
    std::map<std::string_view, std::vector<const analysis::MatrixRow*>> rows_of;
    for (const auto& row : result.matrix) rows_of[row.county].push_back(&row);
    const std::vector<const analysis::MatrixRow*> no_rows;
    for (const auto& county : result.counties) {
        const bool chosen = !in_.county.empty() && county.id == in_.county;
        out_ << "<tr" << (chosen ? " class=\"chosen\"" : "") << "><th>"
             << name(county.name, county.name_en) << "</th>";
        const auto found = rows_of.find(county.id);
        for (const auto* cell : found == rows_of.end() ? no_rows : found->second) {
            const auto& row = *cell;
            const bool text_light = row.lq > 1.8;
            out_ << "<td class=\"cell\" style=\"background:" << heat_colour(row.lq)
                 << (text_light ? ";color:#fff" : "") << "\">";
            if (row.enterprises > 0) {
                out_ << format_number(row.lq) << "<br><span class=\"note\""
                     << (text_light ? " style=\"color:#fff\"" : "") << ">"
                     << format_percent(row.coverage, 0) << "</span>";
            } else {
                out_ << "·";
            }
            out_ << "</td>";
        }
        out_ << "</tr>\n";
    }
    out_ << "</table></div>\n";
}

void Writer::county_profiles(const analysis::CompareResult& result) {
    out_ << "<h3>" << t("专业化程度与主导产业链", "Specialisation and leading chains")
         << "</h3>\n<table>\n<tr><th>" << t("县市区", "County") << "</th><th class=\"num\">"
         << t("本地企业", "Enterprises") << "</th><th class=\"num\">" << t("产值(亿元)", "Output")
         << "</th><th class=\"num\">" << t("涉及产业链", "Chains") << "</th><th class=\"num\">"
         << t("克鲁格曼专业化指数", "Krugman index") << "</th><th>"
         << t("主导产业链(LQ)", "Leading chains (LQ)") << "</th></tr>\n";
    for (const auto& p : result.profiles) {
        out_ << "<tr><td>" << name(p.name, p.name_en) << "</td><td class=\"num\">" << p.enterprises
             << "</td><td class=\"num\">"
             << (p.output > 0 ? format_number(p.output, 1) : std::string("—"))
             << "</td><td class=\"num\">" << p.chains << "</td><td class=\"num\">"
             << format_number(p.krugman) << "</td><td>";
        for (std::size_t i = 0; i < p.leading.size(); ++i) {
            out_ << (i ? "、" : "") << chain_name(p.leading[i].chain) << " ("
                 << format_number(p.leading[i].lq) << ")";
        }
        out_ << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

void Writer::complement_pairs(const analysis::CompareResult& result) {
    out_ << "<h3>" << t("最佳互补县域组合", "Best complementary pairs") << "</h3>\n";
    std::vector<const analysis::ComplementPair*> pairs;
    for (const auto& p : result.complementarity) {
        if (in_.county.empty() || p.county_a == in_.county || p.county_b == in_.county)
            pairs.push_back(&p);
        if (pairs.size() == kTopComplementPairs) break;
    }
    if (pairs.empty()) {
        out_ << "<p class=\"empty\">" << t("没有互补组合。", "No complementary pair.") << "</p>\n";
        return;
    }
    out_ << "<table>\n<tr><th>" << t("县域组合", "Pair") << "</th><th class=\"num\">"
         << t("互补得分", "Score") << "</th><th class=\"num\">" << t("可衔接链接", "Links")
         << "</th><th>" << t("互补最多的产业链", "Chains gaining most") << "</th></tr>\n";
    for (const auto* p : pairs) {
        out_ << "<tr><td>" << county_name(result, p->county_a) << " + "
             << county_name(result, p->county_b) << "</td><td class=\"num\">"
             << format_number(p->score) << "</td><td class=\"num\">" << p->links << "</td><td>";
        for (std::size_t i = 0; i < p->chains.size() && i < 3; ++i) {
            out_ << (i ? "、" : "") << chain_name(p->chains[i].chain) << " (+"
                 << format_percent(p->chains[i].gain, 0) << ")";
        }
        out_ << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

void Writer::chain_links(const analysis::CompareResult& result) {
    out_ << "<h3>" << t("跨县产业链衔接", "Cross-county chain links") << "</h3>\n<table>\n<tr><th>"
         << t("产业链", "Chain") << "</th><th>"
         << t("自上游到下游的县市区", "Counties, upstream first") << "</th><th>"
         << t("跨县衔接(环节链接数 / 已知供应)",
              "Links between counties (segment links / known supplies)")
         << "</th></tr>\n";
    for (const auto& spread : result.chain_links) {
        out_ << "<tr><td>" << chain_name(spread.chain) << "</td><td>";
        for (std::size_t i = 0; i < spread.counties.size(); ++i) {
            out_ << (i ? " → " : "") << county_name(result, spread.counties[i].county);
        }
        out_ << "</td><td>";
        for (std::size_t i = 0; i < spread.links.size(); ++i) {
            const auto& l = spread.links[i];
            out_ << (i ? "; " : "") << county_name(result, l.from_county) << "→"
                 << county_name(result, l.to_county) << " " << l.links.size() << "/"
                 << l.supplies.size();
        }
        out_ << "</td></tr>\n";
    }
    out_ << "</table>\n";
}

void Writer::counties() {
    if (!in_.counties) return;
    const auto& result = *in_.counties;
    out_ << "<section id=\"counties\">\n<h2>" << t("县域比较", "Counties") << "</h2>\n";
    heat_map(result);
    county_profiles(result);
    complement_pairs(result);
    chain_links(result);
    out_ << "</section>\n";
}

void Writer::network() {
    out_ << "<section id=\"network\">\n<h2>"
         << t("供应网络关键节点", "Supply network: articulation points")
         << "</h2>\n<p class=\"note\">"
         << t("去掉这些企业会使已知供应网络断开。",
              "Removing one of these enterprises splits the known supply network.")
         << "</p>\n";
    if (in_.articulation_points.empty()) {
        out_ << "<p class=\"empty\">" << t("没有。", "None.") << "</p>\n</section>\n";
        return;
    }
    out_ << "<table>\n<tr><th>" << t("企业", "Enterprise") << "</th><th>" << t("外地", "External")
         << "</th><th class=\"num\">" << t("供需伙伴", "Partners") << "</th><th class=\"num\">"
         << t("连接的子网", "Blocks") << "</th></tr>\n";
    for (const auto& a : in_.articulation_points) {
        out_ << "<tr><td>" << name(a.enterprise.name, a.enterprise.name_en) << "</td><td>"
             << (a.external ? t("是", "yes") : "") << "</td><td class=\"num\">" << a.partners
             << "</td><td class=\"num\">" << a.blocks << "</td></tr>\n";
    }
    out_ << "</table>\n</section>\n";
}

void Writer::footer() {
    const auto& f = in_.facts;
    out_ << "<footer id=\"sources\">\n<p>" << t("数据集", "Dataset")
         << ": <span class=\"dataset-name\">" << esc(f.name) << "</span> · "
         << t("内容哈希", "content hash") << ": <code class=\"dataset-hash\">"
         << esc(f.content_hash) << "</code> · "
         << t("由 chainatlas 生成。各项指标的定义见 docs/REPORT.md 与 docs/ANALYSIS.md。",
              "Made by chainatlas; measures are defined in docs/REPORT.md and docs/ANALYSIS.md.")
         << "</p>\n<h3>" << t("数据来源", "Sources") << " (" << f.sources.size()
         << ")</h3>\n<ul class=\"source-list\">\n";
    for (const auto& s : f.sources) out_ << "<li>" << esc(s) << "</li>\n";
    out_ << "</ul>\n</footer>\n";
}

void Writer::write() {
    head();
    header();
    toc();
    overview();
    for (const auto& chain : in_.chains) chain_section(chain);
    counties();
    network();
    footer();
    out_ << "</body>\n</html>\n";
}

}  // namespace

std::vector<std::string> report_sections(const ReportInput& input) {
    std::vector<std::string> ids{"overview"};
    for (const auto& chain : input.chains) ids.push_back("report-chain-" + chain.gaps.id);
    if (input.counties) ids.emplace_back("counties");
    ids.emplace_back("network");
    return ids;
}

void write_html_report(std::ostream& out, const ReportInput& input, const ReportOptions& options) {
    Writer(out, input, options).write();
}

}  // namespace chainatlas::report
