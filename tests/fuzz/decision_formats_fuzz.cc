// Fuzz target for adapters/cli/decision_formats: any bytes, read as JSON, either are
// refused or format. A document with a "schema" field is formatted as it is; any other
// object is laid over a valid decision (its "rule" member over that decision's rule), so
// that arbitrary values reach the renderers. Every format accepts exactly the same
// documents, only with kInvalidArgument, renders deterministically, and the json format's
// output formats again to the same bytes.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/cli/decision_formats.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

namespace json = boost::json;
using docket::adapters::DecisionFormat;

constexpr std::string_view kBase = R"({"schema": "docket.decision.v2",
  "policy": {"name": "p", "version": 1, "digest": "sha256:00", "file": "p.yaml"},
  "evaluated_at": "2026-01-01T00:00:00Z", "verdict": "BLOCK", "score": 50, "confidence": 1,
  "reasons": ["r"],
  "rules": [{"id": "spike", "instance": "checkout", "for_each": "feature_area",
             "outcome": "fail", "key": true, "mode": "enforce", "contribution": "BLOCK",
             "reason": "fail", "thresholds": {"fail": "q < 0.05", "on_missing_data": "pass",
             "weight": 1}, "evidence": {"q": 0.01, "rate_ratio": "inf"}}],
  "guards": [{"guard": "min_records", "violated": true, "detail": "3 < 30"}],
  "release": {"id": "rc-1", "version": "1", "evaluate_at": null, "product": null},
  "evidence_digest": "sha256:00", "decision_digest": "sha256:00"})";

constexpr DecisionFormat kFormats[] = {DecisionFormat::kJson,   DecisionFormat::kText,
                                       DecisionFormat::kJunit,  DecisionFormat::kSarif,
                                       DecisionFormat::kGithub, DecisionFormat::kMarkdown};

json::object Decision(json::object input) {
  if (input.contains("schema")) return input;
  json::object base = json::parse(kBase).as_object();
  for (const auto& kv : input) {
    if (kv.key() == "rule" && kv.value().is_object()) {
      json::object& rule = base["rules"].as_array()[0].as_object();
      for (const auto& field : kv.value().get_object()) rule[field.key()] = field.value();
    } else {
      base[kv.key()] = kv.value();
    }
  }
  return base;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 64;
  json::value v =
      json::parse(std::string_view(reinterpret_cast<const char*>(data), size), ec, {}, options);
  if (ec || !v.is_object()) return 0;
  const json::object decision = Decision(std::move(v.as_object()));
  docket::adapters::FormatOptions format_options;
  format_options.decision_id = "dec-0";
  bool first = true;
  bool accepted = false;
  for (const DecisionFormat format : kFormats) {
    docket::StatusOr<std::string> out = FormatDecision(decision, format, format_options);
    FUZZ_CHECK(first || out.ok() == accepted);
    first = false;
    accepted = out.ok();
    if (!out.ok()) {
      FUZZ_CHECK(out.status().code() == docket::StatusCode::kInvalidArgument);
      FUZZ_CHECK(!out.status().message().empty());
      continue;
    }
    docket::StatusOr<std::string> again = FormatDecision(decision, format, format_options);
    FUZZ_CHECK(again.ok() && *again == *out);
    FUZZ_CHECK(!out->empty() && out->back() == '\n');
    if (format == DecisionFormat::kJson) {
      const json::value reparsed = json::parse(*out, ec);
      FUZZ_CHECK(!ec && reparsed.is_object());
      docket::StatusOr<std::string> twice = FormatDecision(reparsed.as_object(), format, {});
      FUZZ_CHECK(twice.ok() && *twice == *out);
    }
  }
  return 0;
}
