#include "ledger/checkpoint.h"

#include <algorithm>
#include <utility>

#include "engine/base/encoding.h"
#include "ledger/internal/note_text.h"

namespace docket::ledger {
namespace {

Status LineError(size_t line, std::string_view what) {
  return InvalidArgumentError("checkpoint line " + std::to_string(line) + ": " + std::string(what));
}

// Decimal uint64 without sign or leading zeros.
bool ParseTreeSize(std::string_view text, uint64_t& out) {
  if (text.empty() || text.size() > 20 || (text.size() > 1 && text[0] == '0')) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (out > (UINT64_MAX - digit) / 10) return false;
    out = out * 10 + digit;
  }
  return true;
}

}  // namespace

std::string FormatCheckpointBody(const Checkpoint& checkpoint) {
  std::string out = checkpoint.origin + "\n" + std::to_string(checkpoint.size) + "\n" +
                    Base64Encode(checkpoint.root.AsBytes()) + "\n";
  for (const std::string& extension : checkpoint.extensions) out += extension + "\n";
  return out;
}

Status ValidateCheckpoint(const Checkpoint& checkpoint) {
  if (checkpoint.origin.empty()) return InvalidArgumentError("checkpoint origin is empty");
  if (checkpoint.origin.find('\n') != std::string::npos) {
    return InvalidArgumentError("checkpoint origin contains a newline");
  }
  for (size_t i = 0; i < checkpoint.extensions.size(); ++i) {
    const std::string& extension = checkpoint.extensions[i];
    if (extension.empty() || extension.find('\n') != std::string::npos) {
      return InvalidArgumentError("checkpoint extension " + std::to_string(i) +
                                  " is empty or contains a newline");
    }
  }
  if (!internal::IsValidNoteBytes(FormatCheckpointBody(checkpoint))) {
    return InvalidArgumentError(
        "checkpoint has invalid UTF-8 or a control character other than newline");
  }
  return Status::Ok();
}

StatusOr<Checkpoint> ParseCheckpointBody(std::string_view body) {
  if (body.empty() || body.back() != '\n') {
    return InvalidArgumentError("checkpoint body does not end with a newline");
  }
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < body.size();) {
    const size_t eol = body.find('\n', start);
    lines.push_back(body.substr(start, eol - start));
    start = eol + 1;
  }
  if (lines.size() < 3) {
    return InvalidArgumentError("checkpoint body has " + std::to_string(lines.size()) +
                                " lines, want origin, tree size and root hash");
  }
  Checkpoint checkpoint;
  if (lines[0].empty()) return LineError(1, "origin is empty");
  checkpoint.origin = std::string(lines[0]);
  if (!ParseTreeSize(lines[1], checkpoint.size)) {
    return LineError(2, "tree size must be decimal without sign or leading zeros, < 2^64");
  }
  std::string root;
  if (!Base64Decode(lines[2], root)) return LineError(3, "root hash is not padded base64");
  if (root.size() != checkpoint.root.bytes.size()) {
    return LineError(3, "root hash is " + std::to_string(root.size()) + " bytes, want 32");
  }
  std::copy(root.begin(), root.end(), checkpoint.root.bytes.begin());
  for (size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) return LineError(i + 1, "extension line is empty");
    checkpoint.extensions.emplace_back(lines[i]);
  }
  return checkpoint;
}

StatusOr<std::string> SignCheckpoint(const Checkpoint& checkpoint,
                                     const std::vector<const Signer*>& signers) {
  DOCKET_RETURN_IF_ERROR(ValidateCheckpoint(checkpoint));
  return SignNote(FormatCheckpointBody(checkpoint), signers);
}

StatusOr<Checkpoint> OpenCheckpoint(std::string_view signed_note,
                                    const std::vector<Verifier>& trusted,
                                    std::string_view expected_origin) {
  // The text means nothing until a trusted signature over it has verified.
  DOCKET_ASSIGN_OR_RETURN(OpenedNote note, OpenNote(signed_note, trusted));
  DOCKET_ASSIGN_OR_RETURN(Checkpoint checkpoint, ParseCheckpointBody(note.text));
  if (checkpoint.origin != expected_origin) {
    return InvalidArgumentError("checkpoint origin \"" + checkpoint.origin +
                                "\" is not the expected \"" + std::string(expected_origin) + "\"");
  }
  return checkpoint;
}

}  // namespace docket::ledger
