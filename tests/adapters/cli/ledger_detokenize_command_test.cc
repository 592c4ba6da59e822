// Tests for `docket ledger detokenize` (adapters/cli/ledger_detokenize_command): records
// redacted with the token operator into a real ledger vault come back byte-for-byte;
// what cannot be resolved stays in place; erased and other customers' values are never
// revealed; every access leaves a TOKEN_ACCESS entry without raw values and the ledger
// still verifies; bad arguments and bad input are refused before anything is recorded.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/ledger/vault_token_store.h"
#include "engine/base/clock.h"
#include "engine/base/time_format.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"
#include "workflows/redact/pii_scanner.h"
#include "workflows/redact/redaction_policy.h"
#include "workflows/redact/redactor.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
namespace rd = workflows::redact;
using ledger::LedgerEntry;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kAnna[] =
    "Café ☕ from anna@example.de, call +49 30 1234567 or mail anna.b@example.org";
constexpr char kBen[] = "ben@example.com says the card 4111 1111 1111 1111 was charged twice";

class LedgerDetokenizeCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("docket-detokenize-test-" + std::to_string(rd()));
    dir_ = root_ / "ledger";
    fs::create_directories(root_);
    // What the redact step of `docket run` does: every type tokenized, under the
    // ledger's derived pseudonym key, the record id as the data subject.
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(dir_);
    ASSERT_TRUE(home.ok()) << home.status().ToString();
    rd::RedactionPolicy policy = *rd::DefaultRedactionPolicy();
    policy.operators.fill(rd::Operator::kToken);
    StatusOr<std::unique_ptr<rd::PiiScanner>> scanner = rd::PiiScanner::Create(policy.scanner);
    ASSERT_TRUE(scanner.ok());
    VaultTokenStore tokens((*home)->vault(), (*home)->pseudonym_key());
    const rd::Redactor redactor(policy, scanner->get(), (*home)->pseudonym_key(), &tokens);
    for (const auto& [id, text] : {std::pair{"42", kAnna}, std::pair{"43", kBen}}) {
      StatusOr<rd::RedactedText> redacted = redactor.Redact(text, {.data_subject = id});
      ASSERT_TRUE(redacted.ok()) << redacted.status().ToString();
      ASSERT_THAT(redacted->text, HasSubstr("_TOKEN:"));
      redacted_[id] = redacted->text;
    }
    (*home)->CloseWriter();
  }
  void TearDown() override { fs::remove_all(root_); }

  // A JSONL line as `docket redact` writes it.
  std::string Line(const std::string& id) {
    return json::serialize(
        json::object{{"id", id}, {"text", redacted_[id]}, {"redactions", json::array()}});
  }

  int Detokenize(const std::string& input, LedgerDetokenizeOptions o = {}) {
    o.ledger_dir = dir_;
    if (o.subject.empty()) o.subject = "customer:42";
    if (o.reason.empty()) o.reason = "DSAR ticket 7";
    std::istringstream in(input);
    out_.str("");
    err_.str("");
    return LedgerDetokenizeCommand(o, clock_, in, out_, err_);
  }

  std::vector<LedgerEntry> AccessEntries() {
    std::vector<LedgerEntry> found;
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(dir_);
    EXPECT_TRUE(home.ok()) << home.status().ToString();
    StatusOr<std::vector<uint64_t>> indices =
        ledger::LookupIndex((*home)->store(), {ledger::IndexKind::kType, "TOKEN_ACCESS"});
    EXPECT_TRUE(indices.ok());
    for (const uint64_t index : *indices) {
      LedgerEntry entry;
      EXPECT_TRUE(entry.ParseFromString(*(*home)->store().EntryAt(index)));
      found.push_back(entry);
    }
    return found;
  }

  std::string StoredLedgerBytes() {
    std::string all;
    StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(dir_);
    EXPECT_TRUE((*home)
                    ->store()
                    .ScanEntries(0,
                                 [&](uint64_t, std::string_view bytes) {
                                   all.append(bytes);
                                   return true;
                                 })
                    .ok());
    return all;
  }

  int Verify() {
    std::ostringstream out;
    std::ostringstream err;
    const int code = LedgerVerifyCommand({.ledger_dir = dir_}, out, err);
    EXPECT_EQ(code, kExitApprove) << err.str();
    return code;
  }

  fs::path root_;
  fs::path dir_;
  std::map<std::string, std::string> redacted_;
  FakeClock clock_{*ParseRfc3339("2026-11-09T10:00:00Z")};
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(LedgerDetokenizeCommandTest, RoundTripGivesTheOriginalTextBackByteForByte) {
  ASSERT_EQ(Detokenize(Line("42") + "\n"), kExitApprove) << err_.str();
  const json::value record = json::parse(out_.str());
  EXPECT_EQ(record.at("text").as_string(), kAnna);
  EXPECT_EQ(record.at("id").as_string(), "42");
  EXPECT_TRUE(record.at("redactions").is_array());  // the other fields are kept
  EXPECT_THAT(err_.str(), HasSubstr("0 left in place"));
}

TEST_F(LedgerDetokenizeCommandTest, PlainTextLinesComeBackAsPlainLines) {
  ASSERT_EQ(Detokenize(redacted_["42"] + "\r\n\n" + redacted_["42"]), kExitApprove) << err_.str();
  EXPECT_EQ(out_.str(), std::string(kAnna) + "\n" + kAnna + "\n");
}

TEST_F(LedgerDetokenizeCommandTest, OutFileIsWrittenPrivately) {
  const fs::path out = root_ / "clear.jsonl";
  ASSERT_EQ(Detokenize(Line("42"), {.out = out}), kExitApprove) << err_.str();
  EXPECT_EQ(out_.str(), "");
  std::ifstream in(out);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(json::parse(line).at("text").as_string(), kAnna);
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
}

TEST_F(LedgerDetokenizeCommandTest, UnknownReferencesAreLeftInPlaceAndReported) {
  const std::string unknown =
      "see <EMAIL_TOKEN:0123456789abcdef> and <NOT_A_TOKEN:0123456789abcdef>";
  EXPECT_EQ(Detokenize(unknown + "\n" + Line("42")), kExitBlock);
  std::istringstream lines(out_.str());
  std::string first;
  std::string second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(first, unknown);
  EXPECT_EQ(json::parse(second).at("text").as_string(), kAnna);
  EXPECT_THAT(err_.str(), HasSubstr("<stdin>:1: <EMAIL_TOKEN:0123456789abcdef> left in place"));
  ASSERT_EQ(AccessEntries().size(), 1u);
  EXPECT_EQ(AccessEntries()[0].attributes().at("unresolved"), "1");
}

TEST_F(LedgerDetokenizeCommandTest, AnotherCustomersValuesAreNotRevealed) {
  // Ben's record, read as customer 42: nothing of Ben's resolves.
  EXPECT_EQ(Detokenize(Line("43")), kExitBlock);
  EXPECT_EQ(json::parse(out_.str()).at("text").as_string(), redacted_["43"]);
  EXPECT_THAT(out_.str(), Not(HasSubstr("ben@example.com")));
  EXPECT_THAT(out_.str(), Not(HasSubstr("4111")));
  EXPECT_THAT(err_.str(), HasSubstr("no placeholder matched a value of customer:42"));
  // Read as customer 43, it does.
  ASSERT_EQ(Detokenize(Line("43"), {.subject = "customer:43"}), kExitApprove) << err_.str();
  EXPECT_EQ(json::parse(out_.str()).at("text").as_string(), kBen);
}

TEST_F(LedgerDetokenizeCommandTest, AnotherTenantKeyResolvesNothing) {
  EXPECT_EQ(Detokenize(Line("42"), {.token_key = "some other key"}), kExitBlock);
  EXPECT_EQ(json::parse(out_.str()).at("text").as_string(), redacted_["42"]);
}

TEST_F(LedgerDetokenizeCommandTest, TheAccessIsRecordedWithoutRawValuesAndTheLedgerVerifies) {
  ASSERT_EQ(Detokenize(Line("42") + "\n" + Line("42"), {.actor = "dpo"}), kExitApprove)
      << err_.str();
  const std::vector<LedgerEntry> entries = AccessEntries();
  ASSERT_EQ(entries.size(), 1u);
  const LedgerEntry& access = entries[0];
  EXPECT_EQ(access.logical_time(), "2026-11-09T10:00:00Z");
  EXPECT_TRUE(access.run_id().empty());
  const auto& a = access.attributes();
  EXPECT_EQ(a.at("subject"), "customer:42");
  EXPECT_EQ(a.at("reason"), "DSAR ticket 7");
  EXPECT_EQ(a.at("actor"), "dpo");
  EXPECT_EQ(a.at("records"), "2");
  EXPECT_EQ(a.at("unresolved"), "0");
  EXPECT_THAT(a.at("input_digest"), ::testing::StartsWith("sha256:"));
  // Every placeholder of the record, twice; each distinct one listed once.
  int placeholders = 0;
  for (size_t at = redacted_["42"].find("_TOKEN:"); at != std::string::npos;
       at = redacted_["42"].find("_TOKEN:", at + 1)) {
    ++placeholders;
  }
  EXPECT_EQ(a.at("resolved"), std::to_string(2 * placeholders));
  EXPECT_THAT(a.at("references"), HasSubstr("<EMAIL_TOKEN:"));
  for (const char* raw : {"anna@example.de", "anna.b@example.org"}) {
    EXPECT_THAT(StoredLedgerBytes(), Not(HasSubstr(raw))) << raw;
  }
  EXPECT_THAT(err_.str(), HasSubstr("access recorded at entry"));
  Verify();
}

TEST_F(LedgerDetokenizeCommandTest, AnErasedCustomerIsRefusedNamingTheReceipt) {
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(LedgerEraseCommand({.ledger_dir = dir_, .subject = "customer:42"}, clock_, out, err),
            kExitApprove)
      << err.str();
  EXPECT_EQ(Detokenize(Line("42")), kExitBlock);
  EXPECT_EQ(out_.str(), "");
  EXPECT_THAT(err_.str(), HasSubstr("subject customer:42 was erased by the receipt at entry"));
  EXPECT_THAT(err_.str(), HasSubstr("cannot be read back"));
  EXPECT_TRUE(AccessEntries().empty());  // nothing was read, so nothing to record
  // Other customers are untouched.
  EXPECT_EQ(Detokenize(Line("43"), {.subject = "customer:43"}), kExitApprove) << err_.str();
  Verify();
}

TEST_F(LedgerDetokenizeCommandTest, ACustomerWithoutTokensIsAUsageError) {
  EXPECT_EQ(Detokenize(Line("42"), {.subject = "customer:999"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("nothing was tokenized for subject customer:999"));
  EXPECT_TRUE(AccessEntries().empty());
}

TEST_F(LedgerDetokenizeCommandTest, ArgumentsAreCheckedBeforeAnythingIsRead) {
  LedgerDetokenizeOptions no_reason{.ledger_dir = dir_, .subject = "customer:42"};
  std::istringstream in(Line("42"));
  EXPECT_EQ(LedgerDetokenizeCommand(no_reason, clock_, in, out_, err_), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--reason is required"));
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(Detokenize(Line("42"), {.subject = "42"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("customer:<id>"));
  EXPECT_EQ(Detokenize(Line("42"), {.reason = "bad\nreason"}), kExitUsage);
  EXPECT_EQ(Detokenize(Line("42"), {.out = root_ / "missing" / "out.jsonl"}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("does not exist"));
  EXPECT_EQ(Detokenize(Line("42"), {.input = (root_ / "absent.jsonl").string()}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("cannot read --input"));
  EXPECT_TRUE(AccessEntries().empty());
}

TEST_F(LedgerDetokenizeCommandTest, BadInputIsNamedByLineAndNothingIsRecorded) {
  EXPECT_EQ(Detokenize(Line("42") + "\nabc\xff\xfe\n"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("<stdin>:2: invalid UTF-8 at byte 4"));
  EXPECT_EQ(Detokenize("\n\n{\"id\": 1, \"text\": \"unterminated\n"), kExitUsage);
  EXPECT_THAT(err_.str(),
              HasSubstr("<stdin>:3: the line starts with '{' but is not a JSON object"));
  EXPECT_EQ(Detokenize("{\"id\": 1, \"text\": 7}\n"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("<stdin>:1: a JSON record needs a string `text` field"));
  const fs::path file = root_ / "in.jsonl";
  std::ofstream(file) << Line("42") << "\n{\"id\": 2}\n";
  EXPECT_EQ(Detokenize("", {.input = file.string()}), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr(file.string() + ":2: a JSON record needs a string `text`"));
  EXPECT_EQ(out_.str(), "");
  EXPECT_TRUE(AccessEntries().empty());
}

TEST_F(LedgerDetokenizeCommandTest, ADirectoryThatIsNotALedgerIsRefusedAndNotCreated) {
  LedgerDetokenizeOptions o{.ledger_dir = root_ / "nope", .subject = "customer:42", .reason = "x"};
  std::istringstream in(Line("42"));
  EXPECT_EQ(LedgerDetokenizeCommand(o, clock_, in, out_, err_), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("is not a Docket ledger"));
  EXPECT_FALSE(fs::exists(root_ / "nope"));
}

}  // namespace
}  // namespace docket::adapters
