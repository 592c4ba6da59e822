// EgressGuard; see egress_guard.h. The Luhn and email checks are deliberately broader
// than the scanner's detectors: here a false refusal costs a retry with better
// redaction, a false pass leaks a customer's data.
#include "workflows/redact/egress_guard.h"

#include <cctype>
#include <vector>

namespace docket::workflows::redact {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLocalChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}
bool IsDomainChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

bool LuhnValid(const std::string& digits) {
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

// Digit groups joined by single spaces or dashes ("4111 1111 1111 1111"); any
// consecutive groups holding 13 to 19 digits in all are checked, so a card written
// next to other numbers is still found. Linear: at most 19 digits per start group.
std::optional<EgressFinding> FindLuhnRun(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    struct Group {
      size_t begin, end;  // byte offsets
    };
    std::vector<Group> groups;
    size_t j = i;
    for (;;) {
      const size_t begin = j;
      while (j < s.size() && IsDigit(s[j])) ++j;
      groups.push_back({begin, j});
      if (j + 1 < s.size() && (s[j] == ' ' || s[j] == '-') && IsDigit(s[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    for (size_t first = 0; first < groups.size(); ++first) {
      std::string digits;
      for (size_t last = first; last < groups.size(); ++last) {
        digits.append(s.substr(groups[last].begin, groups[last].end - groups[last].begin));
        if (digits.size() > 19) break;
        if (digits.size() >= 13 && LuhnValid(digits)) {
          return EgressFinding{"PAYMENT_CARD (Luhn-valid digits)", groups[first].begin,
                               groups[last].end};
        }
      }
    }
    i = j;
  }
  return std::nullopt;
}

// A local part, '@', then a domain in which some dot follows a label character and
// is followed by two letters ("x@mail.example.com", "x@b.co", also "x@b.com1"): broad
// on purpose.
std::optional<EgressFinding> FindEmailShape(std::string_view s) {
  auto is_letter = [&](size_t k) {
    return k < s.size() && std::isalpha(static_cast<unsigned char>(s[k])) != 0;
  };
  for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    size_t begin = at;
    while (begin > 0 && IsLocalChar(s[begin - 1])) --begin;
    if (begin == at) continue;
    size_t end = at + 1;
    while (end < s.size() && (IsDomainChar(s[end]) || s[end] == '.')) ++end;
    for (size_t dot = at + 2; dot < end; ++dot) {
      if (s[dot] == '.' && IsDomainChar(s[dot - 1]) && is_letter(dot + 1) && is_letter(dot + 2)) {
        return EgressFinding{"EMAIL", begin, end};
      }
    }
  }
  return std::nullopt;
}

bool Structured(EntityType type) {
  switch (type) {
    case EntityType::kEmail:
    case EntityType::kPhone:
    case EntityType::kPaymentCard:
    case EntityType::kIban:
    case EntityType::kBankRouting:
    case EntityType::kBankAccount:
    case EntityType::kUsSsn:
    case EntityType::kIpAddress:
    case EntityType::kUrlSecret:
    case EntityType::kApiKey:
      return true;
    default:
      return false;
  }
}

}  // namespace

void RawValueRegistry::Add(std::string_view raw) {
  if (raw.size() < kMinValueBytes) return;
  std::lock_guard<std::mutex> lock(mu_);
  values_.emplace(raw);
}

std::optional<size_t> RawValueRegistry::FindIn(std::string_view payload) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::optional<size_t> first;
  for (const std::string& value : values_) {
    const size_t at = payload.find(value);
    if (at != std::string_view::npos && (!first || at < *first)) first = at;
  }
  return first;
}

size_t RawValueRegistry::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return values_.size();
}

std::optional<EgressFinding> CheckEgress(std::string_view payload, const PiiScanner& scanner,
                                         const RawValueRegistry* known) {
  for (const Detection& d : scanner.Scan(payload, ScanContext{})) {
    if (Structured(d.type)) return EgressFinding{std::string(EntityTypeName(d.type)), d.start, d.end};
  }
  if (std::optional<EgressFinding> card = FindLuhnRun(payload)) return card;
  if (std::optional<EgressFinding> email = FindEmailShape(payload)) return email;
  if (known != nullptr) {
    if (std::optional<size_t> at = known->FindIn(payload)) {
      return EgressFinding{"a value the run redacted", *at, *at};
    }
  }
  return std::nullopt;
}

StatusOr<const PiiScanner*> EgressGuard::Scanner() {
  if (scanner_ != nullptr) return scanner_;  // borrowed
  std::call_once(build_once_, [this] {
    StatusOr<std::unique_ptr<PiiScanner>> built = PiiScanner::Create(config_);
    if (built.ok()) {
      owned_ = std::move(*built);
    } else {
      build_error_ = built.status();
    }
  });
  if (owned_ == nullptr) return build_error_;
  return owned_.get();
}

StatusOr<std::string> EgressGuard::Call(const engine::EffectCall& call) {
  DOCKET_ASSIGN_OR_RETURN(const PiiScanner* scanner, Scanner());
  if (std::optional<EgressFinding> found = CheckEgress(call.canonical_request, *scanner, known_)) {
    return FailedPreconditionError(
        "egress refused: step `" + call.step_id + "` tried to send a `" + call.kind +
        "` request holding " + found->what + " at bytes " + std::to_string(found->start) + ".." +
        std::to_string(found->end) + "; redact it before it leaves (docs/redaction.md)");
  }
  return inner_->Call(call);
}

}  // namespace docket::workflows::redact
