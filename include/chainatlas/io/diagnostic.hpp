#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "chainatlas/error.hpp"

namespace chainatlas::io {

enum class Severity : std::uint8_t { error, warning };

/// One problem found in a dataset: which file, where in it (a JSON pointer such as
/// `/enterprises/17/county`, or a CSV `line:column`; empty for the whole file), and what was
/// found versus what was expected.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    std::string location;
    std::string message;
};

/// `file:line:column: error: message` for CSV places, `file: /pointer: error: message` for JSON
/// places, `file: error: message` for a whole file.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// The problems of a dataset that could not be loaded: every error found (and the warnings),
/// in file order. Nothing of the dataset is kept.
class DatasetError : public Error {
public:
    DatasetError(std::vector<Diagnostic> diagnostics, std::size_t suppressed);

    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    /// Problems found beyond the report limit (kMaxDiagnostics), counted but not kept.
    [[nodiscard]] std::size_t suppressed() const { return suppressed_; }
    [[nodiscard]] std::size_t error_count() const;

private:
    std::vector<Diagnostic> diagnostics_;
    std::size_t suppressed_ = 0;
};

/// At most this many problems are kept with their text; the rest are only counted.
inline constexpr std::size_t kMaxDiagnostics = 1000;

}  // namespace chainatlas::io
