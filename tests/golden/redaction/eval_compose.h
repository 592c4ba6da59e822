// RecordComposer builds one evaluation text: it appends plain text and expands phrase
// templates, turning PII slots into annotated spans (byte offsets into the UTF-8 text)
// and negative slots into plain text, and counts what it planted. The customer and the
// support agent are fixed per record, so a signature matches the email above it.
// Not thread-safe; one composer per record.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tests/golden/redaction/eval_phrases.h"
#include "tests/golden/redaction/pii_eval_set.h"
#include "tests/golden/redaction/pii_values.h"

namespace docket::golden::redaction {

class RecordComposer {
 public:
  RecordComposer(SampleRandom& rng, const LanguagePack& pack, std::string region);

  void Plain(std::string_view text) { text_ += text; }
  // Appends `pattern` with every {SLOT} filled. An unknown slot is a bug in the phrase
  // tables and aborts the generator (DOCKET_CHECK).
  void Expand(std::string_view pattern);

  const std::string& text() const { return text_; }
  const std::string& region() const { return region_; }
  std::vector<GoldSpan> TakeSpans() { return std::move(spans_); }
  // Tricky negatives planted, by slot name ("VERSION", "BADCARD", ...).
  const std::map<std::string, int>& negatives() const { return negatives_; }

 private:
  void Span(EntityType type, std::string_view value);
  void Negative(std::string_view slot, std::string_view value);
  bool FillPii(std::string_view slot);
  bool FillNegative(std::string_view slot);

  SampleRandom& rng_;
  const LanguagePack& pack_;
  std::string region_;
  Person customer_;
  Person agent_;
  std::string email_;
  std::string text_;
  std::vector<GoldSpan> spans_;
  std::map<std::string, int> negatives_;
};

}  // namespace docket::golden::redaction
