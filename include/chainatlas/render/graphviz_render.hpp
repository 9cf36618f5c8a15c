#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// Layout and drawing through Graphviz's C library (cgraph reads the DOT text, gvc lays it out
/// with `dot` and writes the picture); no external program is run.
namespace chainatlas::render {

enum class Format : std::uint8_t { dot, svg, png, pdf };

std::string_view to_string(Format format);
/// The format spelled `text` (`dot`, `gv`, `svg`, `png`, `pdf`), or nullopt.
std::optional<Format> parse_format(std::string_view text);
/// The format named by the suffix of `path` (`.dot`/`.gv`, `.svg`, `.png`, `.pdf`), or nullopt.
std::optional<Format> format_of_path(const std::filesystem::path& path);

/// Lays out `dot_text` with the `dot` engine and returns the picture in `format` (for
/// `Format::dot`, the laid-out DOT with coordinates). Throws Error with Graphviz's messages when
/// the text does not parse or cannot be laid out.
std::string render_dot(std::string_view dot_text, Format format);

/// Font families installed for Chinese (fontconfig's `:lang=zh`), sorted; empty when fontconfig
/// cannot be loaded or knows none.
std::vector<std::string> chinese_font_families();

/// The font diagrams name: `requested` when not empty (from `--font`), else the environment
/// variable CHAINATLAS_FONT, else "Noto Sans CJK SC" when installed, else the first installed
/// Chinese font, else "Noto Sans CJK SC" (with `warning` set: Chinese will draw as boxes in
/// PNG and PDF until a CJK font such as Debian's fonts-noto-cjk is installed).
std::string choose_font(const std::string& requested, std::string* warning = nullptr);

}  // namespace chainatlas::render
