// PiiScanner's one implementation: runs every detector over the text, snaps spans to
// UTF-8 unit boundaries, applies the allow list and the score threshold, and resolves
// overlaps greedily in a total order (score, length, type, start, detector) so the
// result does not depend on detector order.
#include "workflows/redact/pii_scanner.h"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <tuple>

#include "workflows/redact/internal/detectors.h"
#include "workflows/redact/internal/pattern_set.h"
#include "workflows/redact/internal/utf8_units.h"

namespace docket::workflows::redact {
namespace {

constexpr std::string_view kDenyDetector = "deny";

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

class ScannerImpl final : public PiiScanner {
 public:
  ScannerImpl(std::unique_ptr<internal::PatternSet> patterns, std::vector<std::string> allow,
              double min_score)
      : patterns_(std::move(patterns)), allow_(std::move(allow)), min_score_(min_score) {}

  std::vector<Detection> Scan(std::string_view text, const ScanContext& context) const override {
    std::vector<Detection> candidates;
    internal::DetectEmails(text, candidates);
    internal::DetectUrlSecrets(text, candidates);
    internal::DetectIpv6(text, candidates);
    internal::DetectIbans(text, candidates);
    internal::DetectNumbers(text, context.region, candidates);
    internal::DetectCapitalisedNames(text, candidates);
    patterns_->Scan(text, candidates);
    internal::DetectPostcodesAfterAddresses(text, candidates);

    std::vector<Detection> kept;
    kept.reserve(candidates.size());
    for (Detection& candidate : candidates) {
      candidate.start = internal::UnitBoundaryAtOrBefore(text, candidate.start);
      candidate.end = internal::UnitBoundaryAtOrAfter(text, candidate.end);
      if (candidate.end <= candidate.start) continue;
      const bool denied = candidate.detector == kDenyDetector;
      if (!denied && (candidate.score < min_score_ || Allowed(text, candidate))) continue;
      kept.push_back(std::move(candidate));
    }
    return ResolveOverlaps(std::move(kept));
  }

 private:
  // True if the candidate lies inside an occurrence of an allow-list value.
  bool Allowed(std::string_view text, const Detection& d) const {
    for (const std::string& value : allow_) {
      if (value.size() < d.end - d.start) continue;
      const bool fold = value.find('@') != std::string::npos;
      const size_t first = d.end >= value.size() ? d.end - value.size() : 0;
      for (size_t pos = first; pos <= d.start && pos + value.size() <= text.size(); ++pos) {
        const std::string_view window = text.substr(pos, value.size());
        if (fold ? EqualsIgnoreCase(window, value) : window == value) return true;
      }
    }
    return false;
  }

  static std::vector<Detection> ResolveOverlaps(std::vector<Detection> candidates) {
    const auto rank = [](const Detection& d) {
      return std::make_tuple(-d.score, -static_cast<long long>(d.end - d.start),
                             static_cast<int>(d.type), d.start, std::string_view(d.detector));
    };
    std::sort(candidates.begin(), candidates.end(),
              [&](const Detection& a, const Detection& b) { return rank(a) < rank(b); });
    // Sorted by start; spans never overlap. A handful per text: a vector beats a map.
    std::vector<Detection> accepted;
    accepted.reserve(candidates.size());
    for (Detection& candidate : candidates) {
      auto next = std::lower_bound(
          accepted.begin(), accepted.end(), candidate.start,
          [](const Detection& d, size_t start) { return d.start < start; });
      if (next != accepted.end() && next->start < candidate.end) continue;
      if (next != accepted.begin() && std::prev(next)->end > candidate.start) continue;
      accepted.insert(next, std::move(candidate));
    }
    return accepted;
  }

  std::unique_ptr<internal::PatternSet> patterns_;
  std::vector<std::string> allow_;
  double min_score_;
};

}  // namespace

StatusOr<std::unique_ptr<PiiScanner>> PiiScanner::Create(const ScannerConfig& config) {
  if (!(config.min_score >= 0 && config.min_score <= 1)) {
    return InvalidArgumentError("min_score must be between 0 and 1");
  }
  std::vector<internal::PatternSpec> specs = internal::DefaultPatterns();
  for (size_t i = 0; i < config.custom.size(); ++i) {
    const CustomPattern& custom = config.custom[i];
    const std::string name = custom.name.empty() ? "custom." + std::to_string(i) : custom.name;
    if (custom.pattern.empty()) {
      return InvalidArgumentError("custom pattern '" + name + "' is empty");
    }
    RE2::Options options;
    options.set_log_errors(false);
    const RE2 regex(custom.pattern, options);
    if (!regex.ok()) {
      return InvalidArgumentError("custom pattern '" + name +
                                  "' does not compile: " + regex.error());
    }
    specs.push_back({.type = custom.type,
                     .detector = name,
                     .validator = "custom",
                     .regex = custom.pattern,
                     .group = 0,
                     .score = 0.9});
  }
  for (size_t i = 0; i < config.deny.size(); ++i) {
    const auto& [type, value] = config.deny[i];
    if (value.empty()) {
      return InvalidArgumentError("deny list entry " + std::to_string(i) + " is empty");
    }
    specs.push_back({.type = type,
                     .detector = std::string(kDenyDetector),
                     .validator = "deny_list",
                     .regex = RE2::QuoteMeta(value),
                     .group = 0,
                     .score = 1.0});
  }
  for (size_t i = 0; i < config.allow.size(); ++i) {
    if (config.allow[i].empty()) {
      return InvalidArgumentError("allow list entry " + std::to_string(i) + " is empty");
    }
  }
  DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<internal::PatternSet> patterns,
                          internal::PatternSet::Create(std::move(specs)));
  return std::unique_ptr<PiiScanner>(
      std::make_unique<ScannerImpl>(std::move(patterns), config.allow, config.min_score));
}

}  // namespace docket::workflows::redact
