// Tests for workflows/themes/near_duplicates: exact and near groups, canonical = first
// in input order, bad input (empty, one text, identical, emoji-only, 1 MB, unspaced
// scripts), exact checks near the threshold, and identical results with 1 or 4 threads.
#include "workflows/themes/near_duplicates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

namespace docket::workflows::themes {
namespace {

std::vector<DuplicateMatch> Find(const std::vector<std::string>& texts,
                                 const NearDuplicateOptions& o = {}) {
  std::vector<std::string_view> views(texts.begin(), texts.end());
  return FindDuplicates(views, o).matches;
}

std::vector<uint32_t> Canonicals(const std::vector<DuplicateMatch>& m) {
  std::vector<uint32_t> out;
  for (const DuplicateMatch& d : m) out.push_back(d.canonical);
  return out;
}

TEST(ExactDuplicateKeyTest, FoldsCaseAndWhitespaceOnly) {
  EXPECT_EQ(ExactDuplicateKey("  Zahlung\tFEHLGESCHLAGEN \n Ärger "),
            "zahlung fehlgeschlagen ärger");
  EXPECT_NE(ExactDuplicateKey("payment failed"), ExactDuplicateKey("payment failed!"));
  EXPECT_NE(ExactDuplicateKey("😡"), ExactDuplicateKey("👍"));
}

TEST(FindDuplicatesTest, ExactAndNearGroupsPointAtTheFirstText) {
  const std::vector<std::string> texts = {
      "The payment fails at checkout on my iPhone 13. My card was declined although it "
      "works everywhere else.",
      "Dark mode turns itself off every morning on the iPad.",
      "the payment fails at checkout on my iPhone 13.   My card was DECLINED although it "
      "works everywhere else.",
      "Hi, the payment fials at checkout on my iPhone 13. My card was declined although it "
      "works everywhere else.",
      "I can't log in to my account on my iPhone 13. The login button just spins forever."};
  const auto m = Find(texts);
  EXPECT_THAT(Canonicals(m), ::testing::ElementsAre(0, 1, 0, 0, 4));
  EXPECT_EQ(m[0].kind, DuplicateKind::kCanonical);
  EXPECT_EQ(m[2].kind, DuplicateKind::kExact);
  EXPECT_DOUBLE_EQ(m[2].similarity, 1.0);
  EXPECT_EQ(m[3].kind, DuplicateKind::kNear);
  EXPECT_GE(m[3].similarity, 0.6);
  EXPECT_LT(m[3].similarity, 1.0);
}

TEST(FindDuplicatesTest, SameTemplateDifferentProblemIsNotADuplicate) {
  const std::vector<std::string> texts = {
      "Since this week the payment fails at checkout on my Pixel 8. I tried two different "
      "cards and PayPal, same error. I mostly use it for groceries on weekdays.",
      "Since this week the search returns no results on my Pixel 8. The search field clears "
      "itself after every letter. I mostly use it for groceries on weekdays."};
  EXPECT_THAT(Canonicals(Find(texts)), ::testing::ElementsAre(0, 1));
}

TEST(FindDuplicatesTest, NearDuplicatesCanBeSwitchedOff) {
  NearDuplicateOptions exact_only;
  exact_only.near_duplicates = false;
  const std::vector<std::string> texts = {"the app crashes after the splash screen today",
                                          "the app crashes after the splash screen today!!",
                                          "The app crashes after the splash screen today"};
  EXPECT_THAT(Canonicals(Find(texts, exact_only)), ::testing::ElementsAre(0, 1, 0));
  EXPECT_THAT(Canonicals(Find(texts)), ::testing::ElementsAre(0, 0, 0));
}

TEST(FindDuplicatesTest, EmptyOneAndIdenticalInputs) {
  EXPECT_TRUE(Find({}).empty());
  EXPECT_THAT(Canonicals(Find({"only one"})), ::testing::ElementsAre(0));
  const auto same = Find(std::vector<std::string>(50, "Same complaint, again."));
  for (uint32_t i = 0; i < 50; ++i) {
    EXPECT_EQ(same[i].canonical, 0u);
    EXPECT_EQ(same[i].kind, i == 0 ? DuplicateKind::kCanonical : DuplicateKind::kExact);
  }
}

TEST(FindDuplicatesTest, TextsWithoutShinglesOnlyMatchExactly) {
  const std::vector<std::string> texts = {"😡😡😡", "", "👍", "😡😡😡", "", "  "};
  const auto m = Find(texts);
  EXPECT_THAT(Canonicals(m), ::testing::ElementsAre(0, 1, 2, 0, 1, 1));
  for (const DuplicateMatch& d : m) EXPECT_NE(d.kind, DuplicateKind::kNear);
}

TEST(FindDuplicatesTest, MegabyteTextsAndUnspacedScripts) {
  std::string big;
  for (int i = 0; big.size() < (1u << 20); ++i) big += "crash " + std::to_string(i) + " ";
  const std::vector<std::string> texts = {big,
                                          big + " extra words at the very end",
                                          "支付失败，银行卡被拒绝了，请尽快修复这个问题",
                                          "支付失败，银行卡被拒绝了，请尽快修复这个问题！！谢谢",
                                          "อัปเดตแล้วแอปเด้งออกทุกครั้งที่เปิด",
                                          "อัปเดตแล้วแอปเด้งออกทุกครั้งที่เปิดค่ะ",
                                          "ログインできません。パスワードは正しいです。"};
  // The tail beyond the cap is not seen: the two long texts are near-duplicates.
  EXPECT_THAT(Canonicals(Find(texts)), ::testing::ElementsAre(0, 0, 2, 2, 4, 4, 6));
}

TEST(FindDuplicatesTest, SameResultWithOneOrFourThreads) {
  std::vector<std::string> texts;
  const char* problems[] = {"the payment fails", "the login breaks", "the map is grey",
                            "photos fail to upload", "search finds nothing"};
  const char* places[] = {"on my iPhone", "on Android", "in the web app", "on the iPad"};
  for (int i = 0; i < 400; ++i) {
    std::string t = std::string(problems[i % 5]) + " " + places[(i / 5) % 4] + " since version " +
                    std::to_string(i % 7) + " and it is annoying";
    if (i % 3 == 0) t += " Sent from my iPhone";
    if (i % 11 == 0) t[2] = 'x';
    texts.push_back(t);
  }
  NearDuplicateOptions one;
  NearDuplicateOptions four;
  four.threads = 4;
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const DuplicateReport a = FindDuplicates(views, one);
  const DuplicateReport b = FindDuplicates(views, four);
  ASSERT_EQ(a.matches.size(), b.matches.size());
  for (size_t i = 0; i < a.matches.size(); ++i) {
    EXPECT_EQ(a.matches[i].canonical, b.matches[i].canonical) << i;
    EXPECT_EQ(a.matches[i].kind, b.matches[i].kind) << i;
    EXPECT_EQ(a.matches[i].similarity, b.matches[i].similarity) << i;
  }
  EXPECT_EQ(a.candidate_pairs, b.candidate_pairs);
  EXPECT_EQ(a.exact_checks, b.exact_checks);
  EXPECT_GT(a.near_duplicates, 0u);
}

// FindDuplicates with every candidate pair decided exactly, against the same candidates
// from the public pieces decided by ExactJaccard of ShingleSets.
void ExpectExactChecksMatchTheReference(const std::vector<std::string>& texts) {
  NearDuplicateOptions o;
  o.exact_margin = 1.0;  // every candidate pair is decided exactly
  o.threads = 2;
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const DuplicateReport report = FindDuplicates(views, o);
  const MinHasher hasher(o.num_hashes, o.scheme, o.seed);
  const size_t k = static_cast<size_t>(o.num_hashes);
  std::vector<uint32_t> signatures(texts.size() * k);
  std::vector<uint32_t> members;
  for (size_t t = 0; t < texts.size(); ++t) {
    std::vector<uint64_t> shingles;
    ShingleHashes(texts[t], o.shingles, shingles);
    hasher.Sign(shingles, std::span(signatures).subspan(t * k, k));
    members.push_back(static_cast<uint32_t>(t));
  }
  const auto pairs = CandidatePairs(signatures, o.num_hashes, members,
                                    ChooseBanding(o.num_hashes, o.threshold), o.max_bucket);
  uint64_t verified = 0;
  for (const auto& [a, b] : pairs) {
    const double j =
        ExactJaccard(ShingleSet(texts[a], o.shingles), ShingleSet(texts[b], o.shingles));
    verified += j >= o.threshold ? 1 : 0;
  }
  EXPECT_EQ(report.exact_duplicates, 0u);
  EXPECT_EQ(report.candidate_pairs, pairs.size());
  EXPECT_EQ(report.exact_checks, pairs.size());
  EXPECT_EQ(report.verified_pairs, verified);
  EXPECT_GT(verified, 0u);
  EXPECT_LT(verified, pairs.size());
}

TEST(FindDuplicatesTest, ExactChecksCompareEachTextsShingleSet) {
  std::vector<std::string> texts;
  const char* openers[] = {"The app", "This app", "The new app", "Your app", "The app now"};
  const char* problems[] = {"crashes when I pay with my card", "crashes when I pay by card",
                            "freezes when I pay with my card", "crashes if I pay with a card"};
  for (int i = 0; i < 60; ++i) {
    texts.push_back(std::string(openers[i % 5]) + " " + problems[(i / 5) % 4] + " " +
                    std::string(static_cast<size_t>(i / 20 + 1), '!') + " v" + std::to_string(i));
  }
  ExpectExactChecksMatchTheReference(texts);
}

TEST(FindDuplicatesTest, ExactChecksOverMoreTextThanOneWindowHolds) {
  // 3 MB of texts needing exact checks: more than one window of shingle sets (1 MiB of
  // text). Groups of three 4 KB texts of random four-letter words, each variant with a
  // tenth of its words replaced; different groups share next to nothing.
  uint32_t x = 11;
  const auto next = [&x] {
    x = x * 1103515245u + 12345u;
    return x >> 16;
  };
  const auto word = [&next] {
    std::string w(4, 'a');
    for (char& c : w) c = static_cast<char>('a' + next() % 26);
    return w;
  };
  std::vector<std::string> texts;
  for (int group = 0; group < 250; ++group) {
    std::vector<std::string> base(800);
    for (std::string& w : base) w = word();
    for (int variant = 0; variant < 3; ++variant) {
      std::string t;
      for (const std::string& w : base) t += (variant > 0 && next() % 10 == 0 ? word() : w) + " ";
      texts.push_back(std::move(t));
    }
  }
  ExpectExactChecksMatchTheReference(texts);
}

TEST(FindDuplicatesTest, OptionsAreChecked) {
  EXPECT_EQ(OptionsError(NearDuplicateOptions{}), "");
  NearDuplicateOptions o;
  o.threshold = 0;
  EXPECT_THAT(OptionsError(o), ::testing::HasSubstr("threshold"));
  o = {};
  o.banding = {30, 6};  // 180 > 128 slots
  EXPECT_THAT(OptionsError(o), ::testing::HasSubstr("bands"));
  o = {};
  o.threads = 0;
  EXPECT_THAT(OptionsError(o), ::testing::HasSubstr("threads"));
}

}  // namespace
}  // namespace docket::workflows::themes
