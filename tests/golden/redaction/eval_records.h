// Builds the PII evaluation set: kEvalRecordCount texts (app reviews, NPS verbatims,
// support tickets, tickets quoting an earlier email) in English, German, French and
// Spanish, with their gold spans, from one seeded random stream. A pure function of
// kEvalSeed and the phrase tables; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tests/golden/redaction/pii_eval_set.h"

namespace docket::golden::redaction {

inline constexpr uint64_t kEvalSeed = 20251104;
inline constexpr int kEvalRecordCount = 2400;

struct EvalSet {
  std::vector<EvalRecord> records;
  std::map<std::string, int> negatives;  // tricky negatives planted, by kind
};

EvalSet BuildEvalSet();

}  // namespace docket::golden::redaction
