// RecordedRun: everything the ledger holds about one workflow run, read back for replay:
// the workflow file, params, logical clock and engine build from RUN_STARTED; every
// input file from its INPUT_SNAPSHOT (decrypted; checked against the recorded digest);
// each step's recorded outputs from STEP_RESULT; the decision from DECISION; and the
// indices of all of them, so the caller can prove their inclusion first
// (entry_proofs.h). Nothing is taken on trust: a blob that does not hash to what its
// entry names is kDataLoss. Inputs whose data subject was erased are listed, not fatal:
// a replay reports them instead of failing obscurely (BRIEF §4).
//
// Pure reads of the store and vault; thread-compatible.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/artifact.h"
#include "engine/base/clock.h"
#include "ledger/log/ledger_store.h"
#include "ledger/vault/blob_vault.h"

namespace docket::replay {

struct RecordedOutput {
  std::string digest;       // the engine digest, "sha256:<hex>" of the artifact bytes
  std::string kind;
  std::string blob_digest;  // where the bytes are kept ("" if the entry names no blob)
};

struct RecordedStep {
  uint64_t index = 0;  // ledger index of its STEP_RESULT
  std::string step_id;
  std::string step_type;
  std::string status;  // SUCCEEDED | FAILED | CANCELLED
  std::string config_digest;
  std::string seed;
  std::map<std::string, RecordedOutput> outputs;  // by port
};

struct ErasedInput {
  std::string input;  // workflow input name
  std::string name;   // file name
  std::string digest;
  std::string reason;  // the vault's "… is erased: subject … was erased by the receipt …"
};

struct RecordedRun {
  std::string run_id;
  std::string decision_id;  // "" if the run recorded no DECISION
  std::string logical_time_text;
  Timestamp logical_time;
  std::string engine_build_id;
  std::string workflow_name;
  std::string workflow_digest;  // "sha256:<hex>" of workflow_bytes
  std::string workflow_bytes;
  std::map<std::string, std::string> params;  // as recorded, defaults applied
  std::map<std::string, std::vector<engine::Artifact>> inputs;
  std::vector<ErasedInput> erased;
  std::vector<RecordedStep> steps;  // ledger order
  std::string verdict;              // from DECISION, "" if none
  std::string decision_digest;      // engine digest of the `decision` output, "" if none
  std::vector<uint64_t> entry_indices;  // every entry of the run, ascending
  // From the RUN_FINISHED manifest: each step's input digests per port, for telling a
  // step that changed from one that only saw changed inputs (compat replay). Empty when
  // the run has no manifest.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> step_inputs;
};

// The run id a decision id names: "dec-<hex>" -> "run-<hex>".
// Errors: kInvalidArgument if `decision_id` is not "dec-" followed by 16 hex digits.
[[nodiscard]] StatusOr<std::string> RunIdOfDecision(std::string_view decision_id);

// Errors: kNotFound if the ledger holds no entry of `run_id`; kDataLoss for an entry
// that does not parse, lacks what its type requires, or a blob that does not match;
// the vault's errors other than erasure.
[[nodiscard]] StatusOr<RecordedRun> LoadRecordedRun(const ledger::LedgerStore& store,
                                                    const ledger::BlobVault& vault,
                                                    const std::string& run_id);

}  // namespace docket::replay
