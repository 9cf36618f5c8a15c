#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "chainatlas/error.hpp"
#include "chainatlas/io/limits.hpp"
#include "mapped_file_impl.hpp"

namespace chainatlas::io::detail {

namespace {

[[noreturn]] void fail(const std::string& display_name, int error_number) {
    throw Error("cannot read '" + display_name + "': " + std::strerror(error_number));
}

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path, const std::string& display_name) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(display_name, errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int saved = errno;
        ::close(fd);
        fail(display_name, saved);
    }
    if (S_ISDIR(info.st_mode)) {
        ::close(fd);
        fail(display_name, EISDIR);
    }
    if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > kMaxFileBytes) {
        ::close(fd);
        throw Error("cannot read '" + display_name + "': " + std::to_string(info.st_size) +
                    " bytes, more than the limit of " + std::to_string(kMaxFileBytes >> 30) +
                    " GiB for one file (split the region into several datasets)");
    }
    if (S_ISREG(info.st_mode) && info.st_size > 0) {
        // MAP_POPULATE faults the whole file in at once, which on these machines is far cheaper
        // than a page fault per 4 KiB page while parsing.
        void* mapping = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ,
                               MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (mapping != MAP_FAILED) {
            ::madvise(mapping, static_cast<std::size_t>(info.st_size), MADV_SEQUENTIAL);
            mapping_ = mapping;
            mapped_size_ = static_cast<std::size_t>(info.st_size);
            bytes_ = {static_cast<const char*>(mapping), mapped_size_};
            ::close(fd);
            return;
        }
    }
    // Pipes, character devices and empty files: read what is there.
    char chunk[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            fail(display_name, saved);
        }
        buffer_.append(chunk, static_cast<std::size_t>(got));
        if (buffer_.size() > kMaxFileBytes) {
            ::close(fd);
            throw Error("cannot read '" + display_name + "': more than the limit of " +
                        std::to_string(kMaxFileBytes >> 30) + " GiB for one file");
        }
    }
    ::close(fd);
    bytes_ = buffer_;
}

MappedFile::~MappedFile() {
    if (mapping_ != nullptr) ::munmap(mapping_, mapped_size_);
}

}  // namespace chainatlas::io::detail
