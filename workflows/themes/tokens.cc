// Tokenize and FoldedText; see tokens.h.
#include "workflows/themes/tokens.h"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <utility>

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

// Appends the simple lower-case mapping of `c`. Simple case folding can change one code
// point into several (ß -> ss) only under full folding; utf8proc_tolower is the simple
// mapping, which keeps offsets local. Returns false when the bytes are not ASCII.
bool AppendFolded(char32_t c, std::string& out) {
  const utf8proc_int32_t lower = utf8proc_tolower(static_cast<utf8proc_int32_t>(c));
  std::array<utf8proc_uint8_t, 4> bytes{};
  const utf8proc_ssize_t n = utf8proc_encode_char(lower, bytes.data());
  out.append(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(n));
  return lower < 0x80;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// What an ASCII byte is, by table: utf8proc's categories for U+0000..U+007F are letters
// (Lu, Ll), digits (Nd) and everything else (punctuation, symbols, spaces, controls).
enum class Ascii : uint8_t { kOther, kLetter, kDigit };
constexpr std::array<Ascii, 128> kAscii = [] {
  std::array<Ascii, 128> table{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) table[c] = Ascii::kLetter;
    if (c >= '0' && c <= '9') table[c] = Ascii::kDigit;
  }
  return table;
}();

// A redaction placeholder at `pos` ('<', an upper-case type with an optional "_<n>"
// number, an optional ":<hex>" reference, '>'): returns its length and sets `type` to
// its upper-case type (without the number), or returns 0.
size_t Placeholder(std::string_view text, size_t pos, std::string_view& type) {
  constexpr size_t kLongest = 64;
  if (text[pos] != '<' || pos + 1 >= text.size() || !IsUpper(text[pos + 1])) return 0;
  size_t end = pos + 1;
  while (end < text.size() && end - pos < kLongest &&
         (IsUpper(text[end]) || IsDigit(text[end]) || text[end] == '_')) {
    ++end;
  }
  std::string_view name = text.substr(pos + 1, end - pos - 1);
  if (end < text.size() && text[end] == ':') {
    ++end;
    while (end < text.size() && end - pos < kLongest &&
           (IsDigit(text[end]) || (text[end] >= 'a' && text[end] <= 'f'))) {
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
  type = name;
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

// One walk over a text, writing each token straight into the folded buffer: a word's
// characters are appended as they are read, a number becomes "<num>" when it ends. A
// token is preceded by a space unless it is the first or both it and the token before
// are characters of unspaced scripts (written together, as in the text).
class TokenWalk {
 public:
  explicit TokenWalk(FoldedTokens& out) : out_(out), folded_(out.folded) {}

  void Run(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
      const char b = text[pos];
      if (static_cast<unsigned char>(b) >= 0x80) {
        pos += NonAscii(text, pos);
      } else if (kAscii[static_cast<unsigned char>(b)] == Ascii::kLetter) {
        pos = AsciiWord(text, pos);
      } else if (kAscii[static_cast<unsigned char>(b)] == Ascii::kDigit) {
        Digit(b);
        ++pos;
      } else {
        pos += AsciiOther(text, pos);
      }
    }
    Flush();
  }

 private:
  enum class State { kIdle, kWord, kNumber };

  void BeginToken(bool unspaced) {
    if (!folded_.empty() && !(unspaced && previous_unspaced_)) folded_.push_back(' ');
    previous_unspaced_ = unspaced;
    start_ = folded_.size();
  }
  void EndToken() { out_.tokens.push_back({start_, folded_.size() - start_}); }

  // Ends the word or number being read, if any.
  void Flush() {
    if (state_ == State::kNumber) {
      BeginToken(false);
      folded_.append("<num>");
      EndToken();
    } else if (state_ == State::kWord) {
      EndToken();
    }
    state_ = State::kIdle;
  }

  void StartWord() {
    if (state_ == State::kNumber) Flush();
    if (state_ == State::kIdle) {
      BeginToken(false);
      state_ = State::kWord;
    }
  }
  // A run of ASCII letters and digits from the letter at `pos`: part of one word, folded
  // in one go. Returns where the run ends.
  size_t AsciiWord(std::string_view text, size_t pos) {
    StartWord();
    size_t end = pos + 1;
    while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80 &&
           kAscii[static_cast<unsigned char>(text[end])] != Ascii::kOther) {
      ++end;
    }
    const size_t at = folded_.size();
    folded_.append(text.substr(pos, end - pos));
    for (size_t i = at; i < folded_.size(); ++i) folded_[i] = Lower(folded_[i]);
    return end;
  }
  void Digit(char byte) {
    if (state_ == State::kWord) {
      folded_.push_back(byte);  // "mp3", "ipv6": digits inside a word stay in it
    } else {
      state_ = State::kNumber;
    }
  }

  // Punctuation, symbols and spaces: a placeholder, inner punctuation of a number
  // ("4.0.3", "1,299", "14:22", "2026-11-29"), or a separator. Returns bytes read.
  size_t AsciiOther(std::string_view text, size_t pos) {
    const char b = text[pos];
    std::string_view type;
    if (b == '<') {
      if (const size_t n = Placeholder(text, pos, type); n > 0) {
        Flush();
        BeginToken(false);
        folded_.push_back('<');
        for (char c : type) folded_.push_back(Lower(c));
        folded_.push_back('>');
        EndToken();
        return n;
      }
    }
    const bool inner = state_ == State::kNumber && (b == '.' || b == ',' || b == ':' || b == '-') &&
                       pos + 1 < text.size() && IsDigit(text[pos + 1]);
    if (!inner) Flush();
    return 1;
  }

  // A non-ASCII code point (or invalid byte, a separator). Returns bytes read.
  size_t NonAscii(std::string_view text, size_t pos) {
    const Decoded d = Decode(text, pos);
    switch (d.c == kInvalid ? Kind::kSeparator : KindOf(d.c)) {
      case Kind::kDigit:
        if (state_ == State::kWord) {
          Append(d.c);
        } else {
          state_ = State::kNumber;
        }
        break;
      case Kind::kWord:
        StartWord();
        Append(d.c);
        break;
      case Kind::kUnspaced:
        Flush();
        BeginToken(true);
        Append(d.c);
        EndToken();
        break;
      case Kind::kSeparator:
        Flush();
        break;
    }
    return d.length;
  }
  void Append(char32_t c) {
    if (!AppendFolded(c, folded_)) out_.ascii = false;
  }

  FoldedTokens& out_;
  std::string& folded_;
  State state_ = State::kIdle;
  size_t start_ = 0;
  bool previous_unspaced_ = false;
};

}  // namespace

void FoldTokens(std::string_view text, FoldedTokens& out) {
  out.folded.clear();
  out.tokens.clear();
  out.ascii = true;
  TokenWalk(out).Run(text);
}

std::vector<std::string> Tokenize(std::string_view text) {
  FoldedTokens walked;
  FoldTokens(text, walked);
  std::vector<std::string> tokens;
  tokens.reserve(walked.tokens.size());
  for (size_t i = 0; i < walked.tokens.size(); ++i) tokens.emplace_back(walked.token(i));
  return tokens;
}

std::string FoldedText(std::string_view text) {
  FoldedTokens walked;
  FoldTokens(text, walked);
  return std::move(walked.folded);
}

}  // namespace docket::workflows::themes
