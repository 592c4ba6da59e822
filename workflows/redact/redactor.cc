// Redactor; see redactor.h.
#include "workflows/redact/redactor.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "engine/base/hmac_sha256.h"

namespace docket::workflows::redact {
namespace {

// Length of the UTF-8 sequence starting with `lead` (1 for stray bytes).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 1;
  if (lead >= 0xc2) return 2;
  return 1;
}

// Values that differ only in ways a person would not notice count as one.
std::string Normalized(EntityType type, std::string_view raw) {
  std::string out;
  switch (type) {
    case EntityType::kEmail:
      for (char c : raw) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      return out;
    case EntityType::kPhone:
    case EntityType::kPaymentCard:
    case EntityType::kIban:
      for (char c : raw) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
          out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        }
      }
      return out;
    default:
      return std::string(raw);
  }
}

}  // namespace

std::string MaskValue(std::string_view raw, size_t keep_last, std::string_view mask_char) {
  // Letters and digits (any non-ASCII code point counts as a letter) are masked except
  // the last `keep_last` of them; separators stay, so the shape is still readable.
  std::vector<std::pair<size_t, size_t>> symbols;  // [start, length) of each code point
  for (size_t i = 0; i < raw.size();) {
    const size_t n = std::min(SequenceLength(static_cast<unsigned char>(raw[i])), raw.size() - i);
    symbols.emplace_back(i, n);
    i += n;
  }
  auto is_letter = [&](const std::pair<size_t, size_t>& s) {
    return s.second > 1 || std::isalnum(static_cast<unsigned char>(raw[s.first]));
  };
  size_t letters = std::count_if(symbols.begin(), symbols.end(), is_letter);
  const size_t masked = letters > keep_last ? letters - keep_last : 0;
  std::string out;
  size_t seen = 0;
  for (const auto& s : symbols) {
    if (is_letter(s) && seen++ < masked) {
      out.append(mask_char);
    } else {
      out.append(raw.substr(s.first, s.second));
    }
  }
  return out;
}

std::string PseudonymOf(std::string_view key, EntityType type, std::string_view raw) {
  std::string message = "docket.pseudonym.v1";
  message.push_back('\0');
  message.append(EntityTypeName(type));
  message.push_back('\0');
  message.append(Normalized(type, raw));
  return "<" + std::string(EntityTypeName(type)) + ":" + HmacSha256(key, message).Hex().substr(0, 12) +
         ">";
}

Redactor::Redactor(RedactionPolicy policy, const PiiScanner* scanner, std::string pseudonym_key,
                   TokenVault* vault, RawValueRegistry* known)
    : policy_(std::move(policy)),
      scanner_(scanner),
      pseudonym_key_(std::move(pseudonym_key)),
      vault_(vault),
      known_(known) {}

StatusOr<std::string> Redactor::Replacement(
    const Detection& d, std::string_view raw, const RecordContext& context,
    std::vector<std::pair<std::string, int>>& numbered) const {
  const std::string type_name(EntityTypeName(d.type));
  switch (policy_.operators[static_cast<int>(d.type)]) {
    case Operator::kPlaceholder: {
      // Numbered per record and type, in first-seen order; a repeated value keeps its number.
      const std::string key = type_name + '\0' + Normalized(d.type, raw);
      auto it = std::find_if(numbered.begin(), numbered.end(),
                             [&](const auto& p) { return p.first == key; });
      if (it == numbered.end()) {
        const int n = 1 + static_cast<int>(std::count_if(numbered.begin(), numbered.end(), [&](const auto& p) {
                        return p.first.compare(0, type_name.size() + 1, type_name + '\0') == 0;
                      }));
        numbered.emplace_back(key, n);
        it = std::prev(numbered.end());
      }
      return "<" + type_name + "_" + std::to_string(it->second) + ">";
    }
    case Operator::kPseudonym:
      if (pseudonym_key_.empty()) {
        return FailedPreconditionError("the pseudonym operator for " + type_name +
                                       " needs a tenant key");
      }
      return PseudonymOf(pseudonym_key_, d.type, raw);
    case Operator::kToken: {
      if (vault_ == nullptr) {
        return FailedPreconditionError("the token operator for " + type_name + " needs a vault");
      }
      if (context.data_subject.empty()) {
        return FailedPreconditionError("the token operator for " + type_name +
                                       " needs the record's data subject");
      }
      DOCKET_ASSIGN_OR_RETURN(std::string ref, vault_->Tokenize(context.data_subject, d.type, raw));
      return "<" + type_name + "_TOKEN:" + ref + ">";
    }
    case Operator::kMask:
      return MaskValue(raw, policy_.mask_keep_last, policy_.mask_char);
    case Operator::kDrop:
      return std::string();
  }
  return InternalError("unknown operator");
}

StatusOr<RedactedText> Redactor::Redact(std::string_view text, const RecordContext& context) const {
  ScanContext scan{.region = context.region.empty() ? policy_.region : context.region};
  const std::vector<Detection> detections = scanner_->Scan(text, scan);
  RedactedText out;
  out.text.reserve(text.size());
  std::vector<std::pair<std::string, int>> numbered;
  size_t at = 0;
  for (const Detection& d : detections) {
    if (d.start < at || d.end > text.size() || d.start >= d.end) {
      return InternalError("scanner returned overlapping or out-of-range spans");
    }
    out.text.append(text.substr(at, d.start - at));
    DOCKET_ASSIGN_OR_RETURN(std::string replacement,
                            Replacement(d, text.substr(d.start, d.end - d.start), context, numbered));
    out.text.append(replacement);
    if (known_ != nullptr) known_->Add(text.substr(d.start, d.end - d.start));
    out.redactions.push_back({.detection = d, .op = policy_.operators[static_cast<int>(d.type)]});
    at = d.end;
  }
  out.text.append(text.substr(at));
  return out;
}

}  // namespace docket::workflows::redact
