// Token: one lexeme of a policy expression with its byte offset in the source. Value
// type; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace docket::policies::expr::internal {

enum class TokenKind {
  kEnd,
  kNumber,  // `number` holds the value, suffixes (%, s, m, h, d, w) already applied
  kString,  // `text` holds the decoded UTF-8 contents
  kName,    // `text` holds the dotted identifier
  kTrue,
  kFalse,
  kNull,
  kAnd,
  kOr,
  kNot,
  kIn,
  kLeftParen,
  kRightParen,
  kLeftBracket,
  kRightBracket,
  kComma,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  uint32_t offset = 0;  // byte offset of the first character in the source
  double number = 0;
  std::string text;
};

// How a token reads in a message: "')'", "'and'", "a number", "the end of the expression".
std::string DescribeToken(const Token& token);

}  // namespace docket::policies::expr::internal
