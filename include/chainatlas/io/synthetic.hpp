#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>

namespace chainatlas::io {

/// The shape of a synthetic dataset. The same options (seed included) always give the same
/// bytes, on any machine: the generator uses its own integer arithmetic over std::mt19937_64,
/// whose sequence the C++ standard fixes.
struct SynthOptions {
    std::size_t enterprises = 10000;
    std::size_t supplies = 20000;
    std::size_t chains = 50;
    std::size_t segments_per_chain = 40;
    std::size_t counties = 3000;
    std::size_t projects = 100;
    double external_share = 0.02;  ///< share of enterprises outside the region (candidates)
    std::uint64_t seed = 1;
};

/// Writes the whole dataset as one chainatlas/1 JSON document.
void write_synthetic_json(std::ostream& out, const SynthOptions& options);

/// Writes the folder form: dataset.json (region, counties, parks, chains, cross links) and
/// enterprises.csv, supplies.csv, projects.csv. Creates `folder` if needed; each file is written
/// atomically.
void write_synthetic_folder(const std::filesystem::path& folder, const SynthOptions& options);

}  // namespace chainatlas::io
