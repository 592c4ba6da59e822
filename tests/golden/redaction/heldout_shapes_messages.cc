// Conversational shapes of the held-out set: live-chat transcripts, app-store reviews,
// lower-case survey answers and mixed-language messages.
#include <array>
#include <string>
#include <vector>

#include "tests/golden/redaction/heldout_shapes.h"

namespace docket::golden::redaction {
namespace {

using enum EntityType;

// How a chat export labels its speakers.
enum class ChatStyle { kRoles, kNamesAndTimes, kWidget };

// One chat transcript being written: the label style and the clock, which only moves
// forward.
struct Chat {
  SampleRandom& rng;
  HeldoutComposer& c;
  ChatStyle style;
  int minute_of_day;

  void Say(bool agent, std::string_view pattern) {
    switch (style) {
      case ChatStyle::kRoles:
        c.Plain(agent ? "Agent: " : "Customer: ");
        break;
      case ChatStyle::kNamesAndTimes:
        minute_of_day += rng.Between(0, 3);
        c.Plain("[" + std::to_string(minute_of_day / 60 % 24) + ":" +
                (minute_of_day % 60 < 10 ? "0" : "") + std::to_string(minute_of_day % 60) + "] ");
        c.Expand(agent ? "{AGENT}: " : "{FIRST}: ");
        break;
      case ChatStyle::kWidget:
        c.Plain(agent ? "Acme Support: " : "You: ");
        break;
    }
    c.Expand(pattern);
  }
};

std::string_view MixOpener(std::string_view lang) {
  if (lang == "de") return "Hallo, sorry for my English.";
  if (lang == "fr") return "Bonjour, sorry for my English.";
  if (lang == "es") return "Hola, sorry, my English is not good.";
  return "Hi, I live abroad so some of this is in the local language, sorry.";
}

}  // namespace

std::string_view PickTypedLine(SampleRandom& rng, std::span<const TypedLine> lines,
                               std::string_view region) {
  std::array<int, kEntityTypeCount> weights{};
  for (const TypedLine& l : lines) {
    const bool us_only = l.type == kUsSsn || l.type == kBankRouting;
    if (us_only && region != "US") continue;
    weights[static_cast<size_t>(l.type)] = us_only ? 3 : l.type == kPhone ? 2 : 1;
  }
  const auto type = static_cast<EntityType>(rng.Weighted(weights));
  std::vector<std::string_view> candidates;
  for (const TypedLine& l : lines) {
    if (l.type == type) candidates.push_back(l.text);
  }
  return rng.Pick(candidates);
}

void ComposeChat(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c) {
  const auto style = static_cast<ChatStyle>(rng.Weighted(std::array<int, 3>{45, 20, 35}));
  Chat chat{rng, c, style, rng.Between(8 * 60, 21 * 60)};
  chat.Say(true, rng.Pick(pack.agent_openers));
  c.Plain("\n");
  chat.Say(false, rng.Pick(pack.issues));
  const int pii = static_cast<int>(rng.Weighted(std::array<int, 4>{10, 40, 35, 15}));
  std::string_view previous;
  for (int i = 0; i < pii; ++i) {
    std::string_view line = PickTypedLine(rng, pack.pii_lines, c.region());
    if (line == previous) line = PickTypedLine(rng, pack.pii_lines, c.region());
    previous = line;
    c.Plain("\n");
    chat.Say(true, rng.Pick(pack.agent_questions));
    c.Plain("\n");
    chat.Say(false, line);
  }
  if (rng.PerMille(400)) {
    c.Plain("\n");
    chat.Say(false, rng.Pick(pack.issues));
  }
  c.Plain("\n");
  chat.Say(true, rng.Pick(pack.agent_closers));
  c.Plain("\n");
  chat.Say(false, rng.Pick(pack.thanks));
}

void ComposeStoreReview(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c) {
  const int stars = rng.Between(1, 5);
  if (rng.PerMille(600)) {
    for (int i = 0; i < 5; ++i) c.Plain(i < stars ? "★" : "☆");
  } else {
    c.Plain(std::to_string(stars) + "/5");
  }
  c.Plain("\n");
  c.Expand(rng.Pick(pack.review_titles));
  c.Plain("\n");
  // Consecutive entries from a random start: distinct lines.
  std::vector<std::string_view> lines;
  const int count = rng.Between(1, 3);
  const size_t first = rng.Below(pack.review_lines.size());
  for (int i = 0; i < count; ++i) {
    lines.push_back(pack.review_lines[(first + static_cast<size_t>(i)) % pack.review_lines.size()]);
  }
  if (rng.PerMille(450)) {
    const size_t at = rng.Below(lines.size() + 1);
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at),
                 PickTypedLine(rng, pack.pii_lines, c.region()));
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) c.Plain(" ");
    c.Expand(lines[i]);
  }
  if (rng.PerMille(400)) c.Expand("\nVersion {VERSION} · {DEVICE}");
  if (rng.PerMille(350)) {
    c.Plain("\n\nDeveloper Response\n");
    c.Expand(rng.Pick(pack.developer_replies));
  }
}

void ComposeSurvey(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c) {
  std::vector<std::string_view> parts;
  const int issues = rng.Between(1, 2);
  for (int i = 0; i < issues; ++i) parts.push_back(rng.Pick(pack.survey_issues));
  const int pii = static_cast<int>(rng.Weighted(std::array<int, 3>{30, 50, 20}));
  for (int i = 0; i < pii; ++i) {
    const size_t at = rng.Below(parts.size() + 1);
    parts.insert(parts.begin() + static_cast<std::ptrdiff_t>(at),
                 PickTypedLine(rng, pack.survey_pii, c.region()));
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) c.Plain(" ");
    c.Expand(parts[i]);
  }
}

void ComposeMixedLanguage(SampleRandom& rng, const HeldoutPack& pack, const HeldoutPack& second,
                          HeldoutComposer& c) {
  c.Plain(MixOpener(pack.lang));
  const int lines = rng.Between(2, 4);
  const bool primary_first = rng.PerMille(500);
  for (int i = 0; i < lines; ++i) {
    const HeldoutPack& from = (i % 2 == 0) == primary_first ? pack : second;
    const std::string_view line =
        rng.PerMille(600) ? PickTypedLine(rng, from.pii_lines, c.region()) : rng.Pick(from.issues);
    c.Plain(" ");
    c.Expand(line);
    if (line.back() != '?' && line.back() != '!' && line.back() != ')') c.Plain(".");
  }
  c.Plain(" ");
  c.Expand(rng.Pick(rng.PerMille(500) ? pack.thanks : second.thanks));
}

}  // namespace docket::golden::redaction
