#include "workflows/synthesize/strict_render.h"

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <kainjow/mustache.hpp>
#include <set>

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;
namespace mustache = kainjow::mustache;

mustache::data ToMustache(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& kv : v.get_object()) d.set(std::string(kv.key()), ToMustache(kv.value()));
      return d;
    }
    case json::kind::array: {
      mustache::data d{mustache::data::type::list};
      for (const json::value& item : v.get_array()) d.push_back(ToMustache(item));
      return d;
    }
    case json::kind::string:
      return mustache::data(std::string(v.get_string()));
    case json::kind::bool_:
      return mustache::data(v.get_bool() ? mustache::data::type::bool_true
                                         : mustache::data::type::bool_false);
    case json::kind::null:
      return mustache::data(mustache::data::type::bool_false);
    case json::kind::double_:
      return mustache::data(DisplayNumber(v.get_double()));
    default:
      return mustache::data(json::serialize(v));
  }
}

// The default context, remembering every name it could not resolve. kainjow asks the
// context for each variable and section, so this sees all lookups of one render.
class StrictContext final : public mustache::basic_context<std::string> {
 public:
  explicit StrictContext(const mustache::data* root) : inner_(root) {}

  void push(const mustache::data* data) override { inner_.push(data); }
  void pop() override { inner_.pop(); }
  const mustache::data* get(const std::string& name) const override {
    const mustache::data* found = inner_.get(name);
    if (found == nullptr) missing_.insert(name);
    return found;
  }
  const mustache::data* get_partial(const std::string& name) const override {
    const mustache::data* found = inner_.get_partial(name);
    if (found == nullptr) missing_.insert(">" + name);
    return found;
  }
  const std::set<std::string>& missing() const { return missing_; }

 private:
  mustache::context<std::string> inner_;
  mutable std::set<std::string> missing_;
};

std::string JsonStringEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string DisplayNumber(double value) {
  char buf[64];
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", value);
  } else {
    std::snprintf(buf, sizeof buf, "%.4g", value);
  }
  return buf;
}

StatusOr<std::string> RenderStrict(std::string_view name, std::string_view text,
                                   const json::value& model, TextEscape escape) {
  mustache::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) {
    return InvalidArgumentError("template " + std::string(name) + ": " + tmpl.error_message());
  }
  if (escape == TextEscape::kJsonString) {
    tmpl.set_custom_escape(JsonStringEscape);
  } else {
    tmpl.set_custom_escape([](const std::string& s) { return s; });
  }
  const mustache::data data = ToMustache(model);
  StrictContext context(&data);
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) {
    return InvalidArgumentError("template " + std::string(name) + ": " + tmpl.error_message());
  }
  if (!context.missing().empty()) {
    std::string names;
    for (const std::string& m : context.missing()) names += (names.empty() ? "" : ", ") + m;
    return InvalidArgumentError("template " + std::string(name) +
                                " uses variables the evidence does not define: " + names);
  }
  return out;
}

}  // namespace docket::workflows::synthesize
