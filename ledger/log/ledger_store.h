// LedgerStore: the durable ledger over RocksDB. Column families: `entries` (8-byte
// big-endian index -> the exact entry bytes, which are the Merkle leaf), `tiles` (the
// tree's nodes, grouped as in ledger/log/tiles.h), `checkpoints` (8-byte big-endian tree
// size -> signed checkpoint note) and `meta` (tree size, last checkpoint size). The WAL is on and every Commit is one synced WriteBatch, so a batch of entries,
// their index rows and the checkpoint covering it become durable together or not at all.
// Beside the tree live the side families (blobs, subject_keys, indexes): key/value
// spaces whose owners (the blob vault, the index writer) define their keys. They are
// not hashed into the tree; their owners make their contents verifiable.
//
// Ownership: the store owns the RocksDB handle; callers borrow the store.
// Thread-safety: const methods may be called concurrently with each other and with
// Commit; Commit has one caller at a time (the ledger writer thread).
// RocksDB errors are translated here: corruption -> kDataLoss, I/O -> kUnavailable,
// both with the path; anything else -> kInternal.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "ledger/log/tiles.h"
#include "ledger/merkle.h"

namespace docket::ledger {

// Everything one group-commit batch writes, applied atomically by LedgerStore::Commit.
struct LedgerBatch {
  uint64_t first_index = 0;               // must equal the stored tree size
  std::vector<std::string_view> entries;  // borrowed for the duration of Commit
  // Every tile the entries changed (TileBuilder::TakeChanged), replacing stored ones.
  std::vector<std::pair<TileId, std::string>> tiles;
  // Checkpoint for first_index + entries.size(), or empty for a batch that the next
  // checkpoint will cover.
  std::string signed_checkpoint;
  // Rows for the `indexes` side family, written in the same WriteBatch as the entries.
  std::vector<std::pair<std::string, std::string>> index_rows;
};

// Key/value families beside the tree. Their owners define the keys.
enum class SideFamily { kBlobs, kSubjectKeys, kIndexes };

// A stored checkpoint: the tree size it is keyed by and the signed note bytes.
struct StoredCheckpoint {
  uint64_t size = 0;
  std::string signed_note;
};

class LedgerStore final : public LeafHashSource {
 public:
  // Creates the database at `path` (and its column families) or opens it.
  // Errors: kDataLoss if RocksDB reports corruption; kUnavailable on I/O errors
  // (including a lock held by another process); kInternal otherwise.
  [[nodiscard]] static StatusOr<std::unique_ptr<LedgerStore>> Open(const std::string& path);

  ~LedgerStore() override;
  LedgerStore(const LedgerStore&) = delete;
  LedgerStore& operator=(const LedgerStore&) = delete;

  const std::string& path() const { return path_; }

  // Number of entries (the tree size). 0 for a new ledger.
  [[nodiscard]] StatusOr<uint64_t> Size() const;
  // Visits entries from `begin` in index order with their stored keys decoded, until
  // `visit` returns false. Keys need not be contiguous: a gap is the caller's finding.
  // Errors: kDataLoss for a key that is not 8 bytes; iterator errors as for Open.
  [[nodiscard]] Status ScanEntries(
      uint64_t begin, const std::function<bool(uint64_t index, std::string_view bytes)>& visit) const;
  // The stored tile `id` (tiles.h encoding), or nullopt. Complete tiles above band 0
  // are served from memory after their first read.
  [[nodiscard]] StatusOr<std::optional<std::string>> TileAt(const TileId& id) const;
  // The exact bytes of entry `index`. Errors: kNotFound if absent.
  [[nodiscard]] StatusOr<std::string> EntryAt(uint64_t index) const;
  // One tile read per call; see CachedTileSource for many reads.
  // Errors: kOutOfRange if the node is not stored; kDataLoss for a malformed tile.
  [[nodiscard]] StatusOr<Hash> LeafHashAt(uint64_t index) const override;
  [[nodiscard]] StatusOr<Hash> NodeAt(uint8_t level, uint64_t index) const override;
  // The checkpoint with the largest size, or nullopt if none was ever written.
  [[nodiscard]] StatusOr<std::optional<StoredCheckpoint>> LatestCheckpoint() const;
  // Every stored checkpoint in increasing size order.
  // Errors: kDataLoss if a key is not an 8-byte size.
  [[nodiscard]] StatusOr<std::vector<StoredCheckpoint>> Checkpoints() const;

  // Writes `batch` in one WriteBatch with sync = true.
  // Errors: kFailedPrecondition if batch.first_index is not the stored size;
  // RocksDB errors as for Open.
  [[nodiscard]] Status Commit(const LedgerBatch& batch);

  // Side families. Put/Delete with `sync` fsync the WAL before returning; without it
  // the write becomes durable with the next synced write (any Commit), which is what a
  // blob referenced by a later entry needs. Errors: RocksDB errors as for Open.
  [[nodiscard]] Status PutSide(SideFamily family, std::string_view key, std::string_view value,
                               bool sync);
  [[nodiscard]] StatusOr<std::optional<std::string>> GetSide(SideFamily family,
                                                             std::string_view key) const;
  // Visits every key starting with `prefix` in bytewise order until `visit` returns
  // false. An iterator error is returned, never taken for the end.
  [[nodiscard]] Status ScanSide(
      SideFamily family, std::string_view prefix,
      const std::function<bool(std::string_view key, std::string_view value)>& visit) const;
  // Deletes `key` for good: a synced delete, then a flush and a forced compaction of
  // the key's range, so the old value survives in no memtable, WAL or SST file that the
  // database still uses. For destroying data-subject keys (erasure).
  [[nodiscard]] Status EraseSide(SideFamily family, std::string_view key);

 private:
  struct Handles;
  LedgerStore(std::string path, std::unique_ptr<Handles> handles);

  [[nodiscard]] StatusOr<std::optional<std::string>> Get(int family, std::string_view key) const;
  [[nodiscard]] StatusOr<uint64_t> MetaU64(std::string_view key) const;

  std::string path_;
  std::unique_ptr<Handles> handles_;
  // Complete tiles above band 0 never change and are few (about n / 256): kept in
  // memory once read, so a proof costs about one RocksDB read.
  mutable std::mutex upper_tiles_mu_;
  mutable std::map<TileId, std::string> upper_tiles_;  // guarded by upper_tiles_mu_
};

// 8-byte big-endian encoding of `value`: the key format of `entries` and `checkpoints`, so that RocksDB's bytewise order is numeric order.
std::string EncodeLedgerKey(uint64_t value);

// Reads nodes from a store's tiles, keeping every tile it has read, so a proof costs
// one read per band. Nodes found in `overlay` (a writer's unwritten tiles) win. Reads a
// tile again if it has grown since it was cached. Not thread-safe; short-lived.
class CachedTileSource final : public LeafHashSource {
 public:
  explicit CachedTileSource(const LedgerStore& store, const TileBuilder* overlay = nullptr)
      : store_(store), overlay_(overlay) {}
  [[nodiscard]] StatusOr<Hash> LeafHashAt(uint64_t index) const override { return NodeAt(0, index); }
  [[nodiscard]] StatusOr<Hash> NodeAt(uint8_t level, uint64_t index) const override;

 private:
  const LedgerStore& store_;
  const TileBuilder* overlay_;
  // The few tiles one proof touches (one per band): a linear search beats a map.
  mutable std::vector<std::pair<TileId, std::string>> cache_;
};

}  // namespace docket::ledger
