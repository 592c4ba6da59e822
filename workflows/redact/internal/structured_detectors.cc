// Hand-written detectors keyed on one character or literal: '@' (email), "://" (URL
// secrets), ':' (IPv6), letter-letter-digit-digit at a word start (IBAN), and the end of
// a street address (the postcode after it). Every
// expansion around an anchor is bounded, and scanning resumes past what was examined,
// so 1 MB of '@' or ':' costs one pass.
#include <algorithm>
#include <string>

#include "workflows/redact/internal/checksums.h"
#include "workflows/redact/internal/context_words.h"
#include "workflows/redact/internal/detectors.h"

namespace docket::workflows::redact::internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsDigit(c) || IsLetter(c); }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsLocalPart(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool IsDomain(char c) { return IsAlnum(c) || c == '.' || c == '-'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

void Emit(std::string_view text, size_t start, size_t end, EntityType type, const char* detector,
          const char* validator, double base, std::vector<Detection>& out) {
  const ContextWindow context(text, start, end);
  out.push_back(Detection{.start = start,
                          .end = end,
                          .type = type,
                          .detector = detector,
                          .validator = validator,
                          .score = AdjustScore(type, context, base)});
}

bool DomainValid(std::string_view domain) {
  if (domain.size() < 4 || domain.find('.') == std::string_view::npos) return false;
  size_t label_start = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i < domain.size() && domain[i] != '.') continue;
    const std::string_view label = domain.substr(label_start, i - label_start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    label_start = i + 1;
  }
  const std::string_view tld = domain.substr(domain.rfind('.') + 1);
  return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), IsLetter);
}

bool SensitiveParameter(std::string_view key) {
  std::string lower;
  for (char c : key) lower.push_back(Lower(c));
  static constexpr std::string_view kKeys[] = {
      "token",
      "access_token",
      "accesstoken",
      "refresh_token",
      "id_token",
      "auth",
      "auth_token",
      "authtoken",
      "api_key",
      "apikey",
      "api-key",
      "key",
      "secret",
      "client_secret",
      "password",
      "passwd",
      "pass",
      "pwd",
      "sig",
      "signature",
      "x-amz-signature",
      "x-amz-credential",
      "x-amz-security-token",
      "session",
      "sessionid",
      "session_id",
      "sid",
      "jwt",
      "private_token",
      "bearer",
      "code_verifier",
      "otp",
  };
  return std::find(std::begin(kKeys), std::end(kKeys), lower) != std::end(kKeys);
}

// True when `host` + `path` is a webhook whose path is the credential: whoever has
// the URL can post as the owner (Slack incoming webhooks, Discord, Microsoft Teams).
bool SecretBearingPath(std::string_view host, std::string_view path) {
  struct Shape {
    std::string_view host;  // exact, or a suffix when it starts with '.'
    std::string_view path_prefix;
    size_t min_path;  // shorter paths are documentation links, not live hooks
  };
  static constexpr Shape kShapes[] = {
      {"hooks.slack.com", "/services/T", 30},     {"hooks.slack.com", "/workflows/T", 30},
      {"discord.com", "/api/webhooks/", 40},      {"discordapp.com", "/api/webhooks/", 40},
      {".webhook.office.com", "/webhookb2/", 40},
  };
  std::string lower_host;
  for (char c : host) lower_host.push_back(Lower(c));
  for (const Shape& shape : kShapes) {
    const bool host_matches = shape.host.front() == '.'
                                  ? std::string_view(lower_host).ends_with(shape.host)
                                  : lower_host == shape.host;
    if (host_matches && path.starts_with(shape.path_prefix) && path.size() >= shape.min_path) {
      return true;
    }
  }
  return false;
}

// True when `url` (scheme://...) carries a password in its userinfo, a secret in a
// query or fragment parameter, or is a webhook whose path is the secret.
bool UrlCarriesSecret(std::string_view url) {
  const size_t authority_start = url.find("://") + 3;
  const size_t authority_end = std::min(url.find_first_of("/?#", authority_start), url.size());
  const std::string_view authority = url.substr(authority_start, authority_end - authority_start);
  const size_t path_end = std::min(url.find_first_of("?#", authority_end), url.size());
  const std::string_view host = authority.substr(authority.rfind('@') + 1);
  if (SecretBearingPath(host.substr(0, host.find(':')),
                        url.substr(authority_end, path_end - authority_end))) {
    return true;
  }
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    const size_t colon = userinfo.find(':');
    if (colon != std::string_view::npos && colon + 1 < userinfo.size()) return true;
  }
  size_t pos = url.find_first_of("?#", authority_end);
  while (pos != std::string_view::npos && pos < url.size()) {
    const size_t param_end = std::min(url.find_first_of("&;#", pos + 1), url.size());
    const std::string_view param = url.substr(pos + 1, param_end - pos - 1);
    const size_t eq = param.find('=');
    if (eq != std::string_view::npos && eq + 1 < param.size() &&
        SensitiveParameter(param.substr(0, eq))) {
      return true;
    }
    pos = param_end < url.size() ? param_end : std::string_view::npos;
  }
  return false;
}

bool IsUrlByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u != 0x7F && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`';
}

}  // namespace

namespace {

// Start of the UTF-8 sequence ending just before `end` if it is a non-ASCII letter-like
// code point (RFC 6531 local parts: "jörg@"), else `end`. Excluded: U+0080-U+00BF
// (NBSP, «, », ·), U+2000-U+207F (general punctuation: quotes, dashes, spaces) and
// U+3000-U+303F (CJK punctuation), so quotes and spaces before an address stay outside.
size_t NonAsciiLocalStart(std::string_view text, size_t end, size_t floor) {
  size_t lead = end;
  while (lead > floor && end - lead < 4 &&
         (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80) {
    --lead;
  }
  if (lead == floor || lead == end) return end;
  const auto b0 = static_cast<unsigned char>(text[lead - 1]);
  const auto b1 = static_cast<unsigned char>(text[lead]);
  if (b0 < 0xC3 || b0 > 0xF4) return end;
  if ((b0 == 0xE2 && b1 <= 0x81) || (b0 == 0xE3 && b1 == 0x80)) return end;
  return lead - 1;
}

}  // namespace

void DetectEmails(std::string_view text, std::vector<Detection>& out) {
  size_t resume = 0;
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at < resume) continue;
    size_t start = at;
    while (start > resume && at - start < 64) {
      if (IsLocalPart(text[start - 1])) {
        --start;
      } else if (const size_t lead = NonAsciiLocalStart(text, start, resume); lead < start) {
        start = lead;
      } else {
        break;
      }
    }
    while (start < at && text[start] == '.') ++start;
    if (start == at || text[at - 1] == '.') continue;
    size_t end = at + 1;
    while (end < text.size() && end - at <= 253 && IsDomain(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    if (!DomainValid(text.substr(at + 1, end - at - 1))) continue;
    Emit(text, start, end, EntityType::kEmail, "email", "email.syntax", 0.95, out);
    resume = end;
  }
}

void DetectUrlSecrets(std::string_view text, std::vector<Detection>& out) {
  size_t resume = 0;
  for (size_t mark = text.find("://"); mark != std::string_view::npos;
       mark = text.find("://", mark + 3)) {
    if (mark < resume) continue;
    size_t start = mark;
    while (start > resume && mark - start < 16 &&
           (IsAlnum(text[start - 1]) || text[start - 1] == '+' || text[start - 1] == '.' ||
            text[start - 1] == '-')) {
      --start;
    }
    while (start < mark && !IsLetter(text[start])) ++start;
    if (mark - start < 2) continue;
    size_t end = mark + 3;
    while (end < text.size() && end - start < 4096 && IsUrlByte(text[end])) ++end;
    while (end > mark + 3 &&
           std::string_view(".,;:!?)]}").find(text[end - 1]) != std::string_view::npos) {
      --end;
    }
    resume = end;
    if (UrlCarriesSecret(text.substr(start, end - start))) {
      Emit(text, start, end, EntityType::kUrlSecret, "url", "url.secret_parameter", 0.99, out);
    }
  }
}

void DetectIpv6(std::string_view text, std::vector<Detection>& out) {
  const auto token_byte = [](char c) { return IsHex(c) || c == ':' || c == '.'; };
  size_t pos = text.find(':');
  while (pos != std::string_view::npos) {
    size_t start = pos;
    while (start > 0 && pos - start < 46 && token_byte(text[start - 1])) --start;
    size_t end = pos;
    while (end < text.size() && end - start < 64 && token_byte(text[end])) ++end;
    const size_t resume = end;
    while (end > start && (text[end - 1] == '.' || text[end - 1] == ':')) --end;
    while (start < end && text[start] == '.') ++start;
    const bool bounded = (start == 0 || !(IsAlnum(text[start - 1]) || text[start - 1] == '_' ||
                                          token_byte(text[start - 1]))) &&
                         (resume >= text.size() || !(IsAlnum(text[resume]) || text[resume] == '_'));
    const std::string_view token = text.substr(start, end - start);
    if (bounded && token.size() >= 7 && std::count(token.begin(), token.end(), ':') >= 2 &&
        Ipv6Valid(token)) {
      Emit(text, start, end, EntityType::kIpAddress, "ipv6", "ipv6.syntax", 0.85, out);
    }
    // Skip the rest of this run of token bytes before looking for the next ':'.
    size_t next = resume;
    while (next < text.size() && (token_byte(text[next]) || IsAlnum(text[next]))) ++next;
    pos = text.find(':', std::max(next, pos + 1));
  }
}

void DetectIbans(std::string_view text, std::vector<Detection>& out) {
  constexpr size_t kMaxIbanLength = 34;  // ISO 13616
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    // Digits are rarer than letters: a non-digit at i + 3 rules out i and i + 1.
    if (!IsDigit(text[i + 3])) {
      ++i;
      continue;
    }
    if (!IsLetter(text[i]) || !IsLetter(text[i + 1]) || !IsDigit(text[i + 2]) ||
        !IsDigit(text[i + 3]) || (i > 0 && IsAlnum(text[i - 1]))) {
      continue;
    }
    const char country[2] = {static_cast<char>(text[i] & ~0x20),
                             static_cast<char>(text[i + 1] & ~0x20)};
    const size_t length = static_cast<size_t>(IbanLength(std::string_view(country, 2)));
    if (length == 0 || length > kMaxIbanLength) continue;
    char buffer[kMaxIbanLength];
    size_t compact_size = 0;
    size_t end = i;
    while (end < text.size() && compact_size < length) {
      if (IsAlnum(text[end])) {
        buffer[compact_size++] = text[end++];
      } else if ((text[end] == ' ' || text[end] == '-') && end + 1 < text.size() &&
                 IsAlnum(text[end + 1]) && end > i + 3) {
        ++end;
      } else {
        break;
      }
    }
    if (compact_size != length || (end < text.size() && IsAlnum(text[end]))) continue;
    if (!IbanValid(std::string_view(buffer, compact_size))) continue;
    Emit(text, i, end, EntityType::kIban, "iban", "iban.mod97", 0.95, out);
    i = end - 1;
  }
}

void DetectPostcodesAfterAddresses(std::string_view text, std::vector<Detection>& out) {
  // Between the street and the postcode: ", " and at most one short unit ("3º B, ",
  // "Apt 4B, ", "2e étage, ") that holds no five-digit run.
  constexpr size_t kMaxUnit = 14;
  const auto skip_blanks = [&](size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    return i;
  };
  const auto five_digits_then_town = [&](size_t i) {
    if (i + 7 > text.size()) return false;
    for (size_t k = i; k < i + 5; ++k) {
      if (!IsDigit(text[k])) return false;
    }
    size_t town = i + 5;
    if (text[town] != ' ' && text[town] != '\t') return false;
    town = skip_blanks(town);
    if (town >= text.size()) return false;
    const auto lead = static_cast<unsigned char>(text[town]);
    return (lead >= 'A' && lead <= 'Z') || lead >= 0xC3;  // "Berlin", "Élancourt"
  };
  const size_t count = out.size();
  for (size_t d = 0; d < count; ++d) {
    if (out[d].type != EntityType::kStreetAddress) continue;
    size_t i = out[d].end;
    if (i < text.size() && text[i] == ',') ++i;
    i = skip_blanks(i);
    if (!five_digits_then_town(i)) {
      const size_t comma = text.substr(i, kMaxUnit).find(',');
      if (comma == std::string_view::npos || comma == 0) continue;
      const std::string_view unit = text.substr(i, comma);
      if (unit.find('\n') != std::string_view::npos) continue;
      i = skip_blanks(i + comma + 1);
      if (!five_digits_then_town(i)) continue;
    }
    if (i > 0 && IsDigit(text[i - 1])) continue;
    out.push_back(Detection{.start = i,
                            .end = i + 5,
                            .type = EntityType::kPostcode,
                            .detector = "postcode.after_address",
                            .validator = "five_digits_town",
                            .score = 0.8});
  }
}

}  // namespace docket::workflows::redact::internal
