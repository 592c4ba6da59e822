#include "adapters/sinks/run_entries.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <boost/json.hpp>
#include <charconv>

#include "engine/executor.h"
#include "engine/step_config.h"
#include "workflows/steps/artifact_kinds.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;
using ledger::IndexKind;
using ledger::LedgerEntry;

RunEntry Begin(const RunFacts& run, LedgerEntry::Type type) {
  RunEntry e;
  e.entry.set_type(type);
  e.entry.set_run_id(run.run_id);
  e.entry.set_logical_time(run.logical_time);
  return e;
}

// Every builder returns through here, so the terms are derived from the finished entry.
RunEntry Filed(RunEntry e) {
  e.terms = IndexTermsOf(e.entry);
  return e;
}

void Set(RunEntry& e, const std::string& key, std::string value) {
  (*e.entry.mutable_attributes())[key] = std::move(value);
}

std::string DoubleText(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v);  // shortest round-trip form
  return std::string(buf, r.ptr);
}

// The resolved config value `field` as attribute text; empty for trees (which the
// config digest covers).
std::string ConfigText(const engine::StepConfig& config, const engine::ConfigField& field) {
  switch (field.type) {
    case engine::ConfigType::kString:
      return config.GetString(field.name);
    case engine::ConfigType::kInt:
      return std::to_string(config.GetInt(field.name));
    case engine::ConfigType::kDouble:
      return DoubleText(config.GetDouble(field.name));
    case engine::ConfigType::kBool:
      return config.GetBool(field.name) ? "true" : "false";
    case engine::ConfigType::kDuration:
      return engine::FormatDuration(config.GetDuration(field.name));
    case engine::ConfigType::kStringList: {
      json::array list;
      for (const std::string& s : config.GetStringList(field.name)) list.emplace_back(s);
      return json::serialize(list);
    }
    case engine::ConfigType::kTree:
      return "";
  }
  return "";
}

struct DecisionFacts {
  std::string verdict;
  std::string release;
  std::string policy;         // policy name (policy_gate decisions)
  std::string policy_digest;  // "sha256:…" of the policy file's bytes
};

DecisionFacts ReadDecision(std::string_view decision_json) {
  DecisionFacts facts;
  boost::system::error_code ec;
  const json::value doc = json::parse(decision_json, ec);
  if (ec || !doc.is_object()) return facts;
  const json::object& o = doc.as_object();
  if (const json::value* v = o.if_contains("verdict"); v != nullptr && v->is_string()) {
    facts.verdict = std::string(v->as_string());
  }
  if (const json::value* r = o.if_contains("release"); r != nullptr && r->is_object()) {
    if (const json::value* id = r->as_object().if_contains("id"); id && id->is_string()) {
      facts.release = std::string(id->as_string());
    }
  }
  if (const json::value* p = o.if_contains("policy"); p != nullptr && p->is_object()) {
    const json::object& policy = p->as_object();
    if (const json::value* n = policy.if_contains("name"); n && n->is_string()) {
      facts.policy = std::string(n->as_string());
    }
    if (const json::value* d = policy.if_contains("digest"); d && d->is_string()) {
      facts.policy_digest = std::string(d->as_string());
    }
  }
  return facts;
}

}  // namespace

std::vector<ledger::IndexTerm> IndexTermsOf(const LedgerEntry& entry) {
  std::vector<ledger::IndexTerm> terms;
  if (!entry.run_id().empty()) terms.push_back({IndexKind::kRun, entry.run_id()});
  if (const std::string& type = LedgerEntry::Type_Name(entry.type());
      entry.type() != LedgerEntry::TYPE_UNSPECIFIED && !type.empty()) {
    terms.push_back({IndexKind::kType, type});
  }
  if (!entry.decision_id().empty()) {
    terms.push_back({IndexKind::kDecision, entry.decision_id()});
    if (const auto it = entry.attributes().find("release");
        it != entry.attributes().end() && !it->second.empty()) {
      terms.push_back({IndexKind::kRelease, it->second});
    }
  }
  return terms;
}

std::string DecisionIdFor(std::string_view run_id) {
  constexpr std::string_view kRunPrefix = "run-";
  if (run_id.substr(0, kRunPrefix.size()) == kRunPrefix) run_id.remove_prefix(kRunPrefix.size());
  return "dec-" + std::string(run_id);
}

std::string EntryBytes(const LedgerEntry& entry) {
  std::string bytes(entry.ByteSizeLong(), '\0');
  google::protobuf::io::ArrayOutputStream stream(bytes.data(), static_cast<int>(bytes.size()));
  google::protobuf::io::CodedOutputStream out(&stream);
  out.SetSerializationDeterministic(true);  // sorts the attributes map
  entry.SerializeWithCachedSizes(&out);
  DOCKET_CHECK(!out.HadError() && out.ByteCount() == static_cast<int64_t>(bytes.size()));
  return bytes;
}

std::string InputSubject(const engine::Artifact& file) {
  return "input:sha256:" + file.digest.Hex();
}

bool IsGateStep(const engine::PlannedStep& step) {
  const auto is_decision = [](const engine::PortSpec& p) {
    return p.kind == workflows::kKindDecision;
  };
  const engine::StepTypeSpec& spec = step.type->spec;
  return std::any_of(spec.outputs.begin(), spec.outputs.end(), is_decision) &&
         std::none_of(spec.inputs.begin(), spec.inputs.end(), is_decision);
}

ledger::BlobDigest MakeBlob(std::string role, const ledger::BlobRef& ref, std::string media_type) {
  ledger::BlobDigest blob;
  blob.set_role(std::move(role));
  blob.set_digest(ref.digest);
  blob.set_size(ref.size);
  blob.set_media_type(std::move(media_type));
  blob.set_data_subject(ref.data_subject);
  return blob;
}

RunEntry RunStartedEntry(const RunFacts& run, const engine::Plan& plan,
                         const std::map<std::string, std::string>& params,
                         std::string_view engine_build_id, const ledger::BlobRef& workflow) {
  RunEntry e = Begin(run, LedgerEntry::RUN_STARTED);
  Set(e, "workflow_name", plan.definition.name);
  Set(e, "workflow_digest", "sha256:" + plan.definition.digest.Hex());
  Set(e, "engine_build_id", std::string(engine_build_id));
  for (const auto& [name, value] : params) Set(e, "param." + name, value);
  *e.entry.add_blobs() = MakeBlob("workflow", workflow, "application/yaml");
  return Filed(std::move(e));
}

RunEntry InputSnapshotEntry(const RunFacts& run, std::string_view input,
                            const engine::Artifact& file, const ledger::BlobRef& blob) {
  RunEntry e = Begin(run, LedgerEntry::INPUT_SNAPSHOT);
  Set(e, "input", std::string(input));
  Set(e, "name", file.name);
  Set(e, "kind", file.kind);
  Set(e, "digest", "sha256:" + file.digest.Hex());
  Set(e, "size", std::to_string(file.data().size()));
  *e.entry.add_blobs() = MakeBlob("input", blob, file.media_type);
  return Filed(std::move(e));
}

RunEntry StepResultEntry(const RunFacts& run, const engine::RunEvent& event,
                         const engine::PlannedStep& step, std::string_view seed_hex,
                         std::vector<ledger::BlobDigest> blobs) {
  RunEntry e = Begin(run, LedgerEntry::STEP_RESULT);
  e.entry.set_step_id(event.step_id());
  const engine::StepState state =
      event.type() == engine::RunEvent::STEP_FINISHED ? engine::StepState::kSucceeded
      : event.type() == engine::RunEvent::STEP_FAILED ? engine::StepState::kFailed
                                                      : engine::StepState::kCancelled;
  Set(e, "step_type", step.def.type);
  Set(e, "status", std::string(engine::StepStateName(state)));
  Set(e, "attempts", std::to_string(event.attempt()));
  Set(e, "config_digest", "sha256:" + step.config.digest().Hex());
  Set(e, "seed", std::string(seed_hex));
  // The code says what kind of failure it was; the message may quote input data (PII)
  // and stays out of the entry (the manifest blob keeps it).
  if (!event.status_code().empty()) Set(e, "error_code", event.status_code());
  for (const auto& [name, value] : event.metrics()) Set(e, "metric." + name, std::to_string(value));
  for (const engine::ArtifactRef& out : event.outputs()) {
    Set(e, "output." + out.port() + ".digest", out.digest());
    Set(e, "output." + out.port() + ".kind", out.kind());
  }
  for (ledger::BlobDigest& blob : blobs) *e.entry.add_blobs() = std::move(blob);
  return Filed(std::move(e));
}

RunEntry PolicyEvaluationEntry(const RunFacts& run, const engine::PlannedStep& step,
                               std::string_view decision_json, std::string_view decision_digest,
                               ledger::BlobDigest decision_blob) {
  RunEntry e = Begin(run, LedgerEntry::POLICY_EVALUATION);
  const DecisionFacts facts = ReadDecision(decision_json);
  e.entry.set_decision_id(run.decision_id);
  e.entry.set_step_id(step.def.id);
  Set(e, "step_type", step.def.type);
  Set(e, "config_digest", "sha256:" + step.config.digest().Hex());
  for (const engine::ConfigField& field : step.type->spec.config.fields) {
    if (!step.config.Has(field.name) || field.type == engine::ConfigType::kTree) continue;
    Set(e, "config." + field.name, ConfigText(step.config, field));
  }
  Set(e, "verdict", facts.verdict);
  Set(e, "release", facts.release);
  if (!facts.policy_digest.empty()) {
    Set(e, "policy", facts.policy);
    Set(e, "policy_digest", facts.policy_digest);
  }
  Set(e, "evaluation_digest", std::string(decision_digest));
  *e.entry.add_blobs() = std::move(decision_blob);
  return Filed(std::move(e));
}

StatusOr<RunEntry> DecisionEntry(const RunFacts& run, const engine::Artifact& decision,
                                 ledger::BlobDigest decision_blob) {
  const DecisionFacts facts = ReadDecision(decision.data());
  if (facts.verdict.empty()) {
    return InternalError("the run's decision output names no verdict");
  }
  RunEntry e = Begin(run, LedgerEntry::DECISION);
  e.entry.set_decision_id(run.decision_id);
  Set(e, "verdict", facts.verdict);
  Set(e, "release", facts.release);
  Set(e, "decision_digest", "sha256:" + decision.digest.Hex());
  *e.entry.add_blobs() = std::move(decision_blob);
  return Filed(std::move(e));
}

RunEntry RunFinishedEntry(const RunFacts& run, std::string_view run_status,
                          std::string_view workflow_digest, ledger::BlobDigest manifest_blob) {
  RunEntry e = Begin(run, LedgerEntry::RUN_FINISHED);
  Set(e, "run_status", std::string(run_status));
  Set(e, "workflow_digest", std::string(workflow_digest));
  *e.entry.add_blobs() = std::move(manifest_blob);
  return Filed(std::move(e));
}

RunEntry EffectEntry(const RunFacts& run, std::string_view step_id, std::string_view kind,
                     std::string_view request_digest, ledger::BlobDigest request_blob,
                     ledger::BlobDigest response_blob) {
  RunEntry e = Begin(run, LedgerEntry::EFFECT);
  e.entry.set_step_id(std::string(step_id));
  Set(e, "kind", std::string(kind));
  Set(e, "request_digest", std::string(request_digest));
  *e.entry.add_blobs() = std::move(request_blob);
  *e.entry.add_blobs() = std::move(response_blob);
  return Filed(std::move(e));
}

RunEntry SimulationEntry(const RunFacts& run, std::string_view release,
                         std::string_view substitution, std::string_view substituted,
                         std::string_view substituted_digest, std::string_view verdict_before,
                         std::string_view verdict_after, ledger::BlobDigest diff_blob) {
  RunEntry e = Begin(run, LedgerEntry::SIMULATION);
  e.entry.set_decision_id(run.decision_id);
  Set(e, "release", std::string(release));
  Set(e, "substitution", std::string(substitution));
  Set(e, "substituted", std::string(substituted));
  Set(e, "substituted_digest", std::string(substituted_digest));
  Set(e, "verdict_before", std::string(verdict_before));
  Set(e, "verdict_after", std::string(verdict_after));
  Set(e, "verdict_changed", verdict_before == verdict_after ? "false" : "true");
  *e.entry.add_blobs() = std::move(diff_blob);
  return Filed(std::move(e));
}

}  // namespace docket::adapters
