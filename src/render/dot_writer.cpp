#include "chainatlas/render/dot_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace chainatlas::render {

namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

std::string quoted(std::string_view text) { return "\"" + escape_quoted(text) + "\""; }

std::string join(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += separator;
        out += word;
    }
    return out;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

/// Width of an arrow standing for `count` relations: grows with the logarithm so that one
/// heavy pair does not swamp the picture.
double pen_width(std::size_t count) {
    return std::min(7.0, 1.0 + 1.5 * std::log2(static_cast<double>(std::max<std::size_t>(count, 1))));
}

std::string row_html(const LabelRow& row) {
    std::string text = escape_html(row.text);
    if (row.bold) text = "<B>" + text + "</B>";
    if (row.italic) text = "<I>" + text + "</I>";
    if (!row.colour.empty()) text = "<FONT COLOR=\"" + escape_html(row.colour) + "\">" + text + "</FONT>";
    return "<TR><TD ALIGN=\"LEFT\">" + text + "</TD></TR>";
}

std::string node_label(const Node& node) {
    std::string html = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">";
    html += "<TR><TD><B>" + escape_html(node.title) + "</B></TD></TR>";
    for (const auto& row : node.rows) html += row_html(row);
    return html + "</TABLE>>";
}

std::string legend_html(const std::vector<LegendEntry>& legend) {
    std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\"><TR>";
    for (const auto& entry : legend) {
        if (entry.line) {
            const std::string stroke = entry.dashed ? "- - -" : "———";
            html += "<TD><FONT COLOR=\"" + escape_html(entry.border) + "\"><B>" + stroke + "</B></FONT></TD>";
        } else {
            html += "<TD BORDER=\"1\" WIDTH=\"18\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"" +
                    escape_html(entry.fill) + "\" COLOR=\"" + escape_html(entry.border) + "\"></TD>";
        }
        html += "<TD ALIGN=\"LEFT\">" + escape_html(entry.text) + "  </TD>";
    }
    return html + "</TR></TABLE>";
}

/// The title, the notes and the legend as the graph's label: drawn above the diagram, they take
/// no part in the layout.
std::string graph_label(const Diagram& diagram) {
    std::string html = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">";
    html += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"18\"><B>" + escape_html(diagram.title) +
            "</B></FONT></TD></TR>";
    for (const auto& note : diagram.notes) {
        html += "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"#444444\">" + escape_html(note) + "</FONT></TD></TR>";
    }
    if (!diagram.legend.empty()) html += "<TR><TD ALIGN=\"LEFT\">" + legend_html(diagram.legend) + "</TD></TR>";
    return html + "</TABLE>>";
}

void write_node(std::ostream& out, const Node& node, std::string_view indent) {
    std::string style = "rounded,filled";
    if (node.dashed) style += ",dashed";
    out << indent << quoted(node.id) << " [id=" << quoted(node.id) << ", class=" << quoted(join(node.classes, " "))
        << ", style=" << quoted(style) << ", fillcolor=" << quoted(node.fill) << ", color=" << quoted(node.border)
        << ", penwidth=" << number(node.border_width);
    if (!node.tooltip.empty()) out << ", tooltip=" << quoted(node.tooltip);
    out << ", label=" << node_label(node) << "];\n";
}

void write_cluster(std::ostream& out, const Cluster& cluster, const std::vector<const Node*>& members) {
    out << "  subgraph " << quoted("cluster_" + cluster.id) << " {\n";
    out << "    graph [id=" << quoted(cluster.id) << ", class=" << quoted(join(cluster.classes, " "))
        << ", style=\"rounded,filled\", fillcolor=" << quoted(cluster.fill) << ", color=" << quoted(cluster.border)
        << ", labeljust=l, label=<<B>" << escape_html(cluster.title) << "</B>>";
    if (!cluster.tooltip.empty()) out << ", tooltip=" << quoted(cluster.tooltip);
    out << "];\n";
    for (const Node* node : members) write_node(out, *node, "    ");
    out << "  }\n";
}

std::string edge_label(const Edge& edge) {
    constexpr std::size_t kShownDetails = 3;
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < edge.details.size() && i < kShownDetails; ++i) lines.push_back(escape_html(edge.details[i]));
    if (edge.details.size() > kShownDetails) lines.push_back("+" + std::to_string(edge.details.size() - kShownDetails));
    if (lines.empty() && edge.count > 1) lines.push_back("×" + std::to_string(edge.count));
    return lines.empty() ? "" : "<" + join(lines, "<BR/>") + ">";
}

void write_edge(std::ostream& out, const Edge& edge) {
    out << "  " << quoted(edge.from) << " -> " << quoted(edge.to) << " [id="
        << quoted(edge.kind + "__" + edge.from + "__" + edge.to) << ", class=" << quoted(edge.kind)
        << ", color=" << quoted(edge.colour) << ", penwidth=" << number(pen_width(edge.count));
    if (edge.dashed) out << ", style=dashed";
    if (!edge.constraint) out << ", constraint=false";
    if (!edge.tail_cluster.empty()) out << ", ltail=" << quoted("cluster_" + edge.tail_cluster);
    if (!edge.head_cluster.empty()) out << ", lhead=" << quoted("cluster_" + edge.head_cluster);
    const std::string label = edge_label(edge);
    if (!label.empty()) out << ", label=" << label << ", fontcolor=" << quoted(edge.colour);
    if (!edge.details.empty()) out << ", tooltip=" << quoted(join(edge.details, "; "));
    out << "];\n";
}

void write_ranks(std::ostream& out, const Diagram& diagram) {
    std::map<unsigned, std::vector<std::string>> columns;
    for (const auto& node : diagram.nodes) {
        if (node.rank) columns[*node.rank].push_back(node.id);
    }
    // An invisible anchor per column, chained left to right, puts the columns in order even when
    // no edge joins them (enterprises of one chain often have no known supplies).
    for (const auto& [rank, ids] : columns) {
        const std::string anchor = "column-" + std::to_string(rank);
        out << "  " << quoted(anchor) << " [style=invis, shape=point, width=0, height=0, label=\"\"];\n";
        out << "  {rank=same; " << quoted(anchor) << ';';
        for (const auto& id : ids) out << ' ' << quoted(id) << ';';
        out << "}\n";
    }
    std::string previous;
    for (const auto& [rank, ids] : columns) {
        const std::string anchor = "column-" + std::to_string(rank);
        if (!previous.empty()) out << "  " << quoted(previous) << " -> " << quoted(anchor) << " [style=invis];\n";
        previous = anchor;
    }
}

void write_graph_attributes(std::ostream& out, const Diagram& diagram, const DotOptions& options) {
    const std::string font = quoted(options.font);
    out << "  graph [id=" << quoted(diagram.id) << ", class=" << quoted("diagram " + diagram.kind)
        << ", rankdir=LR, newrank=true, compound=true, fontname=" << font
        << ", fontsize=12, labelloc=t, labeljust=l, nodesep=0.2, ranksep=0.5, pad=0.3, bgcolor=\"#ffffff\""
        << ", label=" << graph_label(diagram) << "];\n";
    out << "  node [shape=box, fontname=" << font << ", fontsize=11, margin=\"0.10,0.05\"];\n";
    out << "  edge [fontname=" << font << ", fontsize=9, arrowsize=0.7];\n";
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\\': out += "&#92;"; break;
            default: out += is_control(static_cast<unsigned char>(ch)) ? ' ' : ch;
        }
    }
    return out;
}

std::string escape_quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else {
            out += is_control(static_cast<unsigned char>(ch)) ? ' ' : ch;
        }
    }
    return out;
}

void write_dot(std::ostream& out, const Diagram& diagram, const DotOptions& options) {
    out << "digraph " << quoted(diagram.id) << " {\n";
    write_graph_attributes(out, diagram, options);
    std::map<std::string, std::vector<const Node*>> members;
    for (const auto& node : diagram.nodes) {
        if (!node.cluster.empty()) members[node.cluster].push_back(&node);
    }
    for (const auto& cluster : diagram.clusters) write_cluster(out, cluster, members[cluster.id]);
    for (const auto& node : diagram.nodes) {
        const bool in_cluster = std::any_of(diagram.clusters.begin(), diagram.clusters.end(),
                                            [&](const Cluster& c) { return c.id == node.cluster; });
        if (!in_cluster) write_node(out, node, "  ");
    }
    write_ranks(out, diagram);
    for (const auto& edge : diagram.edges) write_edge(out, edge);
    out << "}\n";
}

std::string to_dot(const Diagram& diagram, const DotOptions& options) {
    std::ostringstream out;
    write_dot(out, diagram, options);
    return out.str();
}

}  // namespace chainatlas::render
