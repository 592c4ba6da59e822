#include "workflows/signals/feature_flags.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <utility>

#include "engine/base/closest_name.h"
#include "workflows/ingest/utf8.h"
#include "workflows/signals/internal/canonical_json.h"
#include "workflows/signals/internal/strict_json.h"

namespace docket::workflows::signals {
namespace json = boost::json;
namespace {

using Path = std::vector<std::string>;
constexpr std::string_view kKind = "feature-flag file";

// "\"text\"" as JSON, at most 64 bytes of `text`.
std::string Quote(std::string_view text) {
  return json::serialize(json::string_view(SafeUtf8Excerpt(text, 64)));
}

std::string_view KindName(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object:
      return "an object";
    case json::kind::array:
      return "an array";
    case json::kind::string:
      return "a string";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::null:
      return "null";
    default:
      return "a number";
  }
}

// The flag value type of a variant's value, or nullopt for arrays and null.
std::optional<FlagValueType> VariantType(const json::value& v) {
  switch (v.kind()) {
    case json::kind::bool_:
      return FlagValueType::kBoolean;
    case json::kind::string:
      return FlagValueType::kString;
    case json::kind::object:
      return FlagValueType::kObject;
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return FlagValueType::kNumber;
    default:
      return std::nullopt;
  }
}

// " (did you mean \"x\"?)" when `wanted` looks like a misspelling of a candidate.
std::string DidYouMean(std::string_view wanted, const std::vector<std::string>& candidates) {
  const std::optional<std::string> closest = ClosestName(wanted, candidates);
  return closest ? " (did you mean " + Quote(*closest) + "?)" : "";
}

std::string QuotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += Quote(names[i]);
  }
  return out;
}

// Reads one flag file's parsed document into a FeatureFlagSet.
class FlagFileReader {
 public:
  FlagFileReader(const internal::StrictJsonDocument& doc, const FeatureFlagLimits& limits)
      : doc_(doc), limits_(limits) {}

  StatusOr<FeatureFlagSet> Read();

 private:
  Status Error(const Path& at, std::string what) const {
    return InvalidArgumentError(doc_.Where(at) + ": " + what);
  }
  Status CheckFields(const json::object& object, const Path& at, std::string_view owner,
                     const std::vector<std::string>& known) const;
  StatusOr<json::object> ReadMetadata(const json::value& value, const Path& at,
                                      std::string_view owner) const;
  StatusOr<FeatureFlag> ReadFlag(std::string_view key, const json::value& value) const;
  Status ReadVariants(const json::object& flag, const Path& at, FeatureFlag& out) const;
  Status ReadDefault(const json::object& flag, const Path& at, FeatureFlag& out) const;
  StatusOr<std::vector<std::string>> ReadEvaluators(const json::value& evaluators) const;

  const internal::StrictJsonDocument& doc_;
  const FeatureFlagLimits& limits_;
};

Status FlagFileReader::CheckFields(const json::object& object, const Path& at,
                                   std::string_view owner,
                                   const std::vector<std::string>& known) const {
  for (const json::key_value_pair& member : object) {
    const std::string_view key = member.key();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    Path where = at;
    where.emplace_back(key);
    return Error(where, "unknown field " + Quote(key) + " in " + std::string(owner) +
                            DidYouMean(key, known) + "; expected " + QuotedList(known));
  }
  return Status::Ok();
}

StatusOr<json::object> FlagFileReader::ReadMetadata(const json::value& value, const Path& at,
                                                    std::string_view owner) const {
  if (!value.is_object()) {
    return Error(at, std::string(owner) + "\"metadata\" must be an object, not " +
                         std::string(KindName(value)));
  }
  for (const json::key_value_pair& member : value.get_object()) {
    const json::value& v = member.value();
    if (v.is_object() || v.is_array() || v.is_null()) {
      Path where = at;
      where.emplace_back(member.key());
      return Error(where, std::string(owner) + "metadata " + Quote(member.key()) + " is " +
                              std::string(KindName(v)) +
                              "; metadata values must be strings, numbers or booleans");
    }
  }
  return value.get_object();
}

Status FlagFileReader::ReadVariants(const json::object& flag, const Path& at,
                                    FeatureFlag& out) const {
  const std::string owner = "flag " + Quote(out.key);
  const json::value* variants = flag.if_contains("variants");
  Path where = at;
  where.emplace_back("variants");
  if (variants == nullptr) {
    return Error(at, owner +
                         " has no \"variants\"; list its values, e.g. "
                         "{\"on\": true, \"off\": false}");
  }
  if (!variants->is_object() || variants->get_object().empty()) {
    return Error(where, owner +
                            ": \"variants\" must be a non-empty object of variant name to "
                            "value, not " +
                            (variants->is_object() ? std::string("an empty object")
                                                   : std::string(KindName(*variants))));
  }
  std::string first_name;
  for (const json::key_value_pair& variant : variants->get_object()) {
    const json::value& v = variant.value();
    Path at_variant = where;
    at_variant.emplace_back(variant.key());
    if (variant.key().empty())
      return Error(at_variant, owner + " has a variant with an empty name");
    const std::optional<FlagValueType> type = VariantType(v);
    if (!type) {
      return Error(at_variant, owner + ": variant " + Quote(variant.key()) + " is " +
                                   std::string(KindName(v)) +
                                   "; variant values must be booleans, strings, numbers or "
                                   "objects");
    }
    if (first_name.empty()) {
      first_name = variant.key();
      out.value_type = *type;
    } else if (*type != out.value_type) {
      return Error(at_variant, owner + ": variant " + Quote(variant.key()) + " is " +
                                   std::string(KindName(v)) + " but variant " + Quote(first_name) +
                                   " is a " + std::string(FlagValueTypeName(out.value_type)) +
                                   "; all variants of a flag must have one type");
    }
    out.variant_names.emplace_back(variant.key());
  }
  std::sort(out.variant_names.begin(), out.variant_names.end());
  return Status::Ok();
}

Status FlagFileReader::ReadDefault(const json::object& flag, const Path& at,
                                   FeatureFlag& out) const {
  const json::value* chosen = flag.if_contains("defaultVariant");
  if (chosen == nullptr || chosen->is_null()) return Status::Ok();
  const std::string owner = "flag " + Quote(out.key);
  Path where = at;
  where.emplace_back("defaultVariant");
  if (!chosen->is_string()) {
    return Error(where, owner + ": \"defaultVariant\" must be a variant name or null, not " +
                            std::string(KindName(*chosen)));
  }
  const std::string name(chosen->get_string());
  const json::value* value = flag.at("variants").get_object().if_contains(name);
  if (value == nullptr) {
    return Error(where, owner + ": defaultVariant " + Quote(name) + " is not one of its variants" +
                            DidYouMean(name, out.variant_names) + "; expected " +
                            QuotedList(out.variant_names));
  }
  out.default_variant = name;
  out.default_value = *value;
  out.default_value_json = internal::CanonicalJson(*value);
  return Status::Ok();
}

StatusOr<FeatureFlag> FlagFileReader::ReadFlag(std::string_view key,
                                               const json::value& value) const {
  const Path at = {"flags", std::string(key)};
  FeatureFlag flag;
  flag.key = std::string(key);
  const std::string owner = "flag " + Quote(key);
  if (key.empty()) return Error(at, "a flag key must not be empty");
  if (!value.is_object()) {
    return Error(at, owner + " must be an object, not " + std::string(KindName(value)));
  }
  const json::object& object = value.get_object();
  DOCKET_RETURN_IF_ERROR(CheckFields(
      object, at, owner, {"state", "variants", "defaultVariant", "targeting", "metadata"}));
  const json::value* state = object.if_contains("state");
  if (state == nullptr) {
    return Error(at, owner + " has no \"state\"; set it to \"ENABLED\" or \"DISABLED\"");
  }
  if (!state->is_string() ||
      (state->get_string() != "ENABLED" && state->get_string() != "DISABLED")) {
    return Error(
        {"flags", flag.key, "state"},
        owner + ": \"state\" is " +
            (state->is_string() ? Quote(state->get_string()) : std::string(KindName(*state))) +
            "; expected \"ENABLED\" or \"DISABLED\"");
  }
  flag.enabled = state->get_string() == "ENABLED";
  DOCKET_RETURN_IF_ERROR(ReadVariants(object, at, flag));
  DOCKET_RETURN_IF_ERROR(ReadDefault(object, at, flag));
  if (const json::value* targeting = object.if_contains("targeting")) {
    if (!targeting->is_object()) {
      return Error({"flags", flag.key, "targeting"},
                   owner + ": \"targeting\" must be an object (a JsonLogic rule), not " +
                       std::string(KindName(*targeting)));
    }
    flag.has_targeting = !targeting->get_object().empty();
  }
  if (const json::value* metadata = object.if_contains("metadata")) {
    DOCKET_ASSIGN_OR_RETURN(flag.metadata,
                            ReadMetadata(*metadata, {"flags", flag.key, "metadata"}, owner + ": "));
  }
  return flag;
}

// The names of `$evaluators`, sorted; each must be an object (a JsonLogic rule).
StatusOr<std::vector<std::string>> FlagFileReader::ReadEvaluators(
    const json::value& evaluators) const {
  if (!evaluators.is_object()) {
    return Error({"$evaluators"},
                 "\"$evaluators\" must be an object of named targeting rules, not " +
                     std::string(KindName(evaluators)));
  }
  std::vector<std::string> names;
  for (const json::key_value_pair& evaluator : evaluators.get_object()) {
    if (!evaluator.value().is_object()) {
      return Error({"$evaluators", evaluator.key()},
                   "evaluator " + Quote(evaluator.key()) +
                       " must be an object (a JsonLogic rule), not " +
                       std::string(KindName(evaluator.value())));
    }
    names.emplace_back(evaluator.key());
  }
  std::sort(names.begin(), names.end());
  return names;
}

StatusOr<FeatureFlagSet> FlagFileReader::Read() {
  const json::value& root = doc_.root();
  if (!root.is_object()) {
    return Error(
        {}, "expected a JSON object with a \"flags\" object, not " + std::string(KindName(root)));
  }
  const json::object& top = root.get_object();
  DOCKET_RETURN_IF_ERROR(CheckFields(top, {}, "the top-level object",
                                     {"$schema", "flags", "$evaluators", "metadata"}));
  FeatureFlagSet set;
  if (const json::value* schema = top.if_contains("$schema"); schema && !schema->is_string()) {
    return Error({"$schema"},
                 "\"$schema\" must be a string, not " + std::string(KindName(*schema)));
  }
  if (const json::value* evaluators = top.if_contains("$evaluators")) {
    DOCKET_ASSIGN_OR_RETURN(set.evaluator_names, ReadEvaluators(*evaluators));
  }
  if (const json::value* metadata = top.if_contains("metadata")) {
    DOCKET_ASSIGN_OR_RETURN(set.metadata, ReadMetadata(*metadata, {"metadata"}, ""));
  }
  const json::value* flags = top.if_contains("flags");
  if (flags == nullptr) {
    return Error({}, "no \"flags\" object; a flagd file defines its flags under \"flags\"");
  }
  if (!flags->is_object()) {
    return Error({"flags"},
                 std::string("\"flags\" must be an object keyed by flag key, not ") +
                     std::string(KindName(*flags)) +
                     (flags->is_array() ? " (the array form is only for flagd imports)" : ""));
  }
  if (flags->get_object().size() > limits_.max_flags) {
    return Error({"flags"}, "the file defines " + std::to_string(flags->get_object().size()) +
                                " flags, over the limit of " + std::to_string(limits_.max_flags));
  }
  for (const json::key_value_pair& member : flags->get_object()) {
    DOCKET_ASSIGN_OR_RETURN(FeatureFlag flag, ReadFlag(member.key(), member.value()));
    set.flags.push_back(std::move(flag));
  }
  std::sort(set.flags.begin(), set.flags.end(),
            [](const FeatureFlag& a, const FeatureFlag& b) { return a.key < b.key; });
  return set;
}

json::array StringArray(const std::vector<std::string>& items) {
  json::array out;
  for (const std::string& item : items) out.emplace_back(item);
  return out;
}

}  // namespace

std::string_view FlagValueTypeName(FlagValueType type) {
  switch (type) {
    case FlagValueType::kBoolean:
      return "boolean";
    case FlagValueType::kString:
      return "string";
    case FlagValueType::kNumber:
      return "number";
    case FlagValueType::kObject:
      return "object";
  }
  return "unknown";
}

const FeatureFlag* FeatureFlagSet::Find(std::string_view key) const {
  auto it = std::lower_bound(flags.begin(), flags.end(), key,
                             [](const FeatureFlag& f, std::string_view k) { return f.key < k; });
  return it != flags.end() && it->key == key ? &*it : nullptr;
}

StatusOr<FeatureFlagSet> ParseFeatureFlags(std::string_view file_name, std::string_view bytes,
                                           const FeatureFlagLimits& limits) {
  internal::StrictJsonLimits json_limits;
  json_limits.max_bytes = limits.max_bytes;
  json_limits.max_depth = limits.max_depth;
  json_limits.located_depth = 4;  // flags.<key>.variants.<name>
  DOCKET_ASSIGN_OR_RETURN(internal::StrictJsonDocument doc,
                          internal::ParseStrictJson(file_name, bytes, json_limits, kKind));
  return FlagFileReader(doc, limits).Read();
}

json::value ToJson(const FeatureFlagSet& set) {
  json::array flags;
  for (const FeatureFlag& flag : set.flags) {
    json::object o;
    o["default_value"] = flag.default_value;
    o["default_variant"] =
        flag.default_variant ? json::value(*flag.default_variant) : json::value(nullptr);
    o["enabled"] = flag.enabled;
    o["has_targeting"] = flag.has_targeting;
    o["key"] = flag.key;
    o["metadata"] = flag.metadata;
    o["type"] = FlagValueTypeName(flag.value_type);
    o["variants"] = StringArray(flag.variant_names);
    flags.emplace_back(std::move(o));
  }
  json::object out;
  out["evaluators"] = StringArray(set.evaluator_names);
  out["flags"] = std::move(flags);
  out["metadata"] = set.metadata;
  return out;
}

std::string ToCanonicalJson(const FeatureFlagSet& set) {
  return internal::CanonicalJson(ToJson(set));
}

}  // namespace docket::workflows::signals
