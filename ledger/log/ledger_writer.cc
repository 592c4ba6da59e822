// LedgerWriter; see ledger_writer.h. The checkpoint for a batch is signed before the
// batch is written so that it lands in the same WriteBatch: a checkpoint is durable
// exactly when the entries it covers are.
#include "ledger/log/ledger_writer.h"

#include <utility>

namespace docket::ledger {
namespace {

std::vector<Verifier> TrustedKeys(const LedgerWriterOptions& options) {
  std::vector<Verifier> keys = {options.signer->verifier()};
  for (const Signer* co : options.co_signers) keys.push_back(co->verifier());
  return keys;
}

Status ValidateOptions(const LedgerWriterOptions& options) {
  if (options.signer == nullptr) return InvalidArgumentError("ledger writer needs a signer");
  for (const Signer* co : options.co_signers) {
    if (co == nullptr) return InvalidArgumentError("ledger writer co-signer is null");
    if (co->key_hash() == options.signer->key_hash() && co->name() == options.signer->name()) {
      return InvalidArgumentError("ledger writer co-signer " + co->name() +
                                  " is the signer itself");
    }
  }
  if (options.origin.empty()) return InvalidArgumentError("ledger writer needs an origin");
  if (options.queue_capacity == 0 || options.max_batch == 0) {
    return InvalidArgumentError("ledger writer queue capacity and max batch must be > 0");
  }
  return Status::Ok();
}

// Opens the latest stored checkpoint, or the empty tree when there is none.
StatusOr<Checkpoint> RecoverLastCheckpoint(const LedgerStore& store,
                                           const LedgerWriterOptions& options) {
  DOCKET_ASSIGN_OR_RETURN(std::optional<StoredCheckpoint> stored, store.LatestCheckpoint());
  if (!stored.has_value()) {
    return Checkpoint{
        .origin = options.origin, .size = 0, .root = EmptyTreeRoot(), .extensions = {}};
  }
  StatusOr<Checkpoint> opened =
      OpenCheckpoint(stored->signed_note, TrustedKeys(options), options.origin);
  if (!opened.ok()) {
    return DataLossError("stored checkpoint at size " + std::to_string(stored->size) +
                         " does not open: " + opened.status().message());
  }
  if (opened->size != stored->size) {
    return DataLossError("checkpoint stored under size " + std::to_string(stored->size) +
                         " names size " + std::to_string(opened->size));
  }
  return std::move(*opened);
}

}  // namespace

StatusOr<std::unique_ptr<LedgerWriter>> LedgerWriter::Start(LedgerStore* store,
                                                            LedgerWriterOptions options) {
  DOCKET_RETURN_IF_ERROR(ValidateOptions(options));
  DOCKET_ASSIGN_OR_RETURN(uint64_t size, store->Size());
  StatusOr<TileBuilder> tree =
      TileBuilder::Resume(size, [store](const TileId& id) { return store->TileAt(id); });
  if (!tree.ok()) {
    return DataLossError("stored tree of size " + std::to_string(size) + ": " +
                         tree.status().message());
  }
  DOCKET_ASSIGN_OR_RETURN(ledger::Checkpoint last, RecoverLastCheckpoint(*store, options));
  if (last.size > size) {
    return DataLossError("last checkpoint covers " + std::to_string(last.size) +
                         " entries but the ledger holds " + std::to_string(size));
  }
  StatusOr<Hash> root = last.size == size ? StatusOr<Hash>(tree->Root())
                                          : RootHash(CachedTileSource(*store, &*tree), last.size);
  if (!root.ok() || *root != last.root) {
    return DataLossError("stored tree root at size " + std::to_string(last.size) + " (" +
                         (root.ok() ? root->Hex() : root.status().message()) +
                         ") differs from the last checkpoint root " + last.root.Hex());
  }
  std::unique_ptr<LedgerWriter> writer(
      new LedgerWriter(store, std::move(options), std::move(*tree), std::move(last)));
  if (writer->last_.size < size) {
    // A crash between a batch and the next checkpoint: cover those entries now.
    std::vector<Pending> none;
    DOCKET_RETURN_IF_ERROR(writer->WriteBatch(none, /*sign=*/true));
  }
  writer->thread_ = std::thread(&LedgerWriter::Run, writer.get());
  return writer;
}

LedgerWriter::LedgerWriter(LedgerStore* store, LedgerWriterOptions options, TileBuilder tree,
                           ledger::Checkpoint last)
    : store_(store),
      options_(std::move(options)),
      size_(tree.size()),
      own_clock_(options_.clock == nullptr ? std::make_unique<SystemClock>() : nullptr),
      clock_(options_.clock != nullptr ? options_.clock : own_clock_.get()),
      tree_(std::move(tree)),
      last_(std::move(last)),
      last_signed_at_(clock_->MonotonicNow()) {}

LedgerWriter::~LedgerWriter() { Close(); }

void LedgerWriter::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

uint64_t LedgerWriter::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return size_;
}

std::future<StatusOr<uint64_t>> LedgerWriter::Append(std::string entry_bytes,
                                                     std::vector<IndexTerm> terms) {
  std::promise<StatusOr<uint64_t>> done;
  std::future<StatusOr<uint64_t>> result = done.get_future();
  for (const IndexTerm& term : terms) {
    if (Status valid = ValidateIndexTerm(term); !valid.ok()) {
      done.set_value(valid);
      return result;
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!failed_.ok()) {
      done.set_value(failed_);
    } else if (closing_) {
      done.set_value(FailedPreconditionError("ledger writer is closed"));
    } else if (queue_.size() >= options_.queue_capacity) {
      done.set_value(ResourceExhaustedError("ledger write queue is full (" +
                                            std::to_string(queue_.size()) + " entries)"));
    } else {
      queue_.push_back(Pending{std::move(entry_bytes), std::move(terms), std::move(done)});
      wake_.notify_one();
    }
  }
  return result;
}

std::future<StatusOr<uint64_t>> LedgerWriter::RequestCheckpoint() {
  std::promise<StatusOr<uint64_t>> done;
  std::future<StatusOr<uint64_t>> result = done.get_future();
  std::lock_guard<std::mutex> lock(mu_);
  if (!failed_.ok()) {
    done.set_value(failed_);
  } else if (closing_) {
    done.set_value(FailedPreconditionError("ledger writer is closed"));
  } else {
    checkpoint_waiters_.push_back(std::move(done));
    wake_.notify_one();
  }
  return result;
}

// Waits until there is something to do: entries, a checkpoint request, closing, or an
// idle ledger whose uncovered entries have waited a whole interval. Returns false
// when the writer should stop.
bool LedgerWriter::AwaitWork(std::unique_lock<std::mutex>& lock) {
  for (;;) {
    const bool uncovered = tree_.size() > last_.size;
    if (!queue_.empty() || !checkpoint_waiters_.empty()) return true;
    if (closing_) return uncovered && failed_.ok();
    if (!uncovered) {
      wake_.wait(lock);
      continue;
    }
    const MonoTime deadline = last_signed_at_ + options_.checkpoint_interval;
    if (clock_->MonotonicNow() >= deadline) return true;
    clock_->WaitUntil(wake_, lock, deadline);
  }
}

void LedgerWriter::Run() {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (!AwaitWork(lock)) return;
    }
    if (options_.before_batch_for_testing) options_.before_batch_for_testing();
    std::vector<Pending> batch;
    std::vector<std::promise<StatusOr<uint64_t>>> waiters;
    Status status;
    bool sign = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      // A checkpoint request covers what was queued before it: answer it with the
      // batch that drains the queue.
      if (queue_.empty()) waiters.swap(checkpoint_waiters_);
      sign = !waiters.empty() || batch.empty() || (closing_ && queue_.empty()) ||
             clock_->MonotonicNow() - last_signed_at_ >= options_.checkpoint_interval;
      status = failed_;
    }
    if (status.ok()) status = WriteBatch(batch, sign);
    if (!status.ok()) {
      // The durable state after a failed write is unknown: refuse everything after it.
      std::lock_guard<std::mutex> lock(mu_);
      if (failed_.ok()) failed_ = status;
      for (Pending& pending : batch) pending.done.set_value(status);
    }
    for (auto& waiter : waiters) {
      if (status.ok()) {
        waiter.set_value(last_.size);
      } else {
        waiter.set_value(status);
      }
    }
  }
}

StatusOr<std::string> LedgerWriter::SignExtension(const TileBuilder& tree,
                                                  ledger::Checkpoint& checkpoint) const {
  checkpoint = Checkpoint{
      .origin = options_.origin, .size = tree.size(), .root = tree.Root(), .extensions = {}};
  // Refuse to sign a tree that does not extend the last signed one. The proof reads
  // the stored tiles for the old part, so damage to them since then shows here.
  const CachedTileSource nodes(*store_, &tree);
  StatusOr<std::vector<Hash>> proof = ConsistencyProof(nodes, last_.size, checkpoint.size);
  Status consistent = proof.ok() ? VerifyConsistency(last_.size, checkpoint.size, last_.root,
                                                     checkpoint.root, *proof)
                                 : proof.status();
  if (!consistent.ok()) {
    return DataLossError("refusing to sign size " + std::to_string(checkpoint.size) +
                         ": not consistent with checkpoint at size " + std::to_string(last_.size) +
                         ": " + consistent.message());
  }
  std::vector<const Signer*> signers = {options_.signer};
  signers.insert(signers.end(), options_.co_signers.begin(), options_.co_signers.end());
  return SignCheckpoint(checkpoint, signers);
}

Status LedgerWriter::WriteBatch(std::vector<Pending>& batch, bool sign) {
  const uint64_t first = tree_.size();
  TileBuilder next = tree_;
  LedgerBatch out;
  out.first_index = first;
  for (const Pending& pending : batch) {
    for (const IndexTerm& term : pending.terms) {
      out.index_rows.emplace_back(IndexRowKey(term, first + out.entries.size()), "");
    }
    out.entries.push_back(pending.bytes);
    next.AppendLeaf(LeafHash(pending.bytes));
  }
  ledger::Checkpoint checkpoint;
  if (sign) {
    DOCKET_ASSIGN_OR_RETURN(out.signed_checkpoint, SignExtension(next, checkpoint));
  }
  out.tiles = next.TakeChanged();
  DOCKET_RETURN_IF_ERROR(store_->Commit(out));
  tree_ = std::move(next);
  if (sign) {
    last_ = std::move(checkpoint);
    last_signed_at_ = clock_->MonotonicNow();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    size_ = tree_.size();
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(first + i);
  return Status::Ok();
}

}  // namespace docket::ledger
