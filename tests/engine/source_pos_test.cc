#include "engine/source_pos.h"

#include <gtest/gtest.h>

namespace docket::engine {
namespace {

TEST(SourcePosTest, ToStringShowsWhatIsKnown) {
  EXPECT_EQ((SourcePos{"wf.yaml", 3, 7}).ToString(), "wf.yaml:3:7");
  EXPECT_EQ((SourcePos{"wf.yaml", 3, 0}).ToString(), "wf.yaml:3");
  EXPECT_EQ((SourcePos{"wf.yaml", 0, 7}).ToString(), "wf.yaml");
  EXPECT_EQ((SourcePos{"", 2, 1}).ToString(), "<input>:2:1");
}

TEST(DiagnosticTest, ToStringWithAndWithoutHint) {
  EXPECT_EQ((Diagnostic{{"wf.yaml", 1, 2}, "bad thing", "do this"}).ToString(),
            "wf.yaml:1:2: error: bad thing (do this)");
  EXPECT_EQ((Diagnostic{{"wf.yaml", 1, 2}, "bad thing", ""}).ToString(),
            "wf.yaml:1:2: error: bad thing");
}

TEST(DiagnosticTest, DiagnosticsToStatus) {
  EXPECT_TRUE(DiagnosticsToStatus({}).ok());
  const Status s = DiagnosticsToStatus(
      {{{"a.yaml", 1, 1}, "first", ""}, {{"a.yaml", 2, 3}, "second", "fix it"}});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "a.yaml:1:1: error: first\na.yaml:2:3: error: second (fix it)");
}

}  // namespace
}  // namespace docket::engine
