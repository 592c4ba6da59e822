// `docket redact` in-process: JSONL and text lines, byte offsets on multibyte text, bad
// policies, keys and tokens, invalid and oversized lines, files in and out.
#include "adapters/cli/redact_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <vector>

#include "adapters/cli/exit_codes.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class RedactCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-redact-test-" + std::to_string(rd()));
    fs::create_directories(dir_);
    opts_.pseudonym_key = "test-key";
  }
  void TearDown() override { fs::remove_all(dir_); }

  int Run(const std::string& input) {
    std::istringstream in(input);
    out_.str("");
    err_.str("");
    return RedactCommand(opts_, in, out_, err_);
  }

  std::vector<boost::json::object> Lines() const {
    std::vector<boost::json::object> lines;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) {
      lines.push_back(boost::json::parse(line).as_object());
    }
    return lines;
  }

  fs::path Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }

  fs::path dir_;
  RedactCommandOptions opts_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(RedactCommandTest, JsonlRecordsKeepTheirFieldsAndGetByteOffsets) {
  // "Grüße ☕ mail " is 17 bytes in UTF-8 (13 characters): offsets count bytes.
  const std::string text = "Gr\xC3\xBC\xC3\x9F" "e \xE2\x98\x95 mail j\xC3\xB6rg@example.de today";
  const std::string line = R"({"id":"r-7","text":")" + text + R"(","plan":"pro","n":3})";
  ASSERT_EQ(Run(line + "\n"), 0) << err_.str();
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  const boost::json::object& o = lines[0];
  EXPECT_EQ(o.at("id"), "r-7");
  EXPECT_EQ(o.at("plan"), "pro");
  EXPECT_EQ(o.at("n").to_number<int>(), 3);
  EXPECT_EQ(o.at("text"), "Gr\xC3\xBC\xC3\x9F" "e \xE2\x98\x95 mail <EMAIL_1> today");
  const auto& r = o.at("redactions").as_array();
  ASSERT_EQ(r.size(), 1u);
  const size_t start = r[0].at("start").to_number<size_t>();
  const size_t end = r[0].at("end").to_number<size_t>();
  EXPECT_EQ(start, 17u);
  EXPECT_EQ(text.substr(start, end - start), "j\xC3\xB6rg@example.de");
  EXPECT_EQ(r[0].at("type"), "EMAIL");
  EXPECT_EQ(r[0].at("operator"), "placeholder");
  EXPECT_EQ(r[0].as_object().size(), 4u);  // start, end, type, operator: no raw value
}

TEST_F(RedactCommandTest, PlainTextLinesAreRecordsNumberedByLine) {
  ASSERT_EQ(Run("call me: jane@example.com\n\n{not json} card 4111 1111 1111 1111\r\n"), 0)
      << err_.str();
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 2u);  // the blank line is no record
  EXPECT_EQ(lines[0].at("id").to_number<int>(), 1);
  EXPECT_EQ(lines[0].at("text"), "call me: <EMAIL_1>");
  EXPECT_EQ(lines[1].at("id").to_number<int>(), 3);
  EXPECT_EQ(lines[1].at("text"), "{not json} card **** **** **** 1111");
  EXPECT_EQ(lines[1].at("redactions").as_array()[0].at("operator"), "mask");
  EXPECT_THAT(out_.str(), Not(HasSubstr("jane@example.com")));
}

TEST_F(RedactCommandTest, BadPolicyFileIsAUsageErrorWithFileAndLine) {
  opts_.policy = Write("p.yaml", "version: 1\noperators:\n  EMAIL: shred\n");
  EXPECT_EQ(Run("x\n"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr((dir_ / "p.yaml").string() + ":3:"));
  EXPECT_EQ(out_.str(), "");
  opts_.policy = dir_ / "missing.yaml";
  EXPECT_EQ(Run("x\n"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("--policy"));
}

TEST_F(RedactCommandTest, TokensNeedALedgerAndPseudonymsAKey) {
  opts_.policy = Write("t.yaml", "version: 1\noperators:\n  EMAIL: token\n");
  EXPECT_EQ(Run("a@example.com\n"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("token operator (EMAIL)"));
  EXPECT_THAT(err_.str(), HasSubstr("without a ledger"));
  EXPECT_EQ(out_.str(), "");

  opts_.policy.clear();  // the bundled default pseudonymizes names
  opts_.pseudonym_key.reset();
  EXPECT_EQ(Run("a@example.com\n"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("PERSON_NAME"));
  EXPECT_THAT(err_.str(), HasSubstr("DOCKET_REDACTION_KEY"));

  opts_.policy = Write("plain.yaml", "version: 1\ndefault_operator: placeholder\n");
  EXPECT_EQ(Run("a@example.com\n"), 0) << err_.str();  // no key needed
}

TEST_F(RedactCommandTest, InvalidUtf8AndOversizedLinesAreSkippedAndCounted) {
  const std::string big(kMaxRedactRecordBytes + 1, 'a');
  ASSERT_EQ(Run("ok a@example.com\nbad \xC3\x28 byte\n" + big + "\nlast\n"), 1);
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at("id").to_number<int>(), 1);
  EXPECT_EQ(lines[1].at("id").to_number<int>(), 4);
  EXPECT_THAT(err_.str(), HasSubstr("<stdin>:2: invalid UTF-8 at byte 5"));
  EXPECT_THAT(err_.str(), HasSubstr("<stdin>:3: record of 1048577 bytes is over the 1 MiB"));
  EXPECT_THAT(err_.str(), HasSubstr("2 record(s) skipped, 2 redacted"));
}

TEST_F(RedactCommandTest, JsonRecordWithoutTextIsSkipped) {
  EXPECT_EQ(Run("{\"id\": 1, \"body\": \"x\"}\n"), 1);
  EXPECT_THAT(err_.str(), HasSubstr("<stdin>:1: a JSON record needs a string `text` field"));
}

TEST_F(RedactCommandTest, ReadsAndWritesFiles) {
  opts_.input = Write("in.jsonl", "{\"id\":\"a\",\"text\":\"mail a@example.com\"}\n").string();
  opts_.out = dir_ / "out.jsonl";
  ASSERT_EQ(Run(""), 0) << err_.str();
  EXPECT_EQ(out_.str(), "");
  std::ifstream in(opts_.out);
  const std::string written((std::istreambuf_iterator<char>(in)), {});
  EXPECT_THAT(written, HasSubstr("\"text\":\"mail <EMAIL_1>\""));
  opts_.input = (dir_ / "nope.jsonl").string();
  EXPECT_EQ(Run(""), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("cannot read --input"));
}

}  // namespace
}  // namespace docket::adapters
