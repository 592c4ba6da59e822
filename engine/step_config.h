// Typed step configuration. A step type declares a ConfigSchema; the validator checks
// the YAML `config:` block against it (unknown keys, types, ranges, allowed values) and
// produces a StepConfig holding resolved values (defaults filled in) and a digest of
// them. StepConfig is immutable after construction and safe to read from any thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/base/sha256.h"
#include "engine/config_node.h"
#include "engine/source_pos.h"

namespace docket::engine {

using Duration = std::chrono::microseconds;

enum class ConfigType {
  kString,
  kInt,
  kDouble,
  kBool,
  kDuration,    // "250ms", "30s", "5m", "48h", "2d", or combinations like "1h30m"
  kStringList,  // a YAML list of scalars (a single scalar is accepted as a list of one)
  kTree,        // any YAML subtree; the step factory validates it
};

std::string_view ConfigTypeName(ConfigType type);

struct ConfigField {
  std::string name;
  ConfigType type = ConfigType::kString;
  bool required = false;
  std::optional<std::string> default_value;  // YAML scalar text, parsed like user input
  std::string doc;
  std::optional<double> min;               // for kInt, kDouble, kDuration (in seconds)
  std::optional<double> max;
  std::vector<std::string> one_of;         // allowed values for kString
};

struct ConfigSchema {
  std::vector<ConfigField> fields;
  const ConfigField* Find(std::string_view name) const;
};

using ConfigValue = std::variant<std::string, int64_t, double, bool, Duration,
                                 std::vector<std::string>, ConfigNode>;

class StepConfig {
 public:
  StepConfig() = default;

  // Checks `node` (the `config:` map, or a null node) against `schema`. Every problem
  // becomes a diagnostic; returns nullopt if there was any.
  static std::optional<StepConfig> Build(const ConfigSchema& schema, const ConfigNode& node,
                                         const SourcePos& step_pos,
                                         std::vector<Diagnostic>& diagnostics);

  bool Has(std::string_view name) const { return values_.count(std::string(name)) != 0; }
  // Getters abort on a name the schema does not declare with that type (a step bug).
  const std::string& GetString(std::string_view name) const;
  int64_t GetInt(std::string_view name) const;
  double GetDouble(std::string_view name) const;
  bool GetBool(std::string_view name) const;
  Duration GetDuration(std::string_view name) const;
  const std::vector<std::string>& GetStringList(std::string_view name) const;
  const ConfigNode& GetTree(std::string_view name) const;

  // Where `name` was set (the step's position if it came from a default).
  SourcePos PosOf(std::string_view name) const;
  // A diagnostic about the value of `name`, for step factories' semantic checks.
  Diagnostic ErrorAt(std::string_view name, std::string message, std::string hint = {}) const;

  // Canonical bytes of the resolved values (sorted by name) and their SHA-256.
  const std::string& canonical_bytes() const { return canonical_; }
  const Sha256Digest& digest() const { return digest_; }

 private:
  const ConfigValue& Get(std::string_view name) const;

  std::map<std::string, ConfigValue, std::less<>> values_;
  std::map<std::string, SourcePos, std::less<>> positions_;
  SourcePos step_pos_;
  std::string canonical_;
  Sha256Digest digest_;
};

// Parses "1h30m", "250ms", "2d", "45s"; nullopt on anything else.
std::optional<Duration> ParseDuration(std::string_view text);
// Formats exactly with hours as the largest unit, e.g. "48h", "1h30m", "250ms", "0s".
std::string FormatDuration(Duration d);

}  // namespace docket::engine
