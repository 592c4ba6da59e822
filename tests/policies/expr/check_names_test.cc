#include "policies/expr/check_names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "policies/expr/expression.h"

namespace docket::policies::expr {
namespace {

const NameTable& Declared() {
  static const NameTable table = {
      {"signals.regression.failed", NameType::kNumber},
      {"observed", NameType::kNumber},
      {"expected", NameType::kNumber},
      {"severity", NameType::kString},
      {"allowed_severities", NameType::kList},
      {"flag", NameType::kBool},
      {"extra", NameType::kAny},
  };
  return table;
}

Status Check(std::string_view source) {
  StatusOr<Expression> e = Compile(source);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return e.ok() ? CheckNames(*e, Declared()) : e.status();
}

TEST(PolicyExprCheckNamesTest, KnownNamesWithFittingTypesPass) {
  EXPECT_TRUE(Check("signals.regression.failed > 0 and severity in ['high']").ok());
  EXPECT_TRUE(Check("severity in allowed_severities or flag").ok());
  EXPECT_TRUE(Check("max(observed - expected, 0) / max(expected, 1) > extra").ok());
  EXPECT_TRUE(Check("exists(observed) and coalesce(extra, 1) > 0").ok());
}

TEST(PolicyExprCheckNamesTest, UnknownNamesGetDidYouMean) {
  const Status s = Check("signals.regresion.failed > 0 and observd > 1 and zzz > 2");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "unknown name 'signals.regresion.failed' at column 1; did you mean "
            "'signals.regression.failed'?\n"
            "unknown name 'observd' at column 34; did you mean 'observed'?\n"
            "unknown name 'zzz' at column 50");
}

TEST(PolicyExprCheckNamesTest, ExistsArgumentsMustBeDeclaredToo) {
  EXPECT_EQ(Check("exists(expectd)").message(),
            "unknown name 'expectd' at column 8; did you mean 'expected'?");
}

TEST(PolicyExprCheckNamesTest, DeclaredTypesRevealConflicts) {
  EXPECT_EQ(Check("severity > 3").message(),
            "'>' cannot compare a string with a number at column 10");
  EXPECT_EQ(Check("observed in ['high']").message(),
            "'in' looks for a number in a list of strings at column 10");
  EXPECT_EQ(Check("flag + 1 > 0").message(), "'+' needs numbers, got a bool at column 6");
  EXPECT_EQ(Check("observed and flag").message(), "'and' needs bools, got a number at column 10");
  EXPECT_EQ(Check("observed in observed").message(),
            "'in' needs a list on its right, got a number at column 10");
  EXPECT_EQ(Check("sqrt(severity) > 1").message(),
            "sqrt() needs numbers, got a string at column 1");
  EXPECT_EQ(Check("coalesce(observed, 0) == 'a'").message(),
            "'==' cannot compare a number with a string at column 23");
}

TEST(PolicyExprCheckNamesTest, UnknownNamesAndTypeConflictsAreAllReported) {
  EXPECT_EQ(Check("severity < 1 or nope").message(),
            "unknown name 'nope' at column 17\n"
            "'<' cannot compare a string with a number at column 10");
}

}  // namespace
}  // namespace docket::policies::expr
