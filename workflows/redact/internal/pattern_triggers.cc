// Prefilter; see pattern_triggers.h. Every rule below is a necessary condition read off
// the pattern it serves (pattern_set_defaults.cc): where the regex's first bytes can
// sit and what must surround them. RE2 still decides every match, anchored at the
// proposed start, so a loose rule costs time and a strict one would lose matches; the
// tests compare the prefiltered scan with the unfiltered one on the corpora.
#include "workflows/redact/internal/pattern_triggers.h"

#include <algorithm>
#include <cstring>

namespace docket::workflows::redact::internal {
namespace {

// RE2's \b and \w are ASCII: [0-9A-Za-z_].
constexpr bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
constexpr bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool IsUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsBlank(unsigned char c) { return c == ' ' || c == '\t'; }
constexpr unsigned char Fold(unsigned char c) { return IsUpper(c) ? c - 'A' + 'a' : c; }

// Prefilter::byte_flags_.
constexpr uint8_t kWordByte = 1;
constexpr uint8_t kDigitByte = 2;
constexpr uint8_t kUpperByte = 4;
constexpr uint8_t kKeywordByte = 8;     // some keyword starts with it (folded)
constexpr uint8_t kFoldHazardLead = 16;  // may start U+017F or U+212A

unsigned char At(std::string_view text, size_t i) { return static_cast<unsigned char>(text[i]); }

size_t SkipBlanks(std::string_view text, size_t i) {
  while (i < text.size() && IsBlank(At(text, i))) ++i;
  return i;
}

size_t SkipBlanksBack(std::string_view text, size_t i) {
  while (i > 0 && IsBlank(At(text, i - 1))) --i;
  return i;
}

// The end of `keyword` (case-sensitive, ' ' = [ \t]+, without a trailing '$') at `pos`,
// or npos.
size_t KeywordEndExact(std::string_view text, size_t pos, std::string_view keyword) {
  for (char k : keyword) {
    if (k == ' ') {
      if (pos >= text.size() || !IsBlank(At(text, pos))) return std::string_view::npos;
      pos = SkipBlanks(text, pos);
    } else {
      if (pos >= text.size() || text[pos] != k) return std::string_view::npos;
      ++pos;
    }
  }
  return pos;
}

bool StartsWith(std::string_view text, size_t pos, std::string_view literal) {
  return text.substr(pos).starts_with(literal);
}

}  // namespace

// Gathers the starts of one Collect call.
class Prefilter::Collector {
 public:
  Collector(const Prefilter& prefilter, std::string_view text, std::vector<uint64_t>& starts)
      : p_(prefilter), text_(text), starts_(starts) {}

  void Add(uint32_t trigger, size_t pos) {
    starts_.push_back(uint64_t{p_.triggers_[trigger].pattern} << 32 | pos);
  }

  // The keywords starting at the ASCII word start `w`.
  void WalkKeywords(size_t w) {
    if (w + 1 < text_.size()) {
      const size_t bigram = size_t{At(text_, w)} << 8 | At(text_, w + 1);
      if (!(p_.bigrams_[bigram >> 6] >> (bigram & 63) & 1)) return;
    }
    int32_t node = 0;
    size_t j = w;
    while (j < text_.size()) {
      const unsigned char c = At(text_, j);
      const int cls = p_.byte_class_[c];
      if (cls == 0) return;
      node = p_.Next(node, cls);
      if (node == 0) return;
      j = IsBlank(c) ? SkipBlanks(text_, j) : j + 1;
      const uint32_t end = p_.output_begin_[static_cast<size_t>(node) + 1];
      for (uint32_t o = p_.output_begin_[static_cast<size_t>(node)]; o < end; ++o) {
        const Output& out = p_.outputs_[o];
        if (out.exact && j < text_.size() && IsWordByte(At(text_, j))) continue;
        const Trigger& trigger = *p_.triggers_[out.trigger].trigger;
        if (trigger.case_sensitive) {
          std::string_view keyword = trigger.keywords[out.keyword];
          if (keyword.ends_with('$')) keyword.remove_suffix(1);
          if (KeywordEndExact(text_, w, keyword) != j) continue;
        }
        FireKeyword(out.trigger, trigger.start, w);
      }
    }
  }

  void FireKeyword(uint32_t trigger, Trigger::Start start, size_t k) {
    switch (start) {
      case Trigger::Start::kAtKeyword:
        Add(trigger, k);
        return;
      case Trigger::Start::kAfterQueryMark:
        if (k > 0 && (text_[k - 1] == '?' || text_[k - 1] == '&' || text_[k - 1] == '#')) {
          Add(trigger, k - 1);
        }
        return;
      case Trigger::Start::kLineStart: {
        const size_t q = SkipBlanksBack(text_, k);
        if (q == 0 || text_[q - 1] == '\n') Add(trigger, q);
        return;
      }
      case Trigger::Start::kLineOrSentence: {
        size_t q = k;
        while (q > 0 && (IsBlank(At(text_, q - 1)) || text_[q - 1] == '>')) --q;
        if (q == 0 || text_[q - 1] == '\n') Add(trigger, q);
        if (q > 0 && (text_[q - 1] == '.' || text_[q - 1] == '!' || text_[q - 1] == '?')) {
          Add(trigger, q - 1);
        }
        return;
      }
    }
  }

  // `\b\d{1,5}[A-Za-z]?[ \t]+\p{Lu}`: the digits at the word start `w`.
  bool StreetNumberEn(size_t w) const {
    size_t j = w;
    while (j < text_.size() && IsDigit(At(text_, j))) ++j;
    if (j - w > 5) return false;
    if (j < text_.size() && IsWordByte(At(text_, j)) && !IsDigit(At(text_, j))) ++j;
    if (j >= text_.size() || !IsBlank(At(text_, j))) return false;
    j = SkipBlanks(text_, j);
    return j < text_.size() && (IsUpper(At(text_, j)) || At(text_, j) >= 0x80);
  }

  // `\b\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?i:rue|avenue|boulevard|place|chemin|allée|
  // impasse|quai)`: the digits at the word start `w`, with or without bis/ter.
  bool StreetNumberFr(size_t w) const {
    size_t j = w;
    while (j < text_.size() && IsDigit(At(text_, j))) ++j;
    if (j - w > 4) return false;
    const auto street_word_follows = [&](size_t i) {
      if (i < text_.size() && text_[i] == ',') ++i;
      if (i >= text_.size() || !IsBlank(At(text_, i))) return false;
      i = SkipBlanks(text_, i);
      if (i >= text_.size()) return false;
      const unsigned char c = Fold(At(text_, i));
      return c == 'r' || c == 'a' || c == 'b' || c == 'p' || c == 'c' || c == 'i' || c == 'q';
    };
    if (street_word_follows(j)) return true;
    size_t b = j;
    if (b < text_.size() && IsBlank(At(text_, b))) ++b;
    return (StartsWith(text_, b, "bis") || StartsWith(text_, b, "ter")) &&
           street_word_follows(b + 3);
  }

  // `(\p{Lu}\p{Ll}+(?:straße|…|[ -](?:Straße|…))[ \t]+\d`: the digit `d` follows blanks.
  // Proposes every position the capital can hold: before the lower-case run that ends
  // at the suffix (ASCII), or any UTF-8 lead byte inside it.
  void GermanStreet(uint32_t trigger, size_t d) {
    static constexpr std::string_view kSuffixes[] = {
        "straße", "strasse", "str.", "weg", "gasse", "allee", "platz", "ring", "damm", "ufer",
        "chaussee", " Straße", " Strasse", " Str.", " Weg", " Allee", " Platz", "-Straße",
        "-Strasse", "-Str.", "-Weg", "-Allee", "-Platz"};
    const size_t b = SkipBlanksBack(text_, d);
    if (b == d || b == 0) return;
    // Every suffix ends in one of these bytes (0x9F: the last byte of ß).
    const char last = text_[b - 1];
    if (last != 'e' && last != '.' && last != 'g' && last != 'z' && last != 'm' && last != 'r' &&
        last != '\x9F') {
      return;
    }
    const std::string_view before = text_.substr(0, b);
    for (std::string_view suffix : kSuffixes) {
      if (suffix.back() != last || !before.ends_with(suffix)) continue;
      const size_t e = b - suffix.size();
      size_t a = e;
      while (a > 0 && ((At(text_, a - 1) >= 'a' && At(text_, a - 1) <= 'z') ||
                       At(text_, a - 1) >= 0x80)) {
        --a;
      }
      if (a > 0 && IsUpper(At(text_, a - 1))) Add(trigger, a - 1);
      for (size_t x = a; x < e; ++x) {
        if (At(text_, x) >= 0xC0) Add(trigger, x);
      }
    }
  }

  // `\b(?:[A-Z]{1,2}\d|GIR)`: the capital at the word start `w`.
  bool UkPostcode(size_t w) const {
    const auto digit = [&](size_t i) { return i < text_.size() && IsDigit(At(text_, i)); };
    const auto upper = [&](size_t i) { return i < text_.size() && IsUpper(At(text_, i)); };
    return digit(w + 1) || (upper(w + 1) && digit(w + 2)) || StartsWith(text_, w, "GIR");
  }

  // `(?m)^[ \t]*[\[(\d]`: every line opening with a clock time.
  void ClockLines(uint32_t trigger) {
    size_t line = 0;
    while (line <= text_.size()) {
      const size_t j = SkipBlanks(text_, line);
      if (j < text_.size() && (text_[j] == '[' || text_[j] == '(' || IsDigit(At(text_, j)))) {
        Add(trigger, line);
      }
      const size_t newline = text_.find('\n', line);
      if (newline == std::string_view::npos) break;
      line = newline + 1;
    }
  }

  // `(?:^|[\s:,;>"(])NAMES[ \t]+<[^\s<>@]{1,64}@`, NAMES being one to three names
  // separated by blanks: for each "<local@", the delimiter before each of the (up to)
  // three blank-separated tokens before it. Name bytes are ASCII letters, '\'', '-' and
  // every byte >= 0x80 (a superset of \p{L}, \p{M} and ’).
  void DisplayNames(uint32_t trigger) {
    const auto name_byte = [](unsigned char c) {
      return (c >= 'a' && c <= 'z') || IsUpper(c) || c == '\'' || c == '-' || c >= 0x80;
    };
    const auto delimiter = [](unsigned char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
             c == ':' || c == ',' || c == ';' || c == '>' || c == '"' || c == '(';
    };
    constexpr size_t kMaxLocalBytes = 64 * 4;  // {1,64} counts code points
    for (size_t lt = text_.find('<'); lt != std::string_view::npos; lt = text_.find('<', lt + 1)) {
      size_t j = lt + 1;
      while (j < text_.size() && j - (lt + 1) < kMaxLocalBytes) {
        const char c = text_[j];
        if (c == '@' || c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ||
            c == '<' || c == '>') {
          break;
        }
        ++j;
      }
      if (j >= text_.size() || text_[j] != '@' || j == lt + 1) continue;
      size_t pos = SkipBlanksBack(text_, lt);
      if (pos == lt) continue;
      for (int token = 0; token < 3; ++token) {
        size_t s = pos;
        while (s > 0 && name_byte(At(text_, s - 1))) --s;
        if (s == pos) break;
        if (s == 0) {
          Add(trigger, 0);
          break;
        }
        if (delimiter(At(text_, s - 1))) Add(trigger, s - 1);
        if (!IsBlank(At(text_, s - 1))) break;
        pos = SkipBlanksBack(text_, s);
      }
    }
  }

  const Prefilter& p_;
  std::string_view text_;
  std::vector<uint64_t>& starts_;
};

Prefilter::Prefilter(const std::vector<PatternSpec>& specs) : specs_(specs) {
  triggered_.assign(specs_.size(), false);
  for (size_t i = 0; i < specs_.size(); ++i) {
    for (const Trigger& trigger : specs_[i].triggers) {
      const auto id = static_cast<uint32_t>(triggers_.size());
      triggers_.push_back({static_cast<uint32_t>(i), &trigger});
      triggered_[i] = true;
      switch (trigger.kind) {
        case Trigger::Kind::kKeyword:
          break;
        case Trigger::Kind::kLiteral:
          literal_.push_back(id);
          break;
        case Trigger::Kind::kStreetNumberEn:
          street_en_.push_back(id);
          break;
        case Trigger::Kind::kStreetNumberFr:
          street_fr_.push_back(id);
          break;
        case Trigger::Kind::kGermanStreet:
          german_street_.push_back(id);
          break;
        case Trigger::Kind::kUkPostcode:
          uk_postcode_.push_back(id);
          break;
        case Trigger::Kind::kClockLine:
          clock_line_.push_back(id);
          break;
        case Trigger::Kind::kDisplayName:
          display_name_.push_back(id);
          break;
      }
    }
  }
  // Byte classes: one per (folded) byte some keyword uses; blanks share the class of ' '.
  for (const Entry& entry : triggers_) {
    if (entry.trigger->kind != Trigger::Kind::kKeyword) continue;
    for (std::string_view keyword : entry.trigger->keywords) {
      if (keyword.ends_with('$')) keyword.remove_suffix(1);
      for (char k : keyword) {
        const unsigned char c = Fold(static_cast<unsigned char>(k));
        if (byte_class_[c] == 0) byte_class_[c] = static_cast<uint8_t>(classes_++);
      }
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) byte_class_[c] = byte_class_[Fold(static_cast<unsigned char>(c))];
  byte_class_[static_cast<unsigned char>('\t')] = byte_class_[static_cast<unsigned char>(' ')];
  next_.assign(static_cast<size_t>(classes_), 0);
  node_outputs_.emplace_back();
  for (uint32_t t = 0; t < triggers_.size(); ++t) {
    const Trigger& trigger = *triggers_[t].trigger;
    if (trigger.kind != Trigger::Kind::kKeyword) continue;
    for (uint32_t k = 0; k < trigger.keywords.size(); ++k) AddKeyword(t, k, trigger.keywords[k]);
  }
  for (const std::vector<Output>& outputs : node_outputs_) {
    output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), outputs.begin(), outputs.end());
  }
  output_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
  node_outputs_.clear();
  for (int c = 0; c < 256; ++c) {
    const auto b = static_cast<unsigned char>(c);
    uint8_t flags = 0;
    if (IsWordByte(b)) flags |= kWordByte;
    if (IsDigit(b)) flags |= kDigitByte;
    if (IsUpper(b)) flags |= kUpperByte;
    if (byte_class_[b] != 0) flags |= kKeywordByte;
    if (b == 0xC5 || b == 0xE2) flags |= kFoldHazardLead;
    byte_flags_[b] = flags;
  }
}

void Prefilter::AddKeyword(uint32_t trigger, uint32_t keyword, std::string_view text) {
  const bool exact = text.ends_with('$');
  if (exact) text.remove_suffix(1);
  // The text bytes each keyword byte matches: both cases of a letter, ' ' and '\t' for a
  // blank, itself otherwise; any byte after a one-byte keyword.
  const auto variants = [](unsigned char k) {
    std::vector<unsigned char> out = {k};
    if (k >= 'a' && k <= 'z') out.push_back(static_cast<unsigned char>(k - 'a' + 'A'));
    if (k >= 'A' && k <= 'Z') out.push_back(static_cast<unsigned char>(k - 'A' + 'a'));
    if (k == ' ') out.push_back('\t');
    return out;
  };
  for (unsigned char first : variants(static_cast<unsigned char>(text[0]))) {
    std::vector<unsigned char> seconds;
    if (text.size() > 1) {
      seconds = variants(static_cast<unsigned char>(text[1]));
    } else {
      for (int c = 0; c < 256; ++c) seconds.push_back(static_cast<unsigned char>(c));
    }
    for (unsigned char second : seconds) {
      const size_t bigram = size_t{first} << 8 | second;
      bigrams_[bigram >> 6] |= uint64_t{1} << (bigram & 63);
    }
  }
  int32_t node = 0;
  for (char k : text) {
    const int cls = byte_class_[Fold(static_cast<unsigned char>(k))];
    const size_t slot = static_cast<size_t>(node) * static_cast<size_t>(classes_) +
                        static_cast<size_t>(cls);
    if (next_[slot] == 0) {
      next_[slot] = static_cast<int32_t>(node_outputs_.size());
      node_outputs_.emplace_back();
      next_.resize(next_.size() + static_cast<size_t>(classes_), 0);
    }
    node = next_[slot];
  }
  node_outputs_[static_cast<size_t>(node)].push_back({trigger, keyword, exact});
}

bool Prefilter::Collect(std::string_view text, std::vector<uint64_t>& starts) const {
  starts.clear();
  if (text.size() >= (uint64_t{1} << 32)) return false;
  Collector collector(*this, text, starts);
  const size_t n = text.size();
  size_t i = 0;
  while (true) {
    // Past the bytes between words; U+017F is C5 BF, U+212A is E2 84 AA.
    while (i < n && !(byte_flags_[At(text, i)] & kWordByte)) {
      if ((byte_flags_[At(text, i)] & kFoldHazardLead) &&
          ((At(text, i) == 0xC5 && i + 1 < n && At(text, i + 1) == 0xBF) ||
           (At(text, i) == 0xE2 && i + 2 < n && At(text, i + 1) == 0x84 &&
            At(text, i + 2) == 0xAA))) {
        return false;
      }
      ++i;
    }
    if (i >= n) break;
    const uint8_t flags = byte_flags_[At(text, i)];  // an ASCII word start
    if (flags & kDigitByte) {
      for (uint32_t t : street_en_) {
        if (collector.StreetNumberEn(i)) collector.Add(t, i);
      }
      for (uint32_t t : street_fr_) {
        if (collector.StreetNumberFr(i)) collector.Add(t, i);
      }
      if (i > 0 && IsBlank(At(text, i - 1))) {
        for (uint32_t t : german_street_) collector.GermanStreet(t, i);
      }
    } else {
      if (flags & kKeywordByte) collector.WalkKeywords(i);
      if (flags & kUpperByte) {
        for (uint32_t t : uk_postcode_) {
          if (collector.UkPostcode(i)) collector.Add(t, i);
        }
      }
    }
    ++i;
    while (i < n && (byte_flags_[At(text, i)] & kWordByte)) ++i;
  }
  for (uint32_t t : literal_) {
    const std::string& literal = triggers_[t].trigger->keywords.front();
    // memchr for the first byte beats memmem on short texts.
    const char* const begin = text.data();
    for (const void* hit = std::memchr(begin, literal.front(), n); hit != nullptr;) {
      const auto at = static_cast<size_t>(static_cast<const char*>(hit) - begin);
      if (text.substr(at, literal.size()) == literal) collector.Add(t, at);
      hit = at + 1 < n ? std::memchr(begin + at + 1, literal.front(), n - at - 1) : nullptr;
    }
  }
  for (uint32_t t : clock_line_) collector.ClockLines(t);
  for (uint32_t t : display_name_) collector.DisplayNames(t);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return true;
}

}  // namespace docket::workflows::redact::internal
