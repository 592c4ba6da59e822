// LedgerStore over RocksDB; see ledger_store.h. The meta family keeps the tree size
// apart from the entries so that a reader never has to scan to learn it.
#include "ledger/log/ledger_store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/table.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstring>

namespace docket::ledger {
namespace {

enum Family : int {
  kDefault = 0,
  kEntries,
  kTiles,
  kCheckpoints,
  kMeta,
  kBlobs,
  kSubjectKeys,
  kIndexes,
  kFamilyCount
};
// "default" is RocksDB's kDefaultColumnFamilyName; it must be opened though unused.
constexpr const char* kFamilyNames[kFamilyCount] = {
    "default", "entries", "tiles", "checkpoints", "meta", "blobs", "subject_keys",
    "indexes"};
constexpr std::string_view kMetaSize = "size";
constexpr std::string_view kMetaCheckpointSize = "checkpoint_size";

// Translates a RocksDB error at the edge, naming what we were doing and where.
Status FromRocks(const rocksdb::Status& s, std::string_view what, const std::string& path) {
  std::string message = std::string(what) + " in ledger store " + path + ": " + s.ToString();
  if (s.IsCorruption()) return DataLossError(std::move(message));
  if (s.IsIOError()) return UnavailableError(std::move(message));
  return InternalError(std::move(message));
}

rocksdb::Slice AsSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

int FamilyOf(SideFamily family) {
  switch (family) {
    case SideFamily::kBlobs:
      return kBlobs;
    case SideFamily::kSubjectKeys:
      return kSubjectKeys;
    case SideFamily::kIndexes:
      return kIndexes;
  }
  return kIndexes;  // unreachable: the switch is exhaustive
}

bool DecodeLedgerKey(std::string_view bytes, uint64_t& out) {
  if (bytes.size() != 8) return false;
  out = 0;
  for (char c : bytes) out = (out << 8) | static_cast<uint8_t>(c);
  return true;
}

}  // namespace

std::string EncodeLedgerKey(uint64_t value) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
  return out;
}

struct LedgerStore::Handles {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> families;  // owned; destroyed before db

  ~Handles() {
    for (rocksdb::ColumnFamilyHandle* family : families) {
      if (db != nullptr) db->DestroyColumnFamilyHandle(family).PermitUncheckedError();
    }
    if (db != nullptr) db->Close().PermitUncheckedError();
  }
};

LedgerStore::LedgerStore(std::string path, std::unique_ptr<Handles> handles)
    : path_(std::move(path)), handles_(std::move(handles)) {}

LedgerStore::~LedgerStore() = default;

StatusOr<std::unique_ptr<LedgerStore>> LedgerStore::Open(const std::string& path) {
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.paranoid_checks = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const char* name : kFamilyNames) {
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  // Proofs read tiles at random: give them a cache of their own that a full scan of
  // the entries cannot evict. 64 MiB holds the tiles of about a million entries.
  rocksdb::BlockBasedTableOptions tiles_table;
  tiles_table.block_cache = rocksdb::NewLRUCache(size_t{64} << 20);
  descriptors[kTiles].options.table_factory.reset(
      rocksdb::NewBlockBasedTableFactory(tiles_table));
  auto handles = std::make_unique<Handles>();
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, path, descriptors, &handles->families, &db);
  if (!s.ok()) return FromRocks(s, "opening", path);
  handles->db.reset(db);
  return std::unique_ptr<LedgerStore>(new LedgerStore(path, std::move(handles)));
}

StatusOr<std::optional<std::string>> LedgerStore::Get(int family, std::string_view key) const {
  std::string value;
  rocksdb::Status s =
      handles_->db->Get(rocksdb::ReadOptions(), handles_->families[family], AsSlice(key), &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return FromRocks(s, std::string("reading ") + kFamilyNames[family], path_);
  return std::optional<std::string>(std::move(value));
}

StatusOr<uint64_t> LedgerStore::MetaU64(std::string_view key) const {
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> value, Get(kMeta, key));
  if (!value.has_value()) return uint64_t{0};
  uint64_t out = 0;
  if (!DecodeLedgerKey(*value, out)) {
    return DataLossError("meta '" + std::string(key) + "' in ledger store " + path_ +
                         " is not 8 bytes");
  }
  return out;
}

StatusOr<uint64_t> LedgerStore::Size() const { return MetaU64(kMetaSize); }

StatusOr<std::string> LedgerStore::EntryAt(uint64_t index) const {
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> value, Get(kEntries, EncodeLedgerKey(index)));
  if (!value.has_value()) return NotFoundError("no entry " + std::to_string(index));
  return std::move(*value);
}

Status LedgerStore::ScanEntries(
    uint64_t begin, const std::function<bool(uint64_t index, std::string_view bytes)>& visit) const {
  rocksdb::ReadOptions options;
  options.fill_cache = false;  // a full scan would only evict what proofs need
  options.readahead_size = size_t{2} << 20;
  std::unique_ptr<rocksdb::Iterator> it(
      handles_->db->NewIterator(options, handles_->families[kEntries]));
  for (it->Seek(EncodeLedgerKey(begin)); it->Valid(); it->Next()) {
    uint64_t index = 0;
    if (!DecodeLedgerKey(std::string_view(it->key().data(), it->key().size()), index)) {
      return DataLossError("entry key of " + std::to_string(it->key().size()) +
                           " bytes in ledger store " + path_);
    }
    if (!visit(index, std::string_view(it->value().data(), it->value().size()))) break;
  }
  if (!it->status().ok()) return FromRocks(it->status(), "scanning entries", path_);
  return Status::Ok();
}

StatusOr<std::optional<std::string>> LedgerStore::TileAt(const TileId& id) const {
  constexpr size_t kCompleteTileBytes = 30 * 32;  // 16 + 8 + 4 + 2 hashes
  constexpr size_t kMaxUpperTiles = 1 << 16;     // 60 MiB: a log of 2^24 entries
  if (id.band > 0) {
    std::lock_guard<std::mutex> lock(upper_tiles_mu_);
    if (auto it = upper_tiles_.find(id); it != upper_tiles_.end()) {
      return std::optional<std::string>(it->second);
    }
  }
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> value, Get(kTiles, EncodeTileKey(id)));
  if (id.band > 0 && value.has_value() && value->size() == kCompleteTileBytes) {
    std::lock_guard<std::mutex> lock(upper_tiles_mu_);
    if (upper_tiles_.size() < kMaxUpperTiles) upper_tiles_.emplace(id, *value);
  }
  return value;
}

StatusOr<Hash> LedgerStore::LeafHashAt(uint64_t index) const { return NodeAt(0, index); }

StatusOr<Hash> LedgerStore::NodeAt(uint8_t level, uint64_t index) const {
  return CachedTileSource(*this).NodeAt(level, index);
}

StatusOr<Hash> CachedTileSource::NodeAt(uint8_t level, uint64_t index) const {
  if (overlay_ != nullptr) {
    if (std::optional<Hash> node = overlay_->FindNode(level, index)) return *node;
  }
  const NodePlace place = PlaceOf(level, index);
  auto describe = [&](std::string_view why) {
    return "no node " + std::to_string(index) + " at level " + std::to_string(level) + " (" +
           std::string(why) + ")";
  };
  auto cached = std::find_if(cache_.begin(), cache_.end(),
                             [&](const auto& tile) { return tile.first == place.tile; });
  std::optional<Hash> node;
  if (cached != cache_.end()) {
    DOCKET_ASSIGN_OR_RETURN(node, TileNodeAt(cached->second, place.row, place.position));
    if (node.has_value()) return *node;
  }
  // Not cached, or a cached partial tile that has grown since: read it (again).
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> stored, store_.TileAt(place.tile));
  if (!stored.has_value()) return OutOfRangeError(describe("tile not stored"));
  StatusOr<std::optional<Hash>> read = TileNodeAt(*stored, place.row, place.position);
  if (!read.ok()) {
    return DataLossError("tile " + std::to_string(place.tile.band) + "/" +
                         std::to_string(place.tile.index) + ": " + read.status().message());
  }
  if (cached != cache_.end()) {
    cached->second = std::move(*stored);
  } else {
    cache_.emplace_back(place.tile, std::move(*stored));
  }
  if (!read->has_value()) return OutOfRangeError(describe("not complete"));
  return **read;
}

StatusOr<std::optional<StoredCheckpoint>> LedgerStore::LatestCheckpoint() const {
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> size_bytes, Get(kMeta, kMetaCheckpointSize));
  if (!size_bytes.has_value()) return std::optional<StoredCheckpoint>();
  DOCKET_ASSIGN_OR_RETURN(uint64_t size, MetaU64(kMetaCheckpointSize));
  DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> note,
                          Get(kCheckpoints, EncodeLedgerKey(size)));
  if (!note.has_value()) {
    return DataLossError("ledger store " + path_ + " names checkpoint " + std::to_string(size) +
                         " as the latest but does not hold it");
  }
  return std::optional<StoredCheckpoint>(StoredCheckpoint{size, std::move(*note)});
}

StatusOr<std::vector<StoredCheckpoint>> LedgerStore::Checkpoints() const {
  std::unique_ptr<rocksdb::Iterator> it(
      handles_->db->NewIterator(rocksdb::ReadOptions(), handles_->families[kCheckpoints]));
  std::vector<StoredCheckpoint> out;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    StoredCheckpoint checkpoint;
    if (!DecodeLedgerKey(std::string_view(it->key().data(), it->key().size()), checkpoint.size)) {
      return DataLossError("checkpoint key of " + std::to_string(it->key().size()) +
                           " bytes in ledger store " + path_);
    }
    checkpoint.signed_note = it->value().ToString();
    out.push_back(std::move(checkpoint));
  }
  // An iterator error is an error, not the end.
  if (!it->status().ok()) return FromRocks(it->status(), "scanning checkpoints", path_);
  return out;
}

Status LedgerStore::Commit(const LedgerBatch& batch) {
  DOCKET_ASSIGN_OR_RETURN(uint64_t size, Size());
  if (batch.first_index != size) {
    return FailedPreconditionError("batch at " + std::to_string(batch.first_index) +
                                   " does not extend a ledger of size " + std::to_string(size));
  }
  const uint64_t new_size = size + batch.entries.size();
  rocksdb::WriteBatch write;
  const auto& f = handles_->families;
  rocksdb::Status s;
  for (size_t i = 0; i < batch.entries.size() && s.ok(); ++i) {
    s = write.Put(f[kEntries], EncodeLedgerKey(size + i), AsSlice(batch.entries[i]));
  }
  for (size_t i = 0; i < batch.tiles.size() && s.ok(); ++i) {
    s = write.Put(f[kTiles], EncodeTileKey(batch.tiles[i].first), batch.tiles[i].second);
  }
  const std::string size_key = EncodeLedgerKey(new_size);
  if (s.ok()) s = write.Put(f[kMeta], AsSlice(kMetaSize), size_key);
  if (s.ok() && !batch.signed_checkpoint.empty()) {
    s = write.Put(f[kCheckpoints], size_key, batch.signed_checkpoint);
    if (s.ok()) s = write.Put(f[kMeta], AsSlice(kMetaCheckpointSize), size_key);
  }
  for (size_t i = 0; i < batch.index_rows.size() && s.ok(); ++i) {
    s = write.Put(f[kIndexes], batch.index_rows[i].first, batch.index_rows[i].second);
  }
  if (!s.ok()) return FromRocks(s, "building a batch", path_);
  rocksdb::WriteOptions options;
  options.sync = true;
  s = handles_->db->Write(options, &write);
  if (!s.ok()) return FromRocks(s, "writing a batch", path_);
  return Status::Ok();
}

Status LedgerStore::PutSide(SideFamily family, std::string_view key, std::string_view value,
                            bool sync) {
  rocksdb::WriteOptions options;
  options.sync = sync;
  const int f = FamilyOf(family);
  rocksdb::Status s =
      handles_->db->Put(options, handles_->families[f], AsSlice(key), AsSlice(value));
  if (!s.ok()) return FromRocks(s, std::string("writing ") + kFamilyNames[f], path_);
  return Status::Ok();
}

StatusOr<std::optional<std::string>> LedgerStore::GetSide(SideFamily family,
                                                          std::string_view key) const {
  return Get(FamilyOf(family), key);
}

Status LedgerStore::ScanSide(
    SideFamily family, std::string_view prefix,
    const std::function<bool(std::string_view key, std::string_view value)>& visit) const {
  const int f = FamilyOf(family);
  std::unique_ptr<rocksdb::Iterator> it(
      handles_->db->NewIterator(rocksdb::ReadOptions(), handles_->families[f]));
  for (it->Seek(AsSlice(prefix)); it->Valid(); it->Next()) {
    const std::string_view key(it->key().data(), it->key().size());
    if (key.substr(0, prefix.size()) != prefix) break;
    if (!visit(key, std::string_view(it->value().data(), it->value().size()))) break;
  }
  if (!it->status().ok()) {
    return FromRocks(it->status(), std::string("scanning ") + kFamilyNames[f], path_);
  }
  return Status::Ok();
}

Status LedgerStore::EraseSide(SideFamily family, std::string_view key) {
  const int f = FamilyOf(family);
  rocksdb::ColumnFamilyHandle* handle = handles_->families[f];
  rocksdb::WriteOptions write;
  write.sync = true;
  rocksdb::Status s = handles_->db->Delete(write, handle, AsSlice(key));
  // The flush moves the tombstone out of the memtable (and lets RocksDB drop the WAL
  // that held the value); the compaction of the key's range rewrites every SST that
  // may still hold it, down to the bottommost level, where the value is dropped.
  if (s.ok()) s = handles_->db->Flush(rocksdb::FlushOptions(), handle);
  if (s.ok()) {
    rocksdb::CompactRangeOptions compact;
    compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    const std::string end = std::string(key) + std::string(1, '\0');
    const rocksdb::Slice begin_slice = AsSlice(key);
    const rocksdb::Slice end_slice(end);
    s = handles_->db->CompactRange(compact, handle, &begin_slice, &end_slice);
  }
  if (!s.ok()) return FromRocks(s, std::string("erasing from ") + kFamilyNames[f], path_);
  return Status::Ok();
}

}  // namespace docket::ledger
