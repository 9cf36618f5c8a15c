#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace chainatlas::io {

/// Writes a file so that it is never seen half-written: `write` fills a temporary file beside
/// `path`, which is flushed and then renamed over `path`. On any failure the temporary file is
/// removed, `path` is left as it was, and Error is thrown naming `path`.
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

}  // namespace chainatlas::io
