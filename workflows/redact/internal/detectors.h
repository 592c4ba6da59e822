// The hand-written detectors: each walks the text once, proposes candidate detections
// (possibly overlapping) with a base score already adjusted by context, and appends
// them to `out`. Overlaps, allow/deny lists and the score threshold are resolved by
// PiiScanner. Each runs in time linear in the text size. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "workflows/redact/entity.h"

namespace docket::workflows::redact::internal {

// Digit runs with separators: payment cards, phone numbers (`region` as national hint),
// US SSNs, IPv4, ABA routing and bank account numbers in context.
void DetectNumbers(std::string_view text, std::string_view region, std::vector<Detection>& out);
// Around each '@': email addresses.
void DetectEmails(std::string_view text, std::vector<Detection>& out);
// Around each "://": URLs with user:password@ or secret-bearing query parameters.
void DetectUrlSecrets(std::string_view text, std::vector<Detection>& out);
// Colon-separated hex groups: IPv6 addresses.
void DetectIpv6(std::string_view text, std::vector<Detection>& out);
// Two letters and two digits at a word start: IBANs (country length + mod-97).
void DetectIbans(std::string_view text, std::vector<Detection>& out);
// After each street address already in `out`: the postcode of "Hauptstraße 12, 10115
// Berlin" or "Calle Mayor, 23, 3º B, 28013 Madrid" (five digits before a town name).
void DetectPostcodesAfterAddresses(std::string_view text, std::vector<Detection>& out);
// Two adjacent capitalised tokens that are not common words ("Anna Schmidt").
void DetectCapitalisedNames(std::string_view text, std::vector<Detection>& out);

// True if the capitalised `token` is a common word, greeting or brand rather than a
// name ("Thanks", "Team", "Support", "Monday", "Android").
bool IsCommonWord(std::string_view token);

}  // namespace docket::workflows::redact::internal
