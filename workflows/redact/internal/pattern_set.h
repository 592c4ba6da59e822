// PatternSet: the literal-anchored regular expressions (key and secret shapes, id,
// birth-date, address and postcode contexts, name trigger phrases, tenant patterns,
// deny-list values) compiled into one RE2::Set that says which patterns occur, then
// each occurring pattern's own RE2 for spans and capture groups. RE2 runs in linear
// time (no backtracking). Built once; Scan is const and thread-safe.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "workflows/redact/entity.h"

namespace docket::workflows::redact::internal {

// What a match must also satisfy before it becomes a candidate.
enum class PostCheck {
  kNone,
  kIdDigits,     // the id holds at least 4 digits
  kPersonName,   // the tokens are not common words (trailing ones are trimmed)
  kDate,         // day and month in range where numeric
  kUkPostcode,   // a real UK postcode area
  kSecretValue,  // not a placeholder such as "****" or "<redacted>"
  kSpokenSecret,  // as kSecretValue, and quoted or holding a digit or symbol: "my PIN
                  // was blocked" names a state, "my password is hunter2" a secret
};

struct PatternSpec {
  EntityType type = EntityType::kApiKey;
  std::string detector;
  std::string validator;
  std::string regex;  // RE2 syntax
  int group = 0;      // capture group holding the span; 0 = the whole match
  double score = 0.9;
  PostCheck check = PostCheck::kNone;
};

// Docket's built-in patterns (see pattern_set_defaults.cc).
std::vector<PatternSpec> DefaultPatterns();

class PatternSet {
 public:
  // Errors: kInvalidArgument naming the spec whose regex does not compile, matches the
  // empty string, or lacks the capture group it names.
  [[nodiscard]] static StatusOr<std::unique_ptr<PatternSet>> Create(std::vector<PatternSpec> specs);
  ~PatternSet();

  void Scan(std::string_view text, std::vector<Detection>& out) const;

 private:
  PatternSet() = default;
  void ScanOne(size_t index, std::string_view text, std::vector<Detection>& out) const;

  std::vector<PatternSpec> specs_;
  std::vector<std::unique_ptr<RE2>> regexes_;
  std::unique_ptr<RE2::Set> set_;
};

}  // namespace docket::workflows::redact::internal
