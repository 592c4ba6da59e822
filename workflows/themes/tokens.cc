// Tokenize and FoldedText; see tokens.h.
#include "workflows/themes/tokens.h"

#include <utf8proc.h>

#include <array>
#include <cstdint>

namespace docket::workflows::themes {
namespace {

// Scripts written without spaces between words.
bool Unspaced(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF) ||  // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
         (c >= 0x3040 && c <= 0x30FF) ||  // Hiragana, Katakana
         (c >= 0x3400 && c <= 0x4DBF) ||  // CJK Extension A
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK Unified Ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||  // CJK Compatibility Ideographs
         (c >= 0x20000 && c <= 0x2FA1F);  // CJK Extensions B-F, compatibility supplement
}

enum class Kind { kSeparator, kWord, kDigit, kUnspaced };

Kind KindOf(char32_t c) {
  if (Unspaced(c)) return Kind::kUnspaced;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_ND:
      return Kind::kDigit;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return Kind::kWord;
    default:
      return Kind::kSeparator;
  }
}

void AppendFolded(char32_t c, std::string& out) {
  // Simple case folding can change one code point into several (ß -> ss) only under
  // full folding; utf8proc_tolower is the simple mapping, which keeps offsets local.
  const utf8proc_int32_t lower = utf8proc_tolower(static_cast<utf8proc_int32_t>(c));
  std::array<utf8proc_uint8_t, 4> bytes{};
  const utf8proc_ssize_t n = utf8proc_encode_char(lower, bytes.data());
  out.append(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(n));
}

// A redaction placeholder at `pos` ('<', an upper-case type with an optional "_<n>"
// number, an optional ":<hex>" reference, '>'): returns its length and sets `type` to
// the lower-case type in angle brackets, or returns 0.
size_t Placeholder(std::string_view text, size_t pos, std::string& type) {
  constexpr size_t kLongest = 64;
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text[pos] != '<' || pos + 1 >= text.size() || !upper(text[pos + 1])) return 0;
  size_t end = pos + 1;
  while (end < text.size() && end - pos < kLongest &&
         (upper(text[end]) || digit(text[end]) || text[end] == '_')) {
    ++end;
  }
  std::string_view name = text.substr(pos + 1, end - pos - 1);
  if (end < text.size() && text[end] == ':') {
    ++end;
    while (end < text.size() && end - pos < kLongest &&
           (digit(text[end]) || (text[end] >= 'a' && text[end] <= 'f'))) {
      ++end;
    }
  }
  if (end >= text.size() || text[end] != '>') return 0;
  // "<EMAIL_1>": the trailing "_<digits>" is the number, not the type.
  if (const size_t underscore = name.rfind('_'); underscore != std::string_view::npos) {
    const std::string_view tail = name.substr(underscore + 1);
    if (!tail.empty() && tail.find_first_not_of("0123456789") == std::string_view::npos) {
      name = name.substr(0, underscore);
    }
  }
  if (name.empty()) return 0;
  type.assign("<");
  for (char c : name) type.push_back(upper(c) ? static_cast<char>(c - 'A' + 'a') : c);
  type.push_back('>');
  return end + 1 - pos;
}

struct Decoded {
  char32_t c;
  size_t length;  // bytes; 1 for an invalid byte (c = 0xFFFFFFFF)
};

constexpr char32_t kInvalid = 0xFFFFFFFF;

Decoded Decode(std::string_view text, size_t pos) {
  utf8proc_int32_t c = 0;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                       static_cast<utf8proc_ssize_t>(text.size() - pos), &c);
  if (n <= 0) return {kInvalid, 1};
  return {static_cast<char32_t>(c), static_cast<size_t>(n)};
}

// Walks the text once, calling `emit(token, unspaced)` for each token in order;
// `unspaced` is true for a character of a script written without spaces.
template <typename Emit>
void ForEachToken(std::string_view text, Emit emit) {
  std::string word;
  std::string placeholder;
  bool in_number = false;
  const auto flush = [&] {
    if (in_number) {
      emit(std::string_view("<num>"), false);
      in_number = false;
    } else if (!word.empty()) {
      emit(std::string_view(word), false);
    }
    word.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '<') {
      if (const size_t n = Placeholder(text, pos, placeholder); n > 0) {
        flush();
        emit(std::string_view(placeholder), false);
        pos += n;
        continue;
      }
    }
    const Decoded d = Decode(text, pos);
    const Kind kind = d.c == kInvalid ? Kind::kSeparator : KindOf(d.c);
    switch (kind) {
      case Kind::kDigit:
        if (!word.empty() && !in_number) {
          AppendFolded(d.c, word);  // "mp3", "ipv6": digits inside a word stay in it
        } else {
          in_number = true;
        }
        break;
      case Kind::kWord:
        if (in_number) flush();
        AppendFolded(d.c, word);
        break;
      case Kind::kUnspaced: {
        flush();
        std::string single;
        AppendFolded(d.c, single);
        emit(std::string_view(single), true);
        break;
      }
      case Kind::kSeparator: {
        // Inner punctuation of a number ("4.0.3", "1,299", "14:22", "2026-11-29").
        const char b = text[pos];
        const bool inner = in_number && (b == '.' || b == ',' || b == ':' || b == '-') &&
                           pos + 1 < text.size() && text[pos + 1] >= '0' && text[pos + 1] <= '9';
        if (!inner) flush();
        break;
      }
    }
    pos += d.length;
  }
  flush();
}

}  // namespace

std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  ForEachToken(text, [&](std::string_view token, bool) { tokens.emplace_back(token); });
  return tokens;
}

std::string FoldedText(std::string_view text) {
  std::string out;
  bool previous_unspaced = false;
  ForEachToken(text, [&](std::string_view token, bool unspaced) {
    // Characters of unspaced scripts stay together, as they were written.
    if (!out.empty() && !(unspaced && previous_unspaced)) out.push_back(' ');
    out.append(token);
    previous_unspaced = unspaced;
  });
  return out;
}

}  // namespace docket::workflows::themes
