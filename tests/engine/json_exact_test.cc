#include "engine/json_exact.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstring>
#include <random>

namespace docket::engine {
namespace {

TEST(JsonExactTest, EveryDoubleReadsBackToItselfUnlikeBoostsOwnParser) {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> u(0, 1);
  int boost_off = 0;
  for (int i = 0; i < 20000; ++i) {
    const double d = u(rng) * (i % 2 == 0 ? 1e-8 : 1e6);
    const std::string text = boost::json::serialize(boost::json::value(d));
    StatusOr<boost::json::value> v = ParseJsonExact(text);
    ASSERT_TRUE(v.ok()) << text;
    const double back = v->as_double();
    ASSERT_EQ(std::memcmp(&back, &d, sizeof d), 0) << text;
    const double boost_back = boost::json::parse(text).as_double();
    boost_off += std::memcmp(&boost_back, &d, sizeof d) != 0;
  }
  EXPECT_GT(boost_off, 0);  // why this parser exists (Boost 1.81)
}

TEST(JsonExactTest, BuildsTheSameTreeAsBoost) {
  const std::string text =
      R"({"a": [1, -2, 18446744073709551615, 1.5e-300, "x\u00e9", true, null], "b": {"c": {}}})";
  StatusOr<boost::json::value> v = ParseJsonExact(text);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(boost::json::serialize(*v), boost::json::serialize(boost::json::parse(text)));
}

TEST(JsonExactTest, ErrorsSayWhereAndRefuseHostileInput) {
  EXPECT_FALSE(ParseJsonExact("{\"a\": ").ok());
  EXPECT_FALSE(ParseJsonExact("{} x").ok());
  EXPECT_FALSE(ParseJsonExact("[1e999]").ok());
  StatusOr<boost::json::value> deep = ParseJsonExact(std::string(100, '['), 32);
  ASSERT_FALSE(deep.ok());
  EXPECT_NE(deep.status().message().find("at byte"), std::string::npos);
  EXPECT_TRUE(ParseJsonExact("4444444440000000612885206807").ok());
}

}  // namespace
}  // namespace docket::engine
