// RFC 9162 (and RFC 6962) Merkle tree hashing for the ledger: leaf and node hashes, tree
// heads over a LeafHashSource, inclusion and consistency proofs with the RFC's iterative
// verifiers, and MerkleAccumulator, which extends a tree one leaf at a time in O(log n)
// memory. Byte-exact with Certificate Transparency and C2SP tlog implementations.
//
// Ownership: functions borrow their LeafHashSource for the duration of the call only.
// Thread-safety: the free functions are thread-safe if the LeafHashSource is safe to read
// concurrently. MerkleAccumulator and VectorLeafHashSource are thread-compatible.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/base/sha256.h"
#include "engine/base/status.h"

namespace docket::ledger {

using Hash = Sha256Digest;

// SHA-256(0x00 || leaf_bytes).
Hash LeafHash(std::string_view leaf_bytes);
// SHA-256(0x01 || left || right).
Hash NodeHash(const Hash& left, const Hash& right);
// SHA-256 of the empty string: the root of the tree with no leaves.
Hash EmptyTreeRoot();

// Random access to the leaf hashes of a log, and to the roots of its perfect subtrees.
// The ledger backs it with its stored tiles, so every node is one lookup.
class LeafHashSource {
 public:
  virtual ~LeafHashSource() = default;
  // Returns the hash of leaf `index`. Errors are passed through unchanged by every
  // function below; kOutOfRange is the conventional "no such leaf".
  [[nodiscard]] virtual StatusOr<Hash> LeafHashAt(uint64_t index) const = 0;
  // The root of the perfect subtree of height `level` over leaves
  // [index << level, (index + 1) << level); level 0 is LeafHashAt(index). The default
  // hashes it from the leaves (O(2^level)); sources with stored nodes override it.
  [[nodiscard]] virtual StatusOr<Hash> NodeAt(uint8_t level, uint64_t index) const;
};

// An in-memory LeafHashSource over a vector it owns.
class VectorLeafHashSource final : public LeafHashSource {
 public:
  VectorLeafHashSource() = default;
  explicit VectorLeafHashSource(std::vector<Hash> leaves) : leaves_(std::move(leaves)) {}

  void Append(const Hash& leaf_hash) { leaves_.push_back(leaf_hash); }
  uint64_t size() const { return leaves_.size(); }
  // Errors: kOutOfRange if `index >= size()`.
  StatusOr<Hash> LeafHashAt(uint64_t index) const override;

 private:
  std::vector<Hash> leaves_;
};

// Cost of the functions below: each subtree the RFC's recursion needs is split into at
// most log2(size) perfect subtrees read with NodeAt, so RootHash costs O(log size)
// NodeAt calls and each proof O(log^2 size) at worst (O(log size) for all but the
// rightmost path). With the default NodeAt they still hash O(size) leaves.

// MTH(D[begin:end]) (RFC 9162 §2.1.1) for a subtree that the RFC's recursion can reach:
// begin is a multiple of the largest power of two not above end - begin.
// Errors: kInvalidArgument if begin >= end or begin is not so aligned.
[[nodiscard]] StatusOr<Hash> RangeHash(const LeafHashSource& leaves, uint64_t begin, uint64_t end);

// The tree head MTH(D[0:size]) (RFC 9162 §2.1.1); EmptyTreeRoot() for size 0.
[[nodiscard]] StatusOr<Hash> RootHash(const LeafHashSource& leaves, uint64_t size);

// The audit path PATH(index, D[0:size]) (RFC 9162 §2.1.3.1), deepest sibling first.
// Errors: kInvalidArgument if `index >= size`.
[[nodiscard]] StatusOr<std::vector<Hash>> InclusionProof(const LeafHashSource& leaves,
                                                         uint64_t index, uint64_t size);

// PROOF(old_size, D[0:new_size]) (RFC 9162 §2.1.4.1). Empty when old_size is 0 or equal
// to new_size. Errors: kInvalidArgument if `old_size > new_size`.
[[nodiscard]] StatusOr<std::vector<Hash>> ConsistencyProof(const LeafHashSource& leaves,
                                                           uint64_t old_size, uint64_t new_size);

// Checks that `leaf_hash` is leaf `index` of the tree of `size` leaves with head `root`,
// with the iterative algorithm of RFC 9162 §2.1.3.2. Does not allocate per proof step.
// Errors: kInvalidArgument if `index >= size` or `proof` has the wrong length for
// (index, size); kDataLoss if the proof does not lead to `root`.
[[nodiscard]] Status VerifyInclusion(const Hash& leaf_hash, uint64_t index, uint64_t size,
                                     const std::vector<Hash>& proof, const Hash& root);

// Checks that the tree of `old_size` leaves with head `old_root` is a prefix of the tree
// of `new_size` leaves with head `new_root` (RFC 9162 §2.1.4.2). When old_size is 0 the
// proof must be empty and old_root must be EmptyTreeRoot(); when the sizes are equal the
// proof must be empty and the roots equal.
// Errors: kInvalidArgument if `old_size > new_size` or `proof` has the wrong length for
// the sizes; kDataLoss if a root does not match (the message says which).
[[nodiscard]] Status VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                                       const Hash& new_root, const std::vector<Hash>& proof);

// Extends a tree leaf by leaf and yields its head at any size. Keeps only the roots of
// the perfect subtrees the leaves so far decompose into (one per set bit of Size()), so
// memory is O(log n); Append is amortised O(1) hashes and Root is O(log n) hashes.
// Move-only (it owns a digest context); thread-compatible.
class MerkleAccumulator {
 public:
  MerkleAccumulator();
  ~MerkleAccumulator();
  MerkleAccumulator(MerkleAccumulator&&) noexcept;
  MerkleAccumulator& operator=(MerkleAccumulator&&) noexcept;

  // Resumes a tree of `size` leaves from its perfect-subtree roots, largest (leftmost)
  // first, as returned by Peaks(). Errors: kInvalidArgument if the count of peaks is not
  // the number of set bits of `size`.
  [[nodiscard]] static StatusOr<MerkleAccumulator> FromPeaks(uint64_t size,
                                                             std::vector<Hash> peaks);

  void Append(const Hash& leaf_hash);
  uint64_t Size() const { return size_; }
  // MTH over the leaves appended so far; EmptyTreeRoot() when there are none.
  Hash Root() const;
  // Roots of the perfect subtrees covering [0, Size()), leftmost first.
  const std::vector<Hash>& Peaks() const { return peaks_; }

 private:
  uint64_t size_ = 0;
  std::vector<Hash> peaks_;
  std::unique_ptr<Sha256Hasher> hasher_;
};

}  // namespace docket::ledger
