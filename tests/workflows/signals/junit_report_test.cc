#include "workflows/signals/junit_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/workflows/signals/corpus_files.h"

namespace docket::workflows::signals {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

JunitTotals Totals(uint64_t tests, uint64_t passed, uint64_t failed, uint64_t errors,
                   uint64_t skipped) {
  return JunitTotals{tests, passed, failed, errors, skipped};
}

JunitReport MustParse(std::string_view xml, const JunitLimits& limits = {}) {
  StatusOr<JunitReport> report = ParseJunitReport("report.xml", xml, limits);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  return report.ok() ? *report : JunitReport{};
}

// The error message, or "" when the report parsed.
std::string ErrorOf(std::string_view xml, const JunitLimits& limits = {}) {
  StatusOr<JunitReport> report = ParseJunitReport("report.xml", xml, limits);
  if (report.ok()) return "";
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  return report.status().message();
}

// Maven Surefire 3 (TEST-*.xml): a single <testsuite> root with <properties>.
constexpr std::string_view kSurefire = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd" version="3.0" name="com.example.CheckoutTest" time="0.052" tests="4" errors="1" skipped="1" failures="1">
  <properties>
    <property name="java.version" value="17.0.9"/>
  </properties>
  <testcase name="paysWithCard" classname="com.example.CheckoutTest" time="0.011"/>
  <testcase name="refunds" classname="com.example.CheckoutTest" time="0.003">
    <error message="boom" type="java.lang.IllegalStateException"><![CDATA[java.lang.IllegalStateException: boom
	at com.example.Checkout.<init>(Checkout.java:12)]]></error>
    <system-out><![CDATA[refund log]]></system-out>
  </testcase>
  <testcase name="totals" classname="com.example.CheckoutTest" time="0.002">
    <failure message="expected: &lt;3&gt; but was: &lt;2&gt;" type="org.opentest4j.AssertionFailedError">stack</failure>
    <rerunFailure message="again" type="org.opentest4j.AssertionFailedError">stack</rerunFailure>
  </testcase>
  <testcase name="legacy" classname="com.example.CheckoutTest" time="0">
    <skipped message="disabled"/>
  </testcase>
</testsuite>
)";

TEST(JunitReportTest, ReadsMavenSurefire) {
  const JunitReport report = MustParse(kSurefire);
  EXPECT_EQ(report.totals, Totals(4, 1, 1, 1, 1));
  ASSERT_EQ(report.suites.size(), 1u);
  EXPECT_EQ(report.suites[0].name, "com.example.CheckoutTest");
  EXPECT_EQ(report.suites[0].path, "com.example.CheckoutTest");
  EXPECT_EQ(report.suites[0].depth, 0u);
  EXPECT_EQ(report.suites[0].totals, report.totals);
  EXPECT_THAT(report.failing_cases,
              ElementsAre("com.example.CheckoutTest.refunds", "com.example.CheckoutTest.totals"));
  EXPECT_THAT(report.warnings, IsEmpty());
  EXPECT_FALSE(report.empty());
}

// pytest --junitxml (junit_family=xunit2), written on one line.
constexpr std::string_view kPytest =
    R"(<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="1" skipped="1" tests="4" time="0.045" timestamp="2026-11-20T10:00:00.000000+00:00" hostname="ci-7"><testcase classname="tests.test_checkout" name="test_total" time="0.001" /><testcase classname="tests.test_checkout" name="test_refund[card]" time="0.002"><failure message="assert 1 == 2">def test_refund():
&gt;       assert 1 == 2
E       assert 1 == 2</failure></testcase><testcase classname="tests.test_checkout" name="test_legacy" time="0.000"><skipped type="pytest.skip" message="legacy">tests/test_checkout.py:9: legacy</skipped></testcase><testcase classname="tests.test_checkout" name="test_xfail" time="0.000"><skipped type="pytest.xfail" message="known bug" /></testcase></testsuite></testsuites>)";

TEST(JunitReportTest, ReadsPytest) {
  const JunitReport report = MustParse(kPytest);
  EXPECT_EQ(report.totals, Totals(4, 1, 1, 0, 2));
  ASSERT_EQ(report.suites.size(), 1u);
  EXPECT_EQ(report.suites[0].name, "pytest");
  EXPECT_THAT(report.failing_cases, ElementsAre("tests.test_checkout.test_refund[card]"));
  // The report declares skipped="1" but holds two skipped cases (an xfail and a skip).
  EXPECT_THAT(report.warnings,
              ElementsAre("report.xml:1:71: <testsuite name=\"pytest\"> declares skipped=\"1\" "
                          "but its test cases count 2 skipped; Docket uses the counted value"));
}

// jest-junit: counts on the <testsuites> root, classname = describe + test title.
constexpr std::string_view kJest = R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="3" failures="1" errors="0" time="1.234">
  <testsuite name="checkout" errors="0" failures="1" skipped="0" timestamp="2026-11-20T10:00:00" time="0.8" tests="2">
    <testcase classname="checkout pays with card" name="checkout pays with card" time="0.3">
    </testcase>
    <testcase classname="checkout refunds" name="checkout refunds" time="0.5">
      <failure>Error: expect(received).toBe(expected)

Expected: 2
Received: 1</failure>
    </testcase>
  </testsuite>
  <testsuite name="cart" errors="0" failures="0" skipped="0" timestamp="2026-11-20T10:00:01" time="0.2" tests="1">
    <testcase classname="cart adds item" name="cart adds item" time="0.2">
    </testcase>
  </testsuite>
</testsuites>
)";

TEST(JunitReportTest, ReadsJestJunit) {
  const JunitReport report = MustParse(kJest);
  EXPECT_EQ(report.totals, Totals(3, 2, 1, 0, 0));
  ASSERT_EQ(report.suites.size(), 2u);
  EXPECT_EQ(report.suites[0].name, "checkout");
  EXPECT_EQ(report.suites[0].totals, Totals(2, 1, 1, 0, 0));
  EXPECT_EQ(report.suites[1].name, "cart");
  EXPECT_EQ(report.suites[1].totals, Totals(1, 1, 0, 0, 0));
  EXPECT_THAT(report.failing_cases, ElementsAre("checkout refunds.checkout refunds"));
  EXPECT_THAT(report.warnings, IsEmpty());
}

// go-junit-report v2: tabs, <properties>, CDATA output.
constexpr std::string_view kGoJunitReport =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<testsuites tests=\"3\" failures=\"1\">\n"
    "\t<testsuite name=\"example.com/shop/checkout\" tests=\"3\" failures=\"1\" errors=\"0\" "
    "id=\"0\" hostname=\"ci\" skipped=\"1\" time=\"0.012\" timestamp=\"2026-11-20T10:00:00Z\">\n"
    "\t\t<properties>\n"
    "\t\t\t<property name=\"go.version\" value=\"go1.21.4\"></property>\n"
    "\t\t</properties>\n"
    "\t\t<testcase name=\"TestPay\" classname=\"example.com/shop/checkout\" "
    "time=\"0.001\"></testcase>\n"
    "\t\t<testcase name=\"TestRefund\" classname=\"example.com/shop/checkout\" time=\"0.002\">\n"
    "\t\t\t<failure message=\"Failed\"><![CDATA[    checkout_test.go:20: got 1, want 2]]>"
    "</failure>\n"
    "\t\t</testcase>\n"
    "\t\t<testcase name=\"TestSkip\" classname=\"example.com/shop/checkout\" time=\"0.000\">\n"
    "\t\t\t<skipped message=\"Skipped\"><![CDATA[    checkout_test.go:30: flaky]]></skipped>\n"
    "\t\t</testcase>\n"
    "\t</testsuite>\n"
    "</testsuites>\n";

TEST(JunitReportTest, ReadsGoJunitReport) {
  const JunitReport report = MustParse(kGoJunitReport);
  EXPECT_EQ(report.totals, Totals(3, 1, 1, 0, 1));
  EXPECT_THAT(report.failing_cases, ElementsAre("example.com/shop/checkout.TestRefund"));
  EXPECT_THAT(report.warnings, IsEmpty());
}

TEST(JunitReportTest, NestedSuitesCountTheirChildrenAndKeepDocumentOrder) {
  const JunitReport report = MustParse(R"(<testsuites>
  <testsuite name="outer">
    <testcase name="a"/>
    <testsuite name="inner">
      <testcase name="b"><failure/></testcase>
      <testsuite name="innermost"><testcase name="c"><error/></testcase></testsuite>
    </testsuite>
  </testsuite>
  <testsuite name="second"><testcase classname="k" name="d"/></testsuite>
</testsuites>)");
  EXPECT_EQ(report.totals, Totals(4, 2, 1, 1, 0));
  ASSERT_EQ(report.suites.size(), 4u);
  EXPECT_EQ(report.suites[0].path, "outer");
  EXPECT_EQ(report.suites[0].totals, Totals(3, 1, 1, 1, 0));
  EXPECT_EQ(report.suites[1].path, "outer/inner");
  EXPECT_EQ(report.suites[1].depth, 1u);
  EXPECT_EQ(report.suites[1].totals, Totals(2, 0, 1, 1, 0));
  EXPECT_EQ(report.suites[2].path, "outer/inner/innermost");
  EXPECT_EQ(report.suites[2].depth, 2u);
  EXPECT_EQ(report.suites[3].path, "second");
  EXPECT_EQ(report.suites[3].totals, Totals(1, 1, 0, 0, 0));
  EXPECT_THAT(report.failing_cases, ElementsAre("b", "c"));
}

TEST(JunitReportTest, ErrorOutranksFailureOutranksSkipped) {
  const JunitReport report = MustParse(R"(<testsuite>
<testcase name="both"><failure/><error/></testcase>
<testcase name="failed-and-skipped"><skipped/><failure/></testcase>
<testcase name="flaky"><flakyFailure/></testcase>
</testsuite>)");
  EXPECT_EQ(report.totals, Totals(3, 1, 1, 1, 0));
}

TEST(JunitReportTest, DeclaredCountsThatDisagreeAreWarnings) {
  const JunitReport report = MustParse(
      "<testsuites tests=\"9\" failures=\"x\">\n"
      "<testsuite name=\"s\" tests=\"1\" errors=\"1\"><testcase name=\"a\"/></testsuite>\n"
      "</testsuites>");
  EXPECT_EQ(report.totals, Totals(1, 1, 0, 0, 0));
  EXPECT_THAT(report.warnings,
              ElementsAre("report.xml:2:1: <testsuite name=\"s\"> declares errors=\"1\" but its "
                          "test cases count 0 errors; Docket uses the counted value",
                          "report.xml:1:1: <testsuites> declares tests=\"9\" but its test cases "
                          "count 1 tests; Docket uses the counted value",
                          "report.xml:1:1: <testsuites> declares failures=\"x\", which is not a "
                          "count; ignored"));
  EXPECT_EQ(report.warnings_omitted, 0u);
}

TEST(JunitReportTest, WarningsAreCapped) {
  JunitLimits limits;
  limits.max_warnings = 1;
  const JunitReport report = MustParse(
      R"(<testsuite tests="5" failures="5" errors="5"><testcase name="a"/></testsuite>)", limits);
  EXPECT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings_omitted, 2u);
}

TEST(JunitReportTest, FailingCasesAreDistinctSortedAndCapped) {
  std::string xml = "<testsuite>";
  for (const char* name : {"z", "b", "a", "b", "c"}) {
    xml += std::string("<testcase classname=\"k\" name=\"") + name + "\"><failure/></testcase>";
  }
  xml += "</testsuite>";
  JunitLimits limits;
  limits.max_failing_cases = 2;
  const JunitReport report = MustParse(xml, limits);
  EXPECT_EQ(report.totals.failed, 5u);
  EXPECT_THAT(report.failing_cases, ElementsAre("k.a", "k.b"));
  EXPECT_EQ(report.failing_cases_omitted, 2u);  // k.c and k.z
}

TEST(JunitReportTest, EmptyReportsAreValidAndSayTheyAreEmpty) {
  for (std::string_view xml : {"<testsuites/>", "<testsuites></testsuites>",
                               "<testsuite name=\"none\" tests=\"0\"></testsuite>"}) {
    const JunitReport report = MustParse(xml);
    EXPECT_TRUE(report.empty()) << xml;
    EXPECT_EQ(report.totals, JunitTotals{}) << xml;
  }
  EXPECT_EQ(ToCanonicalJson(MustParse("<testsuites/>")),
            R"({"empty":true,"failing_cases":[],"failing_cases_omitted":0,"suites":[],)"
            R"("totals":{"errors":0,"failed":0,"passed":0,"skipped":0,"tests":0},)"
            R"("warnings":[],"warnings_omitted":0})");
}

TEST(JunitReportTest, CanonicalJsonIsStable) {
  const std::string json = ToCanonicalJson(MustParse(
      R"(<testsuite name="s"><testcase classname="k" name="a"/><testcase name="b"><error/></testcase></testsuite>)"));
  EXPECT_EQ(json,
            R"({"empty":false,"failing_cases":["b"],"failing_cases_omitted":0,)"
            R"("suites":[{"depth":0,"name":"s","path":"s","totals":{"errors":1,"failed":0,)"
            R"("passed":1,"skipped":0,"tests":2}}],"totals":{"errors":1,"failed":0,"passed":1,)"
            R"("skipped":0,"tests":2},"warnings":[],"warnings_omitted":0})");
}

TEST(JunitReportTest, AcceptsCrlfBomCommentsAndEntities) {
  const JunitReport report = MustParse(
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<!-- generated -->\r\n<testsuite>\r\n"
      "<testcase classname=\"a&amp;b\" name=\"x &lt; y &#x263A;\"><failure/></testcase>\r\n"
      "</testsuite>\r\n");
  EXPECT_THAT(report.failing_cases, ElementsAre("a&b.x < y \xE2\x98\xBA"));
}

// Error paths: every message says where and what to fix.

TEST(JunitReportTest, RejectsMalformedXmlWithLineAndColumn) {
  EXPECT_EQ(ErrorOf("<testsuite>\n  <testcase name=\"a\">\n</testsuite>"),
            "report.xml:3:3: not well-formed XML: Start-end tags mismatch");
  EXPECT_EQ(ErrorOf("<testsuite>\n<testcase name=a/>\n</testsuite>"),
            "report.xml:2:16: not well-formed XML: Error parsing element attribute");
  EXPECT_EQ(ErrorOf("<testsuite>\n<testcase name=\"a\"/>\n"),
            "report.xml:2:21: not well-formed XML: Start-end tags mismatch");
}

TEST(JunitReportTest, RejectsWhatPugixmlWouldLetThrough) {
  EXPECT_EQ(ErrorOf(""), "report.xml:1:1: no root element; expected <testsuites> or <testsuite>");
  EXPECT_EQ(ErrorOf("<!-- nothing -->\n"),
            "report.xml:2:1: no root element; expected <testsuites> or <testsuite>");
  EXPECT_EQ(ErrorOf("<testsuite/>\n<testsuite/>"),
            "report.xml:2:1: a second root element <testsuite>; a report holds exactly one root "
            "element");
  EXPECT_EQ(ErrorOf("<testsuite/> trailing"),
            "report.xml:1:13: text outside the root element; a report holds one root element "
            "and nothing else");
  EXPECT_EQ(ErrorOf("<testsuite>\n<testcase name=\"a\" name=\"b\"/></testsuite>"),
            "report.xml:2:1: <testcase> repeats the attribute \"name\"; keep only one");
  EXPECT_EQ(ErrorOf("<testsuite/>\n<?xml version=\"1.0\"?>"),
            "report.xml:2:1: the XML declaration <?xml ...?> must come first in the file");
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><testsuite/>"),
            "report.xml:1:1: the report declares encoding=\"ISO-8859-1\"; Docket reads UTF-8 "
            "reports only: re-encode it as UTF-8");
}

TEST(JunitReportTest, RejectsDoctypeSoNoEntityIsEverDeclared) {
  // An external entity (XXE) and a nested-entity bomb: refused before anything reads them.
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [\n"
                    "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                    "<testsuite><testcase name=\"&xxe;\"/></testsuite>"),
            "report.xml:2:1: a <!DOCTYPE> declaration is not accepted in a JUnit report; "
            "remove it");
  EXPECT_EQ(ErrorOf("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
                    "<testsuite/>"),
            "report.xml:1:1: a <!DOCTYPE> declaration is not accepted in a JUnit report; "
            "remove it");
}

TEST(JunitReportTest, UndeclaredEntitiesStayLiteral) {
  const JunitReport report =
      MustParse(R"(<testsuite><testcase name="&xxe;"><failure/></testcase></testsuite>)");
  EXPECT_THAT(report.failing_cases, ElementsAre("&xxe;"));
}

TEST(JunitReportTest, RejectsWrongRoot) {
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\"?>\n<results><test/></results>"),
            "report.xml:2:1: the root element is <results>; a JUnit report's root must be "
            "<testsuites> or <testsuite>");
  EXPECT_EQ(ErrorOf("<TestSuite/>"),
            "report.xml:1:1: the root element is <TestSuite>; a JUnit report's root must be "
            "<testsuites> or <testsuite>");
}

TEST(JunitReportTest, RejectsTestCasesWithoutName) {
  EXPECT_EQ(ErrorOf("<testsuite>\n  <testcase classname=\"k\" time=\"1\"/>\n</testsuite>"),
            "report.xml:2:3: <testcase> has no name attribute (or an empty one); every test case "
            "needs a name");
  EXPECT_EQ(ErrorOf("<testsuite><testcase name=\"\"/></testsuite>"),
            "report.xml:1:12: <testcase> has no name attribute (or an empty one); every test "
            "case needs a name");
}

TEST(JunitReportTest, RejectsTestCasesOutsideASuite) {
  EXPECT_EQ(ErrorOf("<testsuites>\n<testcase name=\"a\"/>\n</testsuites>"),
            "report.xml:2:1: <testcase> directly inside <testsuites>; a test case must be inside "
            "a <testsuite>");
}

TEST(JunitReportTest, RejectsNonNumericTimes) {
  EXPECT_EQ(ErrorOf("<testsuite>\n<testcase name=\"a\" time=\"fast\"/></testsuite>"),
            "report.xml:2:1: <testcase name=\"a\"> has time=\"fast\", which is not a number of "
            "seconds; write a plain decimal such as \"1.25\"");
  EXPECT_EQ(ErrorOf("<testsuite name=\"s\" time=\"1,234.5\"/>"),
            "report.xml:1:1: <testsuite name=\"s\"> has time=\"1,234.5\", which is not a number "
            "of seconds; write a plain decimal such as \"1.25\" (no thousands separator or "
            "decimal comma)");
  for (const char* bad : {"", "-1", "nan", "inf", "1e999", " 1", "+1", "0x10"}) {
    const std::string xml =
        std::string("<testsuite><testcase name=\"a\" time=\"") + bad + "\"/></testsuite>";
    EXPECT_THAT(ErrorOf(xml), HasSubstr("which is not a number of seconds")) << bad;
  }
  for (const char* good : {"0", "0.000", "12", "1.5e-3", ".5"}) {
    const std::string xml =
        std::string("<testsuite><testcase name=\"a\" time=\"") + good + "\"/></testsuite>";
    EXPECT_EQ(ErrorOf(xml), "") << good;
  }
}

TEST(JunitReportTest, RejectsInvalidUtf8) {
  EXPECT_EQ(ErrorOf("<testsuite>\n<testcase name=\"caf\xE9\"/></testsuite>"),
            "report.xml:2:20: invalid UTF-8 (byte 0xE9 is not part of a well-formed sequence); "
            "save the JUnit report as UTF-8");
}

TEST(JunitReportTest, EnforcesCaps) {
  JunitLimits limits;
  limits.max_bytes = 16;
  EXPECT_EQ(ErrorOf("<testsuites></testsuites>", limits),
            "report.xml: the JUnit report is 25 bytes, over the limit of 16 bytes");

  limits = JunitLimits{};
  limits.max_elements = 3;
  EXPECT_EQ(ErrorOf("<testsuite>\n<testcase name=\"a\"/>\n<testcase name=\"b\"/>\n"
                    "<testcase name=\"c\"/></testsuite>",
                    limits),
            "report.xml:4:1: the report has more than 3 elements; split it or raise the limit");

  limits = JunitLimits{};
  limits.max_depth = 3;
  EXPECT_EQ(ErrorOf("<testsuites><testsuite name=\"a\"><testsuite name=\"b\">"
                    "<testsuite name=\"c\"/></testsuite></testsuite></testsuites>",
                    limits),
            "report.xml:1:53: elements are nested more than 3 deep");
}

TEST(JunitReportTest, DeepNestingDoesNotOverflowTheStack) {
  std::string xml;
  for (int i = 0; i < 100000; ++i) xml += "<testsuite>";
  for (int i = 0; i < 100000; ++i) xml += "</testsuite>";
  EXPECT_EQ(ErrorOf(xml), "report.xml:1:705: elements are nested more than 64 deep");
}

TEST(JunitReportTest, SeedCorpusParsesAsItsNamesSay) {
  const std::vector<std::string> valid = {"declared_mismatch.xml",
                                          "empty_suites.xml",
                                          "go_junit_report.xml",
                                          "jest.xml",
                                          "nested.xml",
                                          "pytest.xml",
                                          "surefire.xml"};
  const auto corpus = testing::ReadCorpus("junit_signal");
  ASSERT_GE(corpus.size(), 10u);
  for (const auto& [name, bytes] : corpus) {
    const bool expect_ok = std::find(valid.begin(), valid.end(), name) != valid.end();
    EXPECT_EQ(ParseJunitReport(name, bytes).ok(), expect_ok) << name;
  }
}

}  // namespace
}  // namespace docket::workflows::signals
