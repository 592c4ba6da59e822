// Tiles and TileBuilder; see tiles.h.
#include "ledger/log/tiles.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "engine/base/check.h"

namespace docket::ledger {
namespace {

constexpr uint8_t kMaxBands = 16;  // 64 levels

// Hashes a tile of bottom width w holds: w + w/2 + w/4 + w/8.
uint64_t HashCount(uint64_t width) {
  uint64_t count = 0;
  for (int row = 0; row < kTileHeight; ++row) count += width >> row;
  return count;
}

std::string DescribeTile(const TileId& id) {
  return "tile " + std::to_string(id.band) + "/" + std::to_string(id.index);
}

}  // namespace

NodePlace PlaceOf(uint8_t level, uint64_t index) {
  const int row = level % kTileHeight;
  const uint64_t row_width = kTileWidth >> row;
  return NodePlace{.tile = TileId{.band = static_cast<uint8_t>(level / kTileHeight),
                                  .index = index / row_width},
                   .row = row,
                   .position = index % row_width};
}

std::string EncodeTileKey(const TileId& id) {
  std::string key(9, '\0');
  key[0] = static_cast<char>(id.band);
  uint64_t v = id.index;
  for (int i = 8; i >= 1; --i, v >>= 8) key[i] = static_cast<char>(v & 0xff);
  return key;
}

StatusOr<TileId> DecodeTileKey(std::string_view key) {
  if (key.size() != 9 || static_cast<uint8_t>(key[0]) >= kMaxBands) {
    return DataLossError("tile key of " + std::to_string(key.size()) + " bytes is malformed");
  }
  TileId id{.band = static_cast<uint8_t>(key[0]), .index = 0};
  for (size_t i = 1; i < 9; ++i) id.index = (id.index << 8) | static_cast<uint8_t>(key[i]);
  return id;
}

std::string EncodeTile(const Tile& tile) {
  std::string out;
  out.reserve(HashCount(tile.width()) * 32);
  for (const auto& row : tile.rows) {
    for (const Hash& h : row) out.append(h.AsBytes());
  }
  return out;
}

namespace {

// The bottom-row width of an encoded tile, from its length alone.
StatusOr<uint64_t> TileWidth(std::string_view value) {
  const uint64_t count = value.size() / 32;
  uint64_t width = 1;
  while (width <= kTileWidth && HashCount(width) < count) ++width;
  if (value.size() % 32 != 0 || width > kTileWidth || HashCount(width) != count) {
    return DataLossError("a tile of " + std::to_string(value.size()) +
                         " bytes is not a whole tile of 32-byte hashes");
  }
  return width;
}

}  // namespace

StatusOr<std::optional<Hash>> TileNodeAt(std::string_view value, int row, uint64_t position) {
  DOCKET_ASSIGN_OR_RETURN(uint64_t width, TileWidth(value));
  if (position >= (width >> row)) return std::optional<Hash>();
  uint64_t offset = position;
  for (int r = 0; r < row; ++r) offset += width >> r;
  Hash hash;
  std::memcpy(hash.bytes.data(), value.data() + offset * 32, 32);
  return std::optional<Hash>(hash);
}

StatusOr<Tile> DecodeTile(std::string_view value) {
  DOCKET_ASSIGN_OR_RETURN(uint64_t width, TileWidth(value));
  Tile tile;
  size_t offset = 0;
  for (int row = 0; row < kTileHeight; ++row) {
    tile.rows[row].resize(width >> row);
    for (Hash& h : tile.rows[row]) {
      std::memcpy(h.bytes.data(), value.data() + offset, 32);
      offset += 32;
    }
  }
  return tile;
}

StatusOr<TileBuilder> TileBuilder::Resume(
    uint64_t size,
    const std::function<StatusOr<std::optional<std::string>>(const TileId&)>& load) {
  TileBuilder builder;
  builder.size_ = size;
  for (uint8_t band = 0; band < kMaxBands && (size >> (kTileHeight * band)) != 0; ++band) {
    const uint64_t nodes = size >> (kTileHeight * band);
    const TileId id{.band = band, .index = nodes / kTileWidth};
    Tile tile;
    if (const uint64_t width = nodes % kTileWidth; width != 0) {
      DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> stored, load(id));
      if (!stored.has_value()) {
        return DataLossError(DescribeTile(id) + " is missing for a tree of size " +
                             std::to_string(size));
      }
      StatusOr<Tile> decoded = DecodeTile(*stored);
      if (!decoded.ok()) return DataLossError(DescribeTile(id) + ": " + decoded.status().message());
      if (decoded->width() != width) {
        return DataLossError(DescribeTile(id) + " is " + std::to_string(decoded->width()) +
                             " nodes wide; a tree of size " + std::to_string(size) + " needs " +
                             std::to_string(width));
      }
      tile = std::move(*decoded);
    }
    builder.rightmost_.emplace_back(id, std::move(tile));
    builder.changed_.push_back(false);
  }
  return builder;
}

void TileBuilder::AppendLeaf(const Hash& leaf_hash) {
  AddNode(0, size_, leaf_hash);
  ++size_;
}

void TileBuilder::AddNode(uint8_t level, uint64_t index, const Hash& hash) {
  const NodePlace place = PlaceOf(level, index);
  const uint8_t band = place.tile.band;
  while (rightmost_.size() <= band) {
    rightmost_.emplace_back(TileId{.band = static_cast<uint8_t>(rightmost_.size()), .index = 0},
                            Tile{});
    changed_.push_back(false);
  }
  auto& [id, tile] = rightmost_[band];
  if (id != place.tile) {
    // The band moved on: its previous tile is complete. Keep it until written.
    if (changed_[band]) completed_[id] = std::move(tile);
    id = place.tile;
    tile = Tile{};
  }
  std::vector<Hash>& row = tile.rows[place.row];
  DOCKET_CHECK(row.size() == place.position);
  row.push_back(hash);
  changed_[band] = true;
  if (index % 2 == 1) {
    const Hash parent = NodeHash(row[row.size() - 2], row.back());
    AddNode(static_cast<uint8_t>(level + 1), index / 2, parent);
  }
}

std::optional<Hash> TileBuilder::FindNode(uint8_t level, uint64_t index) const {
  const NodePlace place = PlaceOf(level, index);
  const Tile* tile = nullptr;
  if (place.tile.band < rightmost_.size() && rightmost_[place.tile.band].first == place.tile) {
    tile = &rightmost_[place.tile.band].second;
  } else if (auto it = completed_.find(place.tile); it != completed_.end()) {
    tile = &it->second;
  }
  if (tile == nullptr || tile->rows[place.row].size() <= place.position) return std::nullopt;
  return tile->rows[place.row][place.position];
}

Hash TileBuilder::Root() const {
  if (size_ == 0) return EmptyTreeRoot();
  std::optional<Hash> root;
  // Peaks from the lowest level up, folded right to left as MTH does.
  for (uint8_t level = 0; level < 64; ++level) {
    if (((size_ >> level) & 1) == 0) continue;
    const std::optional<Hash> peak = FindNode(level, (size_ >> level) - 1);
    DOCKET_CHECK(peak.has_value());  // a peak lies in the rightmost tile of its band
    root = root.has_value() ? NodeHash(*peak, *root) : *peak;
  }
  return *root;
}

std::vector<std::pair<TileId, std::string>> TileBuilder::TakeChanged(bool include_partial) {
  std::vector<std::pair<TileId, std::string>> out;
  for (auto& [id, tile] : completed_) out.emplace_back(id, EncodeTile(tile));
  completed_.clear();
  for (size_t band = 0; band < rightmost_.size() && include_partial; ++band) {
    if (!changed_[band]) continue;
    changed_[band] = false;
    if (rightmost_[band].second.width() > 0) {
      out.emplace_back(rightmost_[band].first, EncodeTile(rightmost_[band].second));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace docket::ledger
