#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "chainatlas/render/diagram.hpp"

/// DOT text of a diagram, for Graphviz (graphviz_render.hpp) or for the user (`--format dot`).
namespace chainatlas::render {

/// The font named on the graph, node and edge defaults. Graphviz has no font fallback: a font
/// without Chinese glyphs draws boxes in PNG and PDF, so a CJK font is named explicitly.
inline constexpr std::string_view kDefaultFont = "Noto Sans CJK SC";

struct DotOptions {
    std::string font = std::string(kDefaultFont);
};

/// Text escaped for an HTML-like label: `&`, `<`, `>`, `"`, `'` and `\` become character
/// references, and line breaks and other control characters become spaces, so that any name is
/// drawn as text and can neither end the label nor put markup into the SVG.
std::string escape_html(std::string_view text);

/// Text escaped for a double-quoted DOT string: `"` and `\` are backslash-escaped (so that
/// Graphviz's `\N`-style escapes cannot fire) and control characters become spaces.
std::string escape_quoted(std::string_view text);

/// Writes `diagram` as DOT: `rankdir=LR`, `newrank=true`, HTML-like labels, one `rank=same`
/// group per column at the top level, clusters one level deep, ids and classes on every node,
/// cluster and edge, and the title and legend as the graph's label. The same diagram always
/// gives the same bytes.
void write_dot(std::ostream& out, const Diagram& diagram, const DotOptions& options);

/// `write_dot` into a string.
std::string to_dot(const Diagram& diagram, const DotOptions& options);

}  // namespace chainatlas::render
