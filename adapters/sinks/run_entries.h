// The ledger entries a workflow run writes (docs/ledger-format.md, "Entries a run
// writes"): pure builders from engine values to a typed LedgerEntry plus the index terms
// it is filed under, and the entries' deterministic bytes. Blobs are stored by the
// caller (LedgerEventSink); builders only name them. Attributes hold only deterministic
// values (no wall clock, no elapsed time) and nothing secret or raw PII: feedback text
// lives only in blobs, input files only encrypted per data subject.
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/artifact.h"
#include "engine/plan.h"
#include "engine/proto/run.pb.h"
#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"
#include "ledger/vault/blob_vault.h"

namespace docket::adapters {

// An entry ready to append: the typed entry and the index terms to file it under.
struct RunEntry {
  ledger::LedgerEntry entry;
  std::vector<ledger::IndexTerm> terms;
};

// What every entry of a run shares.
struct RunFacts {
  std::string run_id;
  std::string decision_id;
  std::string logical_time;  // RFC 3339
};

// The decision id of run `run_id`: "dec-" followed by the run id without its "run-"
// prefix (the run's 16 random hex digits), so it is unique per run and leads back to
// its run. One decision per run.
std::string DecisionIdFor(std::string_view run_id);

// The deterministic serialization of `entry` (map keys sorted): the exact leaf bytes.
std::string EntryBytes(const ledger::LedgerEntry& entry);

// The subject id under which an input file's blob is encrypted: "input:sha256:<hex>".
std::string InputSubject(const engine::Artifact& file);

// True for a gate step: its type outputs a `gate.decision` artifact without taking one.
bool IsGateStep(const engine::PlannedStep& step);

// The index terms `entry` is filed under (docs/ledger-format.md, "Entries a run
// writes"): run=run_id and type=<type name> when set; for an entry about a decision
// (decision_id set) also decision=decision_id and release=attributes["release"] when
// that is non-empty. The one derivation of index terms: the builders below file their
// entries with it, and `docket ledger verify` checks every stored index row against it.
std::vector<ledger::IndexTerm> IndexTermsOf(const ledger::LedgerEntry& entry);

// A blob as an entry names it.
ledger::BlobDigest MakeBlob(std::string role, const ledger::BlobRef& ref, std::string media_type);

RunEntry RunStartedEntry(const RunFacts& run, const engine::Plan& plan,
                         const std::map<std::string, std::string>& params,
                         std::string_view engine_build_id, const ledger::BlobRef& workflow);

RunEntry InputSnapshotEntry(const RunFacts& run, std::string_view input,
                            const engine::Artifact& file, const ledger::BlobRef& blob);

// `blobs` holds one BlobDigest per output of `event`, in the event's order.
RunEntry StepResultEntry(const RunFacts& run, const engine::RunEvent& event,
                         const engine::PlannedStep& step, std::string_view seed_hex,
                         std::vector<ledger::BlobDigest> blobs);

// The gate step's evaluation: its config values (the thresholds) as `config.<name>`,
// plus the verdict and release read from its decision output `decision_json`.
RunEntry PolicyEvaluationEntry(const RunFacts& run, const engine::PlannedStep& step,
                               std::string_view decision_json, std::string_view decision_digest,
                               ledger::BlobDigest decision_blob);

// Errors: kInternal if `decision_json` does not name a verdict (the step's bug).
[[nodiscard]] StatusOr<RunEntry> DecisionEntry(const RunFacts& run,
                                               const engine::Artifact& decision,
                                               ledger::BlobDigest decision_blob);

RunEntry RunFinishedEntry(const RunFacts& run, std::string_view run_status,
                          std::string_view workflow_digest, ledger::BlobDigest manifest_blob);

// An outside effect a step asked for (a model call, a webhook post): `kind`, the calling
// step and the digest of the canonical request as attributes (`request_digest`, the key
// replay serves the recording by), the request and response bytes as blobs.
RunEntry EffectEntry(const RunFacts& run, std::string_view step_id, std::string_view kind,
                     std::string_view request_digest, ledger::BlobDigest request_blob,
                     ledger::BlobDigest response_blob);

// A what-if replay of decision `decision_id` (of run `run_id`, release `release`, at
// its logical time) for a simulation ledger: the one declared `substitution` ("policy",
// "workflow" or "set"), what was substituted (`substituted`: the policy's name, the
// workflow's name, or "step.key=value") and the digest of the substituted file
// (`substituted_digest`, "" for "set"), `verdict_before` / `verdict_after`,
// `verdict_changed`, and the decision diff JSON as blob `diff`. Filed under its decision
// and release.
RunEntry SimulationEntry(const RunFacts& run, std::string_view release,
                         std::string_view substitution, std::string_view substituted,
                         std::string_view substituted_digest, std::string_view verdict_before,
                         std::string_view verdict_after, ledger::BlobDigest diff_blob);

}  // namespace docket::adapters
