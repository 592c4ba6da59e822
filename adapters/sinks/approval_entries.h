// The ledger entries of the humans in the loop (docs/ledger-format.md, "Approvals,
// overrides and invalidations"): `APPROVAL`, `OVERRIDE` and `INVALIDATION` entries built
// from a policies::HumanAction, read back into one, and the actor's own Ed25519
// signature over an entry's canonical bytes. An entry carries the decision id, the
// decision digest it binds to, the actor and what they asked for; never the decision
// itself, which stays as recorded. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "ledger/note_key.h"
#include "ledger/proto/entry.pb.h"
#include "policies/approvals.h"

namespace docket::adapters {

// Attributes that hold the actor's signature (see SignActionEntry).
inline constexpr char kActorKeyAttribute[] = "actor_key";
inline constexpr char kActorSignatureAttribute[] = "actor_signature";

// The decision an action is recorded on.
struct ActionTarget {
  std::string decision_id;
  std::string release;          // the decision's release candidate id; may be empty
  uint64_t decision_entry = 0;  // ledger index of the DECISION entry
};

// The unsigned entry for `action` (its `sequence` is ignored: the ledger assigns it).
// `expires_in` is the override's duration as given (e.g. "48h"), recorded beside the
// absolute expires_at. Index terms: IndexTermsOf (type, decision, release).
ledger::LedgerEntry ActionEntry(const ActionTarget& target, const policies::HumanAction& action,
                                std::string_view expires_in = "");

// Adds the actor's verifier key line (`actor_key`), then the base64 Ed25519 signature
// (`actor_signature`) of EntryBytes of the entry so far: the canonical bytes, which are
// the stored bytes without the signature's own map entry. Errors: kFailedPrecondition if
// the entry is already signed; kInternal on an OpenSSL failure.
[[nodiscard]] Status SignActionEntry(const ledger::Signer& actor, ledger::LedgerEntry& entry);

// The bytes an actor signed: `stored` (an entry's exact stored bytes) with the one
// top-level attributes record whose key is `actor_signature` cut out. No
// re-serialization: the other bytes are copied as stored. Errors: kDataLoss if the
// bytes are not a well-formed protobuf message at the top level or hold no signature.
[[nodiscard]] StatusOr<std::string> ActorSignedBytes(std::string_view stored);

// The key that signed the entry, after checking its signature over ActorSignedBytes
// of `stored`; nullopt for an entry without `actor_signature`. Errors: kDataLoss when
// the key line does not parse, the signature is not base64 of 64 bytes or does not
// verify.
[[nodiscard]] StatusOr<std::optional<ledger::Verifier>> VerifyActorSignature(
    std::string_view stored, const ledger::LedgerEntry& entry);

// Reads a stored APPROVAL, OVERRIDE or INVALIDATION entry at ledger `index` back into
// the action it records (sequence = index). Errors: kDataLoss naming the entry and the
// attribute that is missing or does not parse.
[[nodiscard]] StatusOr<policies::HumanAction> ActionFromEntry(uint64_t index,
                                                              const ledger::LedgerEntry& entry);

// True for the three entry types above.
bool IsActionEntry(const ledger::LedgerEntry& entry);

}  // namespace docket::adapters
