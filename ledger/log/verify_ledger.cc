// VerifyLedger; see verify_ledger.h. Nothing stored is trusted: leaf hashes come from
// the entry bytes, interior nodes from those leaves, and stored tiles are only compared.
#include "ledger/log/verify_ledger.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "ledger/key_events.h"
#include "ledger/log/tiles.h"
#include "ledger/merkle.h"

namespace docket::ledger {
namespace {

std::string Where(std::string_view what, uint64_t n) {
  return std::string(what) + " " + std::to_string(n) + ": ";
}

// Scans and hashes the entries on a thread of its own, in chunks, while the caller
// rebuilds the tree: the two halves of a verify cost about the same, and there are
// two cores to run them on. Stops early when destroyed.
class HashedEntries {
 public:
  struct Chunk {
    std::vector<uint64_t> indices;
    std::vector<Hash> hashes;
    std::vector<std::pair<uint64_t, KeyEvent>> key_events;  // sparse, by index
  };

  explicit HashedEntries(const LedgerStore& store)
      : thread_([this, &store] { Produce(store); }) {}

  ~HashedEntries() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // The next chunk in index order, nullopt at the end, or the scan's error.
  StatusOr<std::optional<Chunk>> Next() {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [this] { return !ready_.empty() || done_; });
    if (!ready_.empty()) {
      Chunk chunk = std::move(ready_.front());
      ready_.pop_front();
      changed_.notify_all();
      return std::optional<Chunk>(std::move(chunk));
    }
    if (!status_.ok()) return status_;
    return std::optional<Chunk>();
  }

 private:
  static constexpr size_t kChunk = 4096;
  static constexpr size_t kMaxReady = 8;

  void Produce(const LedgerStore& store) {
    Chunk chunk;
    auto publish = [&] {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [this] { return ready_.size() < kMaxReady || stop_; });
      if (stop_) return false;
      ready_.push_back(std::move(chunk));
      chunk = Chunk{};
      changed_.notify_all();
      return true;
    };
    Status key_event_error;
    Status status = store.ScanEntries(0, [&](uint64_t index, std::string_view bytes) {
      chunk.indices.push_back(index);
      chunk.hashes.push_back(LeafHash(bytes));
      StatusOr<std::optional<KeyEvent>> event = ParseKeyEvent(bytes);
      if (!event.ok()) {
        key_event_error = DataLossError(Where("entry", index) + event.status().message());
        return false;
      }
      if (event->has_value()) chunk.key_events.emplace_back(index, std::move(**event));
      return chunk.indices.size() < kChunk || publish();
    });
    if (status.ok()) status = key_event_error;
    if (status.ok() && !chunk.indices.empty()) publish();
    std::lock_guard<std::mutex> lock(mu_);
    status_ = status;
    done_ = true;
    changed_.notify_all();
  }

  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Chunk> ready_;  // guarded by mu_
  bool stop_ = false;        // guarded by mu_
  bool done_ = false;        // guarded by mu_
  Status status_;            // guarded by mu_
  std::thread thread_;       // last: starts after the members above exist
};

class Audit {
 public:
  Audit(const LedgerStore& store, std::vector<Verifier> trusted, std::string_view origin,
        std::vector<StoredCheckpoint> checkpoints)
      : store_(store),
        trusted_(std::move(trusted)),
        origin_(origin),
        checkpoints_(std::move(checkpoints)) {}

  Status Run(uint64_t size) {
    HashedEntries hashed(store_);
    for (;;) {
      DOCKET_ASSIGN_OR_RETURN(std::optional<HashedEntries::Chunk> chunk, hashed.Next());
      if (!chunk.has_value()) break;
      size_t next_event = 0;
      for (size_t i = 0; i < chunk->indices.size(); ++i) {
        const uint64_t index = chunk->indices[i];
        if (next_event < chunk->key_events.size() && chunk->key_events[next_event].first == index) {
          pending_keys_.push_back(std::move(chunk->key_events[next_event++]));
        }
        DOCKET_RETURN_IF_ERROR(Visit(index, chunk->hashes[i], size));
      }
    }
    if (tree_.size() < size) {
      return DataLossError(Where("entry", tree_.size()) + "missing (the ledger records " +
                           std::to_string(size) + " entries)");
    }
    DOCKET_RETURN_IF_ERROR(CompareTiles(/*include_partial=*/true));
    return CheckCheckpointsUpTo(size);
  }

  const Checkpoint& latest() const { return latest_; }

 private:
  Status Visit(uint64_t index, const Hash& leaf_hash, uint64_t size) {
    if (index != tree_.size()) return DataLossError(Where("entry", tree_.size()) + "missing");
    if (index >= size) {
      return DataLossError(Where("entry", index) + "beyond the recorded size " +
                           std::to_string(size));
    }
    tree_.AppendLeaf(leaf_hash);
    // A band-0 tile is complete every 16 entries: compare what is final so far.
    if (tree_.size() % kTileWidth == 0) DOCKET_RETURN_IF_ERROR(CompareTiles(false));
    return CheckCheckpointsUpTo(tree_.size());
  }

  // Compares the rebuilt tiles with the stored ones. A band-0 difference means entry
  // bytes that no longer hash to the tree: it is reported as that entry.
  Status CompareTiles(bool include_partial) {
    for (const auto& [id, rebuilt] : tree_.TakeChanged(include_partial)) {
      DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> stored, store_.TileAt(id));
      if (stored.has_value() && *stored == rebuilt) continue;
      const std::string tile = "tile " + std::to_string(id.band) + "/" + std::to_string(id.index);
      if (!stored.has_value()) return DataLossError(tile + ": missing");
      if (id.band == 0 && stored->size() == rebuilt.size()) {
        for (size_t i = 0; i < kTileWidth && (i + 1) * 32 <= rebuilt.size(); ++i) {
          if (stored->compare(i * 32, 32, rebuilt, i * 32, 32) != 0) {
            return DataLossError(Where("entry", id.index * kTileWidth + i) +
                                 "bytes do not hash to the stored leaf hash in " + tile);
          }
        }
      }
      return DataLossError(tile + ": stored nodes differ from those rebuilt from the entries");
    }
    return Status::Ok();
  }

  // After a root mismatch: names the entry whose hash differs from the stored leaf
  // hash in a still-growing band-0 tile, if there is one (a stored tile may be longer
  // than the rebuilt one; its prefix must agree).
  Status BlameEntry() {
    for (const auto& [id, rebuilt] : tree_.TakeChanged(/*include_partial=*/true)) {
      if (id.band != 0) continue;
      DOCKET_ASSIGN_OR_RETURN(std::optional<std::string> stored, store_.TileAt(id));
      StatusOr<Tile> stored_tile = stored.has_value() ? DecodeTile(*stored) : StatusOr<Tile>(Tile{});
      StatusOr<Tile> rebuilt_tile = DecodeTile(rebuilt);
      if (!stored_tile.ok() || !rebuilt_tile.ok()) continue;
      const std::vector<Hash>& mine = rebuilt_tile->rows[0];
      const std::vector<Hash>& theirs = stored_tile->rows[0];
      for (size_t i = 0; i < mine.size(); ++i) {
        if (i >= theirs.size() || mine[i] != theirs[i]) {
          return DataLossError(Where("entry", id.index * kTileWidth + i) +
                               "bytes do not hash to the stored leaf hash");
        }
      }
    }
    return Status::Ok();
  }

  // Opens every checkpoint of size <= `size` not yet checked, against the rebuilt root.
  Status CheckCheckpointsUpTo(uint64_t size) {
    while (next_ < checkpoints_.size() && checkpoints_[next_].size <= size) {
      const StoredCheckpoint& stored = checkpoints_[next_++];
      if (stored.size < size) {
        return DataLossError(Where("checkpoint", stored.size) + "the tree never had this size");
      }
      StatusOr<Checkpoint> opened = OpenCheckpoint(stored.signed_note, trusted_, origin_);
      if (!opened.ok()) return DataLossError(Where("checkpoint", stored.size) + opened.status().message());
      if (opened->size != stored.size) {
        return DataLossError(Where("checkpoint", stored.size) + "names size " +
                             std::to_string(opened->size));
      }
      const Hash root = tree_.Root();
      if (opened->root != root) {
        DOCKET_RETURN_IF_ERROR(BlameEntry());
        return DataLossError(Where("checkpoint", stored.size) + "names root " +
                             opened->root.Hex() + " but the entries give " + root.Hex());
      }
      latest_ = std::move(*opened);
      ApplyKeyEventsBefore(stored.size);
    }
    return Status::Ok();
  }

  // Key events covered by a checkpoint that verified with the keys trusted so far
  // change the trusted set for the checkpoints after it (ledger/key_events.h).
  void ApplyKeyEventsBefore(uint64_t size) {
    size_t applied = 0;
    for (; applied < pending_keys_.size() && pending_keys_[applied].first < size; ++applied) {
      const KeyEvent& event = pending_keys_[applied].second;
      auto same = [&](const Verifier& v) {
        return v.name() == event.key.name() && v.key_hash() == event.key.key_hash();
      };
      std::erase_if(trusted_, same);
      if (event.action == KeyEvent::Action::kAdd) trusted_.push_back(event.key);
    }
    pending_keys_.erase(pending_keys_.begin(), pending_keys_.begin() + applied);
  }

  const LedgerStore& store_;
  std::vector<Verifier> trusted_;  // grows and shrinks with covered key events
  std::vector<std::pair<uint64_t, KeyEvent>> pending_keys_;  // not yet covered
  const std::string_view origin_;
  const std::vector<StoredCheckpoint> checkpoints_;
  size_t next_ = 0;
  TileBuilder tree_;
  Checkpoint latest_;
};

}  // namespace

StatusOr<Checkpoint> VerifyLedger(const LedgerStore& store, const std::vector<Verifier>& trusted,
                                  std::string_view origin) {
  DOCKET_ASSIGN_OR_RETURN(uint64_t size, store.Size());
  DOCKET_ASSIGN_OR_RETURN(std::vector<StoredCheckpoint> checkpoints, store.Checkpoints());
  if (size > 0 && checkpoints.empty()) {
    return FailedPreconditionError("ledger holds " + std::to_string(size) +
                                   " entries but no checkpoint");
  }
  if (!checkpoints.empty() && checkpoints.back().size > size) {
    return DataLossError(Where("checkpoint", checkpoints.back().size) +
                         "covers entries beyond the ledger's size " + std::to_string(size));
  }
  DOCKET_ASSIGN_OR_RETURN(std::optional<StoredCheckpoint> latest, store.LatestCheckpoint());
  if (latest.has_value() != !checkpoints.empty() ||
      (latest.has_value() && latest->size != checkpoints.back().size)) {
    return DataLossError(Where("checkpoint", latest.has_value() ? latest->size : 0) +
                         "recorded as the latest, but it is not the largest stored");
  }
  Audit audit(store, trusted, origin, std::move(checkpoints));
  DOCKET_RETURN_IF_ERROR(audit.Run(size));
  if (size == 0) return Checkpoint{.origin = std::string(origin), .size = 0, .root = EmptyTreeRoot()};
  return audit.latest();
}

}  // namespace docket::ledger
