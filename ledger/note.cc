#include "ledger/note.h"

#include <set>
#include <utility>

#include "engine/base/encoding.h"
#include "ledger/internal/note_text.h"

namespace docket::ledger {
namespace {

constexpr std::string_view kSigPrefix = "\xE2\x80\x94 ";  // U+2014 EM DASH, space

std::string LineError(size_t line, std::string_view what) {
  return "signed note line " + std::to_string(line) + ": " + std::string(what);
}

size_t CountLines(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

std::string EncodeSignature(const NoteSignature& sig) {
  std::string raw(4, '\0');
  for (int i = 0; i < 4; ++i) raw[i] = static_cast<char>(sig.key_hash >> (24 - 8 * i));
  return Base64Encode(raw + sig.signature);
}

StatusOr<NoteSignature> ParseSignatureLine(std::string_view line, size_t line_number) {
  if (line.substr(0, kSigPrefix.size()) != kSigPrefix) {
    return InvalidArgumentError(LineError(line_number, "signature line must start with \"— \""));
  }
  line.remove_prefix(kSigPrefix.size());
  const size_t space = line.find(' ');
  if (space == std::string_view::npos) {
    return InvalidArgumentError(LineError(line_number, "want \"— <key name> <signature>\""));
  }
  NoteSignature sig;
  sig.name = std::string(line.substr(0, space));
  if (!internal::IsValidKeyName(sig.name)) {
    return InvalidArgumentError(LineError(line_number, "invalid key name"));
  }
  std::string raw;
  if (!Base64Decode(line.substr(space + 1), raw)) {
    return InvalidArgumentError(LineError(line_number, "signature is not valid padded base64"));
  }
  if (raw.size() < 5) {
    return InvalidArgumentError(
        LineError(line_number, "signature shorter than a 4-byte key hash plus 1 byte"));
  }
  for (int i = 0; i < 4; ++i) sig.key_hash = (sig.key_hash << 8) | static_cast<uint8_t>(raw[i]);
  sig.signature = raw.substr(4);
  return sig;
}

const Verifier* FindVerifier(const std::vector<Verifier>& trusted, const NoteSignature& sig) {
  for (const Verifier& v : trusted) {
    if (v.name() == sig.name && v.key_hash() == sig.key_hash) return &v;
  }
  return nullptr;
}

}  // namespace

StatusOr<Note> ParseNote(std::string_view signed_note) {
  if (signed_note.size() > kMaxNoteSize) {
    return InvalidArgumentError("signed note is " + std::to_string(signed_note.size()) +
                                " bytes, over the limit of " + std::to_string(kMaxNoteSize));
  }
  if (!internal::IsValidNoteBytes(signed_note)) {
    return InvalidArgumentError(
        "signed note is not valid UTF-8 or has a control character other than newline");
  }
  if (signed_note.empty() || signed_note.back() != '\n') {
    return InvalidArgumentError("signed note does not end with a newline");
  }
  // The text is separated from the signatures by the last blank line.
  const size_t split = signed_note.rfind("\n\n");
  if (split == std::string_view::npos) {
    return InvalidArgumentError("signed note has no blank line before its signatures");
  }
  Note note;
  note.text = std::string(signed_note.substr(0, split + 1));
  std::string_view sigs = signed_note.substr(split + 2);
  if (sigs.empty()) return InvalidArgumentError("signed note has no signature lines");
  size_t line_number = CountLines(note.text) + 2;
  while (!sigs.empty()) {
    if (note.signatures.size() == kMaxNoteSignatures) {
      return InvalidArgumentError("signed note has more than " +
                                  std::to_string(kMaxNoteSignatures) + " signatures");
    }
    const size_t eol = sigs.find('\n');  // exists: the note ends with '\n'
    DOCKET_ASSIGN_OR_RETURN(NoteSignature sig,
                            ParseSignatureLine(sigs.substr(0, eol), line_number));
    note.signatures.push_back(std::move(sig));
    sigs.remove_prefix(eol + 1);
    ++line_number;
  }
  return note;
}

std::string FormatNote(const Note& note) {
  std::string out = note.text;
  out += '\n';
  for (const NoteSignature& sig : note.signatures) {
    out += kSigPrefix;
    out += sig.name;
    out += ' ';
    out += EncodeSignature(sig);
    out += '\n';
  }
  return out;
}

StatusOr<std::string> SignNote(std::string_view text, const std::vector<const Signer*>& signers) {
  if (signers.empty()) return InvalidArgumentError("SignNote: no signers");
  Note note;
  note.text = std::string(text);
  for (const Signer* signer : signers) {
    if (signer == nullptr) return InvalidArgumentError("SignNote: null signer");
    DOCKET_ASSIGN_OR_RETURN(std::string signature, signer->Sign(text));
    note.signatures.push_back({signer->name(), signer->key_hash(), std::move(signature)});
  }
  std::string out = FormatNote(note);
  // Never emit what we would refuse to read: the text must parse back unchanged.
  StatusOr<Note> parsed = ParseNote(out);
  if (!parsed.ok()) return parsed.status().WithContext("SignNote: text cannot be signed");
  if (parsed->text != text) {
    return InvalidArgumentError("SignNote: text does not parse back unchanged");
  }
  return out;
}

StatusOr<OpenedNote> OpenNote(std::string_view signed_note, const std::vector<Verifier>& trusted) {
  DOCKET_ASSIGN_OR_RETURN(Note note, ParseNote(signed_note));
  OpenedNote opened;
  std::set<std::pair<std::string, uint32_t>> seen;
  for (NoteSignature& sig : note.signatures) {
    const Verifier* verifier = FindVerifier(trusted, sig);
    if (verifier == nullptr) {
      opened.unverified.push_back(std::move(sig));
      continue;
    }
    // Verify the stored text bytes exactly as received; never re-serialize.
    const Status status = verifier->Verify(note.text, sig.signature);
    if (!status.ok()) {
      return Status(status.code(), "signed note: signature by trusted key " + sig.name +
                                       " does not verify: " + status.message());
    }
    if (seen.insert({sig.name, sig.key_hash}).second) opened.verified.push_back(std::move(sig));
  }
  if (opened.verified.empty()) {
    return DataLossError("signed note: no signature by a trusted key (" +
                         std::to_string(opened.unverified.size()) +
                         " signatures by unknown keys ignored)");
  }
  opened.text = std::move(note.text);
  return opened;
}

}  // namespace docket::ledger
