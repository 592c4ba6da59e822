// Multiple-testing control for the p-values of one evaluation (one release, many
// feature areas or themes). Pure functions; thread-safe.
#pragma once

#include <span>
#include <vector>

#include "engine/base/status.h"

namespace docket::policies::stats {

// Benjamini-Hochberg q-values, identical to R's p.adjust(p, "BH"): in input order,
// q_(i) = min(1, min_{j >= i} m/j * p_(j)) over the p-values sorted ascending.
// Tied p-values get identical q-values. An empty input gives an empty output.
// Controls the false discovery rate at level q for independent or positively
// dependent tests.
// Errors: kInvalidArgument naming "p_values[i]" when a value is NaN or outside [0, 1].
[[nodiscard]] StatusOr<std::vector<double>> BenjaminiHochberg(std::span<const double> p_values);

}  // namespace docket::policies::stats
