// Banding LSH over MinHash signatures (minhash.h): splits each K-slot signature into
// b bands of r rows; two texts become a candidate pair when all r slots of at least one
// band agree. A pair with Jaccard similarity s is a candidate with probability
//   P(s) = 1 - (1 - s^r)^b,
// an S-curve whose steep part sits near (1/b)^(1/r). ChooseBanding places it below the
// verification threshold, so that pairs above the threshold are almost always found
// (false negatives are lost for good) while pairs far below it rarely cost a
// verification. For K = 128 and threshold 0.7 (the default) it chooses b = 20, r = 6:
// P(0.3) = 0.015, P(0.4) = 0.079, P(0.5) = 0.27, P(0.6) = 0.62, P(0.7) = 0.92,
// P(0.75) = 0.98, P(0.8) = 0.998.
//
// Candidates are only proposals: near_duplicates.h verifies each by estimated (and near
// the threshold, exact) Jaccard similarity.
//
// Pure functions; thread-safe. Output order is sorted, independent of `threads`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace docket::workflows::themes {

struct LshBanding {
  int bands = 0;
  int rows = 0;
};

// P(candidate | Jaccard `similarity`) for `banding`: 1 - (1 - s^r)^b.
double CandidateProbability(double similarity, LshBanding banding);

// The banding with bands * rows <= num_hashes that minimizes
//   false_negative_weight * ∫_t^1 (1 - P(s)) ds + (1 - false_negative_weight) * ∫_0^t P(s) ds
// for threshold t (the classic datasketch criterion, weighted towards recall: verification
// removes false positives, nothing recovers a missed pair). Ties go to fewer bands.
LshBanding ChooseBanding(int num_hashes, double threshold, double false_negative_weight = 0.9);

// A pair of document indices, first < second.
using CandidatePair = std::pair<uint32_t, uint32_t>;

// Candidate pairs among `members` (document indices, each signature num_hashes slots at
// signatures[index * num_hashes]), sorted and distinct. Members with an empty signature
// (IsEmptySignature) take no part. A bucket of more than `max_bucket` members (a
// template hundreds of texts share) yields each member paired with the bucket's first
// and its predecessor instead of all pairs: O(m) rather than O(m^2), and union-find over
// verified pairs still joins chains of similar texts. `threads` >= 1 splits the bands
// into fixed contiguous ranges; the result does not depend on it.
std::vector<CandidatePair> CandidatePairs(std::span<const uint32_t> signatures, int num_hashes,
                                          std::span<const uint32_t> members, LshBanding banding,
                                          size_t max_bucket = 64, int threads = 1);

}  // namespace docket::workflows::themes
