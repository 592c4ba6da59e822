// Tests for workflows/themes/tokens: case folding, placeholders, numbers, unspaced
// scripts, symbols and invalid UTF-8.
#include "workflows/themes/tokens.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace docket::workflows::themes
