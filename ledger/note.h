// C2SP signed notes (c2sp.org/signed-note): text ending in '\n', a blank line, then
// one or more lines `— <key name> <base64(4-byte big-endian key hash || signature)>`.
// ParseNote/FormatNote handle the syntax; SignNote and OpenNote sign and verify with
// Ed25519 keys (ledger/note_key.h). Pure functions over values; thread-safe.
//
// Error codes, chosen by what the caller should do (STYLE.md "Errors"):
//   kInvalidArgument  the bytes are not a well-formed note (the message says what and
//                     on which 1-based line), or an argument is invalid;
//   kDataLoss         the note is well-formed but its signatures do not hold: a
//                     signature by a trusted key (same name and key hash) fails to
//                     verify, or no trusted key signed it. Treat as tampering or
//                     corruption, never retry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "ledger/note_key.h"

namespace docket::ledger {

// Limits on outside bytes (the spec asks verifiers to accept at least 16 signatures).
inline constexpr size_t kMaxNoteSize = 1 << 20;  // whole signed note, bytes
inline constexpr size_t kMaxNoteSignatures = 100;

struct NoteSignature {
  std::string name;
  uint32_t key_hash = 0;
  std::string signature;  // the signature bytes after the 4-byte key hash
  friend bool operator==(const NoteSignature&, const NoteSignature&) = default;
};

struct Note {
  std::string text;  // includes its final '\n', not the blank separator line
  std::vector<NoteSignature> signatures;
};

// Parses the syntax of a signed note without verifying anything. Strict: size and
// signature-count limits, valid UTF-8 without control characters other than '\n',
// the text separated from the signatures by the last blank line, every signature line
// well-formed with strict padded base64 of at least 5 bytes.
// Errors: kInvalidArgument.
[[nodiscard]] StatusOr<Note> ParseNote(std::string_view signed_note);

// The signed-note bytes of `note`; ParseNote(FormatNote(n)) == n for a parsed note.
std::string FormatNote(const Note& note);

// Signs `text` with every signer, in order, and returns the signed note.
// Errors: kInvalidArgument if `text` would not parse back (empty, no final '\n',
// control characters, over the size limit; see ParseNote), or `signers` is empty or
// holds null; kInternal on an OpenSSL failure.
[[nodiscard]] StatusOr<std::string> SignNote(std::string_view text,
                                             const std::vector<const Signer*>& signers);

struct OpenedNote {
  std::string text;
  std::vector<NoteSignature> verified;    // by a key in `trusted`
  std::vector<NoteSignature> unverified;  // by keys not in `trusted`, ignored
};

// Parses `signed_note` and verifies it against `trusted`. Accepted if at least one
// signature by a trusted key verifies; signatures by unknown keys (name or key hash
// differ) are ignored. Rotation: trust old and new keys while both sign.
// Errors: kInvalidArgument if malformed; kDataLoss if a trusted key's signature fails
// or no trusted key signed the note.
[[nodiscard]] StatusOr<OpenedNote> OpenNote(std::string_view signed_note,
                                            const std::vector<Verifier>& trusted);

}  // namespace docket::ledger
