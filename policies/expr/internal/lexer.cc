#include "policies/expr/internal/lexer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "policies/expr/internal/literal_lexing.h"
#include "policies/expr/internal/source_position.h"

namespace docket::policies::expr::internal {
namespace {

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

TokenKind KeywordOrName(std::string_view word) {
  if (word == "and") return TokenKind::kAnd;
  if (word == "or") return TokenKind::kOr;
  if (word == "not") return TokenKind::kNot;
  if (word == "in") return TokenKind::kIn;
  if (word == "true") return TokenKind::kTrue;
  if (word == "false") return TokenKind::kFalse;
  if (word == "null") return TokenKind::kNull;
  return TokenKind::kName;
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  StatusOr<std::vector<Token>> Run() {
    std::vector<Token> tokens;
    while (true) {
      SkipSpace();
      Token token;
      token.offset = static_cast<uint32_t>(at_);
      if (at_ == source_.size()) {
        tokens.push_back(std::move(token));
        return tokens;
      }
      DOCKET_RETURN_IF_ERROR(Next(token));
      tokens.push_back(std::move(token));
    }
  }

 private:
  void SkipSpace() {
    while (at_ < source_.size() && (source_[at_] == ' ' || source_[at_] == '\t' ||
                                    source_[at_] == '\n' || source_[at_] == '\r')) {
      ++at_;
    }
  }

  char Peek(size_t ahead = 0) const {
    return at_ + ahead < source_.size() ? source_[at_ + ahead] : '\0';
  }

  Status Next(Token& token) {
    const char c = Peek();
    if (c >= '0' && c <= '9') {
      token.kind = TokenKind::kNumber;
      DOCKET_ASSIGN_OR_RETURN(at_, LexNumber(source_, at_, token.number));
      return Status::Ok();
    }
    if (c == '\'' || c == '"') {
      token.kind = TokenKind::kString;
      DOCKET_ASSIGN_OR_RETURN(at_, LexString(source_, at_, token.text));
      return Status::Ok();
    }
    if (IsNameStart(c)) return LexName(token);
    return LexOperator(token);
  }

  Status LexName(Token& token) {
    const size_t start = at_;
    while (true) {
      while (IsNameChar(Peek())) ++at_;
      if (Peek() != '.') break;
      if (!IsNameStart(Peek(1))) {
        return ErrorAt(StatusCode::kInvalidArgument, source_, at_ + 1,
                       "expected a name part after '.'");
      }
      ++at_;
    }
    token.text = std::string(source_.substr(start, at_ - start));
    token.kind = KeywordOrName(token.text);
    return Status::Ok();
  }

  Status LexOperator(Token& token) {
    const char c = Peek();
    const char next = Peek(1);
    const auto take = [&](TokenKind kind, size_t length) {
      token.kind = kind;
      at_ += length;
      return Status::Ok();
    };
    switch (c) {
      case '(':
        return take(TokenKind::kLeftParen, 1);
      case ')':
        return take(TokenKind::kRightParen, 1);
      case '[':
        return take(TokenKind::kLeftBracket, 1);
      case ']':
        return take(TokenKind::kRightBracket, 1);
      case ',':
        return take(TokenKind::kComma, 1);
      case '+':
        return take(TokenKind::kPlus, 1);
      case '-':
        return take(TokenKind::kMinus, 1);
      case '*':
        return take(TokenKind::kStar, 1);
      case '/':
        return take(TokenKind::kSlash, 1);
      case '<':
        return next == '=' ? take(TokenKind::kLessEqual, 2) : take(TokenKind::kLess, 1);
      case '>':
        return next == '=' ? take(TokenKind::kGreaterEqual, 2) : take(TokenKind::kGreater, 1);
      case '=':
        if (next == '=') return take(TokenKind::kEqual, 2);
        return Error("unexpected '='; compare with '=='");
      case '!':
        if (next == '=') return take(TokenKind::kNotEqual, 2);
        return Error("unexpected '!'; negate with 'not'");
      case '&':
        return Error("unexpected '&'; combine conditions with 'and'");
      case '|':
        return Error("unexpected '|'; combine conditions with 'or'");
      case '%':
        return Error("unexpected '%'; write a percentage with no space, as in 10%");
      default:
        return Error(DescribeUnexpected(c));
    }
  }

  static std::string DescribeUnexpected(char c) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7f) return std::string("unexpected character '") + c + "'";
    char text[48];
    std::snprintf(text, sizeof(text), "unexpected byte 0x%02X", byte);
    return text;
  }

  Status Error(std::string_view what) const {
    return ErrorAt(StatusCode::kInvalidArgument, source_, at_, what);
  }

  std::string_view source_;
  size_t at_ = 0;
};

}  // namespace

StatusOr<std::vector<Token>> Lex(std::string_view source) { return Lexer(source).Run(); }

}  // namespace docket::policies::expr::internal
