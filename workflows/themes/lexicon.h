// Lexicon: a versioned, per-product map from synonyms to canonical terms, so that words
// a product's customers use interchangeably ("payment", "card", "declined", "billing")
// count as one term ("checkout") when texts are weighted and clustered. Loaded from a
// YAML file:
//
//   version: 1
//   terms:
//     checkout: [payment, card, declined, billing]
//     login: [log-in, signin, password]
//
// Every synonym and canonical term is normalized with Tokenize (case-folded) and must be
// exactly one token; a synonym may map to one canonical term only. Immutable after
// parsing; safe to share between threads.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace docket::workflows::themes {

inline constexpr size_t kMaxLexiconFileBytes = 4 << 20;

class Lexicon {
 public:
  Lexicon() = default;  // maps nothing

  // The canonical term of `token` (a Tokenize token), or `token` itself.
  std::string_view Canonical(std::string_view token) const;

  // Replaces every token that has a canonical term by that term, in place.
  void Apply(std::vector<std::string>& tokens) const;

  // Number of synonyms (canonical terms map to themselves and are not counted).
  size_t size() const { return canonical_.size(); }
  bool empty() const { return canonical_.empty(); }

  // Canonical bytes of the mapping (sorted), for config digests.
  std::string CanonicalBytes() const;

 private:
  friend class LexiconReader;
  std::map<std::string, std::string, std::less<>> canonical_;  // synonym -> canonical
};

// Parses a lexicon file. Errors: kInvalidArgument listing every problem as
// file:line:col (not a map, missing or unsupported version, a term that is not one
// token, a synonym claimed by two terms, a file over kMaxLexiconFileBytes).
[[nodiscard]] StatusOr<Lexicon> ParseLexicon(std::string_view path, std::string_view bytes);

}  // namespace docket::workflows::themes
