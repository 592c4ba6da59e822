#include "engine/step_config.h"

#include <charconv>
#include <cmath>
#include <algorithm>
#include <cstdio>

#include "engine/base/canonical.h"

namespace docket::engine {
namespace {

using Kind = ConfigNode::Kind;

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || ptr != end || s.empty()) return std::nullopt;
  return v;
}

std::optional<double> ParseDouble(std::string_view s) {
  double v = 0;
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || ptr != end || s.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<bool> ParseBool(std::string_view s) {
  if (s == "true") return true;
  if (s == "false") return false;
  return std::nullopt;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

// Converts one node to a value of `field.type`; on failure adds a diagnostic.
std::optional<ConfigValue> Convert(const ConfigField& field, const ConfigNode& node,
                                   std::vector<Diagnostic>& diags) {
  auto fail = [&](std::string message, std::string hint = {}) -> std::optional<ConfigValue> {
    diags.push_back({node.pos, "config `" + field.name + "`: " + std::move(message),
                     std::move(hint)});
    return std::nullopt;
  };
  if (field.type == ConfigType::kTree) return ConfigValue(node);
  if (field.type == ConfigType::kStringList) {
    std::vector<std::string> items;
    if (node.kind == Kind::kScalar) {
      items.push_back(node.scalar);
    } else if (node.kind == Kind::kList) {
      for (const ConfigNode& child : node.list) {
        if (child.kind != Kind::kScalar) return fail("list items must be scalars");
        items.push_back(child.scalar);
      }
    } else {
      return fail("expected a list of strings, found " + std::string(node.KindName()));
    }
    return ConfigValue(std::move(items));
  }
  if (node.kind != Kind::kScalar) {
    return fail("expected " + std::string(ConfigTypeName(field.type)) + ", found " +
                std::string(node.KindName()));
  }
  const std::string& s = node.scalar;
  auto check_range = [&](double v, std::string_view shown) -> bool {
    if ((field.min && v < *field.min) || (field.max && v > *field.max)) {
      std::string range = "[" + (field.min ? std::to_string(*field.min) : "-inf") + ", " +
                          (field.max ? std::to_string(*field.max) : "inf") + "]";
      diags.push_back({node.pos,
                       "config `" + field.name + "`: " + std::string(shown) + " is out of range",
                       "use a value in " + range});
      return false;
    }
    return true;
  };
  switch (field.type) {
    case ConfigType::kString:
      if (!field.one_of.empty() &&
          std::find(field.one_of.begin(), field.one_of.end(), s) == field.one_of.end()) {
        return fail("\"" + s + "\" is not allowed", "use one of: " + Join(field.one_of));
      }
      return ConfigValue(s);
    case ConfigType::kInt: {
      auto v = ParseInt(s);
      if (!v) return fail("\"" + s + "\" is not an integer");
      if (!check_range(static_cast<double>(*v), s)) return std::nullopt;
      return ConfigValue(*v);
    }
    case ConfigType::kDouble: {
      auto v = ParseDouble(s);
      if (!v) return fail("\"" + s + "\" is not a number");
      if (!check_range(*v, s)) return std::nullopt;
      return ConfigValue(*v);
    }
    case ConfigType::kBool: {
      auto v = ParseBool(s);
      if (!v) return fail("\"" + s + "\" is not a boolean", "write true or false");
      return ConfigValue(*v);
    }
    case ConfigType::kDuration: {
      auto v = ParseDuration(s);
      if (!v) return fail("\"" + s + "\" is not a duration", "write e.g. 250ms, 30s, 5m, 48h, 2d");
      if (!check_range(static_cast<double>(v->count()) / 1e6, s)) return std::nullopt;
      return ConfigValue(*v);
    }
    default:
      return std::nullopt;
  }
}

void AppendValue(const ConfigValue& value, CanonicalWriter& w) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          w.Bytes("string").Bytes(v);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          w.Bytes("int").I64(v);
        } else if constexpr (std::is_same_v<T, double>) {
          char buf[32];
          std::snprintf(buf, sizeof(buf), "%.17g", v);
          w.Bytes("double").Bytes(buf);
        } else if constexpr (std::is_same_v<T, bool>) {
          w.Bytes("bool").U64(v ? 1 : 0);
        } else if constexpr (std::is_same_v<T, Duration>) {
          w.Bytes("duration").I64(v.count());
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          w.Bytes("list").U64(v.size());
          for (const auto& item : v) w.Bytes(item);
        } else {
          std::string tree;
          AppendCanonical(v, tree);
          w.Bytes("tree").Bytes(tree);
        }
      },
      value);
}

}  // namespace

std::string_view ConfigTypeName(ConfigType type) {
  switch (type) {
    case ConfigType::kString: return "a string";
    case ConfigType::kInt: return "an integer";
    case ConfigType::kDouble: return "a number";
    case ConfigType::kBool: return "a boolean";
    case ConfigType::kDuration: return "a duration";
    case ConfigType::kStringList: return "a list of strings";
    case ConfigType::kTree: return "a YAML value";
  }
  return "?";
}

const ConfigField* ConfigSchema::Find(std::string_view name) const {
  for (const ConfigField& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::optional<StepConfig> StepConfig::Build(const ConfigSchema& schema, const ConfigNode& node,
                                            const SourcePos& step_pos,
                                            std::vector<Diagnostic>& diags) {
  const size_t errors_before = diags.size();
  StepConfig config;
  config.step_pos_ = step_pos;
  if (node.kind != Kind::kNull && node.kind != Kind::kMap) {
    diags.push_back({node.pos, "`config` must be a map, found " + std::string(node.KindName()),
                     ""});
    return std::nullopt;
  }
  for (const auto& [key, value] : node.map) {
    const ConfigField* field = schema.Find(key);
    if (field == nullptr) {
      std::vector<std::string> known;
      for (const auto& f : schema.fields) known.push_back(f.name);
      diags.push_back({value.pos, "unknown config key `" + key + "`",
                       known.empty() ? "this step type takes no config"
                                     : "known keys: " + Join(known)});
      continue;
    }
    if (auto converted = Convert(*field, value, diags)) {
      config.values_[key] = std::move(*converted);
      config.positions_[key] = value.pos;
    }
  }
  for (const ConfigField& field : schema.fields) {
    if (config.values_.count(field.name) != 0 || node.Find(field.name) != nullptr) continue;
    if (field.default_value) {
      ConfigNode default_node{.kind = Kind::kScalar, .scalar = *field.default_value};
      default_node.pos = step_pos;
      if (auto converted = Convert(field, default_node, diags)) {
        config.values_[field.name] = std::move(*converted);
      }
    } else if (field.required) {
      diags.push_back({node.kind == Kind::kMap ? node.pos : step_pos,
                       "missing required config `" + field.name + "`",
                       field.doc.empty() ? "" : field.name + ": " + field.doc});
    }
  }
  if (diags.size() != errors_before) return std::nullopt;
  CanonicalWriter w("docket.step-config.v1");
  w.U64(config.values_.size());
  for (const auto& [name, value] : config.values_) {
    w.Bytes(name);
    AppendValue(value, w);
  }
  config.canonical_ = w.bytes();
  config.digest_ = w.Sha256Sum();
  return config;
}

const ConfigValue& StepConfig::Get(std::string_view name) const {
  auto it = values_.find(name);
  DOCKET_CHECK(it != values_.end());
  return it->second;
}

const std::string& StepConfig::GetString(std::string_view n) const {
  return std::get<std::string>(Get(n));
}
int64_t StepConfig::GetInt(std::string_view n) const { return std::get<int64_t>(Get(n)); }
double StepConfig::GetDouble(std::string_view n) const { return std::get<double>(Get(n)); }
bool StepConfig::GetBool(std::string_view n) const { return std::get<bool>(Get(n)); }
Duration StepConfig::GetDuration(std::string_view n) const { return std::get<Duration>(Get(n)); }
const std::vector<std::string>& StepConfig::GetStringList(std::string_view n) const {
  return std::get<std::vector<std::string>>(Get(n));
}
const ConfigNode& StepConfig::GetTree(std::string_view n) const {
  return std::get<ConfigNode>(Get(n));
}

SourcePos StepConfig::PosOf(std::string_view name) const {
  auto it = positions_.find(name);
  return it != positions_.end() ? it->second : step_pos_;
}

Diagnostic StepConfig::ErrorAt(std::string_view name, std::string message,
                               std::string hint) const {
  return {PosOf(name), "config `" + std::string(name) + "`: " + std::move(message),
          std::move(hint)};
}

std::optional<Duration> ParseDuration(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int64_t total_us = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start || i - start > 12) return std::nullopt;
    int64_t n = 0;
    std::from_chars(s.data() + start, s.data() + i, n);
    int64_t unit_us = 0;
    if (s.substr(i, 2) == "ms") {
      unit_us = 1000;
      i += 2;
    } else if (s.substr(i, 2) == "us") {
      unit_us = 1;
      i += 2;
    } else if (i < s.size()) {
      switch (s[i]) {
        case 's': unit_us = 1'000'000; break;
        case 'm': unit_us = 60'000'000; break;
        case 'h': unit_us = 3'600'000'000; break;
        case 'd': unit_us = 86'400'000'000; break;
        default: return std::nullopt;
      }
      ++i;
    } else {
      return std::nullopt;  // a bare number has no unit
    }
    // Checked before multiplying: 12 digits times a day overflows int64 microseconds.
    constexpr int64_t kMaxUs = int64_t{100} * 365 * 86'400'000'000;
    if (n > kMaxUs / unit_us) return std::nullopt;
    total_us += n * unit_us;
    if (total_us > kMaxUs) return std::nullopt;
  }
  return Duration(total_us);
}

std::string FormatDuration(Duration d) {
  int64_t us = d.count();
  if (us == 0) return "0s";
  std::string out;
  if (us < 0) {
    out = "-";
    us = -us;
  }
  const std::pair<int64_t, const char*> units[] = {
      {3'600'000'000, "h"}, {60'000'000, "m"},
      {1'000'000, "s"},      {1000, "ms"},         {1, "us"}};
  for (const auto& [size, name] : units) {
    if (us >= size) {
      out += std::to_string(us / size) + name;
      us %= size;
    }
  }
  return out;
}

}  // namespace docket::engine
