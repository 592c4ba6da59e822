// CanonicalJson: one byte string per JSON value, so the gate records exactly what a
// signal parser read and equal values hash equally. Object members are sorted by key
// bytes, there is no whitespace, strings and numbers are printed by Boost.JSON's
// serializer (shortest round-trip form for doubles). Pure function; thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace docket::workflows::signals::internal {

// Serializes `value` canonically. Recursion follows the value's nesting, which every
// caller bounds (the strict JSON reader caps depth).
std::string CanonicalJson(const boost::json::value& value);

}  // namespace docket::workflows::signals::internal
