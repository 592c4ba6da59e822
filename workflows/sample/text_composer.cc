// Composition of the sample texts from their parts, typos and accent decomposition.
#include "workflows/sample/text_composer.h"

#include <span>
#include <utility>
#include <vector>

#include "workflows/sample/text_slots.h"

namespace docket::workflows::sample {
namespace {

// Precomposed letter -> base letter + combining mark (U+0300 grave, U+0301 acute,
// U+0302 circumflex, U+0303 tilde, U+0308 diaeresis, U+0327 cedilla, U+3099 dakuten).
struct Decomposition {
  std::string_view composed;
  std::string_view decomposed;
};
constexpr Decomposition kDecompositions[] = {
    {"\u00e9", "e\u0301"},      {"\u00e8", "e\u0300"},      {"\u00ea", "e\u0302"},
    {"\u00e1", "a\u0301"},      {"\u00e0", "a\u0300"},      {"\u00e2", "a\u0302"},
    {"\u00e3", "a\u0303"},      {"\u00e7", "c\u0327"},      {"\u00ed", "i\u0301"},
    {"\u00f3", "o\u0301"},      {"\u00f4", "o\u0302"},      {"\u00f5", "o\u0303"},
    {"\u00fa", "u\u0301"},      {"\u00fc", "u\u0308"},      {"\u00f6", "o\u0308"},
    {"\u00e4", "a\u0308"},      {"\u00f1", "n\u0303"},      {"\u00c9", "E\u0301"},
    {"\u00c4", "A\u0308"},      {"\u00d6", "O\u0308"},      {"\u00dc", "U\u0308"},
    {"\u304c", "\u304b\u3099"}, {"\u3067", "\u3066\u3099"},
};

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Words a typo may hit: [begin, end) runs of lower-case ASCII letters, at least four
// long, standing between spaces or sentence punctuation (so not inside an email,
// a URL or an id).
std::vector<std::pair<size_t, size_t>> TypoableWords(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> words;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsLower(text[pos]) || (pos > 0 && text[pos - 1] != ' ')) {
      ++pos;
      continue;
    }
    size_t end = pos;
    while (end < text.size() && IsLower(text[end])) ++end;
    const bool ends_clean = end == text.size() || text[end] == ' ' ||
                            (std::string_view(",!?;:.").find(text[end]) != std::string_view::npos &&
                             (end + 1 == text.size() || text[end + 1] == ' '));
    if (end - pos >= 4 && ends_clean) words.emplace_back(pos, end);
    pos = end;
  }
  return words;
}

bool SharesFact(std::string_view a, std::string_view b) {
  for (std::string_view slot : {"{device}", "{version}"}) {
    if (a.find(slot) != std::string_view::npos && b.find(slot) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Those of `candidates` that do not repeat the device or version `mentioned` already
// names; all of them if none is left.
std::vector<std::string_view> Fresh(std::span<const std::string_view> candidates,
                                    std::string_view mentioned) {
  std::vector<std::string_view> fresh;
  for (std::string_view c : candidates) {
    if (!SharesFact(c, mentioned)) fresh.push_back(c);
  }
  if (fresh.empty()) fresh.assign(candidates.begin(), candidates.end());
  return fresh;
}

// Details for the draft's area (or any area) and tone.
std::vector<std::string_view> DetailsFor(const LanguageParts& parts, const Draft& draft) {
  std::vector<std::string_view> out;
  for (const DetailSentence& d : parts.details) {
    if (d.tone == draft.tone && (d.area.empty() || d.area == draft.area)) out.push_back(d.text);
  }
  return out;
}

std::string_view Closer(SampleRandom& rng, const LanguageDecor& decor, Tone tone) {
  switch (tone) {
    case Tone::kProblem:
      return rng.Pick(decor.problem_closers);
    case Tone::kMixed:
      return rng.Pick(decor.mixed_closers);
    case Tone::kPraise:
      return rng.Pick(decor.praise_closers);
  }
  return "";
}

// The sentence templates of one text besides its wording; empty where a part is left out.
struct PartTemplates {
  std::string_view opener, context, detail, consequence, closer;
};

PartTemplates ChooseParts(SampleRandom& rng, const Draft& draft, const TextShape& shape) {
  const LanguageDecor& decor = DecorFor(draft.locale->language);
  const LanguageParts& parts = PartsFor(draft.locale->language);
  const bool problem = draft.tone == Tone::kProblem;
  // Which parts appear is drawn first, in a fixed order, so each part's chance is
  // independent of the others.
  const bool opener = problem && rng.PerMille(shape.opener);
  bool context = rng.PerMille(shape.context);
  bool detail = rng.PerMille(shape.detail);
  const bool consequence = problem && rng.PerMille(shape.consequence);
  if (!context && !detail && !consequence && !rng.PerMille(shape.bare)) {
    (rng.PerMille(500) ? context : detail) = true;
  }
  // Sentences around the wording do not repeat the device or version it names.
  PartTemplates t;
  std::string mentioned(draft.phrase->body);
  if (opener) t.opener = rng.Pick(Fresh(decor.problem_openers, mentioned));
  mentioned += t.opener;
  if (context) {
    t.context =
        rng.Pick(Fresh(problem ? parts.problem_contexts : parts.praise_contexts, mentioned));
  }
  mentioned += t.context;
  if (detail) t.detail = rng.Pick(Fresh(DetailsFor(parts, draft), mentioned));
  if (consequence) t.consequence = rng.Pick(parts.consequences);
  if (rng.PerMille(shape.closer)) t.closer = Closer(rng, decor, draft.tone);
  return t;
}

}  // namespace

std::string DecomposeAccents(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    bool replaced = false;
    for (const Decomposition& d : kDecompositions) {
      if (text.substr(pos, d.composed.size()) == d.composed) {
        out.append(d.decomposed);
        pos += d.composed.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out.push_back(text[pos++]);
  }
  return out;
}

bool HasDecomposableLetter(std::string_view text) {
  for (const Decomposition& d : kDecompositions) {
    if (text.find(d.composed) != std::string_view::npos) return true;
  }
  return false;
}

FeedbackText ComposeFeedback(SampleRandom& rng, const Draft& draft, const TextShape& shape,
                             std::string_view device) {
  const SampleLocale& locale = *draft.locale;
  const SlotContext slots = DrawSlotContext(rng, locale, draft.version, device);
  FeedbackText out;
  if (draft.tone == Tone::kPraise && rng.PerMille(shape.short_praise)) {
    out.text = rng.Pick(PartsFor(locale.language).short_praise);
    MaybeTypo(rng, out.text, shape.typo);
    return out;
  }
  const PartTemplates parts = ChooseParts(rng, draft, shape);
  const std::string opener = FillSlots(rng, parts.opener, slots);
  const std::string context = FillSlots(rng, parts.context, slots);
  std::string wording = FillSlots(rng, draft.phrase->body, slots, &out.has_pii);
  MaybeTypo(rng, wording, shape.typo);  // typed in a hurry, not in the sentences around
  const std::string detail = FillSlots(rng, parts.detail, slots, &out.has_pii);
  const std::string consequence = FillSlots(rng, parts.consequence, slots);
  const std::string closer = FillSlots(rng, parts.closer, slots);
  std::string pii;
  if (rng.PerMille(shape.pii)) {
    pii = PiiSentence(rng, locale);
    out.has_pii = true;
  }
  const std::string_view separator = locale.language == Language::kJa ? "" : " ";
  out.text = JoinNonEmpty({opener, context, wording, detail, consequence, closer, pii}, separator);
  return out;
}

bool MaybeDecompose(SampleRandom& rng, std::string& text, int per_mille) {
  if (!HasDecomposableLetter(text) || !rng.PerMille(per_mille)) return false;
  text = DecomposeAccents(text);
  return true;
}

bool MaybeTypo(SampleRandom& rng, std::string& text, int per_mille) {
  if (!rng.PerMille(per_mille)) return false;
  const std::vector<std::pair<size_t, size_t>> words = TypoableWords(text);
  if (words.empty()) return false;
  const auto [begin, end] = rng.Pick(words);
  const size_t at = begin + 1 + rng.Below(end - begin - 2);  // inside, with a right neighbour
  switch (rng.Below(3)) {
    case 0:
      std::swap(text[at], text[at + 1]);
      break;
    case 1:
      text.erase(at, 1);
      break;
    default:
      text.insert(at, 1, text[at]);
  }
  return true;
}

std::string JoinNonEmpty(std::initializer_list<std::string_view> parts,
                         std::string_view separator) {
  std::string out;
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out.append(separator);
    out.append(part);
  }
  return out;
}

}  // namespace docket::workflows::sample
