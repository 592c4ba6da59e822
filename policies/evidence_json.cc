// Evidence keys are kept sorted (std::map) and dimension instances are re-sorted by key
// on reading, so a document and its re-rendering evaluate identically.
#include "policies/evidence_json.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/json_exact.h"
#include "policies/decision_json.h"

namespace docket::policies {
namespace {

namespace json = boost::json;

json::object ValuesToJson(const NamedValues& values) {
  json::object o;
  for (const auto& [name, value] : values) o[name] = ValueToJson(value);
  return o;
}

class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  Status Error(const std::string& path, const std::string& what) const {
    return InvalidArgumentError(std::string(source_) + ": evidence " + path + ": " + what);
  }

  StatusOr<expr::Value> Scalar(const std::string& path, const json::value& v) const {
    switch (v.kind()) {
      case json::kind::null: return expr::Value::Missing();
      case json::kind::bool_: return expr::Value::Bool(v.get_bool());
      case json::kind::int64: return expr::Value::Number(static_cast<double>(v.get_int64()));
      case json::kind::uint64: return expr::Value::Number(static_cast<double>(v.get_uint64()));
      case json::kind::double_: return expr::Value::Number(v.get_double());
      case json::kind::string: {
        const json::string& s = v.get_string();
        if (s == "inf") return expr::Value::Number(std::numeric_limits<double>::infinity());
        if (s == "-inf") return expr::Value::Number(-std::numeric_limits<double>::infinity());
        if (s == "nan") return expr::Value::Number(std::numeric_limits<double>::quiet_NaN());
        return expr::Value::String(std::string(s));
      }
      default: return Error(path, "expected null, a boolean, a number or a string");
    }
  }

  StatusOr<expr::Value> AnyValue(const std::string& path, const json::value& v) const {
    if (!v.is_array()) return Scalar(path, v);
    if (v.get_array().size() > 10'000) return Error(path, "list longer than 10000 items");
    std::vector<expr::Value> items;
    for (size_t i = 0; i < v.get_array().size(); ++i) {
      DOCKET_ASSIGN_OR_RETURN(expr::Value item,
                              Scalar(path + "[" + std::to_string(i) + "]", v.get_array()[i]));
      items.push_back(std::move(item));
    }
    return expr::Value::List(std::move(items));
  }

  StatusOr<NamedValues> Values(const std::string& path, const json::value& v) const {
    if (!v.is_object()) return Error(path, "expected an object of name -> value");
    NamedValues out;
    for (const auto& [name, value] : v.get_object()) {
      if (name.empty()) return Error(path, "empty name");
      DOCKET_ASSIGN_OR_RETURN(out[std::string(name)], AnyValue(path + "." + std::string(name), value));
    }
    return out;
  }

  StatusOr<int64_t> Integer(const std::string& path, const json::value& v) const {
    if (v.is_int64() && v.get_int64() >= 0) return v.get_int64();
    if (v.is_uint64() && v.get_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
      return static_cast<int64_t>(v.get_uint64());
    }
    return Error(path, "expected a non-negative integer");
  }

  Status Guards(const json::value& v, Evidence& e) const {
    if (!v.is_object()) return Error("guards", "expected an object");
    for (const auto& [name, value] : v.get_object()) {
      const std::string path = "guards." + std::string(name);
      if (value.is_null()) continue;
      if (name == "records_current") {
        DOCKET_ASSIGN_OR_RETURN(int64_t n, Integer(path, value));
        e.records_current = static_cast<uint64_t>(n);
      } else if (name == "ingestion_lag_s") {
        DOCKET_ASSIGN_OR_RETURN(e.ingestion_lag_s, Integer(path, value));
      } else if (name == "source_silence_s") {
        if (!value.is_object()) return Error(path, "expected an object of source -> seconds");
        for (const auto& [source, seconds] : value.get_object()) {
          DOCKET_ASSIGN_OR_RETURN(e.source_silence_s[std::string(source)],
                                  Integer(path + "." + std::string(source), seconds));
        }
      } else {
        return Error(path, "unknown guard observation (records_current, source_silence_s, "
                           "ingestion_lag_s)");
      }
    }
    return Status::Ok();
  }

  Status Dimensions(const json::value& v, Evidence& e) const {
    if (!v.is_object()) return Error("dimensions", "expected an object of dimension -> list");
    for (const auto& [name, list] : v.get_object()) {
      const std::string path = "dimensions." + std::string(name);
      if (!list.is_array()) return Error(path, "expected a list of instances");
      std::vector<EvidenceInstance>& instances = e.dimensions[std::string(name)];
      for (size_t i = 0; i < list.get_array().size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        const json::object* o = list.get_array()[i].if_object();
        const json::value* key = o ? o->if_contains("key") : nullptr;
        const json::value* metrics = o ? o->if_contains("metrics") : nullptr;
        if (key == nullptr || !key->is_string() || metrics == nullptr || o->size() != 2) {
          return Error(at, "expected {\"key\": string, \"metrics\": {...}}");
        }
        EvidenceInstance instance{.key = std::string(key->get_string())};
        DOCKET_ASSIGN_OR_RETURN(instance.metrics, Values(at + ".metrics", *metrics));
        instances.push_back(std::move(instance));
      }
      std::sort(instances.begin(), instances.end(),
                [](const EvidenceInstance& a, const EvidenceInstance& b) { return a.key < b.key; });
      for (size_t i = 1; i < instances.size(); ++i) {
        if (instances[i].key == instances[i - 1].key) {
          return Error(path, "instance key `" + instances[i].key + "` appears twice");
        }
      }
    }
    return Status::Ok();
  }

 private:
  std::string_view source_;
};

}  // namespace

json::object EvidenceToJson(const Evidence& evidence) {
  json::object doc;
  doc["schema"] = "docket.evidence.v1";
  doc["globals"] = ValuesToJson(evidence.globals);
  json::object dimensions;
  for (const auto& [name, instances] : evidence.dimensions) {
    json::array list;
    for (const EvidenceInstance& instance : instances) {
      json::object o;
      o["key"] = instance.key;
      o["metrics"] = ValuesToJson(instance.metrics);
      list.push_back(std::move(o));
    }
    dimensions[name] = std::move(list);
  }
  doc["dimensions"] = std::move(dimensions);
  json::object guards;
  if (evidence.records_current) guards["records_current"] = *evidence.records_current;
  if (!evidence.source_silence_s.empty()) {
    json::object silence;
    for (const auto& [source, seconds] : evidence.source_silence_s) silence[source] = seconds;
    guards["source_silence_s"] = std::move(silence);
  }
  if (evidence.ingestion_lag_s) guards["ingestion_lag_s"] = *evidence.ingestion_lag_s;
  doc["guards"] = std::move(guards);
  return doc;
}

StatusOr<Evidence> EvidenceFromJson(std::string_view source, const json::object& doc) {
  const Reader reader(source);
  const json::value* schema = doc.if_contains("schema");
  if (schema == nullptr || !schema->is_string() || schema->get_string() != "docket.evidence.v1") {
    return reader.Error("schema", "expected \"docket.evidence.v1\"");
  }
  Evidence e;
  for (const auto& [name, value] : doc) {
    if (name == "schema") continue;
    if (name == "globals") {
      DOCKET_ASSIGN_OR_RETURN(e.globals, reader.Values("globals", value));
    } else if (name == "dimensions") {
      DOCKET_RETURN_IF_ERROR(reader.Dimensions(value, e));
    } else if (name == "guards") {
      DOCKET_RETURN_IF_ERROR(reader.Guards(value, e));
    } else {
      return reader.Error(std::string(name), "unknown field (schema, globals, dimensions, guards)");
    }
  }
  return e;
}

StatusOr<Evidence> ParseEvidenceJson(std::string_view source, std::string_view bytes) {
  if (bytes.size() > kMaxEvidenceBytes) {
    return InvalidArgumentError(std::string(source) + ": evidence is " + std::to_string(bytes.size()) +
                                " bytes; the limit is " + std::to_string(kMaxEvidenceBytes));
  }
  // Exact numbers: the evidence's text and the values evaluated must be the same doubles.
  StatusOr<json::value> parsed = engine::ParseJsonExact(bytes, 16);
  if (!parsed.ok()) {
    return InvalidArgumentError(std::string(source) + ": not JSON: " + parsed.status().message());
  }
  json::value doc = std::move(parsed).value();
  if (!doc.is_object()) return InvalidArgumentError(std::string(source) + ": evidence must be a JSON object");
  return EvidenceFromJson(source, doc.get_object());
}

}  // namespace docket::policies
