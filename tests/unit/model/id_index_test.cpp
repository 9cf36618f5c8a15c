#include "chainatlas/model/id_index.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace chainatlas::model {
namespace {

TEST(IdIndex, FindsWhatWasInsertedInInsertionOrder) {
    IdIndex index;
    EXPECT_EQ(index.find("a"), IdIndex::kMissing);
    const std::vector<std::string> ids{"E1", "E2", "聊城", "", "E10"};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto [position, added] = index.insert(ids[i]);
        EXPECT_EQ(position, i);
        EXPECT_TRUE(added);
    }
    const auto [again, added] = index.insert(std::string("E2"));
    EXPECT_EQ(again, 1U);
    EXPECT_FALSE(added);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        EXPECT_EQ(index.find(ids[i]), i) << ids[i];
        EXPECT_EQ(index.id(static_cast<std::uint32_t>(i)), ids[i]);
    }
    EXPECT_EQ(index.find("E3"), IdIndex::kMissing);
    EXPECT_EQ(index.find("E"), IdIndex::kMissing);
    EXPECT_EQ(index.size(), ids.size());
}

TEST(IdIndex, BatchFindAgreesWithFindThroughGrowthAndMisses) {
    // Enough ids to grow the table many times, looked up in a shuffled batch with misses mixed
    // in, in batch sizes around the prefetch distance (0, 1, 7, 8, 17, ...).
    std::vector<std::string> stored;
    for (int i = 0; i < 20000; ++i) stored.push_back("ENT-" + std::to_string(i * 7919 % 100003));
    IdIndex index;
    for (const auto& id : stored) index.insert(id);
    std::vector<std::string> queries = stored;
    for (int i = 0; i < 5000; ++i) queries.push_back("missing-" + std::to_string(i));
    std::mt19937 random(42);
    std::shuffle(queries.begin(), queries.end(), random);
    std::size_t at = 0;
    for (const std::size_t batch : {0UL, 1UL, 7UL, 8UL, 17UL, 100UL, 4096UL, 100000UL}) {
        const std::size_t n = std::min(batch, queries.size() - at);
        std::vector<std::string_view> views(queries.begin() + static_cast<long>(at),
                                            queries.begin() + static_cast<long>(at + n));
        std::vector<std::uint32_t> positions(n, 12345);
        index.find_batch(views, positions);
        for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(positions[i], index.find(views[i])) << views[i];
        at += n;
    }
    EXPECT_EQ(at, queries.size());
    for (std::size_t i = 0; i < stored.size(); ++i) ASSERT_EQ(index.find(stored[i]), i);
}

TEST(IdIndex, IdsOfAnyLengthAreFound) {
    const std::string long_a(70000, 'a');
    std::string long_b = long_a;
    long_b.back() = 'b';
    IdIndex index;
    index.insert(long_a);
    index.insert("short");
    EXPECT_EQ(index.find(long_a), 0U);
    EXPECT_EQ(index.find(long_b), IdIndex::kMissing);
    EXPECT_EQ(index.find(std::string(65535, 'a')), IdIndex::kMissing);
    EXPECT_EQ(index.insert(long_b).first, 2U);
    EXPECT_EQ(index.find(long_b), 2U);
}

TEST(IdIndex, ShortIdsKeptInTheSlotAreToldApartByEveryByte) {
    // Ids of up to 8 bytes live in the slot itself, zero-padded: ids that differ only in their
    // last byte, in length, or by a trailing NUL must stay distinct, before and after growth.
    std::vector<std::string> ids{"", "a", "ab", "abcdefgh", "abcdefgi", "abcdefghi", "bcdefgh"};
    ids.push_back(std::string("ab\0", 3));
    ids.push_back(std::string("\0", 1));
    for (int i = 0; i < 300; ++i) ids.push_back(std::string(1, 'e').append(std::to_string(i * 37)));
    IdIndex index;
    for (std::size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(index.insert(ids[i]).first, i) << i;
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(index.find(ids[i]), i) << i;
    std::vector<std::string_view> views(ids.begin(), ids.end());
    views.emplace_back("abcdefgj");
    views.emplace_back("e1");
    std::vector<std::uint32_t> positions(views.size());
    index.find_batch(views, positions);
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(positions[i], i) << i;
    EXPECT_EQ(positions[ids.size()], IdIndex::kMissing);
    EXPECT_EQ(positions[ids.size() + 1], IdIndex::kMissing);
    for (std::size_t i = 0; i < ids.size(); ++i)
        EXPECT_EQ(index.id(static_cast<std::uint32_t>(i)), ids[i]);
}

TEST(IdIndex, RenumberMovesEveryIdToItsNewPosition) {
    IdIndex index;
    for (const char* id : {"a", "b", "c", "d"}) index.insert(id);
    const std::vector<std::uint32_t> new_position{2, 0, 3, 1};
    index.renumber(new_position);
    EXPECT_EQ(index.find("a"), 2U);
    EXPECT_EQ(index.find("b"), 0U);
    EXPECT_EQ(index.find("c"), 3U);
    EXPECT_EQ(index.find("d"), 1U);
    EXPECT_EQ(index.id(0), "b");
    EXPECT_EQ(index.id(3), "c");
    EXPECT_EQ(index.insert("e").first, 4U);
}

TEST(IdIndex, EmptyIndexFindsNothingInABatch) {
    const IdIndex index;
    const std::vector<std::string_view> views{"a", "b"};
    std::vector<std::uint32_t> positions(2, 0);
    index.find_batch(views, positions);
    EXPECT_EQ(positions[0], IdIndex::kMissing);
    EXPECT_EQ(positions[1], IdIndex::kMissing);
}

}  // namespace
}  // namespace chainatlas::model
