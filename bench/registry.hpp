#pragma once

// A synthetic registry for the in-process benchmarks: generated once per size under
// $TMPDIR/chainatlas-bench/analysis-<n>/ (seed 1, 2 supplies per enterprise, 50 chains x 40
// segments, 1 county per 333 enterprises, 1 project per 100), loaded and graphed once per
// process, so that each benchmark measures its analysis after load.

#include <cstddef>
#include <memory>

#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/io/load_dataset.hpp"

namespace chainatlas::bench {

struct Registry {
    io::LoadResult loaded;
    std::unique_ptr<graph::RegionGraph> graph;
};

/// The registry of `enterprises` enterprises, generated and loaded on first use.
const Registry& registry(std::size_t enterprises);

}  // namespace chainatlas::bench
