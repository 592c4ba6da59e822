// Canonical form of a FeedbackRecord, applied by the `normalize` step after ingestion:
//   text: valid UTF-8 (ill-formed bytes become U+FFFD), CRLF and lone CR become "\n",
//     other control characters except "\n" and "\t" are removed, Unicode NFC, and
//     leading and trailing white space (ASCII and Unicode spaces) trimmed.
//   source, channel, customer_tier: trimmed and lowercased; feature_area also has each
//     run of inner white space replaced by '_' ("Check Out" -> "check_out").
//   language: a BCP 47 shape: '_' -> '-', primary subtag lowercase, 2-letter region
//     uppercase, 4-letter script titlecase ("pt_br" -> "pt-BR", "EN" -> "en").
//   region: trimmed and uppercased. release_version: trimmed, a 'v' before a digit
//     dropped ("v4.2.0" -> "4.2.0"). product, request_id, error_code: trimmed.
// Other fields are left alone. Deterministic and idempotent: normalizing a normalized
// record changes nothing. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "workflows/proto/feedback.pb.h"

namespace docket::workflows {

// Normalizes `record` in place as described above.
void NormalizeRecord(FeedbackRecord& record);

// The text rules above, on their own.
std::string NormalizeText(std::string_view text);

// The language rules above, on their own.
std::string NormalizeLanguageTag(std::string_view tag);

// `text` without leading and trailing white space (ASCII and Unicode spaces), the
// trimming every rule above uses.
std::string_view TrimWhiteSpace(std::string_view text);

}  // namespace docket::workflows
