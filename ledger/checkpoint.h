// Transparency-log checkpoints (c2sp.org/tlog-checkpoint): the body of a signed note
// naming a log (origin), its tree size and its RFC 6962 root hash, plus optional opaque
// extension lines. FormatCheckpointBody/ParseCheckpointBody handle the body;
// SignCheckpoint/OpenCheckpoint wrap it in a signed note (ledger/note.h). Pure
// functions over values; thread-safe.
//
// Error codes: kInvalidArgument for a malformed body or checkpoint (the message says
// which line and what), or a checkpoint from another origin than expected; kDataLoss
// for signatures that do not hold (see ledger/note.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/sha256.h"
#include "engine/base/status.h"
#include "ledger/note.h"
#include "ledger/note_key.h"

namespace docket::ledger {

struct Checkpoint {
  std::string origin;                   // non-empty, no '\n'
  uint64_t size = 0;                    // number of leaves
  Sha256Digest root;                    // RFC 6962 Merkle tree hash at `size`
  std::vector<std::string> extensions;  // each non-empty, no '\n'
  friend bool operator==(const Checkpoint&, const Checkpoint&) = default;
};

// "<origin>\n<size>\n<base64 root>\n" followed by "<extension>\n" for each extension.
// `checkpoint` should be valid (see ValidateCheckpoint); SignCheckpoint checks it.
std::string FormatCheckpointBody(const Checkpoint& checkpoint);

// Errors: kInvalidArgument if the origin is empty or any line holds '\n' or is an
// empty extension, or the body would not be valid note text (control characters,
// invalid UTF-8).
[[nodiscard]] Status ValidateCheckpoint(const Checkpoint& checkpoint);

// Parses a checkpoint body (a note's text). Strict: every line ends in '\n'; the
// origin is non-empty; the size is decimal without sign or leading zeros ("0" alone
// allowed) and fits in uint64; the root is padded base64 of exactly 32 bytes; extension
// lines are non-empty. Errors: kInvalidArgument naming the line.
[[nodiscard]] StatusOr<Checkpoint> ParseCheckpointBody(std::string_view body);

// Returns the signed note carrying `checkpoint`, signed by every signer in order.
// Errors: kInvalidArgument if the checkpoint is invalid or `signers` is empty;
// kInternal on an OpenSSL failure.
[[nodiscard]] StatusOr<std::string> SignCheckpoint(const Checkpoint& checkpoint,
                                                   const std::vector<const Signer*>& signers);

// Verifies `signed_note` against `trusted` (OpenNote rules: at least one trusted
// signature, none failing), then parses its text and checks the origin.
// Errors: kInvalidArgument if malformed or the origin is not `expected_origin`;
// kDataLoss if the signatures do not hold.
[[nodiscard]] StatusOr<Checkpoint> OpenCheckpoint(std::string_view signed_note,
                                                  const std::vector<Verifier>& trusted,
                                                  std::string_view expected_origin);

}  // namespace docket::ledger
