// Tests for ledger/log/tiles and the store's tile-backed node reads: proofs served from
// stored tiles equal those of the reference (leaf-only) implementation at every size.
#include "ledger/log/tiles.h"

#include <gtest/gtest.h>

#include <future>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "ledger/log/ledger_store.h"
#include "ledger/merkle.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

using ::docket::ledger::testing::TempLedger;

Hash Leaf(uint64_t i) { return LeafHash("leaf " + std::to_string(i)); }

TEST(TilesTest, PlaceOfMapsLevelsToBandsRowsAndPositions) {
  NodePlace p = PlaceOf(0, 37);
  EXPECT_EQ(p.tile, (TileId{0, 2}));
  EXPECT_EQ(p.row, 0);
  EXPECT_EQ(p.position, 5u);
  p = PlaceOf(3, 5);  // covers leaves 40..47: row 3 of tile 0/2, second node
  EXPECT_EQ(p.tile, (TileId{0, 2}));
  EXPECT_EQ(p.row, 3);
  EXPECT_EQ(p.position, 1u);
  p = PlaceOf(4, 17);
  EXPECT_EQ(p.tile, (TileId{1, 1}));
  EXPECT_EQ(p.row, 0);
  EXPECT_EQ(p.position, 1u);
}

TEST(TilesTest, TileKeysRoundTripAndSortNumerically) {
  const TileId id{3, 0x0102030405060708};
  StatusOr<TileId> back = DecodeTileKey(EncodeTileKey(id));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, id);
  EXPECT_LT(EncodeTileKey({0, 255}), EncodeTileKey({0, 256}));
  EXPECT_EQ(DecodeTileKey("short").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(DecodeTileKey(std::string(1, '\x10') + std::string(8, '\0')).status().code(),
            StatusCode::kDataLoss);
}

TEST(TilesTest, EveryWidthRoundTripsAndOtherLengthsAreRejected) {
  for (uint64_t width = 1; width <= kTileWidth; ++width) {
    TileBuilder b;
    for (uint64_t i = 0; i < width; ++i) b.AppendLeaf(Leaf(i));
    std::vector<std::pair<TileId, std::string>> tiles = b.TakeChanged();
    ASSERT_FALSE(tiles.empty());
    StatusOr<Tile> tile = DecodeTile(tiles[0].second);
    ASSERT_TRUE(tile.ok()) << width;
    EXPECT_EQ(tile->width(), width);
    EXPECT_EQ(EncodeTile(*tile), tiles[0].second);
  }
  for (size_t bad : {0, 31, 32 * 2, 32 * 5, 32 * 31}) {
    EXPECT_EQ(DecodeTile(std::string(bad, 'x')).status().code(), StatusCode::kDataLoss) << bad;
  }
}

TEST(TilesTest, BuilderRootMatchesTheReferenceAtEverySize) {
  TileBuilder b;
  MerkleAccumulator reference;
  for (uint64_t i = 0; i < 700; ++i) {
    b.AppendLeaf(Leaf(i));
    reference.Append(Leaf(i));
    ASSERT_EQ(b.Root(), reference.Root()) << "size " << i + 1;
  }
}

// Stores what a builder produced, batch by batch, in a map, as the writer would.
class MapTiles {
 public:
  void Store(TileBuilder& b) {
    for (auto& [id, tile] : b.TakeChanged()) tiles_[id] = tile;
  }
  StatusOr<std::optional<std::string>> Load(const TileId& id) const {
    auto it = tiles_.find(id);
    if (it == tiles_.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }

 private:
  std::map<TileId, std::string> tiles_;
};

TEST(TilesTest, ResumeFromStoredTilesContinuesTheSameTree) {
  std::mt19937_64 rng(7);
  for (uint64_t size = 0; size < 300; size += 1 + rng() % 7) {
    TileBuilder b;
    MapTiles stored;
    for (uint64_t i = 0; i < size; ++i) {
      b.AppendLeaf(Leaf(i));
      if (rng() % 5 == 0) stored.Store(b);
    }
    stored.Store(b);
    StatusOr<TileBuilder> resumed =
        TileBuilder::Resume(size, [&](const TileId& id) { return stored.Load(id); });
    ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
    for (uint64_t i = size; i < size + 40; ++i) {
      b.AppendLeaf(Leaf(i));
      resumed->AppendLeaf(Leaf(i));
    }
    EXPECT_EQ(resumed->Root(), b.Root()) << "size " << size;
  }
}

TEST(TilesTest, ResumeRejectsAMissingOrWrongWidthTile) {
  MapTiles stored;
  TileBuilder b;
  for (uint64_t i = 0; i < 20; ++i) b.AppendLeaf(Leaf(i));
  stored.Store(b);
  StatusOr<TileBuilder> wrong =
      TileBuilder::Resume(21, [&](const TileId& id) { return stored.Load(id); });
  EXPECT_EQ(wrong.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(wrong.status().message().find("tile 0/1"), std::string::npos) << wrong.status().ToString();
  StatusOr<TileBuilder> missing = TileBuilder::Resume(
      20, [](const TileId&) { return StatusOr<std::optional<std::string>>(std::nullopt); });
  EXPECT_EQ(missing.status().code(), StatusCode::kDataLoss);
}

// The ledger store serves every node from its tiles; proofs from it equal the
// reference implementation's for every leaf and size in a log written in random batches.
TEST(TileSourceTest, StoredProofsEqualTheReferenceAtEverySize) {
  TempLedger ledger;
  ledger.Open();
  std::mt19937_64 rng(11);
  VectorLeafHashSource reference;
  std::vector<std::future<StatusOr<uint64_t>>> pending;
  for (uint64_t i = 0; i < 300; ++i) {
    const std::string bytes = "entry " + std::to_string(i);
    reference.Append(LeafHash(bytes));
    pending.push_back(ledger.writer().Append(bytes));
    if (rng() % 4 == 0) {
      for (auto& p : pending) ASSERT_TRUE(p.get().ok());
      pending.clear();
    }
  }
  for (auto& p : pending) ASSERT_TRUE(p.get().ok());
  const CachedTileSource stored(ledger.store());
  for (uint64_t size = 1; size <= 300; size += 1 + rng() % 5) {
    ASSERT_EQ(*RootHash(stored, size), *RootHash(reference, size)) << size;
    for (uint64_t index = 0; index < size; index += 1 + rng() % 9) {
      StatusOr<std::vector<Hash>> got = InclusionProof(stored, index, size);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      ASSERT_EQ(*got, *InclusionProof(reference, index, size)) << index << "/" << size;
      ASSERT_EQ(*ConsistencyProof(stored, index + 1, size),
                *ConsistencyProof(reference, index + 1, size))
          << index + 1 << "->" << size;
    }
  }
  EXPECT_EQ(stored.NodeAt(0, 300).status().code(), StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace docket::ledger
