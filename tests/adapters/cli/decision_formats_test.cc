// Tests of the decision formats (adapters/cli/decision_formats.h): golden outputs for a
// BLOCK, an APPROVE and a NEEDS_HUMAN decision in every format (tests/golden/
// decision_formats/<case>/; DOCKET_UPDATE_GOLDEN=1 rewrites them, review the diff), the
// JSON against docs/schemas/decision.v2.schema.json (valijson), the JUnit XML parsed
// back (pugixml), SARIF and GitHub structure, escaping, errors and exit codes.
#include "adapters/cli/decision_formats.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <pugixml.hpp>
#include <random>
#include <sstream>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "adapters/cli/exit_codes.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path kSource = DOCKET_SOURCE_DIR;
const fs::path kGolden = kSource / "tests" / "golden" / "decision_formats";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

json::object Decision(const std::string& name) {
  return json::parse(Slurp(kGolden / name / "decision.json")).as_object();
}

// The options each golden case is rendered with.
FormatOptions CaseOptions(const std::string& name) {
  FormatOptions o;
  if (name == "block") o.decision_id = "dec-3b6d250b4fc09a8f";
  if (name == "needs_human") {
    o.decision_id = "dec-a1d08c80f69ea575";
    o.effective_verdict = "APPROVE";  // as if a person approved it
  }
  return o;
}

constexpr std::pair<DecisionFormat, const char*> kGoldenFiles[] = {
    {DecisionFormat::kJson, "out.json"},       {DecisionFormat::kText, "out.txt"},
    {DecisionFormat::kJunit, "out.junit.xml"}, {DecisionFormat::kSarif, "out.sarif"},
    {DecisionFormat::kGithub, "out.github"},   {DecisionFormat::kMarkdown, "out.md"},
};

std::string Format(const json::object& d, DecisionFormat f, const FormatOptions& o = {}) {
  StatusOr<std::string> out = FormatDecision(d, f, o);
  EXPECT_TRUE(out.ok()) << out.status().message();
  return out.ok() ? *out : std::string();
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, EveryFormatMatchesItsGoldenFile) {
  const std::string name = GetParam();
  const json::object decision = Decision(name);
  const bool update = std::getenv("DOCKET_UPDATE_GOLDEN") != nullptr;
  for (const auto& [format, file] : kGoldenFiles) {
    const std::string actual = Format(decision, format, CaseOptions(name));
    EXPECT_EQ(Format(decision, format, CaseOptions(name)), actual) << "not deterministic";
    const fs::path golden = kGolden / name / file;
    if (update) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    EXPECT_EQ(Slurp(golden), actual) << golden << ": rerun with DOCKET_UPDATE_GOLDEN=1 and review";
  }
}

INSTANTIATE_TEST_SUITE_P(Decisions, GoldenTest,
                         ::testing::Values("block", "approve", "needs_human"));

// The validator's errors, one per line; empty when `doc` is valid.
std::string SchemaErrors(const json::value& doc) {
  const json::value schema_doc =
      json::parse(Slurp(kSource / "docs" / "schemas" / "decision.v2.schema.json"));
  valijson::Schema schema;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(valijson::adapters::BoostJsonAdapter(schema_doc), schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  if (validator.validate(schema, valijson::adapters::BoostJsonAdapter(doc), &results)) return "";
  std::string errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string where;
    for (const std::string& part : error.context) where += part;
    errors += where + ": " + error.description + "\n";
  }
  return errors.empty() ? "invalid" : errors;
}

TEST(DecisionSchemaTest, InputsAndJsonOutputsValidate) {
  for (const char* name : {"block", "approve", "needs_human"}) {
    const json::object decision = Decision(name);
    EXPECT_EQ(SchemaErrors(decision), "") << name;
    const json::value out = json::parse(Format(decision, DecisionFormat::kJson, CaseOptions(name)));
    EXPECT_EQ(SchemaErrors(out), "") << name;
  }
}

TEST(DecisionSchemaTest, SchemaRejectsWhatTheFormatterRejects) {
  json::object d = Decision("block");
  d["rules"].as_array()[1].as_object()["outcome"] = "flaky";
  EXPECT_NE(SchemaErrors(d), "");
  StatusOr<std::string> out = FormatDecision(d, DecisionFormat::kText, {});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(out.status().message(), HasSubstr("rules[1].outcome"));
  d = Decision("block");
  d.erase("verdict");
  EXPECT_NE(SchemaErrors(d), "");
  EXPECT_FALSE(FormatDecision(d, DecisionFormat::kJson, {}).ok());
}

TEST(DecisionFormatsTest, JsonAddsIdAndEffectiveVerdictAndIsStableWhenReformatted) {
  const json::object d = Decision("approve");
  const std::string once = Format(d, DecisionFormat::kJson);
  const json::value v = json::parse(once);
  EXPECT_TRUE(v.at("decision_id").is_null());
  EXPECT_EQ(v.at("effective_verdict"), "APPROVE");
  EXPECT_EQ(Format(v.as_object(), DecisionFormat::kJson), once);
  FormatOptions o;
  o.decision_id = "dec-1";
  o.effective_verdict = "BLOCK";
  const json::value w = json::parse(Format(d, DecisionFormat::kJson, o));
  EXPECT_EQ(w.at("decision_id"), "dec-1");
  EXPECT_EQ(w.at("effective_verdict"), "BLOCK");
  EXPECT_EQ(w.at("verdict"), "APPROVE");  // the decision itself never changes
}

TEST(DecisionFormatsTest, BadInputsAreInvalidArgumentsNamingThePath) {
  const auto error = [](const json::object& d, FormatOptions o = {}) {
    StatusOr<std::string> out = FormatDecision(d, DecisionFormat::kMarkdown, o);
    return out.ok() ? std::string("ok") : out.status().message();
  };
  EXPECT_THAT(error(json::object{}), HasSubstr("schema"));
  json::object d = Decision("block");
  d["schema"] = "docket.decision.v1";
  EXPECT_THAT(error(d), HasSubstr("expected `docket.decision.v2`"));
  d = Decision("block");
  d["rules"].as_array()[5].as_object()["evidence"].as_object()["nested"] = json::object{};
  EXPECT_THAT(error(d), HasSubstr("rules[5].evidence.nested"));
  d = Decision("block");
  d["score"] = "high";
  EXPECT_THAT(error(d), HasSubstr("score: must be a finite number"));
  d = Decision("block");
  d["policy"].as_object()["version"] = -1.5;
  EXPECT_THAT(error(d), HasSubstr("policy.version"));
  FormatOptions o;
  o.effective_verdict = "MAYBE";
  EXPECT_THAT(error(Decision("block"), o), HasSubstr("effective verdict `MAYBE`"));
}

TEST(DecisionFormatsTest, JunitParsesWithCorrectTotalsAndEscapedText) {
  const std::string xml = Format(Decision("block"), DecisionFormat::kJunit);
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(xml.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  const pugi::xml_node suite = doc.child("testsuites").child("testsuite");
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  for (pugi::xml_node tc : suite.children("testcase")) {
    ++tests;
    failures += tc.child("failure") ? 1 : 0;
    errors += tc.child("error") ? 1 : 0;
    skipped += tc.child("skipped") ? 1 : 0;
  }
  EXPECT_EQ(tests, 6);
  EXPECT_EQ(failures, 1);  // money-path-spike/checkout; the dry run is skipped
  EXPECT_EQ(errors, 1);
  EXPECT_EQ(skipped, 1);
  for (pugi::xml_node n : {doc.child("testsuites"), suite}) {
    EXPECT_EQ(n.attribute("tests").as_int(), tests);
    EXPECT_EQ(n.attribute("failures").as_int(), failures);
    EXPECT_EQ(n.attribute("errors").as_int(), errors);
    EXPECT_EQ(n.attribute("skipped").as_int(), skipped);
  }
  const pugi::xml_node themed =
      suite.find_child_by_attribute("testcase", "classname", "theme-growth");
  EXPECT_EQ(std::string(themed.attribute("name").value()),
            "refund <fails> & \"pipes|\" 100%, ok: `yes`\nnext line");
  const pugi::xml_node release_wide =
      suite.find_child_by_attribute("testcase", "classname", "payment-error-rate");
  EXPECT_EQ(std::string(release_wide.attribute("name").value()), "payment-error-rate");
}

TEST(DecisionFormatsTest, JunitReplacesCharactersXmlCannotCarry) {
  json::object d = Decision("approve");
  d["rules"].as_array()[0].as_object()["reason"] = std::string("bell\x07 nul", 9) + '\0' + "end";
  d["rules"].as_array()[0].as_object()["outcome"] = "fail";
  const std::string xml = Format(d, DecisionFormat::kJunit);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  EXPECT_EQ(xml.find('\x07'), std::string::npos);
  EXPECT_THAT(xml, HasSubstr("bell\xef\xbf\xbd nul\xef\xbf\xbd"
                             "end"));
}

TEST(DecisionFormatsTest, SarifHasOneRulePerPolicyRuleAndOneResultPerNonPassInstance) {
  const json::value s = json::parse(Format(Decision("block"), DecisionFormat::kSarif));
  EXPECT_EQ(s.at("version"), "2.1.0");
  const json::object& run = s.at("runs").as_array()[0].as_object();
  const json::array& rules = run.at("tool").at("driver").at("rules").as_array();
  ASSERT_EQ(rules.size(), 5u);
  const json::array& results = run.at("results").as_array();
  ASSERT_EQ(results.size(), 4u);
  std::vector<std::string> levels;
  for (const json::value& r : results) {
    levels.emplace_back(r.at("level").as_string());
    const size_t index = r.at("ruleIndex").to_number<size_t>();
    EXPECT_EQ(rules[index].at("id"), r.at("ruleId"));
    EXPECT_EQ(
        r.at("locations").as_array()[0].at("physicalLocation").at("artifactLocation").at("uri"),
        "web_checkout.yaml");
  }
  // checkout fail (key) error; search warn warning; dry run note; error -> NEEDS_HUMAN warning.
  EXPECT_THAT(levels, ::testing::ElementsAre("error", "warning", "note", "warning"));
  const json::value n = json::parse(Format(Decision("needs_human"), DecisionFormat::kSarif));
  EXPECT_EQ(n.at("runs")
                .as_array()[0]
                .at("results")
                .as_array()[0]
                .at("locations")
                .as_array()[0]
                .at("physicalLocation")
                .at("artifactLocation")
                .at("uri"),
            "policies/mobile%20app.yaml");
}

TEST(DecisionFormatsTest, GithubCommandsAreOneLineEachAndEscaped) {
  const std::string out = Format(Decision("block"), DecisionFormat::kGithub);
  std::istringstream lines(out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    EXPECT_TRUE(line.rfind("::error title=", 0) == 0 || line.rfind("::warning title=", 0) == 0 ||
                line.rfind("::notice title=", 0) == 0)
        << line;
    EXPECT_EQ(line.find('\r'), std::string::npos);
  }
  EXPECT_EQ(count, 5);  // four non-pass instances and the verdict
  // Properties: % , : CR LF escaped; data: % CR LF escaped, ':' and ',' kept.
  EXPECT_THAT(out, HasSubstr("title=Docket%3A theme-growth [refund <fails> & \"pipes|\" 100%25%2C "
                             "ok%3A `yes`%0Anext line]::error: rate_ratio is \"inf\""));
  EXPECT_THAT(out, HasSubstr("::error title=Docket verdict%3A BLOCK::BLOCK: policy web-checkout"));
  EXPECT_THAT(out, HasSubstr("%0A- score 62.5 is below"));
}

TEST(DecisionFormatsTest, MarkdownEscapesCustomerTextAndLabelsTheQuotesHook) {
  const std::string md = Format(Decision("block"), DecisionFormat::kMarkdown);
  EXPECT_THAT(md, Not(HasSubstr("<fails>")));
  EXPECT_THAT(md,
              HasSubstr("refund &lt;fails&gt; &amp; \"pipes\\|\" 100%, ok: \\`yes\\` next line"));
  EXPECT_THAT(md, HasSubstr("| checkout | **fail** | BLOCK | 31 | 11.2 | 2.76 (1.74 to 4.19) | "
                            "&lt;0.0001 | &lt;0.0001 | fail: observed &gt;= 3"));
  EXPECT_THAT(md, HasSubstr("<!-- docket:hook customer-quotes -->"));
}

TEST(DecisionFormatsTest, StepSummaryIsAppendedOnlyForGithub) {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("docket-formats-" + std::to_string(rd()));
  fs::create_directories(dir);
  FormatOptions o;
  o.step_summary_path = dir / "summary.md";
  std::ostringstream out;
  ASSERT_TRUE(WriteFormattedDecision(Decision("approve"), DecisionFormat::kGithub, o, out).ok());
  ASSERT_TRUE(WriteFormattedDecision(Decision("approve"), DecisionFormat::kGithub, o, out).ok());
  const std::string md = Format(Decision("approve"), DecisionFormat::kMarkdown);
  EXPECT_EQ(Slurp(o.step_summary_path), md + md);
  EXPECT_EQ(out.str(), Format(Decision("approve"), DecisionFormat::kGithub) +
                           Format(Decision("approve"), DecisionFormat::kGithub));
  ASSERT_TRUE(WriteFormattedDecision(Decision("approve"), DecisionFormat::kText, o, out).ok());
  EXPECT_EQ(Slurp(o.step_summary_path), md + md);
  o.step_summary_path = dir / "missing" / "summary.md";
  const Status s = WriteFormattedDecision(Decision("approve"), DecisionFormat::kGithub, o, out);
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_THAT(s.message(), HasSubstr("summary.md"));
  fs::remove_all(dir);
}

TEST(DecisionFormatsTest, NamesParse) {
  for (const char* name : {"json", "text", "junit", "sarif", "github", "markdown"}) {
    std::optional<DecisionFormat> f = ParseDecisionFormat(name);
    ASSERT_TRUE(f) << name;
    EXPECT_EQ(DecisionFormatName(*f), name);
  }
  EXPECT_FALSE(ParseDecisionFormat("JSON"));
  EXPECT_EQ(ParseFailOn("warn"), FailOn::kWarn);
  EXPECT_EQ(ParseFailOn("needs_human"), FailOn::kNeedsHuman);
  EXPECT_EQ(ParseFailOn("block"), FailOn::kBlock);
  EXPECT_FALSE(ParseFailOn("approve"));
}

TEST(VerdictExitTest, CodesPerVerdictAndFailOn) {
  using policies::Verdict;
  struct Case {
    Verdict verdict;
    FailOn fail_on;
    int code;
    bool note;
  };
  const Case cases[] = {
      {Verdict::kApprove, FailOn::kWarn, kExitApprove, false},
      {Verdict::kApprove, FailOn::kBlock, kExitApprove, false},
      {Verdict::kWarn, FailOn::kWarn, kExitWarn, false},
      {Verdict::kWarn, FailOn::kNeedsHuman, kExitApprove, true},
      {Verdict::kWarn, FailOn::kBlock, kExitApprove, true},
      {Verdict::kNeedsHuman, FailOn::kWarn, kExitNeedsHuman, false},
      {Verdict::kNeedsHuman, FailOn::kNeedsHuman, kExitNeedsHuman, false},
      {Verdict::kNeedsHuman, FailOn::kBlock, kExitApprove, true},
      {Verdict::kBlock, FailOn::kWarn, kExitBlock, false},
      {Verdict::kBlock, FailOn::kBlock, kExitBlock, false},
  };
  for (const Case& c : cases) {
    const VerdictExit e = ExitForVerdict(c.verdict, c.fail_on);
    EXPECT_EQ(e.code, c.code) << policies::VerdictName(c.verdict);
    EXPECT_EQ(!e.note.empty(), c.note) << policies::VerdictName(c.verdict);
  }
  EXPECT_EQ(kExitNeedsHuman, 5);  // documented in docs/cli.md; never renumber
  EXPECT_EQ(kExitWarn, 6);
}

}  // namespace
}  // namespace docket::adapters
