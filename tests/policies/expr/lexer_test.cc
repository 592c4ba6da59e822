#include "policies/expr/internal/lexer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docket::policies::expr::internal {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<TokenKind> Kinds(std::string_view source) {
  StatusOr<std::vector<Token>> tokens = Lex(source);
  EXPECT_TRUE(tokens.ok()) << tokens.status().ToString();
  std::vector<TokenKind> kinds;
  if (tokens.ok()) {
    for (const Token& token : *tokens) kinds.push_back(token.kind);
  }
  return kinds;
}

double Number(std::string_view source) {
  StatusOr<std::vector<Token>> tokens = Lex(source);
  EXPECT_TRUE(tokens.ok()) << tokens.status().ToString();
  if (!tokens.ok()) return -1;
  EXPECT_EQ(tokens->size(), 2u);
  EXPECT_EQ(tokens->front().kind, TokenKind::kNumber);
  return tokens->front().number;
}

std::string Text(std::string_view source) {
  StatusOr<std::vector<Token>> tokens = Lex(source);
  EXPECT_TRUE(tokens.ok()) << tokens.status().ToString();
  return tokens.ok() ? tokens->front().text : "";
}

std::string Error(std::string_view source) {
  StatusOr<std::vector<Token>> tokens = Lex(source);
  EXPECT_FALSE(tokens.ok()) << source;
  if (tokens.ok()) return "";
  EXPECT_EQ(tokens.status().code(), StatusCode::kInvalidArgument);
  return tokens.status().message();
}

TEST(PolicyExprLexerTest, OperatorsAndKeywords) {
  using K = TokenKind;
  EXPECT_EQ(
      Kinds("( ) [ ] , + - * / == != < <= > >="),
      (std::vector<K>{K::kLeftParen, K::kRightParen, K::kLeftBracket, K::kRightBracket, K::kComma,
                      K::kPlus, K::kMinus, K::kStar, K::kSlash, K::kEqual, K::kNotEqual, K::kLess,
                      K::kLessEqual, K::kGreater, K::kGreaterEqual, K::kEnd}));
  EXPECT_EQ(
      Kinds("and or not in true false null"),
      (std::vector<K>{K::kAnd, K::kOr, K::kNot, K::kIn, K::kTrue, K::kFalse, K::kNull, K::kEnd}));
  EXPECT_EQ(Kinds(""), (std::vector<K>{K::kEnd}));
  EXPECT_EQ(Kinds(" \t\r\n"), (std::vector<K>{K::kEnd}));
  EXPECT_EQ(Kinds("a<=b"), (std::vector<K>{K::kName, K::kLessEqual, K::kName, K::kEnd}));
}

TEST(PolicyExprLexerTest, TokensRecordByteOffsets) {
  StatusOr<std::vector<Token>> tokens = Lex("ab  >= 12");
  ASSERT_TRUE(tokens.ok());
  EXPECT_EQ((*tokens)[0].offset, 0u);
  EXPECT_EQ((*tokens)[1].offset, 4u);
  EXPECT_EQ((*tokens)[2].offset, 7u);
  EXPECT_EQ((*tokens)[3].offset, 9u);
}

TEST(PolicyExprLexerTest, DottedNames) {
  EXPECT_EQ(Text("signals.regression.failed"), "signals.regression.failed");
  EXPECT_EQ(Text("_x1.y_2"), "_x1.y_2");
  EXPECT_EQ(Text("evidence.in"), "evidence.in");  // keywords are fine after a dot
  EXPECT_EQ(Kinds("andx"), (std::vector<TokenKind>{TokenKind::kName, TokenKind::kEnd}));
  EXPECT_THAT(Error("a..b"), StartsWith("expected a name part after '.' at column 3"));
  EXPECT_THAT(Error("a.1"), StartsWith("expected a name part after '.' at column 3"));
}

TEST(PolicyExprLexerTest, Numbers) {
  EXPECT_EQ(Number("0"), 0);
  EXPECT_EQ(Number("12.5"), 12.5);
  EXPECT_EQ(Number("1e3"), 1000);
  EXPECT_EQ(Number("2.5E-1"), 0.25);
  EXPECT_EQ(Number("1e+2"), 100);
  EXPECT_EQ(Number("007"), 7);
}

TEST(PolicyExprLexerTest, PercentAndDurationUnits) {
  EXPECT_EQ(Number("10%"), 0.1);
  EXPECT_EQ(Number("2.5%"), 0.025);
  EXPECT_EQ(Number("30s"), 30);
  EXPECT_EQ(Number("30m"), 1800);
  EXPECT_EQ(Number("48h"), 172800);
  EXPECT_EQ(Number("1.5h"), 5400);
  EXPECT_EQ(Number("7d"), 604800);
  EXPECT_EQ(Number("2w"), 1209600);
  EXPECT_THAT(Error("10ms"), StartsWith("unknown unit 'ms'; use %, s, m, h, d or w at column 3"));
  EXPECT_THAT(Error("3e"), StartsWith("unknown unit 'e'"));
  EXPECT_THAT(Error("10 %"), StartsWith("unexpected '%'"));
}

TEST(PolicyExprLexerTest, NumbersMustBeFinite) {
  EXPECT_THAT(Error("1e309"), StartsWith("number out of range at column 1"));
  EXPECT_THAT(Error("x > 1e400"), StartsWith("number out of range at column 5"));
  EXPECT_THAT(Error("1e305w"), StartsWith("number out of range at column 1"));
  EXPECT_THAT(Error("1e-400"), StartsWith("number out of range"));
  EXPECT_THAT(Error("1."), StartsWith("expected a digit after '.' at column 3"));
}

TEST(PolicyExprLexerTest, Strings) {
  EXPECT_EQ(Text("'critical'"), "critical");
  EXPECT_EQ(Text("\"high\""), "high");
  EXPECT_EQ(Text("'it\\'s'"), "it's");
  EXPECT_EQ(Text("\"say \\\"hi\\\"\""), "say \"hi\"");
  EXPECT_EQ(Text("'a\\\\b\\n\\t'"), "a\\b\n\t");
  EXPECT_EQ(Text("'\\u00e9\\u20AC'"), "é€");
  EXPECT_EQ(Text("'\\ud83d\\ude00'"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(Text("'caf\xC3\xA9'"), "caf\xC3\xA9");
  EXPECT_EQ(Text("''"), "");
}

TEST(PolicyExprLexerTest, BadStrings) {
  EXPECT_THAT(Error("x == 'abc"), StartsWith("unterminated string at column 6"));
  EXPECT_THAT(Error("'\\x'"), StartsWith("unknown escape"));
  EXPECT_THAT(Error("'\\u12'"), StartsWith("expected four hex digits after \\u"));
  EXPECT_THAT(Error("'\\udc00'"), StartsWith("\\u escape is a lone low surrogate"));
  EXPECT_THAT(Error("'\\ud800x'"), StartsWith("\\u escape is a high surrogate"));
  EXPECT_THAT(Error("'a\nb'"), StartsWith("control character in a string"));
  EXPECT_THAT(Error("'\xC3('"), StartsWith("invalid UTF-8 in a string at column 2"));
  EXPECT_THAT(Error("'\xC0\xAF'"), StartsWith("invalid UTF-8"));          // overlong
  EXPECT_THAT(Error("'\xED\xA0\x80'"), StartsWith("invalid UTF-8"));      // surrogate
  EXPECT_THAT(Error("'\xF4\x90\x80\x80'"), StartsWith("invalid UTF-8"));  // past U+10FFFF
}

TEST(PolicyExprLexerTest, HelpfulErrorsForOtherLanguagesOperators) {
  EXPECT_THAT(Error("a = 1"), StartsWith("unexpected '='; compare with '==' at column 3"));
  EXPECT_THAT(Error("!a"), StartsWith("unexpected '!'; negate with 'not'"));
  EXPECT_THAT(Error("a && b"), StartsWith("unexpected '&'; combine conditions with 'and'"));
  EXPECT_THAT(Error("a || b"), StartsWith("unexpected '|'; combine conditions with 'or'"));
  EXPECT_THAT(Error("a ? b"), StartsWith("unexpected character '?' at column 3"));
  EXPECT_THAT(Error("a \x01"), StartsWith("unexpected byte 0x01 at column 3"));
  EXPECT_THAT(Error("\xC3\xA9"), HasSubstr("unexpected byte 0xC3"));
}

}  // namespace
}  // namespace docket::policies::expr::internal
