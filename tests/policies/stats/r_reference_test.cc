// Compares RateRatioTest, BinomialTest and BenjaminiHochberg with values R 4.2.2
// computed (golden/make_reference.R), and QuasiRateRatioTest and
// EstimateQuasiPoissonDispersion with R's pbeta/qbeta and glm(family = quasipoisson)
// (golden/make_dispersion_reference.R). Tolerance: relative 1e-9, or absolute 1e-12 for
// values near 0. Each test prints the largest relative and absolute deviations seen.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "policies/stats/binomial_test.h"
#include "policies/stats/dispersion.h"
#include "policies/stats/multiple_testing.h"
#include "policies/stats/quasi_rate_ratio_test.h"
#include "policies/stats/rate_ratio_test.h"

namespace docket::policies::stats {
namespace {

constexpr double kRelativeTolerance = 1e-9;
constexpr double kAbsoluteTolerance = 1e-12;

using Row = std::map<std::string, std::string>;

std::vector<Row> ReadTsv(const std::string& name) {
  const std::string path = std::string(DOCKET_SOURCE_DIR) + "/tests/policies/stats/golden/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::string line;
  std::vector<std::string> header;
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, '\t');) cells.push_back(cell);
    if (header.empty()) {
      header = cells;
      continue;
    }
    EXPECT_EQ(cells.size(), header.size()) << line;
    Row row;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

double Number(const Row& row, const std::string& column) {
  const std::string& text = row.at(column);
  return std::strtod(text.c_str(), nullptr);  // reads R's "Inf" as well
}

Alternative AlternativeOf(const Row& row) {
  StatusOr<Alternative> alternative = ParseAlternative(row.at("alternative"));
  EXPECT_TRUE(alternative.ok());
  return alternative.ok() ? *alternative : Alternative::kTwoSided;
}

// Tracks the largest deviation from R per quantity.
class Deviations {
 public:
  explicit Deviations(double relative_tolerance = kRelativeTolerance)
      : relative_tolerance_(relative_tolerance) {}

  void Expect(const std::string& what, double actual, double expected, const std::string& where) {
    if (std::isinf(expected) || std::isinf(actual)) {
      EXPECT_EQ(actual, expected) << what << " at " << where;
      return;
    }
    const double abs_error = std::fabs(actual - expected);
    const double rel_error = expected != 0 ? abs_error / std::fabs(expected) : abs_error;
    Worst& worst = worst_[what];
    if (rel_error > worst.relative) worst = {rel_error, std::max(worst.absolute, abs_error), where};
    worst.absolute = std::max(worst.absolute, abs_error);
    EXPECT_TRUE(abs_error <= relative_tolerance_ * std::fabs(expected) ||
                abs_error <= kAbsoluteTolerance)
        << what << " at " << where << ": got " << actual << ", R " << expected;
  }

  void Report(const std::string& table) const {
    for (const auto& [what, worst] : worst_) {
      std::cout << "[ max deviation from R ] " << table << " " << what << ": relative "
                << worst.relative << " (" << worst.where << "), absolute " << worst.absolute
                << "\n";
      ::testing::Test::RecordProperty(table + "." + what + ".max_relative_error",
                                      std::to_string(worst.relative));
    }
  }

 private:
  struct Worst {
    double relative = 0;
    double absolute = 0;
    std::string where;
  };
  double relative_tolerance_;
  std::map<std::string, Worst> worst_;
};

TEST(RReference, RateRatioTestMatchesPoissonTest) {
  const std::vector<Row> rows = ReadTsv("rate_ratio_reference.tsv");
  ASSERT_GE(rows.size(), 500u);
  Deviations deviations;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const std::string where = "row " + std::to_string(i + 2);
    const RateRatioCounts counts{.current_count = static_cast<int64_t>(Number(row, "x1")),
                                 .current_exposure = Number(row, "t1"),
                                 .baseline_count = static_cast<int64_t>(Number(row, "x2")),
                                 .baseline_exposure = Number(row, "t2")};
    StatusOr<RateRatioResult> result =
        RateRatioTest(counts, {.null_ratio = Number(row, "null_ratio"),
                               .alternative = AlternativeOf(row),
                               .confidence = Number(row, "confidence")});
    ASSERT_TRUE(result.ok()) << where << ": " << result.status().ToString();
    // R 4.2 does not clamp a two-sided sum that rounds a hair above 1; we do.
    deviations.Expect("p_value", result->p_value, std::min(1.0, Number(row, "p_value")), where);
    deviations.Expect("ci_low", result->ci_low, Number(row, "ci_low"), where);
    deviations.Expect("ci_high", result->ci_high, Number(row, "ci_high"), where);
    deviations.Expect("rate_ratio", result->rate_ratio, Number(row, "rate_ratio"), where);
    deviations.Expect("expected_conditional", result->expected_conditional,
                      Number(row, "expected_conditional"), where);
  }
  deviations.Report("rate_ratio");
}

TEST(RReference, BinomialTestMatchesBinomTest) {
  const std::vector<Row> rows = ReadTsv("binomial_reference.tsv");
  ASSERT_GE(rows.size(), 150u);
  Deviations deviations;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const std::string where = "row " + std::to_string(i + 2);
    StatusOr<BinomialTestResult> result = BinomialTest(
        static_cast<int64_t>(Number(row, "successes")), static_cast<int64_t>(Number(row, "trials")),
        {.null_probability = Number(row, "null_probability"),
         .alternative = AlternativeOf(row),
         .confidence = Number(row, "confidence")});
    ASSERT_TRUE(result.ok()) << where << ": " << result.status().ToString();
    deviations.Expect("p_value", result->p_value, std::min(1.0, Number(row, "p_value")), where);
    deviations.Expect("ci_low", result->ci_low, Number(row, "ci_low"), where);
    deviations.Expect("ci_high", result->ci_high, Number(row, "ci_high"), where);
    deviations.Expect("estimate", result->estimate, Number(row, "estimate"), where);
  }
  deviations.Report("binomial");
}

TEST(RReference, BenjaminiHochbergMatchesPAdjust) {
  const std::vector<Row> rows = ReadTsv("bh_reference.tsv");
  ASSERT_GE(rows.size(), 100u);
  std::map<int, std::vector<std::pair<double, double>>> vectors;
  for (const Row& row : rows) {
    vectors[std::stoi(row.at("vector"))].push_back({Number(row, "p"), Number(row, "q")});
  }
  Deviations deviations;
  for (const auto& [id, values] : vectors) {
    std::vector<double> p;
    for (const auto& [pv, qv] : values) p.push_back(pv);
    StatusOr<std::vector<double>> q = BenjaminiHochberg(p);
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    for (size_t i = 0; i < values.size(); ++i) {
      deviations.Expect("q", (*q)[i], values[i].second,
                        "vector " + std::to_string(id) + " index " + std::to_string(i));
    }
  }
  deviations.Report("bh");
}

TEST(RReference, QuasiRateRatioTestMatchesPbeta) {
  const std::vector<Row> rows = ReadTsv("quasi_rate_ratio_reference.tsv");
  ASSERT_GE(rows.size(), 150u);
  Deviations deviations;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const std::string where = "row " + std::to_string(i + 2);
    const RateRatioCounts counts{.current_count = static_cast<int64_t>(Number(row, "x1")),
                                 .current_exposure = Number(row, "t1"),
                                 .baseline_count = static_cast<int64_t>(Number(row, "x2")),
                                 .baseline_exposure = Number(row, "t2")};
    StatusOr<RateRatioResult> result = QuasiRateRatioTest(
        counts, Number(row, "dispersion"),
        {.alternative = AlternativeOf(row), .confidence = Number(row, "confidence")});
    ASSERT_TRUE(result.ok()) << where << ": " << result.status().ToString();
    deviations.Expect("p_value", result->p_value, std::min(1.0, Number(row, "p_value")), where);
    deviations.Expect("ci_low", result->ci_low, Number(row, "ci_low"), where);
    deviations.Expect("ci_high", result->ci_high, Number(row, "ci_high"), where);
  }
  deviations.Report("quasi_rate_ratio");
}

std::vector<double> Split(const std::string& text) {
  std::vector<double> values;
  std::istringstream fields(text);
  for (std::string cell; std::getline(fields, cell, ',');) {
    values.push_back(std::strtod(cell.c_str(), nullptr));
  }
  return values;
}

TEST(RReference, QuasiPoissonDispersionMatchesGlm) {
  const std::vector<Row> rows = ReadTsv("quasi_poisson_dispersion_reference.tsv");
  ASSERT_GE(rows.size(), 100u);
  std::map<int, std::vector<std::vector<PeriodCount>>> sets;
  std::map<int, double> set_phi;
  // R's glm stops its IRLS iterations on a deviance change, which leaves the fitted
  // values (and so X^2) ~1e-7 off the closed-form fit count * e_d / E used here.
  Deviations deviations(/*relative_tolerance=*/1e-6);
  for (const Row& row : rows) {
    const int set = std::stoi(row.at("set"));
    const std::vector<double> counts = Split(row.at("counts"));
    const std::vector<double> exposures = Split(row.at("exposures"));
    ASSERT_EQ(counts.size(), exposures.size());
    std::vector<PeriodCount> periods;
    for (size_t d = 0; d < counts.size(); ++d) {
      periods.push_back({static_cast<int64_t>(counts[d]), exposures[d]});
    }
    const std::string where = "set " + row.at("set") + " series " + row.at("series");
    if (row.at("series_dispersion") != "NA") {  // the series qualifies: compare it alone
      const std::vector<PeriodSeries> alone = {periods};
      StatusOr<double> phi = EstimateQuasiPoissonDispersion(alone);
      ASSERT_TRUE(phi.ok()) << where;
      deviations.Expect("series_phi", *phi, std::max(1.0, Number(row, "series_dispersion")), where);
    }
    sets[set].push_back(std::move(periods));
    set_phi[set] = Number(row, "set_phi");
  }
  for (const auto& [set, series] : sets) {
    const std::vector<PeriodSeries> spans(series.begin(), series.end());
    StatusOr<double> phi = EstimateQuasiPoissonDispersion(spans);
    ASSERT_TRUE(phi.ok());
    deviations.Expect("set_phi", *phi, set_phi[set], "set " + std::to_string(set));
  }
  deviations.Report("quasi_poisson_dispersion");
}

}  // namespace
}  // namespace docket::policies::stats
