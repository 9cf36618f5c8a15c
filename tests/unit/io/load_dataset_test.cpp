#include <gtest/gtest.h>

#include "chainatlas/io/load_dataset.hpp"

namespace chainatlas::io {
TEST(LoadDataset, SampleFixtureLoads) {
    const auto loaded = load_dataset(std::string(CHAINATLAS_FIXTURES) + "/sample/dataset.json");
    EXPECT_EQ(loaded.dataset.chains.size(), 1U);
}
}  // namespace chainatlas::io
