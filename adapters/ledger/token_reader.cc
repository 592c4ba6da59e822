// Detokenizing; see token_reader.h.
#include "adapters/ledger/token_reader.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <utility>

#include "adapters/ledger/vault_token_store.h"
#include "ledger/vault/subject_keyring.h"

namespace docket::adapters {
namespace {

namespace rd = workflows::redact;

constexpr std::string_view kTokenSuffix = "_TOKEN:";
// The longest type name ("STREET_ADDRESS") plus the suffix: where the ':' must be.
constexpr size_t kMaxTypeNameBytes = 14;

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

std::string RefKey(rd::EntityType type, std::string_view ref) {
  return std::string(rd::EntityTypeName(type)).append(1, '\0').append(ref);
}

// The placeholder starting at text[start] == '<', if one does.
std::optional<TokenPlaceholder> PlaceholderAt(std::string_view text, size_t start) {
  const std::string_view rest = text.substr(start + 1);
  const size_t colon = rest.substr(0, kMaxTypeNameBytes + kTokenSuffix.size()).find(':');
  if (colon == std::string_view::npos || colon + 1 < kTokenSuffix.size()) return std::nullopt;
  const size_t name_size = colon + 1 - kTokenSuffix.size();
  if (rest.substr(name_size, kTokenSuffix.size()) != kTokenSuffix) return std::nullopt;
  const std::optional<rd::EntityType> type = rd::ParseEntityType(rest.substr(0, name_size));
  if (!type) return std::nullopt;
  const std::string_view ref = rest.substr(colon + 1, kTokenRefHexDigits);
  if (ref.size() != kTokenRefHexDigits || !std::all_of(ref.begin(), ref.end(), IsLowerHex)) {
    return std::nullopt;
  }
  const size_t close = colon + 1 + kTokenRefHexDigits;
  if (close >= rest.size() || rest[close] != '>') return std::nullopt;
  return TokenPlaceholder{
      .start = start, .end = start + 1 + close + 1, .type = *type, .ref = std::string(ref)};
}

}  // namespace

std::string TokenPlaceholder::Text() const {
  return "<" + std::string(rd::EntityTypeName(type)) + "_TOKEN:" + ref + ">";
}

std::vector<TokenPlaceholder> FindTokenPlaceholders(std::string_view text) {
  std::vector<TokenPlaceholder> found;
  for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at)) {
    if (std::optional<TokenPlaceholder> placeholder = PlaceholderAt(text, at)) {
      at = placeholder->end;
      found.push_back(std::move(*placeholder));
    } else {
      ++at;
    }
  }
  return found;
}

SubjectTokens::SubjectTokens(std::string_view key, std::string_view data_subject,
                             std::vector<std::string> values)
    : values_(std::move(values)) {
  std::sort(values_.begin(), values_.end());
  const auto distinct_end = std::unique(values_.begin(), values_.end());
  for (auto rest = distinct_end; rest != values_.end(); ++rest) {
    OPENSSL_cleanse(rest->data(), rest->size());
  }
  values_.erase(distinct_end, values_.end());
  for (size_t i = 0; i < values_.size(); ++i) {
    for (int t = 0; t < rd::kEntityTypeCount; ++t) {
      const auto type = static_cast<rd::EntityType>(t);
      const auto [it, inserted] =
          by_ref_.emplace(RefKey(type, TokenReference(key, data_subject, type, values_[i])), i);
      if (!inserted) it->second = std::nullopt;  // distinct values, one reference: ambiguous
    }
  }
}

SubjectTokens::~SubjectTokens() {
  for (std::string& value : values_) OPENSSL_cleanse(value.data(), value.size());
}

StatusOr<SubjectTokens> SubjectTokens::Load(const ledger::BlobVault& vault, std::string_view key,
                                            std::string_view subject) {
  if (!subject.starts_with(kTokenSubjectPrefix) ||
      subject.size() == std::string_view(kTokenSubjectPrefix).size()) {
    return InvalidArgumentError("tokens are stored under the subject customer:<record id>, not \"" +
                                std::string(subject) + "\"");
  }
  DOCKET_RETURN_IF_ERROR(ledger::ValidateSubject(subject));
  if (key.empty()) return FailedPreconditionError("reading tokens needs the tenant key");
  std::vector<std::string> values;
  const Status read =
      vault.ReadSubjectBlobs(subject, [&](std::string_view, std::string_view plaintext) {
        values.emplace_back(plaintext);
        return true;
      });
  if (!read.ok()) {
    for (std::string& value : values) OPENSSL_cleanse(value.data(), value.size());
    switch (read.code()) {
      case StatusCode::kFailedPrecondition:
        return FailedPreconditionError("the tokenized values of " + std::string(subject) +
                                       " cannot be read back: " + read.message());
      case StatusCode::kNotFound:
        return NotFoundError("nothing was tokenized for subject " + std::string(subject) +
                             " in this ledger");
      default:
        return read.WithContext("reading the tokens of " + std::string(subject));
    }
  }
  const std::string_view data_subject =
      subject.substr(std::string_view(kTokenSubjectPrefix).size());
  return SubjectTokens(key, data_subject, std::move(values));
}

const std::string* SubjectTokens::Find(rd::EntityType type, std::string_view ref) const {
  const auto it = by_ref_.find(RefKey(type, ref));
  if (it == by_ref_.end() || !it->second.has_value()) return nullptr;
  return &values_[*it->second];
}

DetokenizedText Detokenize(const SubjectTokens& tokens, std::string_view text) {
  DetokenizedText result;
  size_t copied = 0;
  for (TokenPlaceholder& placeholder : FindTokenPlaceholders(text)) {
    const std::string* value = tokens.Find(placeholder.type, placeholder.ref);
    if (value == nullptr) {
      result.unresolved.push_back(std::move(placeholder));
      continue;
    }
    result.text.append(text.substr(copied, placeholder.start - copied)).append(*value);
    copied = placeholder.end;
    result.resolved.push_back(std::move(placeholder));
  }
  result.text.append(text.substr(copied));
  return result;
}

}  // namespace docket::adapters
