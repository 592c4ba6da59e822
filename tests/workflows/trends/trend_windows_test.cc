#include "workflows/trends/trend_windows.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/base/time_format.h"

namespace docket::workflows::trends {
namespace {

Timestamp T(const char* text) { return *ParseRfc3339(text); }

TEST(TrendWindowsTest, EvaluateAtAnchorEndsAtTheEvaluationAndBaselineBeforeExposure) {
  WindowConfig config;
  StatusOr<TrendWindows> w = ComputeWindows(T("2026-10-26T00:00:00Z"), T("2026-11-09T00:00:00Z"),
                                            T("2030-01-01T00:00:00Z"), config);
  ASSERT_TRUE(w.ok()) << w.status().message();
  EXPECT_EQ(w->current.start, T("2026-11-07T00:00:00Z"));
  EXPECT_EQ(w->current.end, T("2026-11-09T00:00:00Z"));
  // The baseline ends at the exposure start, not at the current window.
  EXPECT_EQ(w->baseline.end, T("2026-10-26T00:00:00Z"));
  EXPECT_EQ(w->baseline.start, T("2026-10-12T00:00:00Z"));
  EXPECT_DOUBLE_EQ(w->current_hours, 48);
  EXPECT_DOUBLE_EQ(w->baseline_hours, 336);
}

TEST(TrendWindowsTest, UsesTheLogicalClockWithoutAnEvaluationTime) {
  StatusOr<TrendWindows> w =
      ComputeWindows(std::nullopt, std::nullopt, T("2026-11-09T12:00:00Z"), WindowConfig{});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->current.end, T("2026-11-09T12:00:00Z"));
  EXPECT_EQ(w->baseline.end, w->current.start);
}

TEST(TrendWindowsTest, ExposureAnchorStartsAtExposureAndStopsAtEvaluation) {
  WindowConfig config;
  config.anchor = WindowAnchor::kExposureStart;
  StatusOr<TrendWindows> w = ComputeWindows(T("2026-11-08T00:00:00Z"), T("2026-11-09T00:00:00Z"),
                                            T("2030-01-01T00:00:00Z"), config);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->current.start, T("2026-11-08T00:00:00Z"));
  EXPECT_EQ(w->current.end, T("2026-11-09T00:00:00Z"));  // cut at the evaluation
  EXPECT_DOUBLE_EQ(w->current_hours, 24);
  StatusOr<TrendWindows> missing =
      ComputeWindows(std::nullopt, T("2026-11-09T00:00:00Z"), T("2030-01-01T00:00:00Z"), config);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), ::testing::HasSubstr("exposure_start"));
}

TEST(TrendWindowsTest, OverlappingExclusionsAreCutOutOnce) {
  WindowConfig config;
  config.excluded_periods = {{T("2026-11-07T00:00:00Z"), T("2026-11-07T12:00:00Z")},
                             {T("2026-11-07T06:00:00Z"), T("2026-11-07T18:00:00Z")},
                             {T("2026-11-20T00:00:00Z"), T("2026-11-21T00:00:00Z")}};
  StatusOr<TrendWindows> w =
      ComputeWindows(std::nullopt, T("2026-11-09T00:00:00Z"), T("2030-01-01T00:00:00Z"), config);
  ASSERT_TRUE(w.ok());
  EXPECT_DOUBLE_EQ(w->current_hours, 30);
  EXPECT_TRUE(TrendWindows::Excluded(config, T("2026-11-07T17:59:59Z")));
  EXPECT_FALSE(TrendWindows::Excluded(config, T("2026-11-07T18:00:00Z")));
  config.excluded_periods = {{T("2026-11-01T00:00:00Z"), T("2026-11-10T00:00:00Z")}};
  EXPECT_FALSE(
      ComputeWindows(std::nullopt, T("2026-11-09T00:00:00Z"), T("2030-01-01T00:00:00Z"), config)
          .ok());
}

}  // namespace
}  // namespace docket::workflows::trends
