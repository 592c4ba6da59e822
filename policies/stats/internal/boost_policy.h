// The Boost.Math error policy every statistic in policies/stats uses: no exception ever
// leaves Boost (STYLE.md "Errors"); an out-of-domain call yields NaN or ±inf, which the
// callers check and turn into kInternal. Inputs are validated before Boost sees them,
// so such a result is our bug. Only .cc files of policies/stats include this header,
// which keeps Boost a private dependency. Stateless; thread-safe.
#pragma once

#include <boost/math/policies/policy.hpp>

namespace docket::policies::stats::internal {

using NoThrowPolicy = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::pole_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::underflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::denorm_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>,
    boost::math::policies::rounding_error<boost::math::policies::ignore_error>,
    boost::math::policies::indeterminate_result_error<boost::math::policies::ignore_error>>;

}  // namespace docket::policies::stats::internal
