#include "chainatlas/util/memory.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace chainatlas::util {

void advise_huge_pages(void* data, std::size_t bytes) {
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
    if (data == nullptr || last <= first) return;
#ifdef MADV_HUGEPAGE
    ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
}

namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#elif defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

void reexec_with_huge_page_malloc(char** argv) {
#ifdef __GLIBC__
    if (kSanitized || argv == nullptr || argv[0] == nullptr) return;
    if (std::getenv("CHAINATLAS_DEFAULT_MALLOC") != nullptr) return;
    constexpr std::string_view kTunable = "glibc.malloc.hugetlb";
    const char* existing = std::getenv("GLIBC_TUNABLES");
    const std::string before = existing == nullptr ? std::string() : std::string(existing);
    if (before.find(kTunable) != std::string::npos) return;
    const std::string tunables = (before.empty() ? "" : before + ":") + std::string(kTunable) + "=1";
    if (::setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
    ::execv("/proc/self/exe", argv);
    // Still here: the exec failed (no /proc, say). Carry on as started.
    if (existing == nullptr) {
        ::unsetenv("GLIBC_TUNABLES");
    } else {
        ::setenv("GLIBC_TUNABLES", before.c_str(), 1);
    }
#else
    (void)argv;
#endif
}

}  // namespace chainatlas::util
