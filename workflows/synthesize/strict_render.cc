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

mustache::data ToMustache(const json::value& v, bool separators) {
  switch (v.kind()) {
    case json::kind::object: {
      mustache::data d{mustache::data::type::object};
      for (const auto& kv : v.get_object()) {
        d.set(std::string(kv.key()), ToMustache(kv.value(), separators));
      }
      return d;
    }
    case json::kind::array: {
      mustache::data d{mustache::data::type::list};
      const json::array& items = v.get_array();
      for (size_t i = 0; i < items.size(); ++i) {
        mustache::data item = ToMustache(items[i], separators);
        if (separators) {
          if (!items[i].is_object()) {
            mustache::data wrapped{mustache::data::type::object};
            wrapped.set("value", std::move(item));
            item = std::move(wrapped);
          }
          item.set("sep", mustache::data(std::string(i + 1 < items.size() ? "," : "")));
        }
        d.push_back(std::move(item));
      }
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

struct StrictTemplate::Parsed {
  std::string name;
  RenderMode mode;
  mustache::mustache tmpl;
};

StrictTemplate::StrictTemplate(std::unique_ptr<Parsed> parsed) : parsed_(std::move(parsed)) {}
StrictTemplate::StrictTemplate(StrictTemplate&&) noexcept = default;
StrictTemplate& StrictTemplate::operator=(StrictTemplate&&) noexcept = default;
StrictTemplate::~StrictTemplate() = default;

StatusOr<StrictTemplate> StrictTemplate::Parse(std::string_view name, std::string_view text,
                                               RenderMode mode) {
  auto parsed = std::unique_ptr<Parsed>(
      new Parsed{std::string(name), mode, mustache::mustache{std::string(text)}});
  if (!parsed->tmpl.is_valid()) {
    return InvalidArgumentError("template " + parsed->name + ": " + parsed->tmpl.error_message());
  }
  if (mode == RenderMode::kJson) {
    parsed->tmpl.set_custom_escape(JsonStringEscape);
  } else {
    parsed->tmpl.set_custom_escape([](const std::string& s) { return s; });
  }
  return StrictTemplate(std::move(parsed));
}

StatusOr<std::string> StrictTemplate::Render(const json::value& model) {
  const mustache::data data = ToMustache(model, parsed_->mode == RenderMode::kJson);
  StrictContext context(&data);
  std::string out = parsed_->tmpl.render(context);
  if (!parsed_->tmpl.is_valid()) {
    return InvalidArgumentError("template " + parsed_->name + ": " + parsed_->tmpl.error_message());
  }
  if (!context.missing().empty()) {
    std::string names;
    for (const std::string& m : context.missing()) names += (names.empty() ? "" : ", ") + m;
    return InvalidArgumentError("template " + parsed_->name +
                                " uses variables the evidence does not define: " + names);
  }
  return out;
}

StatusOr<std::string> RenderStrict(std::string_view name, std::string_view text,
                                   const json::value& model, RenderMode mode) {
  DOCKET_ASSIGN_OR_RETURN(StrictTemplate tmpl, StrictTemplate::Parse(name, text, mode));
  return tmpl.Render(model);
}

}  // namespace docket::workflows::synthesize
