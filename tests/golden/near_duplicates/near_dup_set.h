// The labelled near-duplicate evaluation set (near_duplicates.jsonl): short feedback
// texts in en/de/fr/es, each with the duplicate group it belongs to. A group is an
// original text and its variants (typos, light paraphrases, reordered sentences,
// greeting/sign-off/signature noise, other redaction placeholders, case and
// punctuation); groups of one family share a frame, context and generic sentence but
// describe different problems, so they are each other's hard negatives.
// BuildNearDuplicateSet is deterministic (seed kNearDupSeed, SampleRandom streams per
// language); ReadNearDuplicateSet and ScorePairs serve the evaluation program and tests.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace docket::golden::near_duplicates {

inline constexpr uint64_t kNearDupSeed = 20261205;

struct LabelledText {
  std::string id;       // "nd-00001", in file order
  std::string lang;     // en, de, fr, es
  std::string family;   // groups sharing a template: "en-f0001"
  std::string group;    // the duplicate group: "en-g0001"
  std::string variant;  // "original", or the edits joined by '+': "typo+signature"
  std::string text;
};

std::vector<LabelledText> BuildNearDuplicateSet();

// One JSON object per line, keys in the order of LabelledText.
std::string SerializeLabelledText(const LabelledText& t);

// Reads a set written by SerializeLabelledText; nullopt (with `error`) on a bad line.
std::optional<std::vector<LabelledText>> ReadNearDuplicateSet(const std::string& path,
                                                              std::string& error);

// Pairwise agreement of a grouping with the labels: a pair of texts is positive when
// they share a label group, predicted positive when they share a predicted canonical.
struct PairScore {
  uint64_t labelled_pairs = 0;
  uint64_t predicted_pairs = 0;
  uint64_t correct_pairs = 0;
  uint64_t hard_negative_pairs = 0;  // predicted pairs of one family, different groups
  double precision() const;          // 1 when nothing is predicted
  double recall() const;             // 1 when nothing is labelled
};

// `canonical[i]` is the predicted canonical index of text i (i itself if canonical).
PairScore ScorePairs(const std::vector<LabelledText>& texts,
                     const std::vector<uint32_t>& canonical);

}  // namespace docket::golden::near_duplicates
