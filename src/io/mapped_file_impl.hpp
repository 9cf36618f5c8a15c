#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace chainatlas::io::detail {

/// The bytes of a file, memory-mapped (read-only, pre-faulted) when it is a regular file, read
/// into memory otherwise. Throws chainatlas::Error naming the file when it cannot be read.
class MappedFile {
public:
    MappedFile(const std::filesystem::path& path, const std::string& display_name);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    [[nodiscard]] std::string_view bytes() const { return bytes_; }

private:
    void* mapping_ = nullptr;
    std::size_t mapped_size_ = 0;
    std::string buffer_;
    std::string_view bytes_;
};

}  // namespace chainatlas::io::detail
