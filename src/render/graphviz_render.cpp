#include "chainatlas/render/graphviz_render.hpp"

#include <dlfcn.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <cstdlib>
#include <memory>
#include <set>

#include "chainatlas/error.hpp"
#include "chainatlas/render/dot_writer.hpp"

namespace chainatlas::render {

namespace {

/// Graphviz reports problems through one process-wide callback, so its messages are gathered
/// here for the duration of one render (Graphviz itself is not thread-safe either).
thread_local std::string* graphviz_messages = nullptr;

int collect_graphviz_message(char* message) {
    if (graphviz_messages != nullptr && message != nullptr) graphviz_messages->append(message);
    return 0;
}

/// Installs the collector for the lifetime of one render, and restores Graphviz's default.
class MessageCapture {
public:
    MessageCapture() {
        graphviz_messages = &text_;
        previous_ = agseterrf(collect_graphviz_message);
    }
    ~MessageCapture() {
        agseterrf(previous_);
        graphviz_messages = nullptr;
    }
    MessageCapture(const MessageCapture&) = delete;
    MessageCapture& operator=(const MessageCapture&) = delete;

    [[nodiscard]] std::string text() const {
        std::string out = text_;
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
        return out;
    }

private:
    std::string text_;
    agusererrf previous_ = nullptr;
};

struct ContextDeleter {
    void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};
struct GraphDeleter {
    void operator()(Agraph_t* g) const { agclose(g); }
};

/// Cairo draws PNG and PDF through pango, which measures and draws Chinese with the named font;
/// SVG comes from the core writer, which keeps text as text.
const char* device_of(Format format) {
    switch (format) {
        case Format::svg: return "svg";
        case Format::png: return "png:cairo";
        case Format::pdf: return "pdf:cairo";
        case Format::dot: return "dot";
    }
    return "svg";
}

// Object ids for cgraph that do not depend on where things sit in memory. Graphviz's own id
// discipline makes a named object's id the address of its interned name, and keeps
// subgraphs ordered by id: clusters were written to SVG in an order that changed from run to
// run (same drawing, different bytes). Here a name's id is its order of first appearance in
// the DOT text (even numbers; anonymous objects get odd ones, as in Graphviz), so the same
// DOT always gives the same SVG.
struct IdState {
    std::unordered_map<std::string, IDTYPE> ids;
    std::deque<std::string> names;  // names[k] has id 2 * (k + 1); a deque keeps c_str() stable
    IDTYPE next_anonymous = 1;
};

void* id_open(Agraph_t*, Agdisc_t*) { return new IdState; }

long id_map(void* state, int, char* name, IDTYPE* id, int create) {
    auto& ids = *static_cast<IdState*>(state);
    if (name == nullptr) {
        *id = ids.next_anonymous;
        ids.next_anonymous += 2;
        return 1;
    }
    if (const auto found = ids.ids.find(name); found != ids.ids.end()) {
        *id = found->second;
        return 1;
    }
    if (create == 0) return 0;
    ids.names.emplace_back(name);
    *id = static_cast<IDTYPE>(2 * ids.names.size());
    ids.ids.emplace(ids.names.back(), *id);
    return 1;
}

long id_alloc(void*, int, IDTYPE) { return 0; }
void id_free(void*, int, IDTYPE) {}

char* id_print(void* state, int, IDTYPE id) {
    auto& ids = *static_cast<IdState*>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > ids.names.size()) return nullptr;
    return ids.names[static_cast<std::size_t>(id / 2 - 1)].data();
}

void id_close(void* state) { delete static_cast<IdState*>(state); }
void id_register(void*, int, void*) {}

Agiddisc_t stable_ids = {id_open, id_map, id_alloc, id_free, id_print, id_close, id_register};

/// Reads DOT text from memory a line at a time, as Graphviz's own reader does.
struct MemoryReader {
    std::string_view text;
    std::size_t at = 0;
};

int read_line(void* channel, char* buffer, int size) {
    auto& reader = *static_cast<MemoryReader*>(channel);
    int copied = 0;
    while (copied < size && reader.at < reader.text.size()) {
        const char c = reader.text[reader.at++];
        buffer[copied++] = c;
        if (c == '\n') break;
    }
    return copied;
}

Agiodisc_t memory_io = {read_line, nullptr, nullptr};

Agraph_t* read_dot(std::string_view text) {
    memory_io.putstr = AgIoDisc.putstr;
    memory_io.flush = AgIoDisc.flush;
    static Agdisc_t discipline = {&AgMemDisc, &stable_ids, &memory_io};
    MemoryReader reader{text};
    return agread(&reader, &discipline);
}

std::string failure(const std::string& what, const MessageCapture& capture) {
    const std::string messages = capture.text();
    return messages.empty() ? what : what + ": " + messages;
}

}  // namespace

std::string_view to_string(Format format) {
    switch (format) {
        case Format::dot: return "dot";
        case Format::svg: return "svg";
        case Format::png: return "png";
        case Format::pdf: return "pdf";
    }
    return "dot";
}

std::optional<Format> parse_format(std::string_view text) {
    if (text == "dot" || text == "gv") return Format::dot;
    if (text == "svg") return Format::svg;
    if (text == "png") return Format::png;
    if (text == "pdf") return Format::pdf;
    return std::nullopt;
}

std::optional<Format> format_of_path(const std::filesystem::path& path) {
    std::string suffix = path.extension().string();
    if (suffix.empty()) return std::nullopt;
    suffix.erase(0, 1);
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return parse_format(suffix);
}

std::string render_dot(std::string_view dot_text, Format format) {
    if (format == Format::dot) return std::string(dot_text);
    const MessageCapture capture;
    const std::unique_ptr<GVC_t, ContextDeleter> gvc(gvContext());
    if (!gvc) throw Error("graphviz: cannot create a rendering context");
    const std::unique_ptr<Agraph_t, GraphDeleter> graph(read_dot(dot_text));
    if (!graph) throw Error(failure("graphviz could not read the diagram", capture));
    if (gvLayout(gvc.get(), graph.get(), "dot") != 0) {
        throw Error(failure("graphviz could not lay out the diagram", capture));
    }
    char* data = nullptr;
    unsigned int length = 0;
    const int status = gvRenderData(gvc.get(), graph.get(), device_of(format), &data, &length);
    std::string out = (status == 0 && data != nullptr) ? std::string(data, length) : std::string();
    if (data != nullptr) gvFreeRenderData(data);
    // gvFreeLayout is deliberately not called: Graphviz 2.43's dot cleanup frees some edge data
    // twice on diagrams with compound edges (ltail/lhead) between clusters and aborts the
    // process. The layout's memory is released with the graph by agclose or at exit.
    if (status != 0 || out.empty()) {
        throw Error(failure("graphviz could not write " + std::string(to_string(format)) +
                                " (are Graphviz's cairo/pango plugins installed?)",
                            capture));
    }
    return out;
}

namespace {

/// The few fontconfig declarations needed, so that the library is loaded at run time (as
/// Graphviz's pango plugin does) rather than becoming a build dependency.
struct FcFontSet {
    int nfont;
    int sfont;
    void** fonts;
};
using FcNameParseFn = void* (*)(const unsigned char*);
using FcObjectSetBuildFn = void* (*)(const char*, ...);
using FcFontListFn = FcFontSet* (*)(void*, void*, void*);
using FcPatternGetStringFn = int (*)(const void*, const char*, int, unsigned char**);
using FcFontSetDestroyFn = void (*)(FcFontSet*);
using FcDestroyFn = void (*)(void*);

template <typename Fn>
Fn symbol(void* library, const char* name) {
    return reinterpret_cast<Fn>(dlsym(library, name));
}

}  // namespace

std::vector<std::string> chinese_font_families() {
    void* library = dlopen("libfontconfig.so.1", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) return {};
    const auto parse = symbol<FcNameParseFn>(library, "FcNameParse");
    const auto build = symbol<FcObjectSetBuildFn>(library, "FcObjectSetBuild");
    const auto list = symbol<FcFontListFn>(library, "FcFontList");
    const auto get_string = symbol<FcPatternGetStringFn>(library, "FcPatternGetString");
    const auto destroy_set = symbol<FcFontSetDestroyFn>(library, "FcFontSetDestroy");
    const auto destroy_objects = symbol<FcDestroyFn>(library, "FcObjectSetDestroy");
    const auto destroy_pattern = symbol<FcDestroyFn>(library, "FcPatternDestroy");
    std::set<std::string> families;
    if (parse && build && list && get_string && destroy_set && destroy_objects && destroy_pattern) {
        void* pattern = parse(reinterpret_cast<const unsigned char*>(":lang=zh"));
        void* objects = build("family", static_cast<char*>(nullptr));
        if (FcFontSet* fonts = (pattern && objects) ? list(nullptr, pattern, objects) : nullptr) {
            for (int i = 0; i < fonts->nfont; ++i) {
                unsigned char* family = nullptr;
                for (int n = 0; get_string(fonts->fonts[i], "family", n, &family) == 0; ++n) {
                    families.insert(reinterpret_cast<const char*>(family));
                }
            }
            destroy_set(fonts);
        }
        if (objects) destroy_objects(objects);
        if (pattern) destroy_pattern(pattern);
    }
    dlclose(library);
    return {families.begin(), families.end()};
}

std::string choose_font(const std::string& requested, std::string* warning) {
    if (!requested.empty()) return requested;
    if (const char* env = std::getenv("CHAINATLAS_FONT"); env != nullptr && *env != '\0') return env;
    const auto installed = chinese_font_families();
    const std::string preferred(kDefaultFont);
    for (const char* name : {kDefaultFont.data(), "Source Han Sans SC", "WenQuanYi Zen Hei",
                             "WenQuanYi Micro Hei", "Droid Sans Fallback"}) {
        if (std::binary_search(installed.begin(), installed.end(), std::string(name))) return name;
    }
    if (!installed.empty()) return installed.front();
    if (warning != nullptr) {
        *warning = "no Chinese font found by fontconfig: Chinese will draw as boxes in PNG and PDF "
                   "(install fonts-noto-cjk, or name a font with --font or CHAINATLAS_FONT)";
    }
    return preferred;
}

}  // namespace chainatlas::render
