// ConfigNode: a YAML subtree kept with source positions, so that step configs can be
// validated against a schema and every error can name file:line:column. Built by the
// workflow parser; immutable afterwards and safe to share between threads.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/source_pos.h"

namespace docket::engine {

struct ConfigEntry;

struct ConfigNode {
  enum class Kind { kNull, kScalar, kList, kMap };

  Kind kind = Kind::kNull;
  std::string scalar;                                    // kScalar
  bool quoted = false;                                   // kScalar written in quotes
  std::vector<ConfigNode> list;                          // kList
  std::vector<ConfigEntry> map;                          // kMap, in file order
  SourcePos pos;

  // The value of `key` in a map, or nullptr.
  const ConfigNode* Find(std::string_view key) const;
  // Position of the value of `key` (for a null value, of the key itself); the node's
  // own position when `key` is absent.
  SourcePos KeyPos(std::string_view key) const;
  std::string_view KindName() const;
};

// One key of a map node and its value; used like std::pair (first, second, structured
// bindings). Not std::pair itself: clang-14 with libstdc++ 12 cannot instantiate
// std::pair<std::string, ConfigNode> inside ConfigNode, which broke the fuzz preset.
struct ConfigEntry {
  ConfigEntry() = default;
  ConfigEntry(std::string key, ConfigNode value)
      : first(std::move(key)), second(std::move(value)) {}

  std::string first;  // the key
  ConfigNode second;  // its value
};

// Appends unambiguous bytes of `node` (kinds, scalars, keys in file order) to `out`.
// Used for config digests: equal trees give equal bytes.
void AppendCanonical(const ConfigNode& node, std::string& out);

}  // namespace docket::engine
