// Digit-run detector. A "sequence" is up to kMaxGroups digit groups joined by single
// separators (space, '-', '.', '/', parentheses), with an optional leading '+'. Each
// sequence is consumed once; sub-ranges split only at spaces are tried longest first,
// so "call 030 1234567 or 4111 1111 1111 1111" yields a phone and a card.
#include <algorithm>
#include <optional>
#include <string>

#include "workflows/redact/internal/checksums.h"
#include "workflows/redact/internal/context_words.h"
#include "workflows/redact/internal/detectors.h"
#include "workflows/redact/internal/phone_numbers.h"

namespace docket::workflows::redact::internal {
namespace {

constexpr size_t kMaxGroups = 8;
constexpr size_t kMaxGroupDigits = 24;
constexpr size_t kMaxSequenceBytes = 48;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == '/'; }

struct Group {
  size_t start = 0;  // first byte, '(' included
  size_t end = 0;    // past the last digit, ')' included
  size_t digits_start = 0;
  size_t digits_end = 0;
  char separator_before = 0;  // 0 for the first group, ')' after a parenthesised group
  bool parenthesised = false;
};

// At most kMaxGroups groups, held inline: a sequence is parsed at every digit run.
class GroupList {
 public:
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  void clear() { size_ = 0; }
  void push_back(const Group& group) { groups_[size_++] = group; }
  void pop_back() { --size_; }
  const Group& back() const { return groups_[size_ - 1]; }
  const Group& operator[](size_t i) const { return groups_[i]; }

 private:
  Group groups_[kMaxGroups];
  size_t size_ = 0;
};

struct Sequence {
  bool plus = false;
  size_t start = 0;
  GroupList groups;
};

bool CurrencyAdjacent(std::string_view text, size_t start, size_t end) {
  std::string_view before = text.substr(0, start);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  std::string_view after = text.substr(end);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  const auto currency_end = [](std::string_view s) {
    return s.ends_with('$') || s.ends_with("\xE2\x82\xAC") || s.ends_with("\xC2\xA3");
  };
  const auto currency_start = [](std::string_view s) {
    return s.starts_with('$') || s.starts_with("\xE2\x82\xAC") || s.starts_with("\xC2\xA3") ||
           s.starts_with("EUR") || s.starts_with("USD");
  };
  return currency_end(before) || currency_start(after);
}

// A digit may start a sequence only at a word start: not after a letter or digit
// ("v2", "E1234", "A1"), nor after a separator glued to one ("1.2" seen from "2").
bool StartsWord(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char prev = text[pos - 1];
  if (IsAlnum(prev)) return false;
  if ((prev == '.' || prev == ',' || prev == '-' || prev == '/' || prev == ':') && pos >= 2 &&
      IsAlnum(text[pos - 2])) {
    return false;
  }
  return true;
}

// Parses the sequence starting at `pos` (a digit, or '+'/'(' before one). Returns the
// offset to continue scanning from.
size_t ParseSequence(std::string_view text, size_t pos, Sequence& seq) {
  size_t i = pos;
  seq.start = pos;
  if (text[i] == '+') {
    seq.plus = true;
    ++i;
  }
  char separator = 0;
  while (i < text.size() && seq.groups.size() < kMaxGroups) {
    Group group;
    group.start = i;
    group.separator_before = separator;
    if (text[i] == '(') {
      group.parenthesised = true;
      ++i;
    }
    group.digits_start = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    group.digits_end = i;
    const size_t digits = group.digits_end - group.digits_start;
    if (digits == 0) break;
    if (digits > kMaxGroupDigits) {  // a long digit run is no single entity: skip it
      seq.groups.clear();
      while (i < text.size() && IsAlnum(text[i])) ++i;
      return i;
    }
    if (group.parenthesised) {
      if (i >= text.size() || text[i] != ')') break;
      ++i;
    }
    group.end = i;
    if (group.end - seq.start > kMaxSequenceBytes) break;
    seq.groups.push_back(group);
    // The next group, if any, follows one separator (or ')' directly, or ') ').
    separator = group.parenthesised ? ')' : 0;
    size_t next = i;
    if (next < text.size() && IsSeparator(text[next])) {
      if (separator == 0) separator = text[next];
      ++next;
    }
    if (separator == 0) break;
    if (next < text.size() &&
        (IsDigit(text[next]) ||
         (text[next] == '(' && next + 1 < text.size() && IsDigit(text[next + 1])))) {
      i = next;
    } else {
      break;
    }
  }
  // The last group must end a word: "4711abc" is not a number. Nor is it the hour of a
  // clock time: "Sent: 07/03/2026 17:44" is a date and a time, not a phone number.
  while (!seq.groups.empty()) {
    const size_t end = seq.groups.back().end;
    const bool hour = end + 1 < text.size() && text[end] == ':' && IsDigit(text[end + 1]);
    if (!hour && (end >= text.size() || !(IsAlnum(text[end]) || text[end] == '@'))) break;
    seq.groups.pop_back();
  }
  if (seq.groups.empty()) {
    while (i < text.size() && (IsAlnum(text[i]) || text[i] == '@')) ++i;
    return std::max(i, pos + 1);
  }
  return seq.groups.back().end;
}

struct Range {
  const Sequence* seq;
  size_t first;
  size_t last;  // inclusive
  std::string_view digits;  // views digit_buffer
  size_t lengths[kMaxGroups] = {};
  char digit_buffer[kMaxSequenceBytes] = {};
  bool all_separators(std::initializer_list<char> allowed) const {
    for (size_t g = first + 1; g <= last; ++g) {
      const char s = seq->groups[g].separator_before;
      if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) return false;
    }
    return true;
  }
  bool uniform_separator() const {
    for (size_t g = first + 2; g <= last; ++g) {
      if (seq->groups[g].separator_before != seq->groups[first + 1].separator_before) {
        return false;
      }
    }
    return true;
  }
  bool any_parenthesised() const {
    for (size_t g = first; g <= last; ++g) {
      if (seq->groups[g].parenthesised) return true;
    }
    return false;
  }
  bool plus() const { return first == 0 && seq->plus; }
  size_t start() const { return first == 0 ? seq->start : seq->groups[first].start; }
  size_t end() const { return seq->groups[last].end; }
  size_t count() const { return last - first + 1; }
  bool whole() const { return first == 0 && last + 1 == seq->groups.size(); }
};

bool DateShaped(const Range& r) {
  if (r.count() != 3 || !r.all_separators({'-', '.', '/'}) || !r.uniform_separator()) {
    return false;
  }
  const auto& l = r.lengths;
  return (l[0] == 4 && l[1] <= 2 && l[2] <= 2) ||
         (l[0] <= 2 && l[1] <= 2 && (l[2] == 4 || l[2] == 2));
}

void Emit(const ContextWindow& context, const Range& r, EntityType type, const char* detector,
          const char* validator, double base, std::vector<Detection>& out) {
  out.push_back(Detection{.start = r.start(),
                          .end = r.end(),
                          .type = type,
                          .detector = detector,
                          .validator = validator,
                          .score = AdjustScore(type, context, base)});
}

// Appends every valid reading of `r`; returns whether there was one.
bool Interpret(std::string_view text, std::string_view region, const Range& r,
               std::vector<Detection>& out) {
  const size_t before = out.size();
  const size_t n = r.digits.size();
  const bool plain = !r.plus() && !r.any_parenthesised();
  const bool currency = CurrencyAdjacent(text, r.start(), r.end());
  // One window serves every reading of the range; built only when one is emitted or
  // asks for context.
  std::optional<ContextWindow> window;
  const auto context = [&]() -> const ContextWindow& {
    if (!window) window.emplace(text, r.start(), r.end());
    return *window;
  };
  if (plain && r.count() == 4 && r.all_separators({'.'}) &&
      Ipv4Valid(text.substr(r.start(), r.end() - r.start()))) {
    // "4.2.0.70" is valid IPv4 syntax but reads as major.minor.patch.build: with three
    // one-digit parts it takes IP context ("my IP is", "login from") to report it.
    const bool version_shaped = r.lengths[0] == 1 && r.lengths[1] == 1 && r.lengths[2] == 1;
    Emit(context(), r, EntityType::kIpAddress, "ipv4", "ipv4.syntax", version_shaped ? 0.4 : 0.85, out);
    return true;  // a dotted quad is nothing else
  }
  // A card number is written on its own: the tail of a longer run of digit groups
  // ("tracking 9400 6910 7215 0710 4512") is part of that run, not a card.
  if (plain && r.first == 0 && n >= 13 && n <= 19 && r.all_separators({' ', '-'}) &&
      r.uniform_separator() && LuhnValid(r.digits) && CardIssuerKnown(r.digits)) {
    Emit(context(), r, EntityType::kPaymentCard, "card", "luhn+iin", 0.9, out);
  }
  if (currency) return out.size() > before;
  if (plain && r.count() == 3 && r.lengths[0] == 3 && r.lengths[1] == 2 && r.lengths[2] == 4 &&
      r.all_separators({'-', ' '}) && r.uniform_separator() &&
      SsnValid(r.digits.substr(0, 3), r.digits.substr(3, 2), r.digits.substr(5, 4))) {
    Emit(context(), r, EntityType::kUsSsn, "ssn", "ssn.rules", 0.85, out);
  }
  if (plain && r.count() == 1 && n == 9) {
    if (context().Before({"ssn", "social security"}) &&
        SsnValid(r.digits.substr(0, 3), r.digits.substr(3, 2), r.digits.substr(5, 4))) {
      Emit(context(), r, EntityType::kUsSsn, "ssn.context", "ssn.rules", 0.85, out);
    }
    if (context().Before({"routing", "aba", "rtn", "routing number", "bankleitzahl"}) &&
        AbaRoutingValid(r.digits)) {
      Emit(context(), r, EntityType::kBankRouting, "routing.context", "aba.checksum", 0.9, out);
    }
  }
  if (plain && n >= 6 && n <= 17 && r.all_separators({' ', '-'}) &&
      context().Before({"account", "acct", "a/c", "account number", "kontonummer", "konto", "compte",
                      "cuenta", "conto", "rekening"}) &&
      !context().Before({"routing", "aba"})) {
    Emit(context(), r, EntityType::kBankAccount, "account.context", "", 0.8, out);
  }
  if (n >= 7 && n <= 15 && !DateShaped(r) && !(r.count() == 2 && r.all_separators({'.'}))) {
    bool valid = false;
    double score = 0.85;
    if (r.plus()) {
      valid = InternationalPhoneValid(r.digits);
    } else if (r.digits.starts_with("00") && region != "HU") {
      valid = InternationalPhoneValid(r.digits.substr(2));
    } else {
      valid = NationalPhoneValid(r.digits, region);
      score = (r.count() > 1 || r.any_parenthesised()) ? 0.7 : 0.55;
    }
    // Longer readings are tried first, so a phone that covers only part of a run of
    // digit groups ("3703 643303 39267", a mistyped card) leaves digits unexplained:
    // it needs phone context to stand, more so when digits precede it.
    if (!r.whole()) score -= r.first > 0 ? 0.4 : 0.3;
    if (valid) Emit(context(), r, EntityType::kPhone, "phone", "phone.numbering_plan", score, out);
  }
  return out.size() > before;
}

void InterpretSequence(std::string_view text, std::string_view region, const Sequence& seq,
                       std::vector<Detection>& out) {
  const size_t count = seq.groups.size();
  const auto splits_here = [&](size_t g) { return seq.groups[g].separator_before == ' '; };
  for (size_t first = 0; first < count; ++first) {
    if (first > 0 && !splits_here(first)) continue;
    for (size_t last = count; last-- > first;) {
      if (last + 1 < count && !splits_here(last + 1)) continue;
      Range range{.seq = &seq, .first = first, .last = last};
      // Every digit lies inside the sequence, which spans at most kMaxSequenceBytes.
      size_t digit_count = 0;
      for (size_t g = first; g <= last; ++g) {
        const Group& group = seq.groups[g];
        const size_t length = group.digits_end - group.digits_start;
        text.copy(range.digit_buffer + digit_count, length, group.digits_start);
        digit_count += length;
        range.lengths[g - first] = length;
      }
      range.digits = std::string_view(range.digit_buffer, digit_count);
      if (Interpret(text, region, range, out)) {
        first = last;
        break;
      }
    }
  }
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// True if the digits at `pos` continue an IBAN-shaped token written in groups: "GB58
// NWBK 6157 6354 3401 07" or "(FR95 5377 6177 ...)". When the IBAN detector did not
// take it (wrong check digits, a typo), its digit groups are still no card or phone.
bool ContinuesIbanGroups(std::string_view text, size_t pos) {
  constexpr int kMaxGroupsBack = 3;
  for (int back = 0; back < kMaxGroupsBack; ++back) {
    if (pos < 5 || text[pos - 1] != ' ') return false;
    const size_t end = pos - 1;
    size_t start = end;
    while (start > 0 && end - start < 5 && IsAlnum(text[start - 1])) --start;
    if (end - start != 4 || (start > 0 && IsAlnum(text[start - 1]))) return false;
    const std::string_view token = text.substr(start, 4);
    if (IsUpper(token[0]) && IsUpper(token[1]) && IsDigit(token[2]) && IsDigit(token[3])) {
      return true;
    }
    if (!std::all_of(token.begin(), token.end(), [](char c) { return IsUpper(c) || IsDigit(c); })) {
      return false;
    }
    pos = start;
  }
  return false;
}

}  // namespace

void DetectNumbers(std::string_view text, std::string_view region, std::vector<Detection>& out) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsDigit(text[pos])) {
      ++pos;
      continue;
    }
    size_t start = pos;
    if (pos > 0 && (text[pos - 1] == '+' || text[pos - 1] == '(')) start = pos - 1;
    if (!StartsWord(text, start)) {
      while (pos < text.size() && IsAlnum(text[pos])) ++pos;
      continue;
    }
    Sequence seq;
    pos = std::max(ParseSequence(text, start, seq), pos + 1);
    if (!seq.groups.empty() && !ContinuesIbanGroups(text, start)) {
      InterpretSequence(text, region, seq, out);
    }
  }
}

}  // namespace docket::workflows::redact::internal
