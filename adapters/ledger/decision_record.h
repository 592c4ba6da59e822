// DecisionRecord: one gate decision as the ledger holds it, with what deriving its
// effective verdict needs (policies/approvals.h): the DECISION entry and its published
// document (a blob), the digest approvals bind to, the override rules of the policy the
// run evaluated (read back from the run's policy input) and the human actions recorded
// on the decision, each with its actor signature checked. Also reads an actor's private
// key file for `--key`. Reads only; never appends.
// Thread-safety: functions of their arguments; the store and vault have their own rules.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"
#include "ledger/note_key.h"
#include "ledger/proto/entry.pb.h"
#include "ledger/vault/blob_vault.h"
#include "policies/approvals.h"
#include "policies/policy.h"

namespace docket::adapters {

struct RecordedAction {
  policies::HumanAction action;
  ledger::LedgerEntry entry;
  std::optional<ledger::Verifier> signed_by;  // the actor's key, when the entry is signed
};

struct DecisionRecord {
  std::string decision_id;
  std::string run_id;
  std::string release;       // the release candidate id; may be empty
  uint64_t entry_index = 0;  // of the DECISION entry
  ledger::LedgerEntry entry;
  std::string document;  // the published decision JSON, as stored
  // The recorded verdict and the digest actions bind to: the document's own
  // `decision_digest` (docket.decision.v2), else the entry's `decision_digest` (the
  // SHA-256 of the document bytes) for decisions that do not state one.
  policies::DecidedVerdict decided;
  // The policy the run evaluated: name, version, digest, file as the document names
  // it; its override rules read from the run's INPUT_SNAPSHOT of that file. A decision
  // without a `policy` (a gate without a policy file) gets OverridePolicy's defaults.
  std::string policy_name;
  std::string policy_digest;
  bool policy_read = false;  // false: the defaults apply
  policies::OverridePolicy overrides;
  std::vector<RecordedAction> actions;  // in ledger order

  std::vector<policies::HumanAction> Actions() const;
};

// Loads decision `decision_id`. Errors: kNotFound "unknown decision id ..." when no
// DECISION entry has that id; kFailedPrecondition when the policy input was erased (its
// override rules cannot be read); kInvalidArgument when the policy input does not parse;
// kDataLoss naming the entry for a corrupt entry, document or actor signature; store and
// vault errors.
[[nodiscard]] StatusOr<DecisionRecord> LoadDecisionRecord(const ledger::LedgerStore& store,
                                                          const ledger::BlobVault& vault,
                                                          std::string_view decision_id);

// Reads an actor's Ed25519 private key file: one line in the signed-note signer format
// `PRIVATE+KEY+<name>+<8 hex>+<base64>` (as keys/signer.key; Go's note.GenerateKey
// writes it), a trailing newline allowed, at most 64 KiB. Errors: kNotFound,
// kInvalidArgument naming the file (never quoting it: it is a secret), kUnavailable.
[[nodiscard]] StatusOr<ledger::Signer> ReadActorKeyFile(const std::filesystem::path& path);

}  // namespace docket::adapters
