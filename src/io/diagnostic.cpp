#include "chainatlas/io/diagnostic.hpp"

#include <algorithm>

namespace chainatlas::io {

namespace {

std::string summarise(const std::vector<Diagnostic>& diagnostics, std::size_t suppressed) {
    const auto errors = std::count_if(diagnostics.begin(), diagnostics.end(),
                                      [](const Diagnostic& d) { return d.severity == Severity::error; });
    std::string text = "the dataset has " + std::to_string(errors + static_cast<long>(suppressed)) +
                       (errors + suppressed == 1 ? " error" : " errors");
    const auto first = std::find_if(diagnostics.begin(), diagnostics.end(),
                                    [](const Diagnostic& d) { return d.severity == Severity::error; });
    if (first != diagnostics.end()) text += "; first: " + format_diagnostic(*first);
    return text;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& diagnostic) {
    const char* label = diagnostic.severity == Severity::error ? "error: " : "warning: ";
    if (diagnostic.location.empty()) return diagnostic.file + ": " + label + diagnostic.message;
    const char* separator = diagnostic.location.front() == '/' ? ": " : ":";
    return diagnostic.file + separator + diagnostic.location + ": " + label + diagnostic.message;
}

DatasetError::DatasetError(std::vector<Diagnostic> diagnostics, std::size_t suppressed)
    : Error(summarise(diagnostics, suppressed)),
      diagnostics_(std::move(diagnostics)),
      suppressed_(suppressed) {}

std::size_t DatasetError::error_count() const {
    return suppressed_ + static_cast<std::size_t>(std::count_if(
                             diagnostics_.begin(), diagnostics_.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

}  // namespace chainatlas::io
