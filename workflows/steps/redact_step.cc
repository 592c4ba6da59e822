#include "workflows/steps/redact_step.h"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

#include "engine/base/hmac_sha256.h"
#include "engine/base/sha256.h"
#include "workflows/steps/artifact_kinds.h"
#include "workflows/steps/records_artifact.h"

namespace docket::workflows {
namespace {

namespace json = boost::json;
using engine::Diagnostic;

constexpr char kBundledKey[] = "bundled";

// A parsed policy and the scanner compiled from it.
struct CompiledPolicy {
  redact::RedactionPolicy policy;
  std::string digest;  // "sha256:<hex>" of the policy file, or "bundled"
  std::unique_ptr<redact::PiiScanner> scanner;
};

// Compiled policies by digest, shared by every run of one step instance: the scanner is
// the expensive part and is immutable once built. Thread-safe. Holds a few policies at
// most (a step sees one policy per run; what-if replays may alternate two).
class PolicyCache {
 public:
  StatusOr<std::shared_ptr<const CompiledPolicy>> Get(const engine::Artifact* file) {
    const std::string key = file == nullptr ? kBundledKey : "sha256:" + file->digest.Hex();
    std::lock_guard<std::mutex> guard(mu_);
    if (auto it = compiled_.find(key); it != compiled_.end()) return it->second;
    auto compiled = std::make_shared<CompiledPolicy>();
    compiled->digest = key;
    if (file == nullptr) {
      DOCKET_ASSIGN_OR_RETURN(compiled->policy, redact::DefaultRedactionPolicy());
    } else {
      DOCKET_ASSIGN_OR_RETURN(compiled->policy,
                              redact::ParseRedactionPolicy(file->name, file->data()));
    }
    StatusOr<std::unique_ptr<redact::PiiScanner>> scanner =
        redact::PiiScanner::Create(compiled->policy.scanner);
    if (!scanner.ok()) return scanner.status().WithContext("redaction policy " + compiled->policy.source);
    compiled->scanner = *std::move(scanner);
    if (compiled_.size() >= kMaxPolicies) compiled_.erase(compiled_.begin());
    compiled_.emplace(key, compiled);
    return std::shared_ptr<const CompiledPolicy>(std::move(compiled));
  }

 private:
  static constexpr size_t kMaxPolicies = 4;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const CompiledPolicy>> compiled_;
};

// Scores are written with two decimals ("0.85"): stable text, and no exponent notation.
std::string FormatScore(double score) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.2f", std::clamp(score, 0.0, 1.0));
  return text;
}

std::string JsonString(std::string_view s) { return json::serialize(json::string(s)); }

void AppendRedactionJson(std::string& out, std::string_view field,
                         const redact::AppliedRedaction& a) {
  const redact::Detection& d = a.detection;
  out += "{\"field\":" + JsonString(field) + ",\"start\":" + std::to_string(d.start) +
         ",\"end\":" + std::to_string(d.end) +
         ",\"type\":" + JsonString(redact::EntityTypeName(d.type)) +
         ",\"detector\":" + JsonString(d.detector) + ",\"validator\":" + JsonString(d.validator) +
         ",\"score\":" + FormatScore(d.score) +
         ",\"operator\":" + JsonString(redact::OperatorName(a.op)) + "}";
}

// Tallies and the per-record lines of the evidence artifact.
struct Evidence {
  std::string records;  // ",\n"-joined record objects
  int64_t records_redacted = 0;
  int64_t redactions = 0;
  std::array<int64_t, redact::kEntityTypeCount> by_type{};

  void Add(const std::string& id,
           const std::vector<std::pair<std::string, std::vector<redact::AppliedRedaction>>>&
               fields) {
    std::string list;
    for (const auto& [field, applied] : fields) {
      for (const redact::AppliedRedaction& a : applied) {
        if (!list.empty()) list += ",";
        AppendRedactionJson(list, field, a);
        ++redactions;
        ++by_type[static_cast<size_t>(a.detection.type)];
      }
    }
    if (list.empty()) return;
    ++records_redacted;
    if (!records.empty()) records += ",\n";
    records += "{\"id\":" + JsonString(id) + ",\"redactions\":[" + list + "]}";
  }

  std::string Document(const CompiledPolicy& policy, std::string_view key_id,
                       int64_t records_scanned) const {
    json::object by_type_json;
    for (int t = 0; t < redact::kEntityTypeCount; ++t) {
      if (by_type[static_cast<size_t>(t)] == 0) continue;
      by_type_json[redact::EntityTypeName(static_cast<redact::EntityType>(t))] =
          by_type[static_cast<size_t>(t)];
    }
    json::object head;
    head["schema"] = "docket.redaction_evidence.v1";
    head["policy"] = policy.policy.source;
    head["policy_digest"] = policy.digest;
    head["pseudonym_key_id"] = key_id;
    head["records_scanned"] = records_scanned;
    head["records_redacted"] = records_redacted;
    head["redactions"] = redactions;
    head["by_type"] = std::move(by_type_json);
    std::string doc = JsonToString(head);
    doc.pop_back();  // the closing brace: the record list follows
    return doc + ",\"records\":[\n" + records + (records.empty() ? "" : "\n") + "]}\n";
  }
};

class RedactStep final : public engine::Step {
 public:
  explicit RedactStep(const RedactionDeps* deps)
      : deps_(deps), cache_(std::make_shared<PolicyCache>()) {}

  StatusOr<engine::StepOutputs> Run(engine::StepContext& ctx) override {
    const auto& policy_files = ctx.inputs("policy");
    if (policy_files.size() > 1) {
      return InvalidArgumentError("the redact step takes one policy file, got " +
                                  std::to_string(policy_files.size()));
    }
    DOCKET_ASSIGN_OR_RETURN(std::shared_ptr<const CompiledPolicy> compiled,
                            cache_->Get(policy_files.empty() ? nullptr : &policy_files.front()));
    const std::string key = deps_ == nullptr ? std::string() : deps_->pseudonym_key;
    const redact::Redactor redactor(compiled->policy, compiled->scanner.get(), key,
                                    deps_ == nullptr ? nullptr : deps_->vault,
                                    deps_ == nullptr ? nullptr : deps_->known_values);
    const auto& in = ctx.inputs("records");
    if (in.size() != 1) return InternalError("expected one records artifact");
    DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<RecordBatch> input, ParseRecordsBatch(in.front()));
    FeedbackBatch& batch = input->batch();
    Evidence evidence;
    for (FeedbackRecord& r : *batch.mutable_records()) {
      if (ctx.cancelled()) return CancelledError("redact: cancelled");
      DOCKET_RETURN_IF_ERROR(RedactRecord(redactor, r, evidence));
    }
    ctx.SetMetric("records", batch.records_size());
    ctx.SetMetric("records_redacted", evidence.records_redacted);
    ctx.SetMetric("redactions", evidence.redactions);
    engine::StepOutputs out;
    out["records"] = MakeRecordsArtifact(batch);
    out["evidence"] = engine::Artifact::Make(
        kKindRedactionEvidence, kMediaJson, "redaction_evidence.json",
        evidence.Document(*compiled, PseudonymKeyId(key), batch.records_size()));
    return out;
  }

 private:
  static Status RedactRecord(const redact::Redactor& redactor, FeedbackRecord& r,
                             Evidence& evidence) {
    const redact::RecordContext context{.region = RegionHintOf(r.region(), r.language()),
                                        .data_subject = r.id()};
    std::vector<std::pair<std::string, std::vector<redact::AppliedRedaction>>> fields;
    auto redact_field = [&](std::string field, std::string& value) -> Status {
      StatusOr<redact::RedactedText> redacted = redactor.Redact(value, context);
      if (!redacted.ok()) {
        return redacted.status().WithContext("record " + r.id() + " field " + field);
      }
      value = std::move(redacted->text);
      fields.emplace_back(std::move(field), std::move(redacted->redactions));
      return Status::Ok();
    };
    DOCKET_RETURN_IF_ERROR(redact_field("text", *r.mutable_text()));
    // Protobuf maps iterate in no fixed order: go by sorted key so that placeholder
    // numbering and evidence order are deterministic.
    std::vector<std::string> keys;
    for (const auto& kv : r.extras()) keys.push_back(kv.first);
    std::sort(keys.begin(), keys.end());
    for (const std::string& k : keys) {
      DOCKET_RETURN_IF_ERROR(redact_field("extras." + k, (*r.mutable_extras())[k]));
    }
    evidence.Add(r.id(), fields);
    return Status::Ok();
  }

  const RedactionDeps* const deps_;
  const std::shared_ptr<PolicyCache> cache_;  // thread-safe; shared by runs
};

bool IsAsciiAlpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::string UpperTwoLetters(std::string_view s) {
  if (s.size() != 2 || !IsAsciiAlpha(s[0]) || !IsAsciiAlpha(s[1])) return "";
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
  return out;
}

}  // namespace

std::string RegionHintOf(std::string_view region, std::string_view language) {
  if (std::string r = UpperTwoLetters(region); !r.empty()) return r;
  // BCP 47: the first two-letter subtag after the primary language is the region.
  size_t at = language.find_first_of("-_");
  while (at != std::string_view::npos) {
    const size_t next = language.find_first_of("-_", at + 1);
    const std::string_view subtag = language.substr(at + 1, next == std::string_view::npos
                                                                ? std::string_view::npos
                                                                : next - at - 1);
    if (std::string r = UpperTwoLetters(subtag); !r.empty()) return r;
    at = next;
  }
  return "";
}

std::string PseudonymKeyId(std::string_view key) {
  if (key.empty()) return "";
  return HmacSha256(key, "docket.pseudonym.key-id.v1").Hex().substr(0, 16);
}

engine::StepTypeSpec RedactStepSpec() {
  engine::StepTypeSpec spec;
  spec.type = "redact";
  spec.doc = "Replace PII in record text and extras per a redaction policy (docs/redaction.md); "
             "evidence without raw values.";
  spec.inputs = {{.name = "records", .kind = kKindRecords},
                 {.name = "policy", .kind = kKindRedactionPolicyFile, .optional = true,
                  .doc = "a redaction policy file; the bundled default policy when unconnected"}};
  spec.outputs = {{.name = "records", .kind = kKindRecords},
                  {.name = "evidence", .kind = kKindRedactionEvidence}};
  return spec;
}

engine::StepFactory RedactStepFactory(const RedactionDeps* deps) {
  return [deps](const engine::StepConfig&, std::vector<Diagnostic>&) {
    return std::make_unique<RedactStep>(deps);
  };
}

}  // namespace docket::workflows
