// The text shapes of the held-out PII set. Each Compose* appends one whole record to the
// composer, drawing every choice from `rng`: live-chat transcripts, app-store reviews,
// lower-case survey answers and mixed-language messages (heldout_shapes_messages.cc);
// web-form submissions, CSV export rows, markdown bug reports with logs and forwarded
// emails (heldout_shapes_documents.cc). Thread-compatible.
#pragma once

#include <span>
#include <string_view>

#include "tests/golden/redaction/heldout_compose.h"
#include "tests/golden/redaction/heldout_phrases.h"

namespace docket::golden::redaction {

// A line about an entity type drawn evenly from the types `lines` covers, phones twice
// as often; SSN and routing lines only for US customers, three times as often there.
std::string_view PickTypedLine(SampleRandom& rng, std::span<const TypedLine> lines,
                               std::string_view region);

void ComposeChat(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c);
void ComposeStoreReview(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c);
void ComposeSurvey(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c);
// Lines alternate between `pack` and `second` (another language), one message.
void ComposeMixedLanguage(SampleRandom& rng, const HeldoutPack& pack, const HeldoutPack& second,
                          HeldoutComposer& c);

void ComposeWebForm(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c);
void ComposeCsvExport(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c);
void ComposeBugReport(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c);
void ComposeForwardedEmail(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c);

}  // namespace docket::golden::redaction
