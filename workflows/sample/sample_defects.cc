// Placement and spelling of deliberately malformed sample rows.
#include "workflows/sample/sample_defects.h"

namespace docket::workflows::sample {
namespace {

// A lone lead byte before "(", Latin-1 "café", a byte-order mark in UTF-16LE, a
// truncated 3-byte sequence, and an encoded UTF-16 surrogate.
constexpr std::string_view kInvalidSnippets[] = {"\xC3\x28", "caf\xE9", "\xFF\xFE", "\xE2\x82",
                                                 "\xED\xA0\x80"};
constexpr std::string_view kNotADate[] = {"yesterday", "last week", "n/a"};

}  // namespace

std::string_view DefectName(Defect defect) {
  switch (defect) {
    case Defect::kNone:
      return "none";
    case Defect::kInvalidUtf8:
      return "invalid UTF-8 in text";
    case Defect::kNotADate:
      return "timestamp is not a date";
    case Defect::kNoZone:
      return "timestamp without zone";
    case Defect::kRatingOutOfRange:
      return "rating out of range";
    case Defect::kEmptyText:
      return "empty text";
    case Defect::kTooFewFields:
      return "too few CSV fields";
    case Defect::kNotAnObject:
      return "JSON line not an object";
    case Defect::kBrokenJson:
      return "broken JSON line";
  }
  return "unknown";
}

std::vector<Defect> PlanDefects(SampleRandom& rng, std::span<const DefectQuota> quotas,
                                const std::vector<bool>& eligible) {
  const size_t n = eligible.size();
  std::vector<Defect> plan(n, Defect::kNone);
  const size_t first = n / 50;
  const size_t end = n * 95 / 100;
  for (const DefectQuota& quota : quotas) {
    for (int placed = 0; placed < quota.count;) {
      const size_t row = first + rng.Below(end - first);
      if (!eligible[row] || plan[row] != Defect::kNone) continue;
      plan[row] = quota.defect;
      ++placed;
    }
  }
  return plan;
}

std::string WithInvalidUtf8(std::string_view text, int variant) {
  const std::string_view snippet =
      kInvalidSnippets[static_cast<size_t>(variant) % std::size(kInvalidSnippets)];
  const size_t space = text.find(' ');
  if (space == std::string_view::npos) return std::string(text) + " " + std::string(snippet);
  return std::string(text.substr(0, space + 1)) + std::string(snippet) + " " +
         std::string(text.substr(space + 1));
}

std::string_view NotADate(int variant) {
  return kNotADate[static_cast<size_t>(variant) % std::size(kNotADate)];
}

}  // namespace docket::workflows::sample
