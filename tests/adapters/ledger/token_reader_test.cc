// Tests for adapters/ledger/token_reader: placeholders are found exactly as the
// redactor writes them; a subject's values are loaded from a real ledger vault and
// resolve only their own references; anything else is left in place, never guessed.
#include "adapters/ledger/token_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "adapters/ledger/ledger_home.h"
#include "adapters/ledger/vault_token_store.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using workflows::redact::EntityType;

std::string Placeholder(EntityType type, const std::string& ref) {
  return TokenPlaceholder{.type = type, .ref = ref}.Text();
}

TEST(FindTokenPlaceholdersTest, FindsWellFormedPlaceholdersOnly) {
  const std::string text =
      "a <EMAIL_TOKEN:0123456789abcdef> b <STREET_ADDRESS_TOKEN:ffffffffffffffff>"
      "<PHONE_TOKEN:0123456789ABCDEF> <EMAIL_TOKEN:0123456789abcde> <EMAIL_1> "
      "<FOO_TOKEN:0123456789abcdef> <EMAIL_TOKEN:0123456789abcdef0> <<US_SSN_TOKEN:"
      "00000000000000aa>";
  const std::vector<TokenPlaceholder> found = FindTokenPlaceholders(text);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].type, EntityType::kEmail);
  EXPECT_EQ(found[0].ref, "0123456789abcdef");
  EXPECT_EQ(text.substr(found[0].start, found[0].end - found[0].start),
            "<EMAIL_TOKEN:0123456789abcdef>");
  EXPECT_EQ(found[1].type, EntityType::kStreetAddress);
  EXPECT_EQ(found[2].type, EntityType::kUsSsn);
  EXPECT_EQ(found[2].Text(), "<US_SSN_TOKEN:00000000000000aa>");
  EXPECT_EQ(found[2].end, text.size());
  EXPECT_TRUE(FindTokenPlaceholders("").empty());
  EXPECT_TRUE(FindTokenPlaceholders("<").empty());
  EXPECT_TRUE(FindTokenPlaceholders("<EMAIL_TOKEN:").empty());
}

TEST(SubjectTokensTest, ResolvesOnlyTheSubjectsOwnReferences) {
  const SubjectTokens tokens("key", "42", {"anna@example.de", "+49 30 1234567", "anna@example.de"});
  EXPECT_EQ(tokens.value_count(), 2u);
  const std::string email = TokenReference("key", "42", EntityType::kEmail, "anna@example.de");
  ASSERT_NE(tokens.Find(EntityType::kEmail, email), nullptr);
  EXPECT_EQ(*tokens.Find(EntityType::kEmail, email), "anna@example.de");
  // The same value of another subject, or under another key, has another reference.
  EXPECT_EQ(tokens.Find(EntityType::kEmail,
                        TokenReference("key", "43", EntityType::kEmail, "anna@example.de")),
            nullptr);
  EXPECT_EQ(tokens.Find(EntityType::kEmail,
                        TokenReference("other", "42", EntityType::kEmail, "anna@example.de")),
            nullptr);
  // The type is part of the reference.
  EXPECT_EQ(tokens.Find(EntityType::kPersonName, email), nullptr);

  const std::string phone = TokenReference("key", "42", EntityType::kPhone, "+49 30 1234567");
  const std::string text = "mail " + Placeholder(EntityType::kEmail, email) + ", call " +
                           Placeholder(EntityType::kPhone, phone) + " not " +
                           Placeholder(EntityType::kEmail, "0000000000000000") + ".";
  const DetokenizedText result = Detokenize(tokens, text);
  EXPECT_EQ(result.text,
            "mail anna@example.de, call +49 30 1234567 not <EMAIL_TOKEN:0000000000000000>.");
  ASSERT_EQ(result.resolved.size(), 2u);
  ASSERT_EQ(result.unresolved.size(), 1u);
  EXPECT_EQ(result.unresolved[0].ref, "0000000000000000");
  EXPECT_EQ(text.substr(result.unresolved[0].start, 30), result.unresolved[0].Text());
}

TEST(SubjectTokensTest, AValueThatLooksLikeAPlaceholderIsNotExpandedAgain) {
  const std::string inner = Placeholder(EntityType::kEmail, "0123456789abcdef");
  const SubjectTokens tokens("key", "42", {inner});
  const std::string ref = TokenReference("key", "42", EntityType::kApiKey, inner);
  const DetokenizedText result = Detokenize(tokens, Placeholder(EntityType::kApiKey, ref));
  EXPECT_EQ(result.text, inner);
  EXPECT_EQ(result.resolved.size(), 1u);
  EXPECT_TRUE(result.unresolved.empty());
}

class SubjectTokensLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-token-reader-test-" + std::to_string(rd()));
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    home_ = std::move(*home);
  }
  void TearDown() override {
    home_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::unique_ptr<LedgerHome> home_;
};

TEST_F(SubjectTokensLoadTest, LoadsTheValuesTokenizedForTheSubject) {
  VaultTokenStore store(home_->vault(), "tenant");
  StatusOr<std::string> anna = store.Tokenize("42", EntityType::kEmail, "anna@example.de");
  ASSERT_TRUE(anna.ok());
  ASSERT_TRUE(store.Tokenize("42", EntityType::kEmail, "anna@example.de").ok());  // a rerun
  StatusOr<std::string> ben = store.Tokenize("43", EntityType::kEmail, "ben@example.de");
  ASSERT_TRUE(ben.ok());
  // A value of another subject, with a ":" and a shared prefix in its id.
  ASSERT_TRUE(store.Tokenize("4", EntityType::kEmail, "four@example.de").ok());

  StatusOr<SubjectTokens> tokens = SubjectTokens::Load(*home_->vault(), "tenant", "customer:42");
  ASSERT_TRUE(tokens.ok()) << tokens.status().ToString();
  EXPECT_EQ(tokens->value_count(), 1u);
  ASSERT_NE(tokens->Find(EntityType::kEmail, *anna), nullptr);
  EXPECT_EQ(*tokens->Find(EntityType::kEmail, *anna), "anna@example.de");
  EXPECT_EQ(tokens->Find(EntityType::kEmail, *ben), nullptr);
}

TEST_F(SubjectTokensLoadTest, ErasedUnknownAndMalformedSubjectsAreErrors) {
  VaultTokenStore store(home_->vault(), "tenant");
  ASSERT_TRUE(store.Tokenize("42", EntityType::kEmail, "anna@example.de").ok());
  ASSERT_TRUE(home_->vault()->EraseSubject("customer:42", /*receipt_index=*/7).ok());
  StatusOr<SubjectTokens> erased = SubjectTokens::Load(*home_->vault(), "tenant", "customer:42");
  EXPECT_EQ(erased.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(erased.status().message().find("customer:42 was erased by the receipt at entry 7"),
            std::string::npos)
      << erased.status().message();
  EXPECT_EQ(SubjectTokens::Load(*home_->vault(), "tenant", "customer:99").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(SubjectTokens::Load(*home_->vault(), "tenant", "42").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SubjectTokens::Load(*home_->vault(), "tenant", "customer:").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SubjectTokens::Load(*home_->vault(), "", "customer:43").status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace docket::adapters
