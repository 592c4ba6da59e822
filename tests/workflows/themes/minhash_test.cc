// Tests for workflows/themes/minhash: shingling (what tells texts apart and what does
// not), caps on long texts, the reusable Shingler, both signature schemes' estimates, empty sets.
#include "workflows/themes/minhash.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace docket::workflows::themes {
namespace {

std::vector<uint32_t> Signature(const MinHasher& h, std::string_view text,
                                const ShingleOptions& o = {}) {
  std::vector<uint64_t> shingles;
  ShingleHashes(text, o, shingles);
  std::vector<uint32_t> sig(static_cast<size_t>(h.num_hashes()));
  h.Sign(shingles, sig);
  return sig;
}

TEST(ShingleTest, CaseSpacingPunctuationAndPlaceholderValuesDoNotCount) {
  const ShingleOptions o;
  EXPECT_EQ(ShingleSet("Payment failed, card <EMAIL_1>!", o),
            ShingleSet("payment   FAILED card <EMAIL:5d1c0e7a9b2f>", o));
  EXPECT_NE(ShingleSet("payment failed", o), ShingleSet("login failed", o));
}

TEST(ShingleTest, CountsWordAndCharacterShingles) {
  ShingleOptions words_only;
  words_only.char_ngram_max = 0;
  // "a b c": 3 unigrams, 2 bigrams, 1 trigram.
  EXPECT_EQ(ShingleSet("a b c", words_only).size(), 6u);
  ShingleOptions chars_only;
  chars_only.word_ngram_max = 0;
  chars_only.char_ngram_min = 4;
  chars_only.char_ngram_max = 4;
  // "abcdef": 3 code-point 4-grams; "ok" is shorter than n: one shingle of its own.
  EXPECT_EQ(ShingleSet("abcdef", chars_only).size(), 3u);
  EXPECT_EQ(ShingleSet("ok", chars_only).size(), 1u);
  // Code points, not bytes: four Han characters are one 4-gram.
  EXPECT_EQ(ShingleSet("支付失败", chars_only).size(), 1u);
}

TEST(ShingleTest, NoShinglesForEmptyOrEmojiOnly) {
  std::vector<uint64_t> out = {1, 2, 3};
  ShingleHashes("", ShingleOptions{}, out);
  EXPECT_TRUE(out.empty());
  ShingleHashes("😡😡 👎 !!!", ShingleOptions{}, out);
  EXPECT_TRUE(out.empty());
}

TEST(ShingleTest, LongTextsAreCappedDeterministically) {
  std::string big;
  for (int i = 0; big.size() < (1u << 20); ++i) big += "word" + std::to_string(i % 997) + " é ";
  ShingleOptions o;
  std::vector<uint64_t> first, second;
  ShingleHashes(big, o, first);
  ShingleHashes(big, o, second);
  EXPECT_EQ(first, second);
  EXPECT_LE(first.size(), 2 * o.max_shingles);
  EXPECT_GE(first.size(), o.max_shingles);  // long enough to hit the cap of each kind
}

TEST(ShingleTest, ShinglerReusedAcrossTextsMatchesTheFreeFunctions) {
  ShingleOptions o;
  o.max_shingles = 40;  // the cap bites on the longer texts
  Shingler shingler(o);
  std::vector<uint64_t> hashes;
  std::vector<uint64_t> set;
  for (const std::string_view text :
       {"The payment fails at checkout, card declined.", "Zahlung schlägt fehl — Karte abgelehnt!",
        "ok", "支払い失敗", "", "ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha ha",
        "Größe <EMAIL_1> 4.0.3 ab", "The payment fails at checkout, card declined."}) {
    shingler.Hashes(text, hashes);
    std::vector<uint64_t> expected;
    ShingleHashes(text, o, expected);
    EXPECT_EQ(hashes, expected) << text;
    shingler.Set(text, set);
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    EXPECT_EQ(set, expected) << text;
    EXPECT_EQ(set, ShingleSet(text, o)) << text;
  }
}

TEST(ShingleTest, AsciiAndNonAsciiTextsCountCodePoints) {
  ShingleOptions chars_only;
  chars_only.word_ngram_max = 0;
  chars_only.char_ngram_min = 4;
  chars_only.char_ngram_max = 5;
  // 6 code points either way: three 4-grams and two 5-grams.
  EXPECT_EQ(ShingleSet("abcdef", chars_only).size(), 5u);
  EXPECT_EQ(ShingleSet("äbcdéf", chars_only).size(), 5u);
  // A long repetitive text: many copies of few shingles still sort and deduplicate.
  std::string repeated;
  for (int i = 0; i < 2000; ++i) repeated += "ab ";
  EXPECT_EQ(ShingleSet(repeated, chars_only).size(), 6u);  // "ab a", "b ab", " ab " (+ 5-grams)
}

TEST(ShingleTest, OptionsAreChecked) {
  EXPECT_EQ(ShingleOptionsError(ShingleOptions{}), "");
  ShingleOptions o;
  o.char_ngram_min = 6;  // > max
  EXPECT_THAT(std::string(ShingleOptionsError(o)), ::testing::HasSubstr("character"));
  o = {};
  o.word_ngram_max = 0;
  o.char_ngram_max = 0;
  EXPECT_NE(ShingleOptionsError(o), "");
}

TEST(ExactJaccardTest, CountsIntersectionOverUnion) {
  const std::vector<uint64_t> a = {1, 2, 3, 4};
  const std::vector<uint64_t> b = {3, 4, 5, 6};
  EXPECT_DOUBLE_EQ(ExactJaccard(a, b), 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(ExactJaccard(a, a), 1.0);
  EXPECT_DOUBLE_EQ(ExactJaccard({}, {}), 0.0);  // no division by zero
}

class MinHasherTest : public ::testing::TestWithParam<MinHashScheme> {};

TEST_P(MinHasherTest, EstimatesJaccardOfKnownSets) {
  const MinHasher h(256, GetParam(), 7);
  // Sets of 300 shingles sharing 200: Jaccard 200 / 400 = 0.5.
  std::vector<uint64_t> a, b;
  for (uint64_t i = 0; i < 300; ++i) a.push_back(i * 0x9E3779B97F4A7C15ULL);
  for (uint64_t i = 100; i < 400; ++i) b.push_back(i * 0x9E3779B97F4A7C15ULL);
  std::vector<uint32_t> sa(256), sb(256);
  h.Sign(a, sa);
  h.Sign(b, sb);
  // Standard error sqrt(0.25 / 256) = 0.031; 4 sigma.
  EXPECT_NEAR(EstimatedJaccard(sa, sb), 0.5, 0.125);
  EXPECT_DOUBLE_EQ(EstimatedJaccard(sa, sa), 1.0);
}

TEST_P(MinHasherTest, SameInputSameSignatureAndSeedMatters) {
  const MinHasher h(128, GetParam(), 1);
  const MinHasher other_seed(128, GetParam(), 2);
  EXPECT_EQ(Signature(h, "the app crashes on start"), Signature(h, "the app crashes on start"));
  EXPECT_NE(Signature(h, "the app crashes on start"),
            Signature(other_seed, "the app crashes on start"));
}

TEST_P(MinHasherTest, NearDuplicatesScoreHigherThanDifferentTexts) {
  const MinHasher h(128, GetParam(), 3);
  const auto base = Signature(h, "The payment fails at checkout on my iPhone, card declined.");
  const auto typo = Signature(h, "The payment fials at checkout on my iPhone, card declined.");
  const auto other = Signature(h, "Dark mode turns itself off every morning on the iPad.");
  EXPECT_GT(EstimatedJaccard(base, typo), 0.6);
  EXPECT_LT(EstimatedJaccard(base, other), 0.2);
}

TEST_P(MinHasherTest, EmptySetsMatchNothing) {
  const MinHasher h(64, GetParam(), 3);
  const auto empty = Signature(h, "😡");
  EXPECT_TRUE(IsEmptySignature(empty));
  EXPECT_FALSE(IsEmptySignature(Signature(h, "ok")));
  EXPECT_DOUBLE_EQ(EstimatedJaccard(empty, empty), 0.0);
  EXPECT_DOUBLE_EQ(EstimatedJaccard(empty, Signature(h, "ok")), 0.0);
}

TEST_P(MinHasherTest, TinySetsFillEverySlot) {
  const MinHasher h(512, GetParam(), 3);
  const std::vector<uint64_t> one = {42};
  std::vector<uint32_t> sig(512);
  h.Sign(one, sig);
  for (uint32_t slot : sig) EXPECT_NE(slot, kEmptySlot);
  // One shingle: every slot holds the same value after densification.
  if (GetParam() == MinHashScheme::kOnePermutation) {
    EXPECT_THAT(sig, ::testing::Each(sig[0]));
  }
}

INSTANTIATE_TEST_SUITE_P(Schemes, MinHasherTest,
                         ::testing::Values(MinHashScheme::kOnePermutation,
                                           MinHashScheme::kMultiplyShift));

}  // namespace
}  // namespace docket::workflows::themes
