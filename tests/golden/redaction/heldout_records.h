// Builds the HELD-OUT PII evaluation set (pii_heldout.jsonl): kHeldoutRecordCount texts
// in shapes the tuning set (eval_records.h) lacks — live chats, app-store reviews, web
// forms, CSV exports, markdown bug reports with logs, lower-case survey answers,
// forwarded emails, mixed-language messages — in English, German, French and Spanish,
// with their gold spans, from one seeded random stream. Never tune the scanner on it
// (README.md). A pure function of kHeldoutSeed and the phrase tables; thread-safe.
#pragma once

#include <cstdint>

#include "tests/golden/redaction/eval_records.h"

namespace docket::golden::redaction {

inline constexpr uint64_t kHeldoutSeed = 20251129;
inline constexpr uint64_t kHeldoutStream = 7;
inline constexpr int kHeldoutRecordCount = 1800;

// Same record and negative-count layout as the tuning set.
EvalSet BuildHeldoutSet();

}  // namespace docket::golden::redaction
