// `docket`: the command-line entry point and the one place where Docket is composed
// (BRIEF §3): it parses the command line with CLI11, wires the system clock, signal
// handling and the feedback steps, and dispatches to the commands. Single-threaded
// apart from the signal watcher and the executor's pool.
#include <CLI/CLI.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "adapters/cli/decision_command.h"
#include "adapters/cli/exit_codes.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/cli/progress_sink.h"
#include "adapters/cli/redact_command.h"
#include "adapters/cli/replay_command.h"
#include "adapters/cli/policy_command.h"
#include "adapters/cli/themes_command.h"
#include "adapters/llm/curl_transport.h"
#include "adapters/cli/run_command.h"
#include "engine/base/clock.h"

#ifndef DOCKET_BUILD_ID
#define DOCKET_BUILD_ID "docket-unknown"
#endif

namespace {

using docket::adapters::RunCommandOptions;

// The tenant key for redaction pseudonyms (docs/redaction.md); read here, never by steps.
constexpr char kRedactionKeyEnv[] = "DOCKET_REDACTION_KEY";

// The value of environment variable `name`; nullopt when unset or empty.
std::optional<std::string> EnvValue(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || value[0] == '\0') return std::nullopt;
  return std::string(value);
}

std::filesystem::path DefaultLedgerDir() {
  if (const char* env = std::getenv("DOCKET_LEDGER"); env != nullptr && env[0] != '\0') {
    return env;
  }
  return std::filesystem::path(".docket") / "ledger";
}

// Runs `body` with SIGINT/SIGTERM routed to the cancel function it registers.
int WithSignalCancellation(const std::function<int(docket::adapters::RunCommandEnv&)>& body,
                           docket::adapters::RunCommandEnv env) {
  boost::asio::io_context io;
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  std::mutex mu;
  std::function<void()> cancel;
  bool interrupted = false;
  signals.async_wait([&](const boost::system::error_code& ec, int) {
    if (ec) return;
    std::lock_guard<std::mutex> guard(mu);
    interrupted = true;
    std::cerr << "\ndocket: interrupted; cancelling the run (outputs are not written)\n";
    if (cancel) cancel();
  });
  std::thread watcher([&io] { io.run(); });
  env.on_cancellable = [&](std::function<void()> fn) {
    std::lock_guard<std::mutex> guard(mu);
    cancel = std::move(fn);
    if (interrupted && cancel) cancel();
  };
  const int code = body(env);
  io.stop();
  watcher.join();
  return code;
}

// `docket ledger ...`: the subcommands and the options they fill.
struct LedgerCommands {
  CLI::App* root = nullptr;
  std::string dir;
  CLI::App* verify = nullptr;
  CLI::App* checkpoint = nullptr;
  CLI::App* key = nullptr;
  CLI::App* key_rotate = nullptr;
  CLI::App* key_promote = nullptr;
  CLI::App* proof = nullptr;
  CLI::App* consistency = nullptr;
  CLI::App* show = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* erase = nullptr;
  CLI::App* detokenize = nullptr;
  docket::adapters::LedgerVerifyOptions verify_opts;
  docket::adapters::LedgerExportOptions export_opts;
  docket::adapters::LedgerEraseOptions erase_opts;
  docket::adapters::LedgerDetokenizeOptions detokenize_opts;
  docket::adapters::LedgerProofOptions proof_opts;
  docket::adapters::LedgerConsistencyOptions consistency_opts;
  docket::adapters::LedgerShowOptions show_opts;
};

LedgerCommands AddLedgerCommands(CLI::App& app) {
  LedgerCommands c;
  c.root = app.add_subcommand("ledger", "Verify and read the signed ledger");
  c.root->require_subcommand(1);
  const auto ledger_option = [&c](CLI::App* cmd) {
    cmd->add_option("--ledger", c.dir,
                    "ledger directory (default $DOCKET_LEDGER, else .docket/ledger)");
    return cmd;
  };
  c.verify = ledger_option(c.root->add_subcommand(
      "verify", "Audit every entry, checkpoint, blob and index row, or an evidence bundle"));
  c.verify->add_option("--key", c.verify_opts.key_file,
                       "verifier key file (default: keys/verifier.vkey in the ledger dir, or "
                       "with --bundle the keys in the bundle's header)");
  c.verify->add_option("--bundle", c.verify_opts.bundle,
                       "verify this evidence bundle file instead of a ledger directory");
  c.verify->add_option("--trusted-checkpoint", c.verify_opts.trusted_checkpoint,
                       "a checkpoint note saved earlier that the ledger must extend");
  c.checkpoint = ledger_option(
      c.root->add_subcommand("checkpoint", "Print the latest signed checkpoint"));
  c.key = ledger_option(c.root->add_subcommand(
      "key", "Print the verifier key lines (genesis, current, and a successor being rotated in)"));
  c.key_rotate = ledger_option(c.key->add_subcommand(
      "rotate", "Start a key rotation: a new key co-signs every checkpoint from now on"));
  c.key_promote = ledger_option(c.key->add_subcommand(
      "promote", "Finish a key rotation: retire the current key, the successor signs alone"));
  c.proof = ledger_option(c.root->add_subcommand("proof", "Inclusion proof for an entry"));
  c.proof->add_option("--index", c.proof_opts.index, "entry index")->required();
  c.proof->add_option("--size", c.proof_opts.size,
                      "tree size (default: the latest checkpoint's)");
  c.consistency = ledger_option(
      c.root->add_subcommand("consistency", "Consistency proof between two tree sizes"));
  c.consistency->add_option("--from", c.consistency_opts.from, "older tree size")->required();
  c.consistency->add_option("--to", c.consistency_opts.to, "newer tree size")->required();
  c.show = ledger_option(c.root->add_subcommand("show", "Print entries as JSON lines"));
  c.show->add_option("--run", c.show_opts.run, "entries of this run id");
  c.show->add_option("--decision", c.show_opts.decision, "entries of this decision id");
  c.show->add_option("--type", c.show_opts.type, "entries of this type, e.g. DECISION");
  c.show->add_option("--release", c.show_opts.release, "decisions about this release candidate");
  c.show->add_option("--from", c.show_opts.from, "first entry index (inclusive)");
  c.show->add_option("--to", c.show_opts.to, "last entry index (exclusive)");
  c.show->add_option("--blob", c.show_opts.blob,
                     "print this blob's plaintext (sha256:<hex>; needs the master key)");
  c.export_ = ledger_option(c.root->add_subcommand(
      "export", "Write an evidence bundle of the whole log or of the entries of some terms"));
  c.export_->add_option("--out", c.export_opts.out, "bundle file to write")->required();
  c.export_->add_option("--run", c.export_opts.run, "entries of this run id");
  c.export_->add_option("--decision", c.export_opts.decision, "entries of this decision id");
  c.export_->add_option("--release", c.export_opts.release,
                        "decisions about this release candidate");
  c.export_->add_option("--type", c.export_opts.type, "entries of this type, e.g. DECISION");
  c.export_->add_option("--key", c.export_opts.key_file,
                        "verifier key for the header (default: keys/verifier.vkey)");
  c.erase = ledger_option(c.root->add_subcommand(
      "erase", "Erase a data subject: record a receipt, then destroy the subject's key"));
  c.erase->add_option("--subject", c.erase_opts.subject, "data subject id, e.g. input:sha256:<hex>")
      ->required();
  c.erase->add_option("--actor", c.erase_opts.actor, "who asked (recorded in the receipt)");
  c.erase->add_option("--reason", c.erase_opts.reason, "why (recorded in the receipt)");
  c.detokenize = ledger_option(c.root->add_subcommand(
      "detokenize",
      "Read back a customer's tokenized values in redacted records (the access is recorded)"));
  c.detokenize
      ->add_option("--subject", c.detokenize_opts.subject, "whose tokens: customer:<record id>")
      ->required();
  c.detokenize
      ->add_option("--reason", c.detokenize_opts.reason,
                   "why the values are read (recorded in the ledger)")
      ->required();
  c.detokenize->add_option("--actor", c.detokenize_opts.actor, "who reads (recorded)");
  c.detokenize->add_option("--input", c.detokenize_opts.input, "JSONL or text file, or - for stdin")
      ->capture_default_str();
  c.detokenize->add_option("--out", c.detokenize_opts.out,
                           "output file, written atomically with mode 0600 (default: stdout)");
  return c;
}

int RunLedgerCommand(LedgerCommands& c, docket::Clock& clock) {
  using namespace docket::adapters;
  const std::filesystem::path dir = c.dir.empty() ? DefaultLedgerDir() : std::filesystem::path(c.dir);
  if (*c.verify) {
    c.verify_opts.ledger_dir = dir;
    return LedgerVerifyCommand(c.verify_opts, std::cout, std::cerr);
  }
  if (*c.checkpoint) return LedgerCheckpointCommand(dir, std::cout, std::cerr);
  if (*c.key_rotate) return LedgerKeyRotateCommand(dir, /*promote=*/false, clock, std::cout, std::cerr);
  if (*c.key_promote) return LedgerKeyRotateCommand(dir, /*promote=*/true, clock, std::cout, std::cerr);
  if (*c.key) return LedgerKeyCommand(dir, std::cout, std::cerr);
  if (*c.proof) {
    c.proof_opts.ledger_dir = dir;
    return LedgerProofCommand(c.proof_opts, std::cout, std::cerr);
  }
  if (*c.consistency) {
    c.consistency_opts.ledger_dir = dir;
    return LedgerConsistencyCommand(c.consistency_opts, std::cout, std::cerr);
  }
  if (*c.export_) {
    c.export_opts.ledger_dir = dir;
    return LedgerExportCommand(c.export_opts, std::cout, std::cerr);
  }
  if (*c.erase) {
    c.erase_opts.ledger_dir = dir;
    return LedgerEraseCommand(c.erase_opts, clock, std::cout, std::cerr);
  }
  if (*c.detokenize) {
    c.detokenize_opts.ledger_dir = dir;
    c.detokenize_opts.token_key = EnvValue(kRedactionKeyEnv);
    return LedgerDetokenizeCommand(c.detokenize_opts, clock, std::cin, std::cout, std::cerr);
  }
  c.show_opts.ledger_dir = dir;
  return LedgerShowCommand(c.show_opts, std::cout, std::cerr);
}

// `docket approve | override | invalidate | decision show`: the humans in the loop.
struct DecisionCommands {
  std::string dir;
  CLI::App* approve = nullptr;
  CLI::App* override_ = nullptr;
  CLI::App* invalidate = nullptr;
  CLI::App* show = nullptr;
  docket::adapters::DecisionActionOptions action;
  docket::adapters::DecisionShowOptions show_opts;
};

DecisionCommands AddDecisionCommands(CLI::App& app) {
  DecisionCommands c;
  auto& a = c.action;
  const auto common = [&c, &a](CLI::App* cmd, bool signs) {
    cmd->add_option("decision", a.decision_id, "decision id (dec-<16 hex>)")->required();
    cmd->add_option("--actor", a.actor, "who acts (recorded)")->required();
    cmd->add_option("--reason", a.reason, "why (recorded; no personal data)");
    cmd->add_option("--digest", a.digest, "the decision digest you reviewed (stale: refused)");
    if (signs) cmd->add_option("--key", a.key_file, "your Ed25519 signed-note private key file");
    cmd->add_option("--ledger", c.dir,
                    "ledger directory (default $DOCKET_LEDGER, else .docket/ledger)");
    return cmd;
  };
  c.approve = common(app.add_subcommand("approve", "Approve a WARN or NEEDS_HUMAN decision, "
                                                   "or confirm an override as second approver"),
                     true);
  c.approve->get_option("--reason")->required();
  c.override_ = common(app.add_subcommand("override", "Set another verdict on a decision until "
                                                      "an expiry, as its policy allows"),
                       true);
  c.override_->add_option("--verdict", a.verdict, "APPROVE, WARN, NEEDS_HUMAN or BLOCK")
      ->required();
  c.override_->add_option("--ticket", a.ticket, "change ticket (required by most policies)");
  c.override_->add_option("--expires", a.expires, "how long it holds, e.g. 24h")->required();
  c.invalidate = common(app.add_subcommand("invalidate", "Exclude a decision's release "
                                                         "candidate from future baselines"),
                        false);
  c.invalidate->get_option("--reason")->required();
  CLI::App* decision = app.add_subcommand("decision", "Read a decision and its approvals");
  decision->require_subcommand(1);
  c.show = decision->add_subcommand("show", "The decision, its effective verdict and its trail");
  c.show->add_option("decision", c.show_opts.decision_id, "decision id (dec-<16 hex>)")
      ->required();
  c.show->add_flag("--json", c.show_opts.json, "print JSON");
  c.show->add_flag("--exit-code", c.show_opts.exit_code,
                   "exit with the effective verdict's code, as docket run");
  c.show->add_option("--fail-on", c.show_opts.fail_on, "with --exit-code: warn, needs_human, block")
      ->capture_default_str();
  c.show->add_option("--ledger", c.dir,
                     "ledger directory (default $DOCKET_LEDGER, else .docket/ledger)");
  return c;
}

// The exit code of the decision command that was given, or nullopt if none was.
std::optional<int> RunDecisionCommand(DecisionCommands& c, docket::Clock& clock) {
  using namespace docket::adapters;
  const std::filesystem::path dir =
      c.dir.empty() ? DefaultLedgerDir() : std::filesystem::path(c.dir);
  c.action.ledger_dir = c.show_opts.ledger_dir = dir;
  if (*c.approve) return ApproveCommand(c.action, clock, std::cout, std::cerr);
  if (*c.override_) return OverrideCommand(c.action, clock, std::cout, std::cerr);
  if (*c.invalidate) return InvalidateCommand(c.action, clock, std::cout, std::cerr);
  if (*c.show) return DecisionShowCommand(c.show_opts, clock, std::cout, std::cerr);
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Docket: auditable release decisions from customer feedback"};
  app.require_subcommand(1);
  app.set_version_flag("--version", DOCKET_BUILD_ID);

  RunCommandOptions run;
  run.ledger_dir = DefaultLedgerDir();
  run.build_id = DOCKET_BUILD_ID;
  std::string ledger;
  CLI::App* run_cmd = app.add_subcommand("run", "Run a workflow and print its verdict");
  run_cmd->add_option("workflow", run.workflow, "workflow file (YAML)")
      ->required()
      ->check(CLI::ExistingFile);
  run_cmd->add_option("--input", run.inputs,
                      "input file; NAME=FILE names the workflow input, a bare FILE goes to "
                      "the first declared input (repeatable; replaces that input's defaults)");
  run_cmd->add_option("--release", run.release, "release candidate id (the `release` param)");
  run_cmd->add_option("--param", run.params, "NAME=VALUE for a declared param (repeatable)");
  run_cmd->add_option("--out", run.out_dir, "output directory (default out/<workflow name>)");
  std::string llm_profile, llm_profiles;
  run_cmd->add_option("--llm", llm_profile,
                      "model profile for synthesis (docs/llm.md); default: the profiles file's "
                      "default, else DOCKET_LLM_*, else the template fallback");
  run_cmd->add_option("--llm-profiles", llm_profiles,
                      "model profiles file (default $DOCKET_LLM_PROFILES)");
  run_cmd->add_option("--ledger", ledger,
                      "ledger directory (default $DOCKET_LEDGER, else .docket/ledger)");
  run_cmd->add_option("--as-of", run.as_of,
                      "pin the run's logical clock, RFC 3339 (default: now, read once)");
  run_cmd->add_option("--threads", run.threads, "executor threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  run_cmd->add_flag("--json", run.json, "print a JSON summary on stdout");
  run_cmd->add_flag("--quiet,-q", run.quiet, "no progress on stderr");
  std::string run_format;
  std::string run_fail_on = "needs_human";
  run_cmd
      ->add_option("--format", run_format,
                   "print the decision on stdout as json, text, junit, sarif, github or markdown")
      ->check(CLI::IsMember({"json", "text", "junit", "sarif", "github", "markdown"}));
  run_cmd
      ->add_option("--fail-on", run_fail_on,
                   "the least effective verdict that exits non-zero: warn, needs_human, block")
      ->check(CLI::IsMember({"warn", "needs_human", "block"}))
      ->capture_default_str();

  std::string validate_file;
  bool validate_json = false;
  CLI::App* validate_cmd =
      app.add_subcommand("validate", "Check a workflow file without running it");
  validate_cmd->add_option("workflow", validate_file, "workflow file (YAML)")->required();
  validate_cmd->add_flag("--json", validate_json, "print diagnostics as JSON");

  docket::adapters::RedactCommandOptions redact;
  CLI::App* redact_cmd = app.add_subcommand(
      "redact", "Redact PII in JSONL records or text lines with a redaction policy");
  redact_cmd->add_option("--policy", redact.policy,
                         "redaction policy file (default: the bundled default policy)");
  redact_cmd->add_option("--input", redact.input, "JSONL or text file, or - for stdin")
      ->capture_default_str();
  redact_cmd->add_option("--out", redact.out, "output JSONL file (default: stdout)");

  docket::adapters::ThemesCommandOptions themes;
  CLI::App* themes_cmd = app.add_subcommand(
      "themes", "Drop near-duplicates and group JSONL or CSV feedback into themes");
  themes_cmd->add_option("--input", themes.input, "JSONL or CSV (.csv) file, or - for stdin")
      ->capture_default_str();
  themes_cmd->add_option("--out", themes.out, "output JSONL file (default: stdout)");
  themes_cmd->add_option("--config", themes.config, "themes config YAML (docs/themes.md)");
  themes_cmd->add_option("--lexicon", themes.lexicon, "lexicon YAML: synonyms to canonical terms");
  themes_cmd->add_option("--previous", themes.previous,
                         "an earlier theme table whose theme ids are continued");

  CLI::App* policy_cmd = app.add_subcommand("policy", "Check or try a gate policy file");
  policy_cmd->require_subcommand(1);
  docket::adapters::PolicyLintOptions lint;
  CLI::App* lint_cmd = policy_cmd->add_subcommand(
      "lint", "Check policy files against the evidence names a run produces");
  lint_cmd->add_option("files", lint.files, "policy files (YAML)")->required();
  lint_cmd->add_flag("--strict", lint.strict, "warnings fail the lint too");
  docket::adapters::PolicyEvalOptions eval;
  CLI::App* eval_cmd = policy_cmd->add_subcommand(
      "eval", "Evaluate a policy against an evidence file (nothing is recorded)");
  eval_cmd->add_option("policy", eval.policy, "policy file (YAML)")->required();
  eval_cmd->add_option("--evidence", eval.evidence, "evidence JSON (a run's evidence.json)")
      ->required();
  eval_cmd->add_option("--at", eval.at, "logical evaluation time, RFC 3339");
  eval_cmd->add_flag("--json", eval.json, "print the evaluation as JSON");

  CLI::App* version_cmd = app.add_subcommand("version", "Print the engine build id");

  LedgerCommands ledger_cmds = AddLedgerCommands(app);
  DecisionCommands decision_cmds = AddDecisionCommands(app);

  docket::adapters::ReplayCommandOptions replay;
  replay.build_id = DOCKET_BUILD_ID;
  std::string replay_ledger;
  CLI::App* replay_cmd = app.add_subcommand(
      "replay", "Re-execute a recorded decision from the ledger alone and compare every step");
  replay_cmd->add_option("decision", replay.decision_id,
                         "decision id (dec-<16 hex>); omit with --release / --since");
  std::string replay_policy, replay_sim;
  replay_cmd->add_option("--policy", replay_policy,
                         "what-if: re-evaluate the recorded evidence under this policy file");
  replay_cmd->add_option("--release", replay.release,
                         "what-if over every decision of this release candidate");
  replay_cmd->add_option("--since", replay.since,
                         "what-if over every decision at or after this time (RFC 3339)");
  std::string replay_workflow, replay_set;
  replay_cmd->add_option("--workflow", replay_workflow,
                         "what-if: re-execute the recorded run with this workflow file");
  replay_cmd->add_option("--set", replay_set,
                         "what-if: re-execute with one step config value changed (STEP.KEY=VALUE)");
  replay_cmd->add_flag("--compat", replay.compat,
                       "re-execute with this build and classify every difference "
                       "(step, artifact or policy change) instead of stopping at the first");
  replay_cmd->add_option("--simulation-ledger", replay_sim,
                         "where what-if diffs are recorded (default LEDGER/simulation)");
  replay_cmd->add_option("--ledger", replay_ledger,
                         "ledger directory (default $DOCKET_LEDGER, else .docket/ledger)");
  replay_cmd->add_option("--threads", replay.threads, "worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  replay_cmd->add_flag("--json", replay.json, "print the replay report as JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : docket::adapters::kExitUsage;
  }

  if (*version_cmd) {
    std::cout << DOCKET_BUILD_ID << "\n";
    return 0;
  }
  if (*redact_cmd) {
    redact.pseudonym_key = EnvValue(kRedactionKeyEnv);
    return docket::adapters::RedactCommand(redact, std::cin, std::cout, std::cerr);
  }
  if (*themes_cmd) {
    return docket::adapters::ThemesCommand(themes, std::cin, std::cout, std::cerr);
  }
  if (*lint_cmd) return docket::adapters::PolicyLintCommand(lint, std::cout, std::cerr);
  if (*eval_cmd) return docket::adapters::PolicyEvalCommand(eval, std::cout, std::cerr);
  if (*validate_cmd) {
    return docket::adapters::ValidateWorkflowCommand(validate_file, validate_json, std::cout,
                                                     std::cerr);
  }
  docket::SystemClock clock;
  if (*ledger_cmds.root) return RunLedgerCommand(ledger_cmds, clock);
  if (std::optional<int> code = RunDecisionCommand(decision_cmds, clock)) return *code;
  if (*replay_cmd) {
    replay.ledger_dir = replay_ledger.empty() ? DefaultLedgerDir()
                                              : std::filesystem::path(replay_ledger);
    replay.redaction_key = EnvValue(kRedactionKeyEnv);
    if (!replay_policy.empty()) replay.policy = replay_policy;
    if (!replay_sim.empty()) replay.simulation_dir = replay_sim;
    if (!replay_workflow.empty()) replay.workflow = replay_workflow;
    if (!replay_set.empty()) replay.set = replay_set;
    if (replay.decision_id.empty() && !replay.policy && !replay.compat) {  // bulk needs a mode
      std::cerr << "docket replay: give a decision id\n";
      return docket::adapters::kExitUsage;
    }
    return docket::adapters::ReplayCommand(replay, clock, std::cout, std::cerr);
  }
  if (!ledger.empty()) run.ledger_dir = ledger;
  run.redaction_key = EnvValue(kRedactionKeyEnv);
  if (!llm_profile.empty()) run.llm_profile = llm_profile;
  run.llm_profiles = llm_profiles.empty() ? EnvValue("DOCKET_LLM_PROFILES")
                                          : std::optional<std::string>(llm_profiles);
  // libcurl's global state, before the run starts any thread (adapters/llm).
  docket::StatusOr<docket::adapters::llm::CurlGlobal> curl =
      docket::adapters::llm::CurlGlobal::Init();
  if (!curl.ok()) {
    std::cerr << "docket: " << curl.status().message() << "\n";
    return docket::adapters::kExitInternal;
  }
  if (!run_format.empty()) run.format = docket::adapters::ParseDecisionFormat(run_format);
  run.fail_on = docket::adapters::ParseFailOn(run_fail_on).value_or(run.fail_on);
  // Read here, not by the formatter: GitHub Actions names the step summary file.
  if (std::optional<std::string> summary = EnvValue("GITHUB_STEP_SUMMARY")) {
    run.step_summary = *summary;
  }
  run.color = docket::adapters::ShouldColor(1);
  docket::adapters::RunCommandEnv env{.clock = &clock, .out = &std::cout, .err = &std::cerr,
                                      .getenv = docket::adapters::llm::ProcessEnvironment()};
  return WithSignalCancellation(
      [&](docket::adapters::RunCommandEnv& e) {
        return docket::adapters::RunWorkflowCommand(run, e);
      },
      env);
}
