#include "engine/config_node.h"

#include <cstdint>

namespace docket::engine {
namespace {
void AppendLen(std::string& out, uint64_t n) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(n >> shift));
}
}  // namespace

const ConfigNode* ConfigNode::Find(std::string_view key) const {
  if (kind != Kind::kMap) return nullptr;
  for (const auto& [k, v] : map) {
    if (k == key) return &v;
  }
  return nullptr;
}

SourcePos ConfigNode::KeyPos(std::string_view key) const {
  const ConfigNode* value = Find(key);
  return value != nullptr ? value->pos : pos;
}

std::string_view ConfigNode::KindName() const {
  switch (kind) {
    case Kind::kNull: return "nothing";
    case Kind::kScalar: return "a scalar";
    case Kind::kList: return "a list";
    case Kind::kMap: return "a map";
  }
  return "?";
}

void AppendCanonical(const ConfigNode& node, std::string& out) {
  switch (node.kind) {
    case ConfigNode::Kind::kNull:
      out.push_back('n');
      return;
    case ConfigNode::Kind::kScalar:
      out.push_back('s');
      AppendLen(out, node.scalar.size());
      out += node.scalar;
      return;
    case ConfigNode::Kind::kList:
      out.push_back('l');
      AppendLen(out, node.list.size());
      for (const ConfigNode& child : node.list) AppendCanonical(child, out);
      return;
    case ConfigNode::Kind::kMap:
      out.push_back('m');
      AppendLen(out, node.map.size());
      for (const auto& [key, child] : node.map) {
        AppendLen(out, key.size());
        out += key;
        AppendCanonical(child, out);
      }
      return;
  }
}

}  // namespace docket::engine
