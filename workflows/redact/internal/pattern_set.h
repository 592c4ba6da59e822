// PatternSet: the literal-anchored regular expressions (key and secret shapes, id,
// birth-date, address and postcode contexts, name trigger phrases, tenant patterns,
// deny-list values). A pattern with triggers (the built-in ones) runs only where one of
// its triggers says a match can start, anchored there; the others (tenant patterns,
// deny-list values) go through one RE2::Set that says which occur, then each occurring
// pattern's own RE2 over the text. Both give the same matches as running every pattern
// over the whole text. RE2 runs in linear time (no backtracking). Built once; Scan is
// const and thread-safe.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
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

// Where a pattern's matches can start: a cheap necessary condition checked in one pass
// over the text before any RE2 runs (pattern_triggers.h). A trigger must propose every
// position at which the pattern, anchored there, can match; proposing more only costs
// time. The unfiltered scan is the reference (PatternSet::ScanUnfiltered, tests).
struct Trigger {
  enum class Kind {
    // One of `keywords` at an ASCII word start. A keyword is lower-case (compared ASCII
    // case-insensitively unless `case_sensitive`); ' ' stands for one or more blanks
    // ([ \t]+); a trailing '$' requires that no ASCII word byte follows; bytes >= 0x80
    // are compared exactly, so only caseless characters (’, or the lead byte 0xC3 shared
    // by é and É) may appear.
    kKeyword,
    kLiteral,         // keywords[0] anywhere, byte for byte; the match starts there
    kStreetNumberEn,  // address.en: 1-5 digits and a letter at a word start, blanks, a capital
    kStreetNumberFr,  // address.fr: 1-4 digits, [bis|ter], [','], blanks, a street-word letter
    kGermanStreet,    // address.de: a street suffix, blanks and a digit; start walked back
    kUkPostcode,      // postcode.uk: a capital at a word start, then a digit within two bytes
    kClockLine,       // name.speaker: a line opening with blanks and '[', '(' or a digit
    kDisplayName,     // name.display_name: up to three tokens before blanks and "<local@"
  };
  // For kKeyword: where the match starts relative to the keyword at `k`.
  enum class Start {
    kAtKeyword,       // at k
    kAfterQueryMark,  // at k - 1, which holds '?', '&' or '#'
    kLineStart,       // at the start of k's line; only blanks between
    kLineOrSentence,  // at the start of k's line, or at the '.', '!' or '?' before the blanks
                      // and '>' quote markers before k
  };
  Kind kind = Kind::kKeyword;
  Start start = Start::kAtKeyword;
  bool case_sensitive = false;
  std::vector<std::string> keywords;
};

// A pattern written `prefix (group) suffix` whose group can be found without RE2's
// capture extraction, which is slow for the long Unicode name patterns: the prefix's own
// match gives where the group starts, `suffix` where it ends, and the three parts are
// each confirmed by a match of their own regex (else the captures are extracted).
struct GroupSplit {
  enum class Suffix {
    kNone,            // the group ends the match
    kBlanksComma,     // [ \t]*[,!]
    kBlanksColon,     // [ \t]*:
    kBlanksLineEnd,   // [ \t]*$ (multi-line)
    kBlanksEnd,       // [ \t]*(?:$|[.!])
    kAngleAddress,    // [ \t]+<[^\s<>@]{1,64}@
  };
  std::string prefix;  // RE2 syntax, with the pattern's leading flags
  std::string group;
  std::string suffix;  // with the pattern's leading flags; empty for kNone
  Suffix kind = Suffix::kNone;
};

struct PatternSpec {
  EntityType type = EntityType::kApiKey;
  std::string detector;
  std::string validator;
  std::string regex;  // RE2 syntax
  int group = 0;      // capture group holding the span; 0 = the whole match
  double score = 0.9;
  PostCheck check = PostCheck::kNone;
  // Empty: the pattern runs over every text (through the RE2::Set).
  std::vector<Trigger> triggers;
  std::optional<GroupSplit> split;  // only with triggers and group 1
};

class Prefilter;

// Docket's built-in patterns (see pattern_set_defaults.cc).
std::vector<PatternSpec> DefaultPatterns();

class PatternSet {
 public:
  // Errors: kInvalidArgument naming the spec whose regex does not compile, matches the
  // empty string, or lacks the capture group it names.
  [[nodiscard]] static StatusOr<std::unique_ptr<PatternSet>> Create(std::vector<PatternSpec> specs);
  ~PatternSet();

  // Appends every pattern's matches (after their PostCheck) to `out`, pattern by pattern
  // in spec order.
  void Scan(std::string_view text, std::vector<Detection>& out) const;
  // The same without triggers: the RE2::Set over every pattern, then each occurring
  // pattern over the whole text. Slower; the reference the triggers are tested against.
  void ScanUnfiltered(std::string_view text, std::vector<Detection>& out) const;

 private:
  PatternSet();
  // Every match of pattern `index` over the whole text.
  void ScanOne(size_t index, std::string_view text, std::vector<Detection>& out) const;
  // The matches of pattern `index` starting at one of `starts` (sorted, unique; the low
  // 32 bits are the position), which holds every position where the pattern can match.
  void ScanAt(size_t index, std::string_view text, std::span<const uint64_t> starts,
              std::vector<Detection>& out) const;
  // Appends the detection for one match, if it passes the pattern's PostCheck.
  void Emit(const PatternSpec& spec, std::string_view text, const re2::StringPiece* groups,
            std::vector<Detection>& out) const;
  // Patterns in `indices` (sorted) that the set says occur in `text`; every one of them
  // if the set's DFA runs out of memory.
  void SetMatches(const RE2::Set& set, const std::vector<int>& indices, std::string_view text,
                  std::vector<int>& hits) const;

  // The group of a match [start, end) of pattern `index` by its GroupSplit, or an empty
  // piece when one of the parts does not confirm it.
  re2::StringPiece SplitGroup(size_t index, std::string_view text, size_t start,
                              size_t end) const;

  std::vector<PatternSpec> specs_;
  std::vector<std::unique_ptr<RE2>> regexes_;
  struct SplitRegexes {
    std::unique_ptr<RE2> prefix, group, suffix;
  };
  std::vector<SplitRegexes> splits_;  // by spec; null regexes without a split
  std::unique_ptr<RE2::Set> set_;          // every pattern (ScanUnfiltered, fallback)
  std::vector<int> all_;                   // 0..n-1
  std::unique_ptr<RE2::Set> untriggered_;  // the patterns without triggers, if any
  std::vector<int> untriggered_indices_;   // set index -> spec index
  std::unique_ptr<Prefilter> prefilter_;   // the triggers of the others, if any
};

}  // namespace docket::workflows::redact::internal
