// Tokens: the words of a (redacted, NFC) feedback text, as near-duplicate detection and
// theme representation see them. Text is case-folded with Unicode rules (utf8proc) and
// split at everything that is not a letter, mark or digit. Three kinds of run are one
// token each:
//   - a redaction placeholder ("<EMAIL_1>", "<PERSON_NAME:3fa9c2d1e0b4>",
//     "<EMAIL_TOKEN:5d1c…>") becomes its type in angle brackets ("<email>",
//     "<person_name>"), so the same kind of value reads the same whatever it was;
//   - a run of digits (with inner '.', ',', ':' or '-', as in "4.0.3" or "14:22") becomes
//     "<num>", so versions, prices and times do not split near-identical texts apart;
//   - a character of a script written without spaces (Han, Hiragana, Katakana, Thai, Lao,
//     Khmer, Myanmar) is a token by itself, so word n-grams over such text are character
//     n-grams.
// Emoji and other symbols are dropped.
//
// FoldTokens is the one walk over the text behind both Tokenize and FoldedText: ASCII
// bytes are classified and folded by table, utf8proc is called only for non-ASCII code
// points, and tokens are spans of the one folded buffer rather than strings of their own.
// Pure functions; thread-safe (a FoldedTokens belongs to its caller).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docket::workflows::themes {

// FoldedText(text) and the position of every token of Tokenize(text) in it. Reusable:
// FoldTokens keeps the buffers' capacity, so a thread walking many texts with one
// FoldedTokens allocates only while they grow.
struct FoldedTokens {
  struct Span {
    size_t offset;  // bytes into `folded`
    size_t length;
  };
  std::string folded;
  std::vector<Span> tokens;
  bool ascii = true;  // `folded` is pure ASCII: one byte per code point

  std::string_view token(size_t i) const {
    return std::string_view(folded).substr(tokens[i].offset, tokens[i].length);
  }
};

// Fills `out` (cleared first) from `text`.
void FoldTokens(std::string_view text, FoldedTokens& out);

// The tokens of `text`, in order. Invalid UTF-8 bytes separate tokens and are dropped.
std::vector<std::string> Tokenize(std::string_view text);

// The tokens of `text` joined by single spaces (characters of unspaced scripts joined
// without one, as written): the input to character n-grams.
std::string FoldedText(std::string_view text);

}  // namespace docket::workflows::themes
