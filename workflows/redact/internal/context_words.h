// Context around a candidate span: the whole words (lower-cased ASCII, other bytes
// kept) and currency/number symbols a few dozen bytes either side, and the score
// adjustments they imply per entity type ("phone" raises a phone number, "version",
// "SKU", "$" lower it). Plain value built per candidate without heap allocation for
// the default window sizes: tokens are views into the scanned text, compared
// case-insensitively. Borrows the text, which must outlive it; thread-compatible.
#pragma once

#include <cstddef>
#include <initializer_list>
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
  // The words and symbols of one side, as views into the text (original case: words
  // are compared ASCII-case-insensitively). Inline for windows up to kInline bytes,
  // which holds the defaults: a window of n bytes has at most n tokens.
  class Tokens {
   public:
    void Assign(std::string_view text);
    size_t size() const { return size_; }
    std::string_view operator[](size_t i) const { return heap_.empty() ? inline_[i] : heap_[i]; }

   private:
    static constexpr size_t kInline = 48;
    std::string_view inline_[kInline];
    std::vector<std::string_view> heap_;
    size_t size_ = 0;
  };

  static bool Contains(const Tokens& tokens, std::initializer_list<std::string_view> words);
  Tokens before_;
  Tokens after_;
};

// `score` raised (+0.15) by words that make `type` likely and lowered (-0.4) by words
// that make it unlikely ("version", "build", "error", "code", "sku", "price", "$",
// "€", ...), clamped to [0, 1].
double AdjustScore(EntityType type, const ContextWindow& context, double score);

}  // namespace docket::workflows::redact::internal
