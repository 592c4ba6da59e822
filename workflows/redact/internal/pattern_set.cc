#include "workflows/redact/internal/pattern_set.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <string>

#include "workflows/redact/internal/detectors.h"
#include "workflows/redact/internal/pattern_triggers.h"

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

PatternSet::PatternSet() = default;
PatternSet::~PatternSet() = default;

StatusOr<std::unique_ptr<PatternSet>> PatternSet::Create(std::vector<PatternSpec> specs) {
  std::unique_ptr<PatternSet> set(new PatternSet());
  RE2::Options set_options = PatternOptions();
  set_options.set_max_mem(64 << 20);
  set->set_ = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  auto untriggered = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  for (size_t i = 0; i < specs.size(); ++i) {
    const PatternSpec& spec = specs[i];
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
    if (spec.triggers.empty()) {
      if (untriggered->Add(spec.regex, &error) < 0) {
        return InvalidArgumentError("pattern '" + spec.detector + "': " + error);
      }
      set->untriggered_indices_.push_back(static_cast<int>(i));
    }
    set->regexes_.push_back(std::move(regex));
    set->all_.push_back(static_cast<int>(i));
    SplitRegexes split;
    if (spec.split.has_value() && !spec.triggers.empty() && spec.group == 1) {
      const auto compile = [&](const std::string& source) -> StatusOr<std::unique_ptr<RE2>> {
        auto part = std::make_unique<RE2>(source, PatternOptions());
        if (!part->ok()) {
          return InvalidArgumentError("pattern '" + spec.detector +
                                      "' has a split part that does not compile: " + part->error());
        }
        return part;
      };
      DOCKET_ASSIGN_OR_RETURN(split.prefix, compile(spec.split->prefix));
      DOCKET_ASSIGN_OR_RETURN(split.group, compile(spec.split->group));
      if (spec.split->kind != GroupSplit::Suffix::kNone) {
        DOCKET_ASSIGN_OR_RETURN(split.suffix, compile(spec.split->suffix));
      }
    }
    set->splits_.push_back(std::move(split));
  }
  if (!specs.empty() && !set->set_->Compile()) {
    return InvalidArgumentError("patterns too large to compile together");
  }
  if (!set->untriggered_indices_.empty()) {
    if (!untriggered->Compile()) {
      return InvalidArgumentError("patterns too large to compile together");
    }
    set->untriggered_ = std::move(untriggered);
  }
  if (set->untriggered_indices_.size() < specs.size()) {
    set->prefilter_ = std::make_unique<Prefilter>(specs);
  }
  set->specs_ = std::move(specs);
  return set;
}

void PatternSet::SetMatches(const RE2::Set& set, const std::vector<int>& indices,
                            std::string_view text, std::vector<int>& hits) const {
  hits.clear();
  RE2::Set::ErrorInfo error;
  if (!set.Match(text, &hits, &error) && error.kind != RE2::Set::kNoError) {
    // The set's DFA ran out of memory on this text: fall back to every pattern alone
    // (still linear, just slower) rather than miss anything.
    hits.assign(indices.begin(), indices.end());
    return;
  }
  for (int& hit : hits) hit = indices[static_cast<size_t>(hit)];
  std::sort(hits.begin(), hits.end());
}

void PatternSet::ScanUnfiltered(std::string_view text, std::vector<Detection>& out) const {
  if (specs_.empty()) return;
  std::vector<int> hits;
  SetMatches(*set_, all_, text, hits);
  for (int index : hits) ScanOne(static_cast<size_t>(index), text, out);
}

void PatternSet::Scan(std::string_view text, std::vector<Detection>& out) const {
  if (specs_.empty()) return;
  std::vector<uint64_t> starts;
  if (prefilter_ == nullptr || !prefilter_->Collect(text, starts)) {
    ScanUnfiltered(text, out);
    return;
  }
  std::vector<int> hits;
  if (untriggered_ != nullptr) SetMatches(*untriggered_, untriggered_indices_, text, hits);
  size_t next_start = 0;
  size_t next_hit = 0;
  for (size_t index = 0; index < specs_.size(); ++index) {
    if (prefilter_->Triggered(index)) {
      const size_t first = next_start;
      while (next_start < starts.size() && (starts[next_start] >> 32) == index) ++next_start;
      if (next_start > first) {
        ScanAt(index, text, std::span(starts).subspan(first, next_start - first), out);
      }
    } else if (next_hit < hits.size() && hits[next_hit] == static_cast<int>(index)) {
      ++next_hit;
      ScanOne(index, text, out);
    }
  }
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
    Emit(spec, text, groups, out);
  }
}

void PatternSet::ScanAt(size_t index, std::string_view text, std::span<const uint64_t> starts,
                        std::vector<Detection>& out) const {
  // The unanchored loop of ScanOne finds, from `pos`, the leftmost position where the
  // pattern matches and the match RE2 prefers there; `starts` holds every position
  // where it can match, so the first of them at or after `pos` that matches anchored
  // is that same match.
  const PatternSpec& spec = specs_[index];
  const RE2& regex = *regexes_[index];
  re2::StringPiece groups[kMaxGroups + 1];
  const int count = spec.group + 1;
  // An anchored attempt that fails may have read far ("eyJ" and a long run of key
  // bytes without the dots): after kMaxMisses of them the search goes unanchored from
  // the next proposed start, which finds the same leftmost match (no match starts
  // between `pos` and that start) and ends the loop when there is none, so a text
  // costs at most kMaxMisses + 1 passes per pattern, as before the prefilter.
  constexpr int kMaxMisses = 8;
  int misses = 0;
  size_t pos = 0;
  for (uint64_t entry : starts) {
    size_t start = static_cast<size_t>(entry & 0xFFFFFFFFu);
    if (start < pos) continue;
    // The span first (a DFA), then the groups within it, as RE2's unanchored search
    // does: asked for groups at once over the rest of the text, RE2 would run its
    // backtracker with a bitmap sized to that rest.
    if (misses < kMaxMisses) {
      if (!regex.Match(text, start, text.size(), RE2::ANCHOR_START, groups, 1)) {
        ++misses;
        continue;
      }
    } else {
      if (!regex.Match(text, start, text.size(), RE2::UNANCHORED, groups, 1)) break;
      start = static_cast<size_t>(groups[0].data() - text.data());
    }
    const size_t end = start + groups[0].size();
    if (count > 1) {
      const re2::StringPiece group =
          splits_[index].group != nullptr ? SplitGroup(index, text, start, end) : re2::StringPiece();
      if (group.data() != nullptr) {
        groups[1] = group;
      } else if (!regex.Match(text, start, end, RE2::ANCHOR_BOTH, groups, count)) {
        continue;
      }
    }
    pos = std::max(end, start + 1);
    Emit(spec, text, groups, out);
  }
}

re2::StringPiece PatternSet::SplitGroup(size_t index, std::string_view text, size_t start,
                                        size_t end) const {
  // Why this is the group RE2 would report: the prefix regex's match is the first of the
  // prefix's alternatives that matches at `start`, with every blank and separator
  // consumed (the group opens with a capital, which no separator takes). If that
  // alternative, the group regex and the suffix regex together cover [start, end) (each
  // confirmed below), then that alternative yields a match ending at `end`; earlier
  // alternatives do not match at all, so RE2 prefers it, and the preferred match
  // ends at `end` (RE2's DFA found it). The group's end is forced: the group ends in
  // a letter or mark and the suffix opens with blanks or with the bytes checked here.
  const SplitRegexes& split = splits_[index];
  const GroupSplit& spec = *specs_[index].split;
  const auto blanks_back = [&](size_t i) {
    while (i > start && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    return i;
  };
  re2::StringPiece prefix;
  if (!split.prefix->Match(text, start, text.size(), RE2::ANCHOR_START, &prefix, 1)) return {};
  const size_t group_start = start + prefix.size();
  size_t group_end = end;
  switch (spec.kind) {
    case GroupSplit::Suffix::kNone:
      break;
    case GroupSplit::Suffix::kBlanksComma:
    case GroupSplit::Suffix::kBlanksColon:
      group_end = blanks_back(end - 1);
      break;
    case GroupSplit::Suffix::kBlanksLineEnd:
      group_end = blanks_back(end);
      break;
    case GroupSplit::Suffix::kBlanksEnd:
      group_end = blanks_back(text[end - 1] == '.' || text[end - 1] == '!' ? end - 1 : end);
      break;
    case GroupSplit::Suffix::kAngleAddress: {
      const size_t angle = text.substr(start, end - start).rfind('<');
      if (angle == std::string_view::npos) return {};
      group_end = blanks_back(start + angle);
      break;
    }
  }
  if (group_end <= group_start) return {};
  if (!split.group->Match(text, group_start, group_end, RE2::ANCHOR_BOTH, nullptr, 0)) return {};
  if (split.suffix != nullptr &&
      !split.suffix->Match(text, group_end, end, RE2::ANCHOR_BOTH, nullptr, 0)) {
    return {};
  }
  if (split.suffix == nullptr && group_end != end) return {};
  return re2::StringPiece(text.data() + group_start, group_end - group_start);
}

void PatternSet::Emit(const PatternSpec& spec, std::string_view text,
                      const re2::StringPiece* groups, std::vector<Detection>& out) const {
  const re2::StringPiece span = groups[spec.group];
  if (span.data() == nullptr || span.empty()) return;
  size_t start = static_cast<size_t>(span.data() - text.data());
  std::string_view value(span.data(), span.size());
  switch (spec.check) {
    case PostCheck::kNone:
      break;
    case PostCheck::kIdDigits:
      if (std::count_if(value.begin(), value.end(), IsDigit) < 4) return;
      break;
    case PostCheck::kPersonName:
      value = value.substr(0, PersonNameLength(value));
      if (value.empty()) return;
      break;
    case PostCheck::kDate:
      if (!DatePlausible(value)) return;
      break;
    case PostCheck::kUkPostcode:
      if (!UkPostcodeArea(value)) return;
      break;
    case PostCheck::kSecretValue:
      if (!SecretPlausible(value)) return;
      break;
    case PostCheck::kSpokenSecret:
      if (!SecretPlausible(value) || !(Quoted(text, start) || HasNonLetter(value))) return;
      break;
  }
  out.push_back(Detection{.start = start,
                          .end = start + value.size(),
                          .type = spec.type,
                          .detector = spec.detector,
                          .validator = spec.validator,
                          .score = spec.score});
}

}  // namespace docket::workflows::redact::internal
