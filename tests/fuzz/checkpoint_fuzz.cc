// Fuzz target: bytes -> ParseNote, ParseCheckpointBody, Verifier::Parse, OpenNote and
// OpenCheckpoint with a fixed trusted key (the published PeterNeumann key of
// golang.org/x/mod/sumdb/note). Aborts when an invariant breaks: anything that parses
// formats back to the same bytes, errors are kInvalidArgument (malformed) or kDataLoss
// (signatures), and an opened note has a verified signature and the expected origin.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/note.h"
#include "ledger/note_key.h"
#include "tests/fuzz/fuzz_check.h"

namespace docket::ledger {
namespace {

constexpr char kTrustedKey[] = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr char kOrigin[] = "example.com/log";

const std::vector<Verifier>& Trusted() {
  static const std::vector<Verifier>* const trusted = [] {
    StatusOr<Verifier> v = Verifier::Parse(kTrustedKey);
    FUZZ_CHECK(v.ok());
    return new std::vector<Verifier>{*v};
  }();
  return *trusted;
}

bool IsMalformedOrBadSignature(const Status& status) {
  return status.code() == StatusCode::kInvalidArgument || status.code() == StatusCode::kDataLoss;
}

void CheckBody(std::string_view body) {
  const StatusOr<Checkpoint> c = ParseCheckpointBody(body);
  if (!c.ok()) {
    FUZZ_CHECK(c.status().code() == StatusCode::kInvalidArgument);
    return;
  }
  FUZZ_CHECK(FormatCheckpointBody(*c) == body);
}

int Run(std::string_view input) {
  const StatusOr<Note> note = ParseNote(input);
  if (note.ok()) {
    FUZZ_CHECK(!note->signatures.empty() && note->signatures.size() <= kMaxNoteSignatures);
    FUZZ_CHECK(FormatNote(*note) == input);
    CheckBody(note->text);
  } else {
    FUZZ_CHECK(note.status().code() == StatusCode::kInvalidArgument);
  }
  CheckBody(input);

  const StatusOr<Verifier> verifier = Verifier::Parse(input);
  if (verifier.ok()) FUZZ_CHECK(verifier->Format() == input);

  const StatusOr<OpenedNote> opened = OpenNote(input, Trusted());
  if (opened.ok()) {
    FUZZ_CHECK(note.ok() && !opened->verified.empty() && opened->text == note->text);
  } else {
    FUZZ_CHECK(IsMalformedOrBadSignature(opened.status()));
  }
  const StatusOr<Checkpoint> checkpoint = OpenCheckpoint(input, Trusted(), kOrigin);
  if (checkpoint.ok()) {
    FUZZ_CHECK(opened.ok() && checkpoint->origin == kOrigin);
  } else {
    FUZZ_CHECK(IsMalformedOrBadSignature(checkpoint.status()));
  }
  return 0;
}

}  // namespace
}  // namespace docket::ledger

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return docket::ledger::Run(std::string_view(reinterpret_cast<const char*>(data), size));
}
