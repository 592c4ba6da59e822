// How `docket ledger ...` commands turn a Status into a message on stderr and an exit
// code (docs/cli.md, "docket ledger"): bad input or state -> 2, a ledger or bundle that
// does not verify -> 1, anything else (I/O, our bug) -> 4. Pure; thread-safe.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "adapters/cli/exit_codes.h"
#include "engine/base/status.h"

namespace docket::adapters::internal {

// Prints "docket: <context>: <message>" and returns the exit code the status calls for.
inline int LedgerFailure(std::ostream& err, const Status& status, std::string_view context = {}) {
  err << "docket: " << context << (context.empty() ? "" : ": ") << status.message() << "\n";
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kFailedPrecondition:
    case StatusCode::kNotFound:
    case StatusCode::kOutOfRange:
      return kExitUsage;
    case StatusCode::kDataLoss:
      return kExitBlock;  // 1: the ledger or bundle does not verify
    default:
      return kExitInternal;
  }
}

inline int LedgerUsage(std::ostream& err, const std::string& message) {
  err << "docket: " << message << "\n";
  return kExitUsage;
}

}  // namespace docket::adapters::internal
