#include "workflows/redact/internal/pattern_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <string>

#include "workflows/redact/internal/detectors.h"

namespace docket::workflows::redact::internal {
namespace {

constexpr int kMaxGroups = 4;

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(16 << 20);
  return options;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool UkPostcodeArea(std::string_view postcode) {
  static constexpr std::string_view kAreas[] = {
      "AB", "AL", "B",  "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB",
      "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL",
      "DN", "DT", "DY", "E",  "EC", "EH", "EN", "EX", "FK", "FY", "G",  "GL", "GU", "GY",
      "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA",
      "KT", "KW", "KY", "L",  "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M",  "ME", "MK",
      "ML", "N",  "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL",
      "PO", "PR", "RG", "RH", "RM", "S",  "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO",
      "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
      "UB", "W",  "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
  };
  size_t letters = 0;
  while (letters < postcode.size() && !IsDigit(postcode[letters])) ++letters;
  const std::string_view area = postcode.substr(0, letters);
  return area == "GIR" || std::find(std::begin(kAreas), std::end(kAreas), area) != std::end(kAreas);
}

bool DatePlausible(std::string_view date) {
  // Numeric d/m/y, m/d/y or y-m-d: no field may exceed 31, and at least one reads as
  // a month. Dates with month names pass.
  int fields[3] = {-1, -1, -1};
  int count = 0;
  int value = -1;
  for (size_t i = 0; i <= date.size(); ++i) {
    if (i < date.size() && IsDigit(date[i])) {
      value = (value < 0 ? 0 : value * 10) + (date[i] - '0');
    } else if (value >= 0) {
      if (count < 3) fields[count] = value;
      ++count;
      value = -1;
    }
  }
  if (count != 3) return true;
  const bool year_first = fields[0] > 31;
  const int a = year_first ? fields[1] : fields[0];
  const int b = year_first ? fields[2] : fields[1];
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

bool SecretPlausible(std::string_view value) {
  if (value.size() < 4) return false;
  if (value.front() == '<' || value.front() == '{' || value.front() == '[' ||
      value.front() == '$') {
    return false;  // "<redacted>", "{{secret}}", "[hidden]", "$ENV"
  }
  return std::any_of(value.begin(), value.end(), [&](char c) { return c != value.front(); });
}

// True if the value at `start` opens with a quote: `my password is "sunshine"`.
bool Quoted(std::string_view text, size_t start) {
  return start > 0 && (text[start - 1] == '"' || text[start - 1] == '\'');
}

bool HasNonLetter(std::string_view value) {
  return std::any_of(value.begin(), value.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && c != '?' &&
           c != '.' && c != '!';
  });
}

// True if the token, or a part of a hyphenated one ("Acme-Team"), is a common word.
bool HasCommonPart(std::string_view token) {
  size_t pos = 0;
  while (pos <= token.size()) {
    size_t end = token.find('-', pos);
    if (end == std::string_view::npos) end = token.size();
    if (end > pos && IsCommonWord(token.substr(pos, end - pos))) return true;
    pos = end + 1;
  }
  return false;
}

// Trims trailing common words off a captured name; returns the kept length or 0.
size_t PersonNameLength(std::string_view name) {
  size_t kept = 0;
  size_t pos = 0;
  bool first = true;
  while (pos < name.size()) {
    while (pos < name.size() && (name[pos] == ' ' || name[pos] == '\t')) ++pos;
    size_t end = pos;
    while (end < name.size() && name[end] != ' ' && name[end] != '\t') ++end;
    if (end == pos) break;
    if (HasCommonPart(name.substr(pos, end - pos))) {
      if (first) return 0;
      break;
    }
    first = false;
    kept = end;
    pos = end;
  }
  return kept;
}

}  // namespace

PatternSet::~PatternSet() = default;

StatusOr<std::unique_ptr<PatternSet>> PatternSet::Create(std::vector<PatternSpec> specs) {
  std::unique_ptr<PatternSet> set(new PatternSet());
  RE2::Options set_options = PatternOptions();
  set_options.set_max_mem(64 << 20);
  set->set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  for (const PatternSpec& spec : specs) {
    auto regex = std::make_unique<RE2>(spec.regex, PatternOptions());
    if (!regex->ok()) {
      return InvalidArgumentError("pattern '" + spec.detector +
                                  "' does not compile: " + regex->error());
    }
    if (spec.group < 0 || spec.group > std::min(regex->NumberOfCapturingGroups(), kMaxGroups)) {
      return InvalidArgumentError("pattern '" + spec.detector + "' has no capture group " +
                                  std::to_string(spec.group));
    }
    if (RE2::FullMatch("", *regex)) {
      return InvalidArgumentError("pattern '" + spec.detector + "' matches the empty string");
    }
    std::string error;
    if (set->set_->Add(spec.regex, &error) < 0) {
      return InvalidArgumentError("pattern '" + spec.detector + "': " + error);
    }
    set->regexes_.push_back(std::move(regex));
  }
  if (!specs.empty() && !set->set_->Compile()) {
    return InvalidArgumentError("patterns too large to compile together");
  }
  set->specs_ = std::move(specs);
  return set;
}

void PatternSet::Scan(std::string_view text, std::vector<Detection>& out) const {
  if (specs_.empty()) return;
  std::vector<int> hits;
  RE2::Set::ErrorInfo error;
  if (!set_->Match(text, &hits, &error) && error.kind != RE2::Set::kNoError) {
    // The set's DFA ran out of memory on this text: fall back to every pattern alone
    // (still linear, just slower) rather than miss anything.
    hits.clear();
    for (size_t i = 0; i < specs_.size(); ++i) hits.push_back(static_cast<int>(i));
  }
  std::sort(hits.begin(), hits.end());
  for (int index : hits) ScanOne(static_cast<size_t>(index), text, out);
}

void PatternSet::ScanOne(size_t index, std::string_view text, std::vector<Detection>& out) const {
  const PatternSpec& spec = specs_[index];
  const RE2& regex = *regexes_[index];
  re2::StringPiece groups[kMaxGroups + 1];
  const int count = spec.group + 1;
  size_t pos = 0;
  while (pos <= text.size() &&
         regex.Match(text, pos, text.size(), RE2::UNANCHORED, groups, count)) {
    const size_t match_start = static_cast<size_t>(groups[0].data() - text.data());
    const size_t match_end = match_start + groups[0].size();
    pos = std::max(match_end, match_start + 1);
    const re2::StringPiece span = groups[spec.group];
    if (span.data() == nullptr || span.empty()) continue;
    size_t start = static_cast<size_t>(span.data() - text.data());
    std::string_view value(span.data(), span.size());
    switch (spec.check) {
      case PostCheck::kNone:
        break;
      case PostCheck::kIdDigits:
        if (std::count_if(value.begin(), value.end(), IsDigit) < 4) continue;
        break;
      case PostCheck::kPersonName:
        value = value.substr(0, PersonNameLength(value));
        if (value.empty()) continue;
        break;
      case PostCheck::kDate:
        if (!DatePlausible(value)) continue;
        break;
      case PostCheck::kUkPostcode:
        if (!UkPostcodeArea(value)) continue;
        break;
      case PostCheck::kSecretValue:
        if (!SecretPlausible(value)) continue;
        break;
      case PostCheck::kSpokenSecret:
        if (!SecretPlausible(value) || !(Quoted(text, start) || HasNonLetter(value))) continue;
        break;
    }
    out.push_back(Detection{.start = start,
                            .end = start + value.size(),
                            .type = spec.type,
                            .detector = spec.detector,
                            .validator = spec.validator,
                            .score = spec.score});
  }
}

}  // namespace docket::workflows::redact::internal
