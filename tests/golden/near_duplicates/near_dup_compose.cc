// BuildNearDuplicateSet: families of groups of texts, composed from the phrase tables
// with one SampleRandom stream per language; see near_dup_set.h.
#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tests/golden/near_duplicates/near_dup_phrases.h"
#include "tests/golden/near_duplicates/near_dup_set.h"
#include "workflows/sample/sample_random.h"

namespace docket::golden::near_duplicates {
namespace {

using workflows::sample::SampleRandom;

constexpr int kFamiliesPerLanguage = 180;

// How redaction placeholders of one text are spelled: "<EMAIL_2>" or "<EMAIL:9f3a...>".
struct PlaceholderStyle {
  int number = 1;
  bool keyed = false;
  uint64_t key = 0;
  bool operator==(const PlaceholderStyle&) const = default;
};

// A text before rendering: wrappers around body sentences.
struct Draft {
  std::string greeting;
  std::vector<std::string> body;
  std::string signoff;
  std::string signature;
  PlaceholderStyle style;
};

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

std::string Placeholder(std::string_view type, const PlaceholderStyle& style) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "<" + std::string(type);
  if (style.keyed) {
    out += ':';
    for (int i = 0; i < 12; ++i) out += kHex[(style.key >> (4 * i)) & 0xF];
  } else {
    out += "_" + std::to_string(style.number);
  }
  return out + ">";
}

std::string Render(const Draft& d) {
  std::string body;
  for (const std::string& s : d.body) body += (body.empty() ? "" : " ") + s;
  std::string out = d.greeting.empty() ? body : d.greeting + "\n" + body;
  if (!d.signoff.empty()) out += "\n" + d.signoff;
  if (!d.signature.empty()) out += "\n\n" + d.signature;
  out = Replace(out, "{name}", Placeholder("PERSON_NAME", d.style));
  out = Replace(out, "{order}", Placeholder("ORDER_ID", d.style));
  return Replace(out, "{email}", Placeholder("EMAIL", d.style));
}

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string MainSentence(std::string_view frame, std::string_view clause,
                         std::string_view context) {
  std::string p(clause);
  if (frame.starts_with("{p}")) p = Capitalized(p);
  return Replace(Replace(std::string(frame), "{p}", p), "{c}", context);
}

// One writer's own sentence: a personal frame with a use, a time and an outcome.
std::string PersonalSentence(const LanguagePhrases& l, SampleRandom& rng) {
  std::string s(rng.Pick(l.personal_frames));
  const std::string time(rng.Pick(l.times));
  s = Replace(s, "{W}", Capitalized(time));
  s = Replace(s, "{w}", time);
  s = Replace(s, "{u}", rng.Pick(l.uses));
  return Replace(s, "{o}", rng.Pick(l.outcomes));
}

PlaceholderStyle RandomStyle(SampleRandom& rng) {
  return {.number = rng.Between(1, 4), .keyed = rng.PerMille(500), .key = rng.Bits()};
}

void RollWrappers(const LanguagePhrases& l, SampleRandom& rng, Draft& d) {
  d.greeting = rng.PerMille(250) ? std::string(rng.Pick(l.greetings)) : "";
  d.signoff = rng.PerMille(300) ? std::string(rng.Pick(l.signoffs)) : "";
  d.signature = rng.PerMille(200) ? std::string(rng.Pick(l.signatures)) : "";
}

// Code points of a UTF-8 string (the generator only writes valid UTF-8).
std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool IsLetter(const std::string& cp) {
  const unsigned char c = static_cast<unsigned char>(cp[0]);
  return cp.size() > 1 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// One character edit (drop, double, transpose, substitute) inside a word of >= 4 letters.
bool Typo(SampleRandom& rng, Draft& d) {
  std::string& sentence = d.body[rng.Below(d.body.size())];
  std::vector<std::string> cps = CodePoints(sentence);
  std::vector<size_t> starts;  // first code point of each word of >= 4 letters
  for (size_t i = 0; i < cps.size();) {
    size_t j = i;
    while (j < cps.size() && IsLetter(cps[j])) ++j;
    if (j - i >= 4) starts.push_back(i);
    i = j == i ? i + 1 : j;
  }
  if (starts.empty()) return false;
  const size_t at = rng.Pick(starts) + 1 + rng.Below(2);  // never the first letter
  switch (rng.Below(4)) {
    case 0:
      cps.erase(cps.begin() + static_cast<long>(at));
      break;
    case 1:
      cps.insert(cps.begin() + static_cast<long>(at), cps[at]);
      break;
    case 2:
      std::swap(cps[at], cps[at + 1]);
      break;
    default:
      cps[at] = std::string(1, static_cast<char>('a' + rng.Below(26)));
      break;
  }
  sentence.clear();
  for (const std::string& cp : cps) sentence += cp;
  return true;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80) != 0 || c == '\'';
}

// Replaces one phrase of the synonym table (either side, whole words) by the other side.
bool Synonym(const LanguagePhrases& l, SampleRandom& rng, Draft& d) {
  struct Site {
    size_t sentence, at, length;
    std::string_view to;
  };
  std::vector<Site> sites;
  for (size_t s = 0; s < d.body.size(); ++s) {
    const std::string& text = d.body[s];
    for (const auto& [a, b] : l.synonyms) {
      for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
        for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1)) {
          const size_t end = at + from.size();
          if ((at == 0 || !IsWordByte(text[at - 1])) &&
              (end == text.size() || !IsWordByte(text[end]))) {
            sites.push_back({s, at, from.size(), to});
          }
        }
      }
    }
  }
  if (sites.empty()) return false;
  const Site& site = rng.Pick(sites);
  d.body[site.sentence].replace(site.at, site.length, site.to);
  return true;
}

// Swaps two sentences, or two neighbouring words of a one-sentence body.
bool Reorder(SampleRandom& rng, Draft& d) {
  if (d.body.size() >= 2) {
    const size_t a = rng.Below(d.body.size() - 1);
    std::swap(d.body[a], d.body[a + 1]);
    return true;
  }
  std::string& s = d.body[0];
  std::vector<size_t> spaces;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') spaces.push_back(i);
  }
  if (spaces.size() < 3) return false;
  const size_t k = 1 + rng.Below(spaces.size() - 2);  // words k and k+1, not the first
  const size_t begin = spaces[k - 1] + 1;
  const std::string first = s.substr(begin, spaces[k] - begin);
  const size_t second_end = k + 1 < spaces.size() ? spaces[k + 1] : s.size();
  const std::string second = s.substr(spaces[k] + 1, second_end - spaces[k] - 1);
  s.replace(begin, second_end - begin, second + " " + first);
  return true;
}

bool Restyle(SampleRandom& rng, Draft& d) {
  bool has_slot = !d.signoff.empty();
  for (const std::string& s : d.body) has_slot = has_slot || s.find('{') != std::string::npos;
  if (!has_slot) return false;
  PlaceholderStyle next = RandomStyle(rng);
  while (next == d.style) next = RandomStyle(rng);
  d.style = next;
  return true;
}

void CaseAndPunctuation(SampleRandom& rng, Draft& d) {
  std::string& s = d.body[rng.Below(d.body.size())];
  switch (rng.Below(3)) {
    case 0:
      for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      break;
    case 1:
      while (!s.empty() && (s.back() == '.' || s.back() == '!')) s.pop_back();
      s += rng.PerMille(500) ? "!!!" : " ...";
      break;
    default:
      s = Replace(s, ", ", " , ");
      s += " ";
      break;
  }
}

// Applies 1-3 edits to a copy of `base`; returns the edit names joined by '+'.
std::string MakeVariant(const LanguagePhrases& l, SampleRandom& rng, const Draft& base,
                        Draft& out) {
  static constexpr std::array<std::string_view, 6> kEdits = {"typo",  "synonym",     "reorder",
                                                             "noise", "placeholder", "case"};
  static constexpr std::array<int, 6> kWeights = {30, 25, 15, 30, 10, 10};
  out = base;
  std::string names;
  const int edits = rng.Between(1, 3);
  for (int e = 0; e < edits; ++e) {
    const size_t edit = rng.Weighted(kWeights);
    bool done = true;
    switch (edit) {
      case 0:
        done = Typo(rng, out);
        break;
      case 1:
        done = Synonym(l, rng, out);
        break;
      case 2:
        done = Reorder(rng, out);
        break;
      case 3: {
        const Draft before = out;
        while (out.greeting == before.greeting && out.signoff == before.signoff &&
               out.signature == before.signature) {
          RollWrappers(l, rng, out);
        }
        break;
      }
      case 4:
        done = Restyle(rng, out);
        break;
      default:
        CaseAndPunctuation(rng, out);
        break;
    }
    if (done) names += (names.empty() ? "" : "+") + std::string(kEdits[edit]);
  }
  if (names.empty()) {
    CaseAndPunctuation(rng, out);
    names = "case";
  }
  return names;
}

std::string Padded(uint64_t n, int width) {
  std::string s = std::to_string(n);
  return std::string(static_cast<size_t>(std::max(0, width - static_cast<int>(s.size()))), '0') + s;
}

void AddLanguage(const LanguagePhrases& l, uint64_t stream, std::vector<LabelledText>& out) {
  SampleRandom rng(kNearDupSeed, stream);
  std::set<std::string> bases;
  uint64_t group_number = 0;
  for (int f = 1; f <= kFamiliesPerLanguage; ++f) {
    const std::string family = std::string(l.lang) + "-f" + Padded(f, 4);
    const std::string_view frame = rng.Pick(l.frames);
    const std::string_view context = rng.Pick(l.contexts);
    const std::string personal = PersonalSentence(l, rng);
    const bool generic = rng.PerMille(500);
    const std::string generic_detail(rng.Pick(l.generic_details));
    static constexpr std::array<int, 3> kGroupsPerFamily = {40, 35, 25};
    const size_t groups = 1 + rng.Weighted(kGroupsPerFamily);
    std::vector<size_t> problems;
    while (problems.size() < groups) {
      const size_t p = rng.Below(l.problems.size());
      if (std::find(problems.begin(), problems.end(), p) == problems.end()) problems.push_back(p);
    }
    for (size_t p : problems) {
      Draft base;
      base.body.push_back(MainSentence(frame, l.problems[p].clause, context));
      if (rng.PerMille(800)) base.body.emplace_back(rng.Pick(l.problems[p].details));
      base.body.push_back(personal);
      if (generic) base.body.push_back(generic_detail);
      if (!bases.insert(Render(base)).second) continue;  // the same original twice
      RollWrappers(l, rng, base);
      base.style = RandomStyle(rng);
      const std::string group = std::string(l.lang) + "-g" + Padded(++group_number, 4);
      out.push_back({"", std::string(l.lang), family, group, "original", Render(base)});
      static constexpr std::array<int, 5> kVariants = {30, 25, 20, 15, 10};
      const size_t variants = rng.Weighted(kVariants);
      for (size_t v = 0; v < variants; ++v) {
        Draft variant;
        const std::string names = MakeVariant(l, rng, base, variant);
        out.push_back({"", std::string(l.lang), family, group, names, Render(variant)});
      }
    }
  }
}

}  // namespace

std::vector<LabelledText> BuildNearDuplicateSet() {
  std::vector<LabelledText> texts;
  AddLanguage(EnglishPhrases(), 1, texts);
  AddLanguage(GermanPhrases(), 2, texts);
  AddLanguage(FrenchPhrases(), 3, texts);
  AddLanguage(SpanishPhrases(), 4, texts);
  // Duplicates arrive scattered through a real export, not next to each other.
  SampleRandom rng(kNearDupSeed, 99);
  for (size_t i = texts.size(); i > 1; --i) std::swap(texts[i - 1], texts[rng.Below(i)]);
  for (size_t i = 0; i < texts.size(); ++i) texts[i].id = "nd-" + Padded(i + 1, 5);
  return texts;
}

}  // namespace docket::golden::near_duplicates
