#include "workflows/signals/internal/canonical_json.h"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <string_view>
#include <vector>

namespace docket::workflows::signals::internal {
namespace json = boost::json;
namespace {

void Append(const json::value& value, std::string& out) {
  switch (value.kind()) {
    case json::kind::object: {
      const json::object& object = value.get_object();
      std::vector<const json::key_value_pair*> members;
      members.reserve(object.size());
      for (const json::key_value_pair& member : object) members.push_back(&member);
      std::sort(members.begin(), members.end(), [](const auto* a, const auto* b) {
        return std::string_view(a->key()) < std::string_view(b->key());
      });
      out.push_back('{');
      for (size_t i = 0; i < members.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += json::serialize(json::string_view(members[i]->key()));
        out.push_back(':');
        Append(members[i]->value(), out);
      }
      out.push_back('}');
      return;
    }
    case json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const json::value& item : value.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        Append(item, out);
      }
      out.push_back(']');
      return;
    }
    default:
      out += json::serialize(value);
      return;
  }
}

}  // namespace

std::string CanonicalJson(const json::value& value) {
  std::string out;
  Append(value, out);
  return out;
}

}  // namespace docket::workflows::signals::internal
