// Tests for workflows/themes/tokens: case folding, placeholders, numbers, unspaced
// scripts, symbols and invalid UTF-8; FoldTokens' spans and ASCII flag.
#include "workflows/themes/tokens.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace docket::workflows::themes {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(TokensTest, FoldsCaseAndSplitsAtPunctuation) {
  EXPECT_THAT(Tokenize("Payment FAILED, card déclinée!"),
              ElementsAre("payment", "failed", "card", "déclinée"));
  EXPECT_THAT(Tokenize("ÜBERWEISUNG fehlgeschlagen"), ElementsAre("überweisung", "fehlgeschlagen"));
}

TEST(TokensTest, PlaceholdersAreTheirType) {
  EXPECT_THAT(Tokenize("mail <EMAIL_1> or <EMAIL_12>, I am <PERSON_NAME:3fa9c2d1e0b4>"),
              ElementsAre("mail", "<email>", "or", "<email>", "i", "am", "<person_name>"));
  EXPECT_THAT(Tokenize("<EMAIL_TOKEN:5d1c0e7a9b2f4c3d> x"), ElementsAre("<email_token>", "x"));
  // Not placeholders: lower case, unterminated.
  EXPECT_THAT(Tokenize("<b>bold</b> <EMAIL"), ElementsAre("b", "bold", "b", "email"));
}

TEST(TokensTest, NumbersAreOneToken) {
  EXPECT_THAT(Tokenize("v4.0.3 crashed at 14:22, paid 1,299.00 on 2026-11-29"),
              ElementsAre("v4", "<num>", "crashed", "at", "<num>", "paid", "<num>", "on", "<num>"));
  EXPECT_THAT(Tokenize("mp3 and ipv6"), ElementsAre("mp3", "and", "ipv6"));
}

TEST(TokensTest, UnspacedScriptsAreCharacters) {
  EXPECT_THAT(Tokenize("支払い失敗"), ElementsAre("支", "払", "い", "失", "敗"));
  EXPECT_EQ(FoldedText("支払い 失敗 App"), "支払い失敗 app");
  EXPECT_THAT(Tokenize("ชำระเงิน"), testing::SizeIs(8));
}

TEST(TokensTest, SymbolsEmojiAndInvalidBytesSeparate) {
  EXPECT_THAT(Tokenize("😡😡😡"), IsEmpty());
  EXPECT_EQ(FoldedText("  Great   app 👍 "), "great app");
  EXPECT_THAT(Tokenize("ab\xff"
                       "cd\xC3"),
              ElementsAre("ab", "cd"));
  EXPECT_THAT(Tokenize(""), IsEmpty());
}

TEST(TokensTest, NonAsciiDigitsAndLettersFollowTheAsciiRules) {
  // Arabic-Indic digits are a number; inside a word they stay in it. The Kelvin sign
  // folds to an ASCII 'k'.
  EXPECT_THAT(Tokenize("x ٣٤ ab٣ \u212A"), ElementsAre("x", "<num>", "ab٣", "k"));
  EXPECT_THAT(Tokenize("Ärger3 ÉTÉ"), ElementsAre("ärger3", "été"));
}

TEST(FoldTokensTest, TokensAreSpansOfTheFoldedText) {
  FoldedTokens walked;
  for (const std::string_view text : {"Payment FAILED, card déclinée! <EMAIL_1> v4.0.3 at 14:22",
                                      "支払い 失敗 App 😡 ok", "  Great   app 👍 ",
                                      "ab\xff"
                                      "cd\xC3",
                                      "", "12 34", "<b>x</b>"}) {
    FoldTokens(text, walked);  // reused: every call starts afresh
    EXPECT_EQ(walked.folded, FoldedText(text)) << text;
    std::vector<std::string> spans;
    for (size_t i = 0; i < walked.tokens.size(); ++i) spans.emplace_back(walked.token(i));
    EXPECT_EQ(spans, Tokenize(text)) << text;
    bool ascii = true;
    for (char c : walked.folded) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    EXPECT_EQ(walked.ascii, ascii) << text;
  }
}

TEST(FoldTokensTest, NumbersAndPlaceholdersAreSpelledOutInTheFoldedText) {
  FoldedTokens walked;
  FoldTokens("Paid 1,299.00 to <PERSON_NAME:3fa9c2d1e0b4>", walked);
  EXPECT_EQ(walked.folded, "paid <num> to <person_name>");
  ASSERT_EQ(walked.tokens.size(), 4u);
  EXPECT_EQ(walked.token(1), "<num>");
  EXPECT_TRUE(walked.ascii);
  FoldTokens("Größe", walked);
  EXPECT_EQ(walked.folded, "größe");
  EXPECT_FALSE(walked.ascii);
}

}  // namespace
}  // namespace docket::workflows::themes
