// Tiles: how the ledger stores the interior of its Merkle tree so that any perfect
// subtree root is one lookup. Levels are grouped in bands of kTileHeight; a tile of band
// b covers 16 consecutive nodes of level 4b (its bottom row) and holds every complete
// node it contains: row r (0..3) has the nodes of level 4b + r whose children are in the
// tile. The tile's own root is a bottom-row node of band b + 1. Stored value: the hashes
// of row 0, then rows 1, 2 and 3, each left to right; a partial tile (rightmost in its
// band) holds only its complete nodes, and grows as the log does.
//
// TileBuilder keeps the rightmost tile of every band in memory, extends the tree one
// leaf at a time and yields the tiles it changed; the ledger writer and the verifier
// both use it, so writing and checking share one definition. Thread-compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "ledger/merkle.h"

namespace docket::ledger {

inline constexpr int kTileHeight = 4;
inline constexpr uint64_t kTileWidth = uint64_t{1} << kTileHeight;  // bottom-row nodes

struct TileId {
  uint8_t band = 0;    // levels [4 * band, 4 * band + 3]
  uint64_t index = 0;  // covers bottom-row nodes [16 * index, 16 * index + 16)
  friend auto operator<=>(const TileId&, const TileId&) = default;
};

// The tile holding node (level, index), and the node's row and position in it.
struct NodePlace {
  TileId tile;
  int row = 0;
  uint64_t position = 0;
};
NodePlace PlaceOf(uint8_t level, uint64_t index);

// 9-byte key: the band, then the tile index as 8 bytes big-endian.
std::string EncodeTileKey(const TileId& id);
// Errors: kDataLoss unless `key` is 9 bytes with a band below 16.
[[nodiscard]] StatusOr<TileId> DecodeTileKey(std::string_view key);

// A tile's rows. rows[r] holds the complete nodes of row r, left to right.
struct Tile {
  std::vector<Hash> rows[kTileHeight];
  uint64_t width() const { return rows[0].size(); }
  friend bool operator==(const Tile&, const Tile&) = default;
};
std::string EncodeTile(const Tile& tile);
// Errors: kDataLoss if `value` is not the encoding of a tile of 1..16 bottom nodes.
[[nodiscard]] StatusOr<Tile> DecodeTile(std::string_view value);

// Node (row, position) read straight from an encoded tile, without decoding the rest:
// nullopt if the tile does not (yet) hold it. Errors: kDataLoss for a malformed tile.
[[nodiscard]] StatusOr<std::optional<Hash>> TileNodeAt(std::string_view value, int row,
                                                       uint64_t position);

class TileBuilder {
 public:
  TileBuilder() = default;

  // Resumes a tree of `size` leaves from the rightmost stored tile of each band
  // (`load` returns nullopt for a tile that is not stored). Checks that the loaded tiles
  // have exactly the widths `size` implies. Errors: kDataLoss naming the tile.
  [[nodiscard]] static StatusOr<TileBuilder> Resume(
      uint64_t size, const std::function<StatusOr<std::optional<std::string>>(const TileId&)>& load);

  void AppendLeaf(const Hash& leaf_hash);
  uint64_t size() const { return size_; }
  // MTH of the leaves so far; EmptyTreeRoot() for none.
  Hash Root() const;
  // Node (level, index) if it is complete and in a tile this builder holds (the
  // rightmost of its band, or one changed since TakeChanged); nullopt otherwise.
  std::optional<Hash> FindNode(uint8_t level, uint64_t index) const;
  // Every tile changed since the last call, encoded, in TileId order; then forgets
  // the completed ones. Without `include_partial`, rightmost tiles that are still
  // growing are left for a later call.
  std::vector<std::pair<TileId, std::string>> TakeChanged(bool include_partial = true);

 private:
  void AddNode(uint8_t level, uint64_t index, const Hash& hash);

  uint64_t size_ = 0;
  std::vector<std::pair<TileId, Tile>> rightmost_;  // by band
  std::map<TileId, Tile> completed_;                // finished since TakeChanged
  std::vector<bool> changed_;                       // by band: rightmost changed
};

}  // namespace docket::ledger
