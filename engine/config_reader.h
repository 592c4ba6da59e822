// ConfigReader: checked reads of a ConfigNode tree for the files people write by hand
// (redaction policies, severity models, lexicons). A wrong kind, an unknown key or a bad
// value becomes a Diagnostic at its file:line:column with a hint, and reading goes on,
// so one pass reports every problem. Borrows the diagnostics list. Not thread-safe: one
// reader per file being read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config_node.h"
#include "engine/source_pos.h"

namespace docket::engine {

class ConfigReader {
 public:
  static constexpr size_t kMaxListItems = 10'000;

  explicit ConfigReader(std::vector<Diagnostic>& diagnostics) : diagnostics_(diagnostics) {}

  void Error(const ConfigNode& at, std::string message, std::string hint = {});

  // True if `node` is a map; else an error naming `what` ("a severity model").
  bool ExpectMap(const ConfigNode& node, std::string_view what);
  // An error for each key of `map` not in `known`, with the closest known key as hint.
  void CheckKeys(const ConfigNode& map, const std::vector<std::string>& known);
  // `version` must be present and equal `supported`.
  void CheckVersion(const ConfigNode& root, std::string_view supported);

  // A non-empty scalar, or "" after an error.
  std::string Text(const ConfigNode& node);
  // A number in [min, max], or nullopt after an error.
  std::optional<double> Number(const ConfigNode& node, double min, double max);
  // A list of at most kMaxListItems items, or an empty list after an error.
  const std::vector<ConfigNode>& List(const ConfigNode& node);
  // A list of non-empty scalars.
  std::vector<std::string> TextList(const ConfigNode& node);

 private:
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace docket::engine
