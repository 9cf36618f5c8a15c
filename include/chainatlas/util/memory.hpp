#pragma once

#include <cstddef>
#include <vector>

namespace chainatlas::util {

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent
/// huge pages (madvise MADV_HUGEPAGE). Call it on memory that has been allocated but not yet
/// touched: on these machines first touch of fresh memory costs ~13 µs per 4 KiB page
/// (~310 MB/s) and ~0.4 s per GB on huge pages (shared/PERFORMANCE-NOTES.md), and the big
/// record arrays of a registry are hundreds of MB. Small ranges and failures are ignored: it
/// is advice, and the program is correct without it.
void advise_huge_pages(void* data, std::size_t bytes);

/// Starts the program again, once, in place of the running one (execv of /proc/self/exe with
/// the same arguments), with glibc's malloc told to back its heap with transparent huge pages
/// (`GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, read by glibc only at start-up). On these machines
/// first touch of fresh memory is what large inputs spend their time on: the pipeline of `gaps`,
/// `compare` and `clusters` on a million enterprises went from 9.9 to 7.7 s of CPU time this
/// way, measured before the loader faulted in its own arrays on the second core; since then the
/// gain is within the run-to-run spread of about a second (docs/PERFORMANCE.md). Returns, doing nothing, when the tunable is already set (by this
/// function or by the user), when CHAINATLAS_DEFAULT_MALLOC is set, in sanitizer builds (their
/// allocator ignores the tunable), and when the exec fails.
void reexec_with_huge_page_malloc(char** argv);

/// Allocations of at least this many bytes are worth the advice.
inline constexpr std::size_t kHugePageWorthy = std::size_t{4} << 20;

/// `vector.reserve(count)`, then huge-page advice on the new, untouched capacity.
template <typename T, typename A>
void reserve_huge(std::vector<T, A>& vector, std::size_t count) {
    if (count <= vector.capacity()) return;
    vector.reserve(count);
    const std::size_t bytes = vector.capacity() * sizeof(T);
    if (bytes >= kHugePageWorthy) advise_huge_pages(vector.data(), bytes);
}

}  // namespace chainatlas::util
