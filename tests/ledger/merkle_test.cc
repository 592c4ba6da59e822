#include "ledger/merkle.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/encoding.h"

namespace docket::ledger {
namespace {

Hash H(std::string_view hex) {
  Hash h;
  EXPECT_TRUE(ParseSha256Hex(hex, h)) << hex;
  return h;
}

std::string Bytes(std::string_view hex) {
  std::string out;
  EXPECT_TRUE(HexDecode(hex, out)) << hex;
  return out;
}

// --- Published vectors -----------------------------------------------------------------
// The RFC 6962 reference data shared by Certificate Transparency implementations, copied
// from transparency-dev/merkle: testonly/constants.go (LeafInputs, NodeHashes, RootHashes)
// and proof/verify_test.go (inclusionProofs, consistencyProofs). That table numbers
// leaves from 1; the indexes below are 0-based.

const char* const kLeafInputs[] = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
};

const char* const kLeafHashes[] = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
};

// Root of the tree over the first `size` leaves, indexed by size 0..8.
const char* const kRoots[] = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

struct InclusionVector {
  uint64_t index;
  uint64_t size;
  std::vector<const char*> proof;
};

std::vector<InclusionVector> InclusionVectors() {
  return {
      {0, 1, {}},
      {0,
       8,
       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
      {5,
       8,
       {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
      {2, 3, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
      {1,
       5,
       {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
  };
}

struct ConsistencyVector {
  uint64_t old_size;
  uint64_t new_size;
  std::vector<const char*> proof;
};

std::vector<ConsistencyVector> ConsistencyVectors() {
  return {
      {1, 1, {}},
      {1,
       8,
       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
      {6,
       8,
       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
      {2,
       5,
       {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
      {6,
       7,
       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
  };
}

std::vector<Hash> Hashes(const std::vector<const char*>& hex) {
  std::vector<Hash> out;
  out.reserve(hex.size());
  for (const char* h : hex) out.push_back(H(h));
  return out;
}

VectorLeafHashSource VectorTree() {
  VectorLeafHashSource source;
  for (const char* input : kLeafInputs) source.Append(LeafHash(Bytes(input)));
  return source;
}

// --- Reference implementation, straight from the recursive text of RFC 9162 ----------

uint64_t RefSplit(uint64_t n) {  // the largest power of two smaller than n
  uint64_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

Hash RefMth(const std::vector<Hash>& d, uint64_t lo, uint64_t hi) {
  if (hi == lo) return Sha256("");
  if (hi - lo == 1) return d[lo];
  const uint64_t k = RefSplit(hi - lo);
  return NodeHash(RefMth(d, lo, lo + k), RefMth(d, lo + k, hi));
}

std::vector<Hash> RefPath(const std::vector<Hash>& d, uint64_t m, uint64_t lo, uint64_t hi) {
  if (hi - lo == 1) return {};
  const uint64_t k = RefSplit(hi - lo);
  std::vector<Hash> path;
  if (m < k) {
    path = RefPath(d, m, lo, lo + k);
    path.push_back(RefMth(d, lo + k, hi));
  } else {
    path = RefPath(d, m - k, lo + k, hi);
    path.push_back(RefMth(d, lo, lo + k));
  }
  return path;
}

std::vector<Hash> RefSubproof(const std::vector<Hash>& d, uint64_t m, uint64_t lo, uint64_t hi,
                              bool b) {
  const uint64_t n = hi - lo;
  if (m == n) return b ? std::vector<Hash>{} : std::vector<Hash>{RefMth(d, lo, hi)};
  const uint64_t k = RefSplit(n);
  std::vector<Hash> proof;
  if (m <= k) {
    proof = RefSubproof(d, m, lo, lo + k, b);
    proof.push_back(RefMth(d, lo + k, hi));
  } else {
    proof = RefSubproof(d, m - k, lo + k, hi, false);
    proof.push_back(RefMth(d, lo, lo + k));
  }
  return proof;
}

std::vector<Hash> RefProof(const std::vector<Hash>& d, uint64_t m, uint64_t n) {
  if (m == 0 || m == n) return {};
  return RefSubproof(d, m, 0, n, true);
}

class MerkleTest : public ::testing::Test {
 protected:
  static constexpr uint64_t kMaxLeaves = 3000;
  void SetUp() override {
    for (uint64_t i = 0; i < kMaxLeaves; ++i) {
      leaves_.push_back(LeafHash("leaf " + std::to_string(i)));
      source_.Append(leaves_.back());
    }
  }
  Hash Root(uint64_t size) const { return *RootHash(source_, size); }

  std::vector<Hash> leaves_;
  VectorLeafHashSource source_;
};

Hash FlipBit(Hash h, size_t bit) {
  h.bytes[(bit / 8) % 32] ^= static_cast<uint8_t>(1u << (bit % 8));
  return h;
}

// Checks `proof` verifies, then that every listed corruption is rejected.
void ExpectInclusionStrict(const Hash& leaf, uint64_t index, uint64_t size,
                           const std::vector<Hash>& proof, const Hash& root, bool every_bit) {
  SCOPED_TRACE("inclusion index=" + std::to_string(index) + " size=" + std::to_string(size));
  ASSERT_TRUE(VerifyInclusion(leaf, index, size, proof, root).ok());
  EXPECT_EQ(VerifyInclusion(FlipBit(leaf, index), index, size, proof, root).code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(VerifyInclusion(leaf, index, size, proof, FlipBit(root, 3)).code(),
            StatusCode::kDataLoss);
  if (index > 0) {
    EXPECT_FALSE(VerifyInclusion(leaf, index - 1, size, proof, root).ok());
  }
  EXPECT_FALSE(VerifyInclusion(leaf, index + 1, size, proof, root).ok());
  EXPECT_FALSE(VerifyInclusion(leaf, index ^ 2, size, proof, root).ok());
  EXPECT_FALSE(VerifyInclusion(leaf, index, size * 2, proof, root).ok());
  EXPECT_FALSE(VerifyInclusion(leaf, index, size / 2, proof, root).ok());
  for (size_t i = 0; i < proof.size(); ++i) {
    const size_t bits = every_bit ? 256 : 1;
    for (size_t b = 0; b < bits; ++b) {
      std::vector<Hash> bad = proof;
      bad[i] = FlipBit(bad[i], every_bit ? b : i * 37 + index);
      EXPECT_EQ(VerifyInclusion(leaf, index, size, bad, root).code(), StatusCode::kDataLoss);
    }
  }
  std::vector<Hash> longer = proof;
  longer.push_back(root);
  EXPECT_EQ(VerifyInclusion(leaf, index, size, longer, root).code(), StatusCode::kInvalidArgument);
  longer.insert(longer.begin(), Hash{});
  longer.pop_back();
  EXPECT_EQ(VerifyInclusion(leaf, index, size, longer, root).code(), StatusCode::kInvalidArgument);
  if (!proof.empty()) {
    std::vector<Hash> shorter(proof.begin(), proof.end() - 1);
    EXPECT_EQ(VerifyInclusion(leaf, index, size, shorter, root).code(),
              StatusCode::kInvalidArgument);
    shorter.assign(proof.begin() + 1, proof.end());
    EXPECT_EQ(VerifyInclusion(leaf, index, size, shorter, root).code(),
              StatusCode::kInvalidArgument);
  }
}

void ExpectConsistencyStrict(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                             const Hash& new_root, const std::vector<Hash>& proof, bool every_bit) {
  SCOPED_TRACE("consistency old=" + std::to_string(old_size) + " new=" + std::to_string(new_size));
  ASSERT_TRUE(VerifyConsistency(old_size, new_size, old_root, new_root, proof).ok());
  if (old_size == new_size) return;
  EXPECT_EQ(VerifyConsistency(old_size, new_size, new_root, old_root, proof).code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(VerifyConsistency(old_size, new_size, FlipBit(old_root, 9), new_root, proof).code(),
            StatusCode::kDataLoss);
  if (old_size == 0) return;  // every tree extends the empty one: new_root is unconstrained
  EXPECT_EQ(VerifyConsistency(old_size, new_size, old_root, FlipBit(new_root, 9), proof).code(),
            StatusCode::kDataLoss);
  EXPECT_FALSE(VerifyConsistency(old_size - 1, new_size, old_root, new_root, proof).ok());
  EXPECT_FALSE(VerifyConsistency(old_size + 1, new_size, old_root, new_root, proof).ok());
  EXPECT_FALSE(VerifyConsistency(old_size ^ 2, new_size, old_root, new_root, proof).ok());
  EXPECT_FALSE(VerifyConsistency(old_size, new_size * 2, old_root, new_root, proof).ok());
  EXPECT_FALSE(VerifyConsistency(old_size, new_size / 2, old_root, new_root, proof).ok());
  for (size_t i = 0; i < proof.size(); ++i) {
    const size_t bits = every_bit ? 256 : 1;
    for (size_t b = 0; b < bits; ++b) {
      std::vector<Hash> bad = proof;
      bad[i] = FlipBit(bad[i], every_bit ? b : i * 37 + old_size);
      EXPECT_EQ(VerifyConsistency(old_size, new_size, old_root, new_root, bad).code(),
                StatusCode::kDataLoss);
    }
  }
  std::vector<Hash> longer = proof;
  longer.push_back(new_root);
  EXPECT_EQ(VerifyConsistency(old_size, new_size, old_root, new_root, longer).code(),
            StatusCode::kInvalidArgument);
  longer.insert(longer.begin(), old_root);
  longer.pop_back();
  EXPECT_EQ(VerifyConsistency(old_size, new_size, old_root, new_root, longer).code(),
            StatusCode::kInvalidArgument);
  std::vector<Hash> shorter(proof.begin(), proof.end() - 1);
  EXPECT_EQ(VerifyConsistency(old_size, new_size, old_root, new_root, shorter).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(old_size, new_size, old_root, new_root, {}).code(),
            StatusCode::kInvalidArgument);
}

// --- Published vectors -----------------------------------------------------------------

TEST(MerkleVectorsTest, EmptyTreeRoot) {
  EXPECT_EQ(EmptyTreeRoot(), H(kRoots[0]));
  EXPECT_EQ(*RootHash(VectorLeafHashSource(), 0), H(kRoots[0]));
  EXPECT_EQ(MerkleAccumulator().Root(), H(kRoots[0]));
}

TEST(MerkleVectorsTest, LeafHashes) {
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(LeafHash(Bytes(kLeafInputs[i])), H(kLeafHashes[i])) << i;
  }
}

TEST(MerkleVectorsTest, NodeHashPrefixesChildren) {
  // NodeHashes()[1][0] in testonly/constants.go.
  EXPECT_EQ(NodeHash(H(kLeafHashes[0]), H(kLeafHashes[1])),
            H("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"));
}

TEST(MerkleVectorsTest, RootsForEverySize) {
  const VectorLeafHashSource source = VectorTree();
  MerkleAccumulator acc;
  for (uint64_t size = 1; size <= 8; ++size) {
    EXPECT_EQ(*RootHash(source, size), H(kRoots[size])) << size;
    acc.Append(*source.LeafHashAt(size - 1));
    EXPECT_EQ(acc.Root(), H(kRoots[size])) << size;
  }
}

TEST(MerkleVectorsTest, InclusionProofs) {
  const VectorLeafHashSource source = VectorTree();
  for (const InclusionVector& v : InclusionVectors()) {
    const std::vector<Hash> want = Hashes(v.proof);
    StatusOr<std::vector<Hash>> got = InclusionProof(source, v.index, v.size);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(*got, want) << v.index << "/" << v.size;
    ExpectInclusionStrict(*source.LeafHashAt(v.index), v.index, v.size, want, H(kRoots[v.size]),
                          /*every_bit=*/true);
  }
}

TEST(MerkleVectorsTest, ConsistencyProofs) {
  const VectorLeafHashSource source = VectorTree();
  for (const ConsistencyVector& v : ConsistencyVectors()) {
    const std::vector<Hash> want = Hashes(v.proof);
    StatusOr<std::vector<Hash>> got = ConsistencyProof(source, v.old_size, v.new_size);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(*got, want) << v.old_size << "/" << v.new_size;
    ExpectConsistencyStrict(v.old_size, v.new_size, H(kRoots[v.old_size]), H(kRoots[v.new_size]),
                            want, /*every_bit=*/true);
  }
}

// --- Against the reference implementation ----------------------------------------------

TEST_F(MerkleTest, RootsMatchReferenceUpTo2000) {
  for (uint64_t size = 1; size <= 2000; ++size) {
    ASSERT_EQ(Root(size), RefMth(leaves_, 0, size)) << size;
  }
}

TEST_F(MerkleTest, AllInclusionProofsUpTo64) {
  for (uint64_t size = 1; size <= 64; ++size) {
    const Hash root = Root(size);
    for (uint64_t index = 0; index < size; ++index) {
      StatusOr<std::vector<Hash>> proof = InclusionProof(source_, index, size);
      ASSERT_TRUE(proof.ok());
      ASSERT_EQ(*proof, RefPath(leaves_, index, 0, size)) << index << "/" << size;
      ExpectInclusionStrict(leaves_[index], index, size, *proof, root, /*every_bit=*/false);
    }
  }
}

TEST_F(MerkleTest, AllConsistencyProofsUpTo64) {
  for (uint64_t new_size = 1; new_size <= 64; ++new_size) {
    const Hash new_root = Root(new_size);
    for (uint64_t old_size = 0; old_size <= new_size; ++old_size) {
      StatusOr<std::vector<Hash>> proof = ConsistencyProof(source_, old_size, new_size);
      ASSERT_TRUE(proof.ok());
      ASSERT_EQ(*proof, RefProof(leaves_, old_size, new_size)) << old_size << "/" << new_size;
      ExpectConsistencyStrict(old_size, new_size, Root(old_size), new_root, *proof,
                              /*every_bit=*/false);
    }
  }
}

TEST_F(MerkleTest, RandomProofsUpTo3000) {
  std::mt19937_64 rng(6962);
  for (int trial = 0; trial < 150; ++trial) {
    const uint64_t size = std::uniform_int_distribution<uint64_t>(1, kMaxLeaves)(rng);
    const uint64_t index = std::uniform_int_distribution<uint64_t>(0, size - 1)(rng);
    const uint64_t old_size = std::uniform_int_distribution<uint64_t>(0, size)(rng);
    const Hash root = Root(size);

    StatusOr<std::vector<Hash>> path = InclusionProof(source_, index, size);
    ASSERT_TRUE(path.ok());
    ASSERT_EQ(*path, RefPath(leaves_, index, 0, size)) << index << "/" << size;
    ExpectInclusionStrict(leaves_[index], index, size, *path, root, /*every_bit=*/false);

    StatusOr<std::vector<Hash>> proof = ConsistencyProof(source_, old_size, size);
    ASSERT_TRUE(proof.ok());
    ASSERT_EQ(*proof, RefProof(leaves_, old_size, size)) << old_size << "/" << size;
    ExpectConsistencyStrict(old_size, size, Root(old_size), root, *proof, /*every_bit=*/false);
  }
}

// --- Arguments and edge cases ------------------------------------------------------------

TEST_F(MerkleTest, ImpossibleArgumentsAreInvalid) {
  EXPECT_EQ(InclusionProof(source_, 5, 5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(InclusionProof(source_, 0, 0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ConsistencyProof(source_, 6, 5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyInclusion(leaves_[0], 1, 1, {}, leaves_[0]).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyInclusion(leaves_[0], 0, 0, {}, EmptyTreeRoot()).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(2, 1, Root(2), Root(1), {}).code(), StatusCode::kInvalidArgument);
}

TEST_F(MerkleTest, SourceErrorsPassThrough) {
  const uint64_t too_big = kMaxLeaves + 1;
  EXPECT_EQ(RootHash(source_, too_big).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(InclusionProof(source_, 0, too_big).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(ConsistencyProof(source_, 1, too_big).status().code(), StatusCode::kOutOfRange);
}

TEST_F(MerkleTest, TrivialConsistency) {
  const Hash empty = EmptyTreeRoot();
  EXPECT_TRUE(VerifyConsistency(0, 0, empty, empty, {}).ok());
  EXPECT_TRUE(VerifyConsistency(0, 7, empty, Root(7), {}).ok());
  EXPECT_TRUE(VerifyConsistency(7, 7, Root(7), Root(7), {}).ok());
  EXPECT_EQ(VerifyConsistency(0, 7, Root(1), Root(7), {}).code(), StatusCode::kDataLoss);
  EXPECT_EQ(VerifyConsistency(7, 7, Root(7), Root(6), {}).code(), StatusCode::kDataLoss);
  EXPECT_EQ(VerifyConsistency(7, 7, Root(7), Root(7), {empty}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(VerifyConsistency(0, 7, empty, Root(7), {empty}).code(), StatusCode::kInvalidArgument);
}

TEST_F(MerkleTest, SingleLeafTree) {
  EXPECT_EQ(Root(1), leaves_[0]);
  EXPECT_TRUE(InclusionProof(source_, 0, 1)->empty());
  EXPECT_TRUE(VerifyInclusion(leaves_[0], 0, 1, {}, leaves_[0]).ok());
  EXPECT_EQ(VerifyInclusion(leaves_[1], 0, 1, {}, leaves_[0]).code(), StatusCode::kDataLoss);
}

// --- Accumulator ----------------------------------------------------------------------

TEST_F(MerkleTest, AccumulatorMatchesRootHashUpTo2000) {
  MerkleAccumulator acc;
  for (uint64_t size = 1; size <= 2000; ++size) {
    acc.Append(leaves_[size - 1]);
    ASSERT_EQ(acc.Size(), size);
    ASSERT_EQ(acc.Peaks().size(), static_cast<size_t>(__builtin_popcountll(size)));
    ASSERT_EQ(acc.Root(), Root(size)) << size;
  }
}

TEST_F(MerkleTest, AccumulatorResumesFromPeaks) {
  MerkleAccumulator acc;
  for (uint64_t i = 0; i < 37; ++i) acc.Append(leaves_[i]);
  StatusOr<MerkleAccumulator> resumed = MerkleAccumulator::FromPeaks(acc.Size(), acc.Peaks());
  ASSERT_TRUE(resumed.ok());
  EXPECT_EQ(resumed->Root(), Root(37));
  for (uint64_t i = 37; i < 100; ++i) resumed->Append(leaves_[i]);
  EXPECT_EQ(resumed->Root(), Root(100));
  EXPECT_EQ(MerkleAccumulator::FromPeaks(37, {leaves_[0]}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace docket::ledger
