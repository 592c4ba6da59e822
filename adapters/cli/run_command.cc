#include "adapters/cli/run_command.h"

#include <boost/json.hpp>

#include <algorithm>
#include <google/protobuf/util/json_util.h>

#include <random>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/progress_sink.h"
#include "adapters/cli/workflow_loader.h"
#include "adapters/ledger/invalidated_releases.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/ledger/vault_token_store.h"
#include "adapters/sinks/effect_recorder.h"
#include "adapters/sinks/jsonl_event_sink.h"
#include "adapters/sinks/ledger_event_sink.h"
#include "adapters/store/file_artifact_store.h"
#include "adapters/store/ledger_artifact_store.h"
#include "engine/base/encoding.h"
#include "engine/base/time_format.h"
#include "engine/executor.h"
#include "workflows/redact/egress_guard.h"

namespace docket::adapters {
namespace {

// The workflow param that lists candidates kept out of baselines (docs/trends.md).
constexpr char kExcludedReleasesParam[] = "excluded_releases";

namespace json = boost::json;
constexpr uint64_t kMaxInputFileBytes = uint64_t{4} << 30;

// Run ids identify executions, never content: randomness here feeds no artifact.
std::string NewRunId() {
  std::random_device rd;
  const uint64_t v = (uint64_t{rd()} << 32) ^ rd();
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(v >> (56 - 8 * i));
  return "run-" + HexEncode(bytes);
}

struct Failure {
  int code;
  std::string message;
};

std::optional<Failure> GatherInputs(const engine::Plan& plan, const RunCommandOptions& opts,
                                    engine::RunRequest& request) {
  const auto& declared = plan.definition.inputs;
  std::map<std::string, std::vector<std::filesystem::path>> files;
  for (const std::string& spec : opts.inputs) {
    std::string name;
    std::string path = spec;
    if (size_t eq = spec.find('='); eq != std::string::npos && plan.FindInput(spec.substr(0, eq))) {
      name = spec.substr(0, eq);
      path = spec.substr(eq + 1);
    } else if (!declared.empty()) {
      name = declared.front().name;
    } else {
      return Failure{kExitUsage, "workflow declares no inputs, but --input " + spec + " was given"};
    }
    files[name].push_back(path);
  }
  const std::filesystem::path base = opts.workflow.parent_path();
  for (const engine::WorkflowInputDefinition& in : declared) {
    if (files.count(in.name) == 0) {
      for (const std::string& d : in.defaults) files[in.name].push_back(base / d);
    }
    if (files[in.name].empty()) {
      return Failure{kExitUsage, "no files for workflow input `" + in.name + "` (" + in.kind +
                                     "): pass --input " + in.name + "=FILE"};
    }
    for (const std::filesystem::path& p : files[in.name]) {
      StatusOr<std::string> bytes = ReadFile(p, kMaxInputFileBytes);
      if (!bytes.ok()) {
        return Failure{kExitUsage, "input `" + in.name + "`: " + bytes.status().message()};
      }
      request.inputs[in.name].push_back(
          engine::Artifact::Make(in.kind, "application/octet-stream", p.filename().string(),
                                 std::move(*bytes)));
    }
  }
  return std::nullopt;
}

std::optional<Failure> GatherParams(const RunCommandOptions& opts, engine::RunRequest& request) {
  for (const std::string& p : opts.params) {
    const size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Failure{kExitUsage, "--param " + p + ": expected NAME=VALUE"};
    }
    request.params[p.substr(0, eq)] = p.substr(eq + 1);
  }
  if (opts.release) request.params["release"] = *opts.release;
  return std::nullopt;
}

std::string ManifestJson(const engine::RunManifest& manifest) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = true;
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(manifest, &out, options);
  return out;
}

int ExitFor(const engine::RunResult& result) {
  if (result.status == engine::RunStatus::kCancelled) return kExitCancelled;
  if (result.status == engine::RunStatus::kFailed) {
    for (const auto& [id, step] : result.steps) {
      if (step.state == engine::StepState::kFailed &&
          step.error.code() == StatusCode::kInvalidArgument) {
        return kExitUsage;
      }
    }
    return kExitRunFailed;
  }
  return kExitApprove;
}

// --format needs a decision to format, and owns stdout as --json does.
std::optional<Failure> CheckFormat(const RunCommandOptions& opts, const engine::Plan& plan) {
  if (!opts.format) return std::nullopt;
  if (opts.json) return Failure{kExitUsage, "--format and --json cannot be combined"};
  for (const engine::OutputDefinition& output : plan.definition.outputs) {
    if (output.name == "decision") return std::nullopt;
  }
  return Failure{kExitUsage, "--format " + std::string(DecisionFormatName(*opts.format)) +
                                 ": workflow " + plan.definition.name +
                                 " has no `decision` output to format"};
}

// The exit code of a finished run's verdict (--fail-on), saying on `err` when a verdict
// other than APPROVE still exits 0. Until approvals exist the effective verdict is the
// decision's own.
int VerdictCode(const std::string& verdict, FailOn fail_on, std::ostream& err) {
  const std::optional<policies::Verdict> parsed = policies::ParseVerdict(verdict);
  if (!parsed) {
    err << "docket: the decision's verdict `" << verdict << "` is not a known verdict\n";
    return kExitInternal;
  }
  const VerdictExit exit = ExitForVerdict(*parsed, fail_on);
  if (!exit.note.empty()) err << "docket: " << exit.note << "\n";
  return exit.code;
}

}  // namespace

int RunWorkflowCommand(const RunCommandOptions& opts, const RunCommandEnv& env) {
  std::ostream& out = *env.out;
  std::ostream& err = *env.err;
  // Filled once the ledger is open (the redact steps read it when the run starts).
  workflows::RedactionDeps redaction;
  LoadedWorkflow loaded = LoadWorkflow(opts.workflow, &redaction);
  if (!loaded.plan) {
    for (const auto& d : loaded.diagnostics) err << d.ToString() << "\n";
    return kExitUsage;
  }
  const engine::Plan& plan = *loaded.plan;
  if (std::optional<Failure> failure = CheckFormat(opts, plan)) {
    err << "docket: " << failure->message << "\n";
    return failure->code;
  }
  const std::filesystem::path out_dir =
      opts.out_dir.empty() ? std::filesystem::path("out") / plan.definition.name : opts.out_dir;
  engine::RunRequest request;
  request.run_id = NewRunId();
  if (opts.as_of) {
    StatusOr<Timestamp> t = ParseRfc3339(*opts.as_of);
    if (!t.ok()) {
      err << "docket: --as-of: " << t.status().message() << "\n";
      return kExitUsage;
    }
    request.logical_time = *t;
  } else {
    request.logical_time = env.clock->Now();  // the run's one reading of the wall clock
  }
  for (auto failure : {GatherParams(opts, request), GatherInputs(plan, opts, request)}) {
    if (failure) {
      err << "docket: " << failure->message << "\n";
      return failure->code;
    }
  }

  // The model door is built before the ledger is touched: a broken profile or a missing
  // key is a usage error, not a silent fallback (absence of a model is the fallback).
  StatusOr<llm::ModelEffects> model = llm::BuildModelEffects(
      opts.llm_profiles, opts.llm_profile,
      env.getenv ? env.getenv : [](std::string_view) { return std::optional<std::string>(); },
      env.model_deps);
  if (!model.ok()) {
    err << "docket: model configuration: " << model.status().message() << "\n";
    return kExitUsage;
  }

  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForWriting(opts.ledger_dir);
  if (!home.ok()) {
    err << "docket: opening the ledger " << opts.ledger_dir.string() << ": "
        << home.status().message() << "\n";
    return kExitInternal;
  }
  // Candidates invalidated in this ledger stay out of later baselines: a workflow that
  // declares the `excluded_releases` param gets them, unless the user set the param.
  // The value is a run param, so the run records it and a replay sees the same list.
  if (std::any_of(plan.definition.params.begin(), plan.definition.params.end(),
                  [](const auto& p) { return p.name == kExcludedReleasesParam; }) &&
      !request.params.count(kExcludedReleasesParam)) {
    StatusOr<std::vector<std::string>> invalidated = InvalidatedReleases((*home)->store());
    if (!invalidated.ok()) {
      err << "docket: reading invalidations from the ledger: " << invalidated.status().message()
          << "\n";
      return kExitInternal;
    }
    std::string joined;
    for (const std::string& id : *invalidated) joined += (joined.empty() ? "" : ",") + id;
    request.params[kExcludedReleasesParam] = joined;
  }
  // Tokens go to this ledger's vault under "customer:<id>", so `docket ledger erase`
  // reaches them; pseudonyms use DOCKET_REDACTION_KEY, else the ledger's derived key.
  redaction.pseudonym_key = opts.redaction_key.value_or((*home)->pseudonym_key());
  VaultTokenStore token_store((*home)->vault(), redaction.pseudonym_key);
  redaction.vault = &token_store;
  ProgressSink progress(err, plan.steps.size(), opts.quiet, opts.color);
  LedgerArtifactStore store((*home)->vault());
  LedgerEventSink recorder((*home)->writer(), (*home)->vault(), &store, plan, request,
                           opts.build_id);
  TeeEventSink sink({&recorder, &progress});
  // Every outbound effect passes the egress guard, which refuses a payload that still
  // holds PII or a value the redact step replaced (docs/redaction.md), then is recorded
  // in the ledger before its answer reaches the step (replay serves it from there).
  workflows::redact::RawValueRegistry known_values;
  redaction.known_values = &known_values;
  EffectRecorder recorded_effects(model->effects.get(), (*home)->writer(), (*home)->vault(),
                                  recorder.facts());
  workflows::redact::EgressGuard effects(&recorded_effects, workflows::redact::ScannerConfig{},
                                         &known_values);
  engine::Executor executor({.threads = opts.threads, .clock = env.clock, .effects = &effects,
                             .sink = &sink, .store = &store, .engine_build_id = opts.build_id});
  if (env.on_cancellable) env.on_cancellable([&executor] { executor.Cancel(); });
  if (!opts.quiet) {
    err << "docket: " << model->description << "\n";
    err << "docket: running " << plan.definition.name << " (" << plan.steps.size()
        << " steps, run " << request.run_id << ", as of "
        << FormatRfc3339(request.logical_time) << ")\n";
  }
  const std::string run_id = request.run_id;
  StatusOr<engine::RunResult> result = executor.Run(plan, std::move(request));
  if (env.on_cancellable) env.on_cancellable(nullptr);
  Status ledger_failure = !recorder.failure().ok() ? recorder.failure() : store.failure();
  if (ledger_failure.ok()) ledger_failure = recorded_effects.failure();
  if (!result.ok() || !ledger_failure.ok()) {
    (void)recorder.Drain();  // what was appended stays; nothing is abandoned mid-write
    if (!ledger_failure.ok()) {
      err << "docket: recording the run in the ledger failed: " << ledger_failure.message()
          << "\n";
      return kExitInternal;
    }
    err << "docket: " << result.status().message() << "\n";
    return result.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitInternal;
  }
  const std::string manifest = ManifestJson(result->manifest);
  // Every entry of the run is durable (and covered by a checkpoint) before the verdict
  // is reported.
  StatusOr<LedgerRunRecord> recorded = recorder.Finish(*result, manifest);
  // The run's entries are durable; ask for the checkpoint that covers them (the writer
  // otherwise signs per time window), so the printed size proves the decision.
  StatusOr<uint64_t> checkpoint_size = recorded.ok()
                                           ? (*home)->writer()->RequestCheckpoint().get()
                                           : StatusOr<uint64_t>(recorded.status());
  if (!checkpoint_size.ok()) {
    err << "docket: recording the run in the ledger failed: "
        << checkpoint_size.status().message() << "\n";
    return kExitInternal;
  }
  (*home)->CloseWriter();

  int code = ExitFor(*result);
  Status written;
  json::object summary;
  summary["run_id"] = run_id;
  summary["status"] = std::string(engine::RunStatusName(result->status));
  json::object paths;
  std::string verdict;
  json::object decision;
  // Outputs are published only for a finished run: a cancelled or failed run leaves
  // none of them, so nobody mistakes a partial result for a decision.
  if (result->status == engine::RunStatus::kSucceeded) {
    for (const auto& [name, artifact] : result->outputs) {
      const std::filesystem::path path =
          out_dir / (artifact.name.empty() ? name : artifact.name);
      if (written.ok()) written = WriteFileAtomically(path, artifact.data());
      paths[name] = path.string();
    }
    const std::filesystem::path manifest_path = out_dir / "manifest.json";
    if (written.ok()) written = WriteFileAtomically(manifest_path, manifest);
    paths["manifest"] = manifest_path.string();
    if (auto it = result->outputs.find("decision"); it != result->outputs.end()) {
      boost::system::error_code ec;
      json::value d = json::parse(it->second.data(), ec);
      if (!ec && d.is_object() && d.as_object().contains("verdict") &&
          d.at("verdict").is_string()) {
        verdict = std::string(d.at("verdict").as_string());
        decision = std::move(d.as_object());
      }
    }
  }
  if (!written.ok()) {
    err << "docket: writing outputs: " << written.message() << "\n";
    return kExitInternal;
  }
  if (!verdict.empty()) code = VerdictCode(verdict, opts.fail_on, err);
  summary["verdict"] = verdict;
  summary["outputs"] = std::move(paths);
  summary["decision_id"] = recorded->decision_id;
  summary["ledger"] = opts.ledger_dir.string();
  summary["checkpoint_size"] = *checkpoint_size;
  summary["exit_code"] = code;
  if (opts.json) {
    out << json::serialize(summary) << "\n";
    return code;
  }
  if (result->status != engine::RunStatus::kSucceeded) {
    for (const engine::PlannedStep& step : plan.steps) {
      const engine::StepOutcome& o = result->steps.at(step.def.id);
      const bool failed =
          o.state == engine::StepState::kFailed || o.state == engine::StepState::kCancelled;
      if (failed && !o.upstream) {
        err << "docket: step `" << step.def.id << "` " << engine::StepStateName(o.state) << ": "
            << o.error.message() << "\n";
      }
    }
    err << "docket: run " << engine::RunStatusName(result->status) << "; no outputs written"
        << " (recorded in the ledger " << opts.ledger_dir.string() << " up to entry "
        << recorded->last_index << ")\n";
    return code;
  }
  if (opts.format) {
    FormatOptions format_options;
    format_options.decision_id = recorded->decision_id;
    format_options.step_summary_path = opts.step_summary;
    if (Status s = WriteFormattedDecision(decision, *opts.format, format_options, out); !s.ok()) {
      err << "docket: --format " << DecisionFormatName(*opts.format) << ": " << s.message()
          << "\n";
      return kExitInternal;
    }
    if (opts.quiet) return code;
  }
  // With --format the summary goes to stderr: stdout holds only the formatted decision.
  std::ostream& text = opts.format ? err : out;
  const bool color = opts.color && !opts.format;
  const char* verdict_color = !color                ? ""
                              : verdict == "BLOCK"   ? "\033[1;31m"
                              : verdict == "APPROVE" ? "\033[1;32m"
                                                     : "\033[1;33m";
  text << "verdict: " << verdict_color << (verdict.empty() ? "(no decision output)" : verdict)
       << (color ? "\033[0m" : "") << "\n";
  if (!recorded->decision_id.empty()) text << "decision id: " << recorded->decision_id << "\n";
  text << "ledger checkpoint: " << *checkpoint_size << " (" << opts.ledger_dir.string() << ")\n";
  for (const auto& kv : summary["outputs"].as_object()) {
    text << kv.key() << ": " << kv.value().as_string().c_str() << "\n";
  }
  return code;
}

int ValidateWorkflowCommand(const std::filesystem::path& workflow, bool as_json,
                            std::ostream& out, std::ostream& err) {
  LoadedWorkflow loaded = LoadWorkflow(workflow);
  if (as_json) {
    json::array diags;
    for (const auto& d : loaded.diagnostics) {
      json::object o;
      o["file"] = d.pos.file;
      o["line"] = d.pos.line;
      o["column"] = d.pos.column;
      o["message"] = d.message;
      o["hint"] = d.hint;
      diags.push_back(std::move(o));
    }
    json::object doc;
    doc["valid"] = loaded.plan.has_value();
    doc["diagnostics"] = std::move(diags);
    out << json::serialize(doc) << "\n";
  } else if (loaded.plan) {
    out << workflow.string() << ": valid (" << loaded.plan->steps.size() << " steps: ";
    for (size_t i = 0; i < loaded.plan->steps.size(); ++i) {
      out << (i ? " -> " : "") << loaded.plan->steps[i].def.id;
    }
    out << ")\n";
  } else {
    for (const auto& d : loaded.diagnostics) err << d.ToString() << "\n";
    err << loaded.diagnostics.size() << " error(s)\n";
  }
  return loaded.plan ? kExitApprove : kExitUsage;
}

}  // namespace docket::adapters
