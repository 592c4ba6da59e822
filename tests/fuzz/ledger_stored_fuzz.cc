// Fuzz target for the ledger's readers of its own stored bytes, which a verifier must
// not trust: tile values (DecodeTile, TileNodeAt), tile keys (DecodeTileKey) and key
// events in entries (ParseKeyEvent). Invariants: no crash; a tile decodes exactly when
// TileNodeAt accepts it, and then re-encodes to the same bytes and agrees node by node.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ledger/key_events.h"
#include "ledger/log/tiles.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket::ledger;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docket::StatusOr<Tile> tile = DecodeTile(bytes);
  docket::StatusOr<std::optional<Hash>> first = TileNodeAt(bytes, 0, 0);
  FUZZ_CHECK(tile.ok() == first.ok());
  if (tile.ok()) {
    FUZZ_CHECK(EncodeTile(*tile) == bytes);
    for (int row = 0; row < kTileHeight; ++row) {
      for (uint64_t position = 0; position < (kTileWidth >> row); ++position) {
        docket::StatusOr<std::optional<Hash>> node = TileNodeAt(bytes, row, position);
        FUZZ_CHECK(node.ok());
        const bool held = position < tile->rows[row].size();
        FUZZ_CHECK(node->has_value() == held);
        if (held) FUZZ_CHECK(**node == tile->rows[row][position]);
      }
    }
  }
  docket::StatusOr<TileId> id = DecodeTileKey(bytes);
  if (id.ok()) FUZZ_CHECK(EncodeTileKey(*id) == bytes);
  docket::StatusOr<std::optional<KeyEvent>> event = ParseKeyEvent(bytes);
  if (event.ok() && event->has_value()) {
    FUZZ_CHECK(ParseKeyEvent(KeyEventEntryBytes(**event, "t")).ok());
  }
  return 0;
}
