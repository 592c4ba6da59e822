// Prefilter evaluates the triggers of a PatternSet's patterns (Trigger in pattern_set.h)
// in one pass over a text and says, for each pattern, at which positions it may match:
// a superset of the positions where the pattern's RE2, anchored there, matches. Keyword
// triggers share one trie walked from every ASCII word start. Built once from the specs;
// Collect is const and thread-safe (no state changes after construction).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/redact/internal/pattern_set.h"

namespace docket::workflows::redact::internal {

class Prefilter {
 public:
  // Pattern i's triggers are specs[i].triggers; patterns without triggers are ignored.
  explicit Prefilter(const std::vector<PatternSpec>& specs);

  // Fills `starts` with (pattern index << 32 | position), sorted and unique. Returns false
  // when the text cannot be prefiltered soundly and must be scanned unfiltered: it holds
  // U+017F (ſ) or U+212A (Kelvin sign), which RE2's case folding matches to the ASCII
  // letters 's' and 'k' of case-insensitive keywords, or it is 4 GiB or longer.
  [[nodiscard]] bool Collect(std::string_view text, std::vector<uint64_t>& starts) const;

  // True if pattern `index` has triggers (and so is never run over the whole text).
  bool Triggered(size_t index) const { return index < triggered_.size() && triggered_[index]; }

 private:
  struct Output {
    uint32_t trigger = 0;  // index into triggers_
    uint32_t keyword = 0;  // index into that trigger's keywords
    bool exact = false;    // no ASCII word byte may follow
  };
  struct Entry {
    uint32_t pattern = 0;
    const Trigger* trigger = nullptr;
  };
  class Collector;

  void AddKeyword(uint32_t trigger, uint32_t keyword, std::string_view text);
  int32_t Next(int32_t node, int cls) const {
    return next_[static_cast<size_t>(node) * static_cast<size_t>(classes_) + static_cast<size_t>(cls)];
  }

  std::vector<PatternSpec> specs_;  // a copy: entries point into it
  std::vector<Entry> triggers_;
  std::vector<bool> triggered_;
  uint8_t byte_class_[256] = {};  // folded byte -> trie edge; 0 = no keyword uses it
  int classes_ = 1;
  // The keyword trie: next_[node * classes_ + class] is the child (0 = none: the root is
  // nobody's child); outputs_[output_begin_[node], output_begin_[node + 1]) the keywords
  // ending at the node.
  std::vector<int32_t> next_;
  std::vector<uint32_t> output_begin_;
  std::vector<Output> outputs_;
  std::vector<std::vector<Output>> node_outputs_;  // while building
  // Bit (first byte << 8 | second byte) is set if some keyword can start with those two
  // text bytes: most word starts are ruled out before the trie is walked.
  std::vector<uint64_t> bigrams_ = std::vector<uint64_t>(1024, 0);
  // Per byte: what the scan loop needs to know (kWordByte, kDigitByte, ... in the .cc).
  uint8_t byte_flags_[256] = {};
  // Triggers of the special kinds, by kind.
  std::vector<uint32_t> literal_, street_en_, street_fr_, german_street_, uk_postcode_,
      clock_line_, display_name_;
};

}  // namespace docket::workflows::redact::internal
