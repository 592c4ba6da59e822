// The evaluation set spells entity types with its own table (so it loads without the
// redact library); this keeps that table equal to EntityTypeName and ParseEntityType.
#include <gtest/gtest.h>

#include "tests/golden/redaction/pii_eval_set.h"
#include "workflows/redact/entity.h"

namespace docket::golden::redaction {
namespace {

TEST(PiiEvalTypeNamesTest, AreTheScannersNames) {
  for (int t = 0; t < kEntityTypeCount; ++t) {
    const auto type = static_cast<EntityType>(t);
    EXPECT_EQ(GoldTypeName(type), workflows::redact::EntityTypeName(type));
    EXPECT_EQ(workflows::redact::ParseEntityType(GoldTypeName(type)), type);
  }
}

}  // namespace
}  // namespace docket::golden::redaction
