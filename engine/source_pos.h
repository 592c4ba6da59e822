// SourcePos and Diagnostic: where in a definition file something was found, and an
// error about it that a user can act on. Value types; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "engine/base/status.h"

namespace docket::engine {

struct SourcePos {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown

  // "file:line:column", or as much of it as is known.
  std::string ToString() const;
};

struct Diagnostic {
  SourcePos pos;
  std::string message;  // what is wrong
  std::string hint;     // what to do about it; may be empty

  // "file:line:col: error: message (hint)".
  std::string ToString() const;
};

// One kInvalidArgument Status listing every diagnostic, one per line.
Status DiagnosticsToStatus(const std::vector<Diagnostic>& diagnostics);

}  // namespace docket::engine
