#pragma once

// The limits of what the loaders accept, so that a broken or hostile file gets a clear error
// instead of exhausting memory. Documented in docs/RELIABILITY.md; each is far above what a
// national registry needs.

#include <cstddef>
#include <cstdint>

namespace chainatlas::io {

/// Bytes of one input file (dataset.json, a CSV file, a whatif fragment).
inline constexpr std::uint64_t kMaxFileBytes = std::uint64_t{16} << 30;  // 16 GiB
/// Records of one kind (enterprises, supplies, projects, ...) in a dataset; record positions
/// are 32-bit.
inline constexpr std::size_t kMaxRecords = 200'000'000;
/// Bytes of an id.
inline constexpr std::size_t kMaxIdLength = 64;
/// Bytes of any other text value: a name, a note, a source, a location, one tag or list item.
inline constexpr std::size_t kMaxTextLength = 4096;
/// Nesting of JSON arrays and objects.
inline constexpr std::size_t kMaxJsonDepth = 64;

}  // namespace chainatlas::io
