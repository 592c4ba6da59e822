// DOCKET_CHECK: aborts on states that cannot happen (our bugs). Never use it on user
// input, network bytes or disk contents: those get a Status. Thread-safe.
#pragma once

namespace docket::internal {
[[noreturn]] void CheckFailed(const char* file, int line, const char* condition);
}  // namespace docket::internal

#define DOCKET_CHECK(cond)                                               \
  do {                                                                   \
    if (!(cond)) ::docket::internal::CheckFailed(__FILE__, __LINE__, #cond); \
  } while (false)
