// Phrase tables of the PII evaluation generator, one pack per language. Sentences are
// templates with {SLOT}s that eval_compose fills: PII slots ({EMAIL}, {PHONE}, {NAME},
// ...) become annotated spans, negative slots ({VERSION}, {PRICE}, {BADCARD}, ...)
// become plain text. Static constant data; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "workflows/redact/entity.h"

namespace docket::golden::redaction {

struct PiiSentence {
  workflows::redact::EntityType type;  // the entity the sentence is about
  std::string_view text;
};

struct NamePart {
  std::string_view written;  // "Jürgen"
  std::string_view ascii;    // "juergen", for email local parts
};

struct LanguagePack {
  std::string_view lang;
  std::span<const std::string_view> regions;  // "US", "GB" for English; one otherwise
  std::span<const std::string_view> complaints;
  std::span<const std::string_view> praise;
  std::span<const std::string_view> negatives;  // sentences made of tricky negatives
  std::span<const PiiSentence> pii;
  std::span<const std::string_view> subjects;       // ticket subject lines
  std::span<const std::string_view> greetings;      // first line of a ticket
  std::span<const std::string_view> signoffs;       // last lines of a ticket
  std::span<const std::string_view> quote_headers;  // "On {DATE}, {NAME} <{EMAIL}> wrote:"
  std::span<const std::string_view> followups;      // a reply above a quoted email
  std::span<const NamePart> first_names;
  std::span<const NamePart> last_names;
};

const LanguagePack& EnglishPack();
const LanguagePack& GermanPack();
const LanguagePack& FrenchPack();
const LanguagePack& SpanishPack();

}  // namespace docket::golden::redaction
