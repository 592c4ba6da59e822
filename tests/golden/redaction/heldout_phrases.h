// Phrase tables of the HELD-OUT PII evaluation set (pii_heldout.jsonl), one pack per
// language. Written independently of eval_phrases_*.cc (the set the scanner was tuned
// on) and for other text shapes: live-chat lines, app-store reviews, web-form fields,
// CSV export rows, markdown bug reports, lower-case survey answers, forwarded emails and
// mixed-language messages. Lines are templates with {SLOT}s that heldout_compose fills
// (PII slots become gold spans, negative slots plain text; see heldout_compose.h).
// Static constant data; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "tests/golden/redaction/eval_phrases.h"
#include "workflows/redact/entity.h"

namespace docket::golden::redaction {

// A line that plants one entity type (a PiiSentence in the held-out tables).
using TypedLine = PiiSentence;

// Field and header labels of forms and mail headers, in the pack's language.
struct FormLabels {
  std::string_view name, email, phone, street, postcode, city, birth_date, order, customer, message,
      subject, from, to, date;
};

struct HeldoutPack {
  std::string_view lang;
  std::span<const std::string_view> regions;
  // Live chat: the agent's first line (with {AGENT}), questions and the closing line;
  // the customer's issue lines (negatives only), PII lines and thanks.
  std::span<const std::string_view> agent_openers;
  std::span<const std::string_view> agent_questions;
  std::span<const std::string_view> agent_closers;
  std::span<const std::string_view> issues;
  std::span<const TypedLine> pii_lines;
  std::span<const std::string_view> thanks;
  // App-store reviews: a title and body lines (emoji, negatives), a developer reply.
  std::span<const std::string_view> review_titles;
  std::span<const std::string_view> review_lines;
  std::span<const std::string_view> developer_replies;
  // Survey answers: lower case, no punctuation.
  std::span<const std::string_view> survey_issues;
  std::span<const TypedLine> survey_pii;
  // Forwarded mail: the note above the forward marker, the marker line.
  std::span<const std::string_view> forward_notes;
  std::string_view forward_marker;
  // Bug reports: issue titles and reproduction steps.
  std::span<const std::string_view> bug_titles;
  std::span<const std::string_view> bug_steps;
  std::string_view steps_heading, logs_heading;
  FormLabels labels;
  std::span<const NamePart> first_names;
  std::span<const NamePart> last_names;
};

const HeldoutPack& HeldoutEnglishPack();
const HeldoutPack& HeldoutGermanPack();
const HeldoutPack& HeldoutFrenchPack();
const HeldoutPack& HeldoutSpanishPack();

}  // namespace docket::golden::redaction
