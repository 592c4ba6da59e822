#include "engine/base/closest_name.h"

#include <gtest/gtest.h>

namespace docket {
namespace {

const std::vector<std::string> kNames = {"ingest", "normalize", "dedupe", "policy_gate"};

TEST(ClosestNameTest, FindsNearMisspellings) {
  EXPECT_EQ(ClosestName("dedup", kNames), "dedupe");
  EXPECT_EQ(ClosestName("Normalise", kNames), "normalize");  // case-insensitive
  EXPECT_EQ(ClosestName("polcy_gate", kNames), "policy_gate");
}

TEST(ClosestNameTest, NoHintForUnrelatedNames) {
  EXPECT_FALSE(ClosestName("emit", kNames).has_value());
  EXPECT_FALSE(ClosestName("", kNames).has_value());
  EXPECT_FALSE(ClosestName("dedupe", {}).has_value());
}

TEST(ClosestNameTest, TiesGoToTheEarliestAndHugeInputsAreSkipped) {
  EXPECT_EQ(ClosestName("ab", {"ac", "ad"}), "ac");
  EXPECT_FALSE(ClosestName(std::string(10000, 'a'), {std::string(10000, 'a')}).has_value());
}

}  // namespace
}  // namespace docket
