#include "workflows/ingest/normalize.h"

#include <utf8proc.h>

#include <array>
#include <string>
#include <utility>

#include "workflows/ingest/internal/nfc.h"
#include "workflows/ingest/utf8.h"

namespace docket::workflows {
namespace {

// Bytes that send text down the slow path: non-ASCII, CR, and controls other than \t \n.
constexpr std::array<bool, 256> kNeedsTextWork = [] {
  std::array<bool, 256> work{};
  for (int c = 0; c < 256; ++c) {
    work[c] = c >= 0x80 || c == 0x7F || (c < 0x20 && c != '\t' && c != '\n');
  }
  return work;
}();

// Length of the non-ASCII white-space character (NBSP, U+1680, U+2000..U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000, U+FEFF) whose UTF-8 bytes are all of `s`, or 0.
size_t UnicodeSpaceLength(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (s.size() == 2) return p[0] == 0xC2 && p[1] == 0xA0 ? 2 : 0;
  if (s.size() != 3) return 0;
  const bool space =
      (p[0] == 0xE1 && p[1] == 0x9A && p[2] == 0x80) ||
      (p[0] == 0xE2 && p[1] == 0x80 &&
       ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF)) ||
      (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F) ||
      (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) ||
      (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF);
  return space ? 3 : 0;
}

// Length of the white-space character at the start (or end) of `s`, or 0.
size_t SpaceLengthAt(std::string_view s, bool at_end) {
  if (s.empty()) return 0;
  const auto edge = static_cast<unsigned char>(at_end ? s.back() : s.front());
  if (edge < 0x80) return edge == ' ' || (edge >= '\t' && edge <= '\r') ? 1 : 0;
  for (const size_t n : {size_t{2}, size_t{3}}) {
    if (s.size() < n) break;
    if (UnicodeSpaceLength(at_end ? s.substr(s.size() - n) : s.substr(0, n)) == n) return n;
  }
  return 0;
}

// Removes leading and trailing white space without reallocating.
void TrimInPlace(std::string& s) {
  const std::string_view trimmed = TrimWhiteSpace(s);
  if (trimmed.size() == s.size()) return;
  const size_t begin = static_cast<size_t>(trimmed.data() - s.data());
  s.erase(begin + trimmed.size());
  s.erase(0, begin);
}

// Whether valid UTF-8 `text` holds a character StripControls() removes or rewrites.
bool HasControls(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && kNeedsTextWork[c]) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

// CRLF and lone CR become \n; C0 controls other than \t \n, DEL and C1 controls go.
// `text` is valid UTF-8, so a C2 lead byte is always followed by a continuation byte.
std::string StripControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      if (i + 1 == text.size() || text[i + 1] != '\n') out.push_back('\n');
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      ++i;  // U+0080..U+009F
    } else if (c >= 0x80 || !kNeedsTextWork[c]) {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

void NormalizeTextInPlace(std::string& text) {
  bool needs_work = false;
  for (char c : text) needs_work |= kNeedsTextWork[static_cast<unsigned char>(c)];
  if (needs_work) {
    if (!IsValidUtf8(text)) text = SafeUtf8Excerpt(text, text.size() * 3);
    if (HasControls(text)) text = StripControls(text);
    if (!internal::IsCertainlyNfc(text)) text = internal::ToNfc(text);
  }
  TrimInPlace(text);
}

char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Lowercases letters (Unicode simple case mapping); ill-formed bytes pass through.
void LowercaseInPlace(std::string& s) {
  bool ascii = true;
  for (char& c : s) {
    ascii &= static_cast<unsigned char>(c) < 0x80;
    c = AsciiLower(c);
  }
  if (ascii) return;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                         static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) {
      out.push_back(s[i++]);
      continue;
    }
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(written));
    i += static_cast<size_t>(len);
  }
  s = std::move(out);
}

// Replaces each run of inner white space with a single '_'.
void JoinWordsInPlace(std::string& s) {
  std::string_view rest = s;
  std::string out;
  out.reserve(s.size());
  bool changed = false;
  while (!rest.empty()) {
    if (SpaceLengthAt(rest, /*at_end=*/false) != 0) {
      while (size_t n = SpaceLengthAt(rest, /*at_end=*/false)) rest.remove_prefix(n);
      out.push_back('_');
      changed = true;
    } else {
      out.push_back(rest.front());
      rest.remove_prefix(1);
    }
  }
  if (changed) s = std::move(out);
}

bool IsAsciiAlpha(std::string_view s) {
  for (char c : s) {
    if (AsciiLower(c) < 'a' || AsciiLower(c) > 'z') return false;
  }
  return !s.empty();
}

void NormalizeCategory(std::string& s) {
  TrimInPlace(s);
  LowercaseInPlace(s);
}

void NormalizeFeatureArea(std::string& s) {
  NormalizeCategory(s);
  JoinWordsInPlace(s);
}

void NormalizeRegion(std::string& s) {
  TrimInPlace(s);
  for (char& c : s) c = AsciiUpper(c);
}

void NormalizeReleaseVersion(std::string& s) {
  TrimInPlace(s);
  if (s.size() > 1 && AsciiLower(s[0]) == 'v' && s[1] >= '0' && s[1] <= '9') s.erase(0, 1);
}

void NormalizeLanguageInPlace(std::string& s) { s = NormalizeLanguageTag(s); }

// Applies `edit` to a string field, leaving unset fields unset (and unallocated).
using MutableField = std::string* (FeedbackRecord::*)();
void Edit(FeedbackRecord& record, const std::string& value, MutableField field,
          void (*edit)(std::string&)) {
  if (!value.empty()) edit(*(record.*field)());
}

}  // namespace

std::string_view TrimWhiteSpace(std::string_view s) {
  while (size_t n = SpaceLengthAt(s, /*at_end=*/false)) s.remove_prefix(n);
  while (size_t n = SpaceLengthAt(s, /*at_end=*/true)) s.remove_suffix(n);
  return s;
}

std::string NormalizeText(std::string_view text) {
  std::string out(text);
  NormalizeTextInPlace(out);
  return out;
}

std::string NormalizeLanguageTag(std::string_view tag) {
  std::string out(TrimWhiteSpace(tag));
  LowercaseInPlace(out);
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  // After the primary subtag: 2 letters are a region (upper), 4 letters a script (title).
  for (size_t dash = out.find('-'); dash != std::string::npos;) {
    const size_t start = dash + 1;
    dash = out.find('-', start);
    const size_t end = dash == std::string::npos ? out.size() : dash;
    const std::string_view part(out.data() + start, end - start);
    if (IsAsciiAlpha(part) && (part.size() == 2 || part.size() == 4)) {
      out[start] = AsciiUpper(out[start]);
      if (part.size() == 2) out[start + 1] = AsciiUpper(out[start + 1]);
    }
  }
  return out;
}

void NormalizeRecord(FeedbackRecord& record) {
  Edit(record, record.text(), &FeedbackRecord::mutable_text, NormalizeTextInPlace);
  Edit(record, record.source(), &FeedbackRecord::mutable_source, NormalizeCategory);
  Edit(record, record.channel(), &FeedbackRecord::mutable_channel, NormalizeCategory);
  Edit(record, record.customer_tier(), &FeedbackRecord::mutable_customer_tier, NormalizeCategory);
  Edit(record, record.feature_area(), &FeedbackRecord::mutable_feature_area, NormalizeFeatureArea);
  Edit(record, record.language(), &FeedbackRecord::mutable_language, NormalizeLanguageInPlace);
  Edit(record, record.region(), &FeedbackRecord::mutable_region, NormalizeRegion);
  Edit(record, record.release_version(), &FeedbackRecord::mutable_release_version,
       NormalizeReleaseVersion);
  Edit(record, record.product(), &FeedbackRecord::mutable_product, TrimInPlace);
  Edit(record, record.request_id(), &FeedbackRecord::mutable_request_id, TrimInPlace);
  Edit(record, record.error_code(), &FeedbackRecord::mutable_error_code, TrimInPlace);
}

}  // namespace docket::workflows
