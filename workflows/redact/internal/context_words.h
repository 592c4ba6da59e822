// Context around a candidate span: the whole words (lower-cased ASCII, other bytes
// kept) and currency/number symbols a few dozen bytes either side, and the score
// adjustments they imply per entity type ("phone" raises a phone number, "version",
// "SKU", "$" lower it). Plain value built per candidate; thread-compatible.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/redact/entity.h"

namespace docket::workflows::redact::internal {

class ContextWindow {
 public:
  ContextWindow(std::string_view text, size_t start, size_t end, size_t before = 40,
                size_t after = 24);

  // True if one of `words` (lower case; a phrase is words separated by one space)
  // occurs whole before / after / on either side of the span.
  bool Before(std::initializer_list<std::string_view> words) const;
  bool After(std::initializer_list<std::string_view> words) const;
  bool Around(std::initializer_list<std::string_view> words) const {
    return Before(words) || After(words);
  }

 private:
  static bool Contains(const std::vector<std::string>& tokens,
                       std::initializer_list<std::string_view> words);
  std::vector<std::string> before_;
  std::vector<std::string> after_;
};

// `score` raised (+0.15) by words that make `type` likely and lowered (-0.4) by words
// that make it unlikely ("version", "build", "error", "code", "sku", "price", "$",
// "€", ...), clamped to [0, 1].
double AdjustScore(EntityType type, const ContextWindow& context, double score);

}  // namespace docket::workflows::redact::internal
