// LedgerWriter: group commit onto a LedgerStore. Append() may be called from any
// thread; it enqueues the entry bytes into a bounded queue and returns a future that
// resolves once the batch holding the entry is durable (one synced RocksDB WriteBatch
// holding the entries, their index rows, the tree tiles they changed and, when one is
// due, a signed checkpoint for the new size). One writer thread takes everything queued
// (up to max_batch) and extends the tree. Checkpoints are per time window: a batch
// is signed when checkpoint_interval has passed since the last checkpoint; an idle
// writer signs uncovered entries once the interval is up; RequestCheckpoint() and Close()
// sign at once. So under load there is at most one checkpoint per interval (never one
// per entry), and no entry stays uncovered longer than an interval. Before signing,
// the writer proves the new tree consistent with the previous checkpoint.
// Payload-agnostic: entries are opaque bytes.
//
// Ownership: the writer borrows the store and the signer, which must outlive it; it
// owns its thread. Thread-safety: Append and size() are thread-safe; Start, Close and
// the destructor must not race with each other.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/clock.h"
#include "engine/base/status.h"
#include "ledger/checkpoint.h"
#include "ledger/log/ledger_index.h"
#include "ledger/log/ledger_store.h"
#include "ledger/log/tiles.h"
#include "ledger/merkle.h"
#include "ledger/note_key.h"

namespace docket::ledger {

struct LedgerWriterOptions {
  std::string origin;              // checkpoint origin line, e.g. "docket.example/ledger"
  const Signer* signer = nullptr;  // borrowed; signs every checkpoint
  // Borrowed; also sign every checkpoint. Key rotation: a new key co-signs during an
  // overlap period (verifiers that trust either key accept the checkpoints), then the
  // old one is dropped. Recovery accepts a last checkpoint signed by any of the keys.
  std::vector<const Signer*> co_signers;
  size_t queue_capacity = 4096;    // entries waiting to be written; full -> kResourceExhausted
  size_t max_batch = 512;          // entries per WriteBatch
  // At most one checkpoint per interval under load, and no entry uncovered longer
  // than that when idle; 0 signs every batch.
  std::chrono::milliseconds checkpoint_interval{250};
  Clock* clock = nullptr;  // borrowed; the system clock when null
  // Test hook: runs on the writer thread when it has found work, before it takes the
  // batch. Lets a test hold the writer still without sleeping.
  std::function<void()> before_batch_for_testing;
};

class LedgerWriter {
 public:
  // Recovers the tree from `store` (its rightmost tiles and last checkpoint), signs a
  // checkpoint over any entries a crash left uncovered, and starts the writer thread.
  // Errors: kInvalidArgument for bad options (no signer, empty origin, zero capacity
  // or batch); kDataLoss if the stored tiles do not give the last checkpoint's root
  // (the message names what differs), the checkpoint does not open with the signer's
  // key, or the uncovered entries are not consistent with it; store errors as in
  // ledger_store.h.
  [[nodiscard]] static StatusOr<std::unique_ptr<LedgerWriter>> Start(LedgerStore* store,
                                                                     LedgerWriterOptions options);

  // Drains the queue and stops (see Close).
  ~LedgerWriter();
  LedgerWriter(const LedgerWriter&) = delete;
  LedgerWriter& operator=(const LedgerWriter&) = delete;

  // Enqueues `entry_bytes`; the future holds its index once its batch is fsync'ed.
  // The entry is indexed under each of `terms` in the same batch (see ledger_index.h).
  // Never blocks and never drops. Errors (in the future): kInvalidArgument at once for
  // an invalid term; kResourceExhausted at once if
  // the queue is full (back off and retry); kFailedPrecondition after Close; kDataLoss
  // if the tree is inconsistent with the last checkpoint; store errors for the batch,
  // after which the writer refuses further appends with the same error.
  std::future<StatusOr<uint64_t>> Append(std::string entry_bytes,
                                         std::vector<IndexTerm> terms = {});

  // Asks for a checkpoint covering every entry appended before the call; the future
  // holds the covered tree size once that checkpoint is durable. Errors (in the
  // future): kFailedPrecondition after Close; the writer's failure if it has failed.
  std::future<StatusOr<uint64_t>> RequestCheckpoint();

  // Stops accepting appends, writes everything already queued, signs a checkpoint
  // covering it, joins the thread. Idempotent.
  void Close();

  // Durable tree size (entries acknowledged or about to be).
  uint64_t size() const;

 private:
  struct Pending {
    std::string bytes;
    std::vector<IndexTerm> terms;
    std::promise<StatusOr<uint64_t>> done;
  };

  LedgerWriter(LedgerStore* store, LedgerWriterOptions options, TileBuilder tree,
               ledger::Checkpoint last);
  void Run();
  bool AwaitWork(std::unique_lock<std::mutex>& lock);
  Status WriteBatch(std::vector<Pending>& batch, bool sign);
  // Signs `tree`'s head after proving it extends last_. Errors: kDataLoss if not.
  StatusOr<std::string> SignExtension(const TileBuilder& tree,
                                      ledger::Checkpoint& checkpoint) const;

  LedgerStore* const store_;
  const LedgerWriterOptions options_;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;  // guarded by mu_
  std::vector<std::promise<StatusOr<uint64_t>>> checkpoint_waiters_;  // guarded by mu_
  bool closing_ = false;       // guarded by mu_
  Status failed_;              // guarded by mu_; set once a batch fails
  uint64_t size_ = 0;          // guarded by mu_

  // Writer-thread state.
  std::unique_ptr<Clock> own_clock_;  // when options_.clock is null
  Clock* clock_ = nullptr;
  TileBuilder tree_;
  ledger::Checkpoint last_;  // the last durable checkpoint (size 0, empty root if none)
  MonoTime last_signed_at_{};
  std::thread thread_;
};

}  // namespace docket::ledger
