// Fuzz target: bytes -> the RFC 9162 proof verifiers of ledger/merkle.h. The first byte
// picks a mode:
//   0: (index u64be, size u64be, leaf hash, root, proof hashes...) -> VerifyInclusion;
//   1: (old size u64be, new size u64be, old root, new root, proof hashes...) ->
//      VerifyConsistency;
//   2: a tree of up to 255 leaves built from the bytes: every honest inclusion and
//      consistency proof verifies, and one flipped bit in the proof makes it fail.
// Aborts when an invariant breaks: arbitrary proofs give kInvalidArgument or kDataLoss,
// never a crash, and never OK for a proof of the wrong length.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/merkle.h"
#include "tests/fuzz/fuzz_check.h"

namespace docket::ledger {
namespace {

class Bytes {
 public:
  explicit Bytes(std::string_view data) : data_(data) {}
  uint64_t U64() {
    uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8) | U8();
    return value;
  }
  uint8_t U8() {
    if (data_.empty()) return 0;
    const auto byte = static_cast<uint8_t>(data_.front());
    data_.remove_prefix(1);
    return byte;
  }
  Hash Digest() {
    Hash hash;
    for (uint8_t& b : hash.bytes) b = U8();
    return hash;
  }
  std::vector<Hash> Rest() {
    std::vector<Hash> hashes;
    while (data_.size() >= 32 && hashes.size() < 80) hashes.push_back(Digest());
    return hashes;
  }
  std::string_view rest() const { return data_; }

 private:
  std::string_view data_;
};

bool IsExpectedError(const Status& status) {
  return status.code() == StatusCode::kInvalidArgument || status.code() == StatusCode::kDataLoss;
}

void Arbitrary(Bytes in, bool consistency) {
  const uint64_t a = in.U64();
  const uint64_t b = in.U64();
  const Hash first = in.Digest();
  const Hash second = in.Digest();
  const std::vector<Hash> proof = in.Rest();
  const Status status = consistency ? VerifyConsistency(a, b, first, second, proof)
                                    : VerifyInclusion(first, a, b, proof, second);
  if (!status.ok()) FUZZ_CHECK(IsExpectedError(status));
  if (status.ok() && !consistency) FUZZ_CHECK(a < b && proof.size() <= 64);
  if (status.ok() && consistency) FUZZ_CHECK(a <= b);
}

void Honest(Bytes in) {
  const uint64_t size = in.U8();
  const uint64_t a = in.U8();
  const uint64_t b = in.U8();
  const uint8_t flip = in.U8();
  VectorLeafHashSource leaves;
  for (uint64_t i = 0; i < size; ++i)
    leaves.Append(LeafHash(std::string(in.rest().substr(0, i % 7)) + std::to_string(i)));
  const StatusOr<Hash> root = RootHash(leaves, size);
  FUZZ_CHECK(root.ok());
  if (size > 0) {
    const uint64_t index = a % size;
    StatusOr<std::vector<Hash>> proof = InclusionProof(leaves, index, size);
    FUZZ_CHECK(proof.ok());
    const Hash leaf = *leaves.LeafHashAt(index);
    FUZZ_CHECK(VerifyInclusion(leaf, index, size, *proof, *root).ok());
    if (!proof->empty()) {
      (*proof)[flip % proof->size()].bytes[flip % 32] ^= 1;
      FUZZ_CHECK(VerifyInclusion(leaf, index, size, *proof, *root).code() == StatusCode::kDataLoss);
    }
  }
  const uint64_t old_size = size == 0 ? 0 : b % (size + 1);
  const StatusOr<Hash> old_root = RootHash(leaves, old_size);
  StatusOr<std::vector<Hash>> proof = ConsistencyProof(leaves, old_size, size);
  FUZZ_CHECK(old_root.ok() && proof.ok());
  FUZZ_CHECK(VerifyConsistency(old_size, size, *old_root, *root, *proof).ok());
  if (!proof->empty()) {
    (*proof)[flip % proof->size()].bytes[flip % 32] ^= 1;
    FUZZ_CHECK(VerifyConsistency(old_size, size, *old_root, *root, *proof).code() ==
               StatusCode::kDataLoss);
  }
}

int Run(std::string_view input) {
  if (input.empty()) return 0;
  Bytes in(input.substr(1));
  switch (static_cast<uint8_t>(input[0]) % 3) {
    case 0:
      Arbitrary(in, false);
      break;
    case 1:
      Arbitrary(in, true);
      break;
    default:
      Honest(in);
  }
  return 0;
}

}  // namespace
}  // namespace docket::ledger

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return docket::ledger::Run(std::string_view(reinterpret_cast<const char*>(data), size));
}
