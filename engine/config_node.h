// ConfigNode: a YAML subtree kept with source positions, so that step configs can be
// validated against a schema and every error can name file:line:column. Built by the
// workflow parser; immutable afterwards and safe to share between threads.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/source_pos.h"

namespace docket::engine {

struct ConfigNode {
  enum class Kind { kNull, kScalar, kList, kMap };

  Kind kind = Kind::kNull;
  std::string scalar;                                    // kScalar
  bool quoted = false;                                   // kScalar written in quotes
  std::vector<ConfigNode> list;                          // kList
  std::vector<std::pair<std::string, ConfigNode>> map;   // kMap, in file order
  SourcePos pos;

  // The value of `key` in a map, or nullptr.
  const ConfigNode* Find(std::string_view key) const;
  // Position of `key` itself (falls back to the node's position).
  SourcePos KeyPos(std::string_view key) const;
  std::string_view KindName() const;
};

// Appends unambiguous bytes of `node` (kinds, scalars, keys in file order) to `out`.
// Used for config digests: equal trees give equal bytes.
void AppendCanonical(const ConfigNode& node, std::string& out);

}  // namespace docket::engine
