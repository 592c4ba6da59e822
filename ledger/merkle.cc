#include "ledger/merkle.h"

#include <algorithm>
#include <bit>
#include <string>
#include <utility>

namespace docket::ledger {
namespace {

constexpr char kLeafPrefix = 0x00;
constexpr char kNodePrefix = 0x01;

// Node hashing through a caller-owned digest context, so loops hash without allocating.
Hash HashChildren(Sha256Hasher& hasher, const Hash& left, const Hash& right) {
  hasher.Update(std::string_view(&kNodePrefix, 1));
  hasher.Update(left.AsBytes());
  hasher.Update(right.AsBytes());
  return hasher.Finish();
}

// The largest power of two strictly less than n (n >= 2): the RFC's split point k.
uint64_t SplitPoint(uint64_t n) { return std::bit_floor(n - 1); }

std::string Describe(uint64_t a, uint64_t b) {
  return "(" + std::to_string(a) + ", " + std::to_string(b) + ")";
}

// The cases RFC 9162 leaves out (0 < old_size < new_size does not hold): nothing to
// prove beyond what the roots themselves say.
Status VerifyTrivialConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                                const Hash& new_root, const std::vector<Hash>& proof) {
  if (!proof.empty()) {
    return InvalidArgumentError("consistency proof for " + Describe(old_size, new_size) +
                                " must be empty");
  }
  if (old_size == 0 && old_root != EmptyTreeRoot()) {
    return DataLossError("old root of an empty tree is not the empty tree hash");
  }
  if (old_size == new_size && old_root != new_root) {
    return DataLossError("roots of two trees of size " + std::to_string(new_size) + " differ");
  }
  return Status::Ok();
}

}  // namespace

Hash LeafHash(std::string_view leaf_bytes) {
  thread_local Sha256Hasher hasher;
  hasher.Update(std::string_view(&kLeafPrefix, 1));
  hasher.Update(leaf_bytes);
  return hasher.Finish();
}

Hash NodeHash(const Hash& left, const Hash& right) {
  // One digest context per thread: node hashing is the tree's inner loop, and a
  // context per call costs more than the 65-byte hash itself.
  thread_local Sha256Hasher hasher;
  return HashChildren(hasher, left, right);
}

Hash EmptyTreeRoot() { return Sha256(""); }

StatusOr<Hash> VectorLeafHashSource::LeafHashAt(uint64_t index) const {
  if (index >= leaves_.size()) {
    return OutOfRangeError("no leaf " + std::to_string(index) + " in a source of " +
                           std::to_string(leaves_.size()));
  }
  return leaves_[index];
}

StatusOr<Hash> LeafHashSource::NodeAt(uint8_t level, uint64_t index) const {
  if (level == 0) return LeafHashAt(index);
  if (level >= 64 || index > (UINT64_MAX >> level)) {
    return OutOfRangeError("no node " + std::to_string(index) + " at level " +
                           std::to_string(level));
  }
  DOCKET_ASSIGN_OR_RETURN(Hash left, NodeAt(level - 1, 2 * index));
  DOCKET_ASSIGN_OR_RETURN(Hash right, NodeAt(level - 1, 2 * index + 1));
  return NodeHash(left, right);
}

// Splits [begin, end) into its perfect subtrees, largest (leftmost) first, and folds
// them from the right, as MTH's recursion would.
StatusOr<Hash> RangeHash(const LeafHashSource& leaves, uint64_t begin, uint64_t end) {
  if (begin >= end) {
    return InvalidArgumentError("empty subtree range " + Describe(begin, end));
  }
  if ((begin & (std::bit_floor(end - begin) - 1)) != 0) {
    return InvalidArgumentError("subtree range " + Describe(begin, end) +
                                " is not aligned to its largest power of two");
  }
  std::vector<Hash> parts;
  for (uint64_t lo = begin; lo < end;) {
    const uint64_t width = std::bit_floor(end - lo);
    const auto level = static_cast<uint8_t>(std::countr_zero(width));
    DOCKET_ASSIGN_OR_RETURN(Hash node, leaves.NodeAt(level, lo >> level));
    parts.push_back(node);
    lo += width;
  }
  Hash root = parts.back();
  Sha256Hasher hasher;
  for (size_t i = parts.size() - 1; i-- > 0;) root = HashChildren(hasher, parts[i], root);
  return root;
}

StatusOr<Hash> RootHash(const LeafHashSource& leaves, uint64_t size) {
  if (size == 0) return EmptyTreeRoot();
  return RangeHash(leaves, 0, size);
}

// PATH(m, D[lo:hi]) unrolled: walk from the root towards leaf m, taking the sibling
// subtree at each level. The RFC lists siblings deepest first, hence the reverse.
StatusOr<std::vector<Hash>> InclusionProof(const LeafHashSource& leaves, uint64_t index,
                                           uint64_t size) {
  if (index >= size) {
    return InvalidArgumentError("inclusion proof for leaf " + std::to_string(index) +
                                " of a tree of size " + std::to_string(size));
  }
  std::vector<Hash> proof;
  uint64_t lo = 0;
  uint64_t hi = size;
  while (hi - lo > 1) {
    const uint64_t mid = lo + SplitPoint(hi - lo);
    if (index < mid) {
      DOCKET_ASSIGN_OR_RETURN(Hash right, RangeHash(leaves, mid, hi));
      proof.push_back(right);
      hi = mid;
    } else {
      DOCKET_ASSIGN_OR_RETURN(Hash left, RangeHash(leaves, lo, mid));
      proof.push_back(left);
      lo = mid;
    }
  }
  std::reverse(proof.begin(), proof.end());
  return proof;
}

// SUBPROOF(m, D[lo:hi], b) unrolled the same way as InclusionProof.
StatusOr<std::vector<Hash>> ConsistencyProof(const LeafHashSource& leaves, uint64_t old_size,
                                             uint64_t new_size) {
  if (old_size > new_size) {
    return InvalidArgumentError("consistency proof from a larger tree " +
                                Describe(old_size, new_size));
  }
  std::vector<Hash> proof;
  if (old_size == 0 || old_size == new_size) return proof;
  uint64_t lo = 0;
  uint64_t hi = new_size;
  bool whole_old_tree = true;  // the RFC's b: D[lo:lo+m] is the entire old tree
  while (true) {
    const uint64_t m = old_size - lo;
    if (m == hi - lo) {
      if (!whole_old_tree) {
        DOCKET_ASSIGN_OR_RETURN(Hash node, RangeHash(leaves, lo, hi));
        proof.push_back(node);
      }
      break;
    }
    const uint64_t mid = lo + SplitPoint(hi - lo);
    if (old_size <= mid) {
      DOCKET_ASSIGN_OR_RETURN(Hash right, RangeHash(leaves, mid, hi));
      proof.push_back(right);
      hi = mid;
    } else {
      DOCKET_ASSIGN_OR_RETURN(Hash left, RangeHash(leaves, lo, mid));
      proof.push_back(left);
      lo = mid;
      whole_old_tree = false;
    }
  }
  std::reverse(proof.begin(), proof.end());
  return proof;
}

Status VerifyInclusion(const Hash& leaf_hash, uint64_t index, uint64_t size,
                       const std::vector<Hash>& proof, const Hash& root) {
  if (index >= size) {
    return InvalidArgumentError("inclusion of leaf " + std::to_string(index) +
                                " in a tree of size " + std::to_string(size));
  }
  Sha256Hasher hasher;
  uint64_t fn = index;
  uint64_t sn = size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) {
      return InvalidArgumentError("inclusion proof too long for " + Describe(index, size));
    }
    if ((fn & 1) != 0 || fn == sn) {
      r = HashChildren(hasher, p, r);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = HashChildren(hasher, r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return InvalidArgumentError("inclusion proof too short for " + Describe(index, size));
  }
  if (r != root) {
    return DataLossError("inclusion proof for " + Describe(index, size) +
                         " does not lead to the expected root");
  }
  return Status::Ok();
}

Status VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                         const Hash& new_root, const std::vector<Hash>& proof) {
  if (old_size > new_size) {
    return InvalidArgumentError("consistency from a larger tree " + Describe(old_size, new_size));
  }
  if (old_size == 0 || old_size == new_size) {
    return VerifyTrivialConsistency(old_size, new_size, old_root, new_root, proof);
  }
  if (proof.empty()) {
    return InvalidArgumentError("empty consistency proof for " + Describe(old_size, new_size));
  }
  // Step 2 prepends old_root when old_size is a power of two; index into the proof
  // instead of copying it.
  const bool prepend_old_root = std::has_single_bit(old_size);
  const size_t path_size = proof.size() + (prepend_old_root ? 1 : 0);
  auto path = [&](size_t i) -> const Hash& {
    if (prepend_old_root) return i == 0 ? old_root : proof[i - 1];
    return proof[i];
  };
  uint64_t fn = old_size - 1;
  uint64_t sn = new_size - 1;
  while ((fn & 1) != 0) {
    fn >>= 1;
    sn >>= 1;
  }
  Sha256Hasher hasher;
  Hash fr = path(0);
  Hash sr = path(0);
  for (size_t i = 1; i < path_size; ++i) {
    const Hash& c = path(i);
    if (sn == 0) {
      return InvalidArgumentError("consistency proof too long for " + Describe(old_size, new_size));
    }
    if ((fn & 1) != 0 || fn == sn) {
      fr = HashChildren(hasher, c, fr);
      sr = HashChildren(hasher, c, sr);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = HashChildren(hasher, sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) {
    return InvalidArgumentError("consistency proof too short for " + Describe(old_size, new_size));
  }
  if (fr != old_root) {
    return DataLossError("consistency proof for " + Describe(old_size, new_size) +
                         " does not lead to the old root");
  }
  if (sr != new_root) {
    return DataLossError("consistency proof for " + Describe(old_size, new_size) +
                         " does not lead to the new root");
  }
  return Status::Ok();
}

MerkleAccumulator::MerkleAccumulator() : hasher_(std::make_unique<Sha256Hasher>()) {}
MerkleAccumulator::~MerkleAccumulator() = default;
MerkleAccumulator::MerkleAccumulator(MerkleAccumulator&&) noexcept = default;
MerkleAccumulator& MerkleAccumulator::operator=(MerkleAccumulator&&) noexcept = default;

StatusOr<MerkleAccumulator> MerkleAccumulator::FromPeaks(uint64_t size, std::vector<Hash> peaks) {
  if (peaks.size() != static_cast<size_t>(std::popcount(size))) {
    return InvalidArgumentError("a tree of size " + std::to_string(size) + " has " +
                                std::to_string(std::popcount(size)) + " peaks, not " +
                                std::to_string(peaks.size()));
  }
  MerkleAccumulator acc;
  acc.size_ = size;
  acc.peaks_ = std::move(peaks);
  return acc;
}

// Each trailing one bit of size_ is a perfect subtree the new leaf completes a sibling of.
void MerkleAccumulator::Append(const Hash& leaf_hash) {
  Hash carry = leaf_hash;
  for (uint64_t s = size_; (s & 1) != 0; s >>= 1) {
    carry = HashChildren(*hasher_, peaks_.back(), carry);
    peaks_.pop_back();
  }
  peaks_.push_back(carry);
  ++size_;
}

// MTH splits at the largest power of two, so the head folds the peaks right to left.
Hash MerkleAccumulator::Root() const {
  if (peaks_.empty()) return EmptyTreeRoot();
  Sha256Hasher hasher;  // local: Root() is const and may be called concurrently
  Hash root = peaks_.back();
  for (size_t i = peaks_.size() - 1; i-- > 0;) root = HashChildren(hasher, peaks_[i], root);
  return root;
}

}  // namespace docket::ledger
