#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "../context.hpp"
#include "../output_guard.hpp"
#include "chainatlas/error.hpp"
#include "chainatlas/io/write_file.hpp"
#include "chainatlas/report/html_report.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/table.hpp"

namespace chainatlas::cli {
namespace {

namespace fs = std::filesystem;

std::string status_label(analysis::GapStatus status, bool english) {
    if (english) return std::string(analysis::to_string(status));
    switch (status) {
        case analysis::GapStatus::missing:
            return "缺链";
        case analysis::GapStatus::weak:
            return "弱链";
        case analysis::GapStatus::filling:
            return "在补链";
        case analysis::GapStatus::covered:
            return "已覆盖";
    }
    return {};
}

/// Where the report is and the first ranked gaps. The size is left to `--json`: with diagrams it
/// depends on the Graphviz version.
void print_summary(std::ostream& out, const std::string& path, const report::ReportInput& input,
                   bool english) {
    out << (english ? "report written to " : "报告已写入 ") << path << '\n';
    if (input.top_actions.empty()) return;
    out << (english ? "top gaps:\n" : "优先缺链弱链:\n");
    report::Table table(
        english ? std::vector<std::string>{"#", "chain", "segment", "status", "action", "score"}
                : std::vector<std::string>{"#", "产业链", "环节", "状态", "行动", "得分"},
        {report::Table::Align::right, report::Table::Align::left, report::Table::Align::left,
         report::Table::Align::left, report::Table::Align::left, report::Table::Align::right});
    for (std::size_t i = 0; i < input.top_actions.size() && i < 5; ++i) {
        const auto& a = input.top_actions[i];
        std::string chain = a.chain;
        for (const auto& c : input.chains) {
            if (c.gaps.id == a.chain)
                chain = std::string(model::display_name(c.gaps.name, c.gaps.name_en, english));
        }
        table.add_row({std::to_string(a.rank), chain,
                       std::string(model::display_name(a.name, a.name_en, english)),
                       status_label(a.status, english),
                       std::string(english ? analysis::english_name(a.action)
                                           : analysis::chinese_name(a.action)),
                       report::format_number(a.score)});
    }
    table.print(out);
}

}  // namespace

void add_report_command(CLI::App& app, Context& context) {
    struct Args {
        std::string output = "chainatlas-report.html";
        report::ReportOptions options;
        bool no_diagrams = false;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command =
        app.add_subcommand("report",
                           "the planner's report: one self-contained HTML page (inline SVG "
                           "and CSS) with the chain maps, gaps, recruitment lists and counties");
    command->add_option("-o,--output", args->output, "the HTML file to write")
        ->capture_default_str();
    command->add_option("--chain", args->options.chain, "only this chain (an id such as bearing)");
    command->add_option("--county", args->options.county,
                        "only this county's enterprises count as local (a county id)");
    command->add_flag("--no-diagrams", args->no_diagrams,
                      "leave out the chain maps and cluster diagrams (faster; no Graphviz layout)");
    command->add_flag("--json", args->json,
                      "print {file, bytes, chains, sections} instead of the summary");
    command->callback([args, &context] {
        const fs::path output(args->output);
        refuse_overwriting_input(output, context.data_path);
        auto options = args->options;
        options.english = context.english();
        options.diagrams = !args->no_diagrams;
        if (isatty(fileno(stderr)) != 0) {
            options.progress = [](std::string_view step, std::size_t done, std::size_t total) {
                std::cerr << "\rchainatlas: report: " << step;
                if (total > 0) std::cerr << ' ' << done + 1 << '/' << total;
                std::cerr << "        " << std::flush;
            };
        }
        const auto input = report::assemble_report(context.graph(), options);
        std::ostringstream page;
        report::write_html_report(page, input, options);
        const std::string html = page.str();
        io::write_file_atomically(output, [&](std::ostream& out) { out << html; });
        if (options.progress) std::cerr << "\r\033[K" << std::flush;
        if (args->json) {
            report::Json body;
            body["file"] = args->output;
            body["bytes"] = html.size();
            body["chains"] = input.chains.size();
            body["sections"] = report::report_sections(input);
            report::write_json(std::cout, context.data(), body);
        } else {
            print_summary(std::cout, args->output, input, context.english());
        }
    });
}

}  // namespace chainatlas::cli
