// ConfigReader; see config_reader.h.
#include "engine/config_reader.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/base/closest_name.h"

namespace docket::engine {

void ConfigReader::Error(const ConfigNode& at, std::string message, std::string hint) {
  diagnostics_.push_back({at.pos, std::move(message), std::move(hint)});
}

bool ConfigReader::ExpectMap(const ConfigNode& node, std::string_view what) {
  if (node.kind == ConfigNode::Kind::kMap) return true;
  Error(node, std::string(what) + " is a YAML map, found " + std::string(node.KindName()),
        "start with `version: 1`");
  return false;
}

void ConfigReader::CheckKeys(const ConfigNode& map, const std::vector<std::string>& known) {
  for (const ConfigEntry& entry : map.map) {
    if (std::find(known.begin(), known.end(), entry.first) != known.end()) continue;
    const std::optional<std::string> close = ClosestName(entry.first, known);
    diagnostics_.push_back({map.KeyPos(entry.first), "unknown key `" + entry.first + "`",
                            close ? "did you mean `" + *close + "`?" : ""});
  }
}

void ConfigReader::CheckVersion(const ConfigNode& root, std::string_view supported) {
  const ConfigNode* version = root.Find("version");
  if (version == nullptr) {
    Error(root, "missing `version`", "add `version: " + std::string(supported) + "`");
  } else if (version->scalar != supported) {
    Error(*version, "unsupported version `" + version->scalar + "`",
          "this Docket reads version " + std::string(supported));
  }
}

std::string ConfigReader::Text(const ConfigNode& node) {
  if (node.kind != ConfigNode::Kind::kScalar || node.scalar.empty()) {
    Error(node, "expected a non-empty text value, found " + std::string(node.KindName()));
    return {};
  }
  return node.scalar;
}

std::optional<double> ConfigReader::Number(const ConfigNode& node, double min, double max) {
  char range[64];
  std::snprintf(range, sizeof range, "[%g, %g]", min, max);
  if (node.kind != ConfigNode::Kind::kScalar || node.scalar.empty() || node.quoted) {
    Error(node, "expected a number, found " + std::string(node.KindName()),
          "a number in " + std::string(range));
    return std::nullopt;
  }
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(node.scalar.c_str(), &end);
  if (errno != 0 || end != node.scalar.c_str() + node.scalar.size() || !std::isfinite(value) ||
      value < min || value > max) {
    Error(node, "`" + node.scalar + "` is not a number in " + std::string(range));
    return std::nullopt;
  }
  return value;
}

const std::vector<ConfigNode>& ConfigReader::List(const ConfigNode& node) {
  static const std::vector<ConfigNode> kEmpty;
  if (node.kind != ConfigNode::Kind::kList) {
    Error(node, "expected a list, found " + std::string(node.KindName()));
    return kEmpty;
  }
  if (node.list.size() > kMaxListItems) {
    Error(node, "list of " + std::to_string(node.list.size()) + " items",
          "at most " + std::to_string(kMaxListItems));
    return kEmpty;
  }
  return node.list;
}

std::vector<std::string> ConfigReader::TextList(const ConfigNode& node) {
  std::vector<std::string> out;
  for (const ConfigNode& item : List(node)) {
    std::string text = Text(item);
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

}  // namespace docket::engine
