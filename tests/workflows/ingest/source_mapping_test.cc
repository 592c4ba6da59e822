#include "workflows/ingest/source_mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace docket::workflows {
namespace {

using ::testing::HasSubstr;

SourceMapping Minimal() {
  SourceMapping m;
  m.source = "nps";
  m.fields = {{"text", {"comment"}}, {"created_at", {"date"}}};
  return m;
}

std::string Error(const SourceMapping& m) {
  const Status s = ValidateSourceMapping(m);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  return s.message();
}

TEST(SourceMappingTest, MinimalMappingIsValid) {
  EXPECT_TRUE(ValidateSourceMapping(Minimal()).ok());
  SourceMapping m = Minimal();
  m.fields.erase("created_at");
  m.constants["created_at"] = "2026-10-03T00:00:00Z";
  EXPECT_TRUE(ValidateSourceMapping(m).ok());
}

TEST(SourceMappingTest, UnknownCanonicalFieldGetsASuggestion) {
  SourceMapping m = Minimal();
  m.fields["txt"] = {"x"};
  EXPECT_THAT(Error(m), HasSubstr("unknown canonical field \"txt\" in fields (did you mean "
                                  "\"text\"?); known fields: id, channel"));
  m = Minimal();
  m.constants["tier"] = "pro";
  EXPECT_THAT(Error(m), HasSubstr("in constants"));
}

TEST(SourceMappingTest, TextAndCreatedAtAreRequired) {
  SourceMapping m = Minimal();
  m.fields.erase("text");
  EXPECT_THAT(Error(m), HasSubstr("text is neither mapped nor constant"));
  m = Minimal();
  m.fields.erase("created_at");
  EXPECT_THAT(Error(m), HasSubstr("created_at is neither mapped nor constant"));
}

TEST(SourceMappingTest, BadEntriesAreNamed) {
  SourceMapping m = Minimal();
  m.source.clear();
  EXPECT_THAT(Error(m), HasSubstr("source is empty"));
  m = Minimal();
  m.fields["id"] = {};
  EXPECT_THAT(Error(m), HasSubstr("fields.id lists no source field"));
  m = Minimal();
  m.fields["id"] = {"a", "a"};
  EXPECT_THAT(Error(m), HasSubstr("fields.id lists \"a\" twice"));
  m = Minimal();
  m.fields["id"] = {""};
  EXPECT_THAT(Error(m), HasSubstr("empty name"));
  m = Minimal();
  m.extras = {"plan", "plan"};
  EXPECT_THAT(Error(m), HasSubstr("extras lists \"plan\" twice"));
  m = Minimal();
  m.constants["created_at"] = "yesterday";
  EXPECT_THAT(Error(m), HasSubstr("constants.created_at: cannot parse timestamp"));
  m = Minimal();
  m.constants["rating"] = "9";
  EXPECT_THAT(Error(m), HasSubstr("constants.rating \"9\""));
  m.rating_scale = RatingScale::kZeroToTen;
  EXPECT_TRUE(ValidateSourceMapping(m).ok());
  m = Minimal();
  m.default_utc_offset_minutes = 24 * 60;
  EXPECT_THAT(Error(m), HasSubstr("not within a day"));
  m = Minimal();
  m.constants["region"] = "\xFF";
  EXPECT_THAT(Error(m), HasSubstr("constants.region is not valid UTF-8"));
}

TEST(SourceMappingTest, ParseRatingOnBothScales) {
  EXPECT_EQ(ParseRating(" 3 ", RatingScale::kOneToFive), 3);
  EXPECT_EQ(ParseRating("0", RatingScale::kOneToFive), std::nullopt);
  EXPECT_EQ(ParseRating("6", RatingScale::kOneToFive), std::nullopt);
  EXPECT_EQ(ParseRating("4.5", RatingScale::kOneToFive), std::nullopt);
  EXPECT_EQ(ParseRating("-1", RatingScale::kZeroToTen), std::nullopt);
  EXPECT_EQ(ParseRating("0", RatingScale::kZeroToTen), 1);
  EXPECT_EQ(ParseRating("10", RatingScale::kZeroToTen), 5);
  EXPECT_EQ(ParseRating("11", RatingScale::kZeroToTen), std::nullopt);
  EXPECT_EQ(ParseRating("100", RatingScale::kZeroToTen), std::nullopt);
}

}  // namespace
}  // namespace docket::workflows
