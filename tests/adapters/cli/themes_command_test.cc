// `docket themes` in-process: JSONL and CSV input, ids from the record or its row,
// duplicates carrying their canonical record's theme, the theme table line, repeatable
// output, config errors and skipped lines.
#include "adapters/cli/themes_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

#include "adapters/cli/exit_codes.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using ::testing::HasSubstr;

// Three obvious topics, six texts each, plus one exact and one near duplicate.
std::vector<std::string> Texts() {
  return {"payment declined at checkout",
          "card payment declined again",
          "checkout payment was declined",
          "my card was declined at payment",
          "payment declined, card charged",
          "declined card payment at checkout",
          "cannot login, password reset fails",
          "login fails after password change",
          "password reset email for login never arrives",
          "login loop, password rejected",
          "forgot password, login impossible",
          "login password not accepted",
          "search results are empty",
          "search shows wrong results",
          "no results when I search for shoes",
          "search results load slowly",
          "search filter results broken",
          "empty search results page",
          "payment declined at checkout",
          "Payment declined at checkout!!"};
}

class ThemesCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("docket-themes-test-" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  int Run(const std::string& input) {
    std::istringstream in(input);
    out_.str("");
    err_.str("");
    return ThemesCommand(opts_, in, out_, err_);
  }
  std::vector<json::value> Lines() const {
    std::vector<json::value> lines;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
  }
  fs::path Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }

  fs::path dir_;
  ThemesCommandOptions opts_;
  std::ostringstream out_, err_;
};

TEST_F(ThemesCommandTest, JsonLinesGetThemesAndDuplicatesTheirCanonicalTheme) {
  std::string input;
  int n = 0;
  for (const std::string& text : Texts()) {
    input +=
        json::serialize(json::object{{"id", "r" + std::to_string(++n)}, {"text", text}}) + "\n";
  }
  ASSERT_EQ(Run(input), kExitApprove) << err_.str();
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 21u);  // 20 records + the table
  EXPECT_EQ(lines[0].at("id").as_string(), "r1");
  EXPECT_TRUE(lines[0].at("duplicate_of").is_null());
  EXPECT_EQ(lines[18].at("duplicate_of").as_string(), "r1");  // exact
  EXPECT_EQ(lines[19].at("duplicate_of").as_string(), "r1");  // near
  EXPECT_EQ(lines[18].at("theme"), lines[0].at("theme"));
  EXPECT_EQ(lines[19].at("theme"), lines[0].at("theme"));
  // The three topics are three different themes.
  EXPECT_NE(lines[0].at("theme"), lines[6].at("theme"));
  EXPECT_NE(lines[6].at("theme"), lines[12].at("theme"));
  const json::object& table = lines.back().as_object();
  EXPECT_EQ(table.at("schema").as_string(), "docket.themes.v1");
  EXPECT_EQ(table.at("records").as_int64(), 18);  // duplicates folded
  const std::string first = out_.str();
  ASSERT_EQ(Run(input), kExitApprove);
  EXPECT_EQ(out_.str(), first);
}

TEST_F(ThemesCommandTest, CsvWithoutIdsIsNumberedByRow) {
  std::string csv = "text,channel\n";
  for (const std::string& text : Texts()) csv += "\"" + text + "\",web\n";
  opts_.input = Write("feedback.csv", csv).string();
  opts_.out = dir_ / "out.jsonl";
  ASSERT_EQ(Run(""), kExitApprove) << err_.str();
  std::ifstream written(opts_.out);
  std::string line;
  ASSERT_TRUE(std::getline(written, line));
  EXPECT_EQ(json::parse(line).at("id").as_int64(), 1);
}

TEST_F(ThemesCommandTest, BadInputsAreNamed) {
  opts_.input = Write("no_text.csv", "id,body\n1,hello\n").string();
  EXPECT_EQ(Run(""), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("no `text` column"));

  opts_.input = "-";
  opts_.config = Write("c.yaml", "min_theme_sise: 2\nresolution: lots\n");
  EXPECT_EQ(Run("x\n"), kExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("did you mean `min_theme_size`?"));
  EXPECT_THAT(err_.str(), HasSubstr("c.yaml:2:"));

  opts_.config.clear();
  EXPECT_EQ(Run("{\"id\": 1}\nplain text line\n\xff\xfe\n"), 1);
  EXPECT_THAT(err_.str(), HasSubstr("<stdin>:1: a JSON record needs a string `text`"));
  EXPECT_THAT(err_.str(), HasSubstr("<stdin>:3: invalid UTF-8"));
  EXPECT_EQ(Lines().size(), 2u);  // the plain line and the table
}

TEST_F(ThemesCommandTest, EmptyInputGivesAnEmptyTable) {
  ASSERT_EQ(Run(""), kExitApprove) << err_.str();
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("themes_found").as_int64(), 0);
}

}  // namespace
}  // namespace docket::adapters
