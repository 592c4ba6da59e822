// The evaluation walks rules in file order and instances in key order, so the decision
// and its evidence list come out in the same order on every run.
#include "policies/evaluator.h"

#include <algorithm>
#include <cmath>

#include "policies/expr/evaluate.h"

namespace docket::policies {
namespace {

// Instance metrics first, then `instance` (the key), then the release-wide globals.
class InstanceEnvironment final : public expr::Environment {
 public:
  InstanceEnvironment(const EvidenceInstance* instance, const NamedValues& globals)
      : instance_(instance), globals_(globals) {}

  expr::Value Lookup(std::string_view name) const override {
    if (instance_ != nullptr) {
      if (auto it = instance_->metrics.find(name); it != instance_->metrics.end()) {
        return it->second;
      }
      if (name == "instance") return expr::Value::String(instance_->key);
    }
    if (auto it = globals_.find(name); it != globals_.end()) return it->second;
    return expr::Value::Missing();
  }

 private:
  const EvidenceInstance* instance_;
  const NamedValues& globals_;
};

enum class Truth { kFalse, kTrue, kMissing, kError };

struct CriterionResult {
  Truth truth = Truth::kFalse;
  std::string error;
};

CriterionResult Check(const Criterion& criterion, const expr::Environment& env) {
  StatusOr<expr::Value> value = expr::Evaluate(criterion.compiled, env);
  if (!value.ok()) return {Truth::kError, value.status().message()};
  switch (value->kind()) {
    case expr::ValueKind::kMissing: return {Truth::kMissing, {}};
    case expr::ValueKind::kBool: return {value->bool_value() ? Truth::kTrue : Truth::kFalse, {}};
    default:
      return {Truth::kError, "`" + criterion.source + "` gives a " +
                                 std::string(expr::KindName(value->kind())) +
                                 ", not true or false"};
  }
}

Outcome MissingOutcome(MissingData missing) {
  switch (missing) {
    case MissingData::kPass: return Outcome::kPass;
    case MissingData::kWarn: return Outcome::kWarn;
    case MissingData::kFail: return Outcome::kFail;
    case MissingData::kInconclusive: return Outcome::kInconclusive;
  }
  return Outcome::kInconclusive;
}

// Sets outcome and reason from the warn and fail criteria.
void Judge(const Rule& rule, const expr::Environment& env, RuleResult& result) {
  const CriterionResult fail = rule.fail ? Check(*rule.fail, env) : CriterionResult{};
  const CriterionResult warn = rule.warn ? Check(*rule.warn, env) : CriterionResult{};
  if (fail.truth == Truth::kError || warn.truth == Truth::kError) {
    result.outcome = Outcome::kError;
    result.reason = fail.truth == Truth::kError ? "fail criterion: " + fail.error
                                                : "warn criterion: " + warn.error;
  } else if (fail.truth == Truth::kTrue) {
    result.outcome = Outcome::kFail;
    result.reason = "fail: " + rule.fail->source;
  } else if (fail.truth == Truth::kMissing || warn.truth == Truth::kMissing) {
    // A definite warn still shows when missing data would have passed.
    const Outcome missing = MissingOutcome(rule.on_missing_data);
    result.outcome = missing == Outcome::kPass && warn.truth == Truth::kTrue ? Outcome::kWarn
                                                                             : missing;
    result.reason = "missing data, on_missing_data: " +
                    std::string(MissingDataName(rule.on_missing_data));
  } else if (warn.truth == Truth::kTrue) {
    result.outcome = Outcome::kWarn;
    result.reason = "warn: " + rule.warn->source;
  } else {
    result.outcome = Outcome::kPass;
    result.reason = "no criterion holds";
  }
}

Verdict Contribution(const RuleResult& r) {
  if (r.mode == RuleMode::kDryRun || r.outcome == Outcome::kPass) return Verdict::kApprove;
  if (r.mode == RuleMode::kAdvisory || r.model_derived) return Verdict::kWarn;
  if (r.outcome == Outcome::kInconclusive || r.outcome == Outcome::kError) {
    return Verdict::kNeedsHuman;
  }
  if (!r.key) return Verdict::kApprove;  // non-key pass/warn/fail count through the score
  return r.outcome == Outcome::kFail ? Verdict::kBlock : Verdict::kWarn;
}

bool Scored(const RuleResult& r) {
  return r.mode == RuleMode::kEnforce && !r.key && !r.model_derived &&
         (r.outcome == Outcome::kPass || r.outcome == Outcome::kWarn ||
          r.outcome == Outcome::kFail);
}

double Points(Outcome outcome) {
  return outcome == Outcome::kPass ? 1.0 : outcome == Outcome::kWarn ? 0.5 : 0.0;
}

void Record(const std::optional<Criterion>& c, const expr::Environment& env, NamedValues& out) {
  if (!c) return;
  for (const std::string& name : c->compiled.Names()) out[name] = env.Lookup(name);
}

// Appends one RuleResult per instance the rule applies to; returns the rule's score
// points (its worst scored instance), or nullopt when no instance is scored.
std::optional<double> EvaluateRule(const Rule& rule, const Evidence& evidence,
                                   std::vector<RuleResult>& out) {
  std::vector<const EvidenceInstance*> instances;
  if (rule.for_each.empty()) {
    instances.push_back(nullptr);
  } else if (auto it = evidence.dimensions.find(rule.for_each); it != evidence.dimensions.end()) {
    for (const EvidenceInstance& instance : it->second) instances.push_back(&instance);
  }
  std::optional<double> points;
  const auto add = [&](RuleResult result) {
    result.contribution = Contribution(result);
    if (Scored(result)) points = std::min(points.value_or(1.0), Points(result.outcome));
    out.push_back(std::move(result));
  };
  const size_t first = out.size();
  for (const EvidenceInstance* instance : instances) {
    const InstanceEnvironment env(instance, evidence.globals);
    RuleResult result{.rule_id = rule.id,
                      .instance = instance ? instance->key : "",
                      .key = rule.key,
                      .mode = rule.mode,
                      .model_derived = rule.model_derived};
    Record(rule.where, env, result.evidence);
    if (rule.where) {
      const CriterionResult where = Check(*rule.where, env);
      if (where.truth == Truth::kFalse || where.truth == Truth::kMissing) continue;
      if (where.truth == Truth::kError) {
        result.outcome = Outcome::kError;
        result.reason = "where: " + where.error;
      }
    }
    if (result.outcome != Outcome::kError) Judge(rule, env, result);
    Record(rule.warn, env, result.evidence);
    Record(rule.fail, env, result.evidence);
    add(std::move(result));
  }
  if (out.size() == first) {
    // The rule looked at nothing: with no instances that is missing data; when `where`
    // excluded every instance, there was nothing to judge.
    RuleResult result{.rule_id = rule.id, .key = rule.key, .mode = rule.mode,
                      .model_derived = rule.model_derived};
    if (instances.empty()) {
      result.outcome = MissingOutcome(rule.on_missing_data);
      result.reason = "no `" + rule.for_each + "` instances in the evidence, on_missing_data: " +
                      std::string(MissingDataName(rule.on_missing_data));
    } else {
      result.outcome = Outcome::kPass;
      result.reason = "no instance matches `where`";
    }
    add(std::move(result));
  }
  return points;
}

// Hours to one decimal: "0.1 h", "120 h".
std::string Hours(int64_t seconds) {
  return expr::FormatNumber(std::round(static_cast<double>(seconds) / 360.0) / 10.0) + " h";
}

std::vector<GuardResult> CheckGuards(const Guards& guards, const Evidence& evidence) {
  std::vector<GuardResult> out;
  if (guards.min_records) {
    GuardResult g{.guard = "min_records"};
    g.violated = !evidence.records_current || *evidence.records_current < *guards.min_records;
    g.detail = (evidence.records_current ? std::to_string(*evidence.records_current) : "unknown") +
               " records in the current window; at least " +
               std::to_string(*guards.min_records) + " needed";
    out.push_back(std::move(g));
  }
  if (guards.max_source_silence_s) {
    if (evidence.source_silence_s.empty()) {
      out.push_back({.guard = "max_source_silence", .violated = true,
                     .detail = "no source reported any record"});
    }
    for (const auto& [source, silence] : evidence.source_silence_s) {
      GuardResult g{.guard = "max_source_silence:" + source};
      g.violated = silence > *guards.max_source_silence_s;
      g.detail = source + " silent for " + Hours(silence) + "; limit " +
                 Hours(*guards.max_source_silence_s);
      out.push_back(std::move(g));
    }
  }
  if (guards.max_ingestion_lag_s) {
    GuardResult g{.guard = "max_ingestion_lag"};
    g.violated = !evidence.ingestion_lag_s || *evidence.ingestion_lag_s > *guards.max_ingestion_lag_s;
    g.detail = "newest record is " +
               (evidence.ingestion_lag_s ? Hours(*evidence.ingestion_lag_s) : "unknown") +
               " old; limit " + Hours(*guards.max_ingestion_lag_s);
    out.push_back(std::move(g));
  }
  return out;
}

std::string Describe(const RuleResult& r) {
  std::string text = r.rule_id;
  if (!r.instance.empty()) text += "[" + r.instance + "]";
  return text + " " + std::string(OutcomeName(r.outcome)) + " -> " +
         std::string(VerdictName(r.contribution)) + " (" + r.reason + ")";
}

}  // namespace

Decision Evaluate(const Policy& policy, const Evidence& evidence, Timestamp logical_time) {
  Decision decision;
  decision.evaluated_at = logical_time;
  double weighted = 0;
  double total_weight = 0;
  for (const Rule& rule : policy.rules) {
    const std::optional<double> points = EvaluateRule(rule, evidence, decision.rules);
    if (points && rule.weight > 0) {
      weighted += rule.weight * *points;
      total_weight += rule.weight;
    }
  }
  for (const RuleResult& r : decision.rules) {
    if (r.contribution == Verdict::kApprove) continue;
    decision.verdict = MaxVerdict(decision.verdict, r.contribution);
    decision.reasons.push_back(Describe(r));
  }
  if (total_weight > 0) {
    const double score = 100.0 * weighted / total_weight;
    decision.score = score;
    const Verdict by_score = score >= policy.scoring.pass      ? Verdict::kApprove
                             : score >= policy.scoring.warning ? Verdict::kWarn
                                                               : Verdict::kBlock;
    if (by_score != Verdict::kApprove) {
      decision.verdict = MaxVerdict(decision.verdict, by_score);
      decision.reasons.push_back("score " + expr::FormatNumber(score) + " -> " +
                                 std::string(VerdictName(by_score)) + " (pass " +
                                 expr::FormatNumber(policy.scoring.pass) + ", warning " +
                                 expr::FormatNumber(policy.scoring.warning) + ")");
    }
  }
  decision.guards = CheckGuards(policy.guards, evidence);
  size_t held = 0;
  for (const GuardResult& g : decision.guards) {
    if (!g.violated) {
      ++held;
      continue;
    }
    decision.reasons.push_back("guard " + g.guard + " violated: " + g.detail + " -> NEEDS_HUMAN");
  }
  if (!decision.guards.empty()) {
    decision.confidence = static_cast<double>(held) / static_cast<double>(decision.guards.size());
    if (held < decision.guards.size()) {
      decision.verdict = MaxVerdict(decision.verdict, Verdict::kNeedsHuman);
    }
  }
  return decision;
}

}  // namespace docket::policies
