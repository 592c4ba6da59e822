// Fuzz target: bytes -> BundleReader and VerifyBundle (ledger/bundle/), trusting the
// fixed test key TestSigner() of tests/ledger/log_test_env.h ('k' * 32, "docket-test"),
// which signed the seed corpus (written by verify_bundle_test's WritesTheFuzzSeedCorpus).
// Aborts when an invariant breaks: errors are kInvalidArgument (not a bundle, unsupported
// version) or kDataLoss with a message; the reader accepts everything the verifier does;
// a verified report is consistent with its header (entries within the tree size, the
// latest checkpoint of exactly that size, proofs one per selected entry).
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/bundle/bundle_reader.h"
#include "ledger/bundle/verify_bundle.h"
#include "ledger/note_key.h"
#include "tests/fuzz/fuzz_check.h"

namespace docket::ledger {
namespace {

const std::vector<Verifier>& Trusted() {
  static const std::vector<Verifier>* const trusted = [] {
    StatusOr<Signer> signer = Signer::FromSeed("docket-test", std::string(32, 'k'));
    FUZZ_CHECK(signer.ok());
    return new std::vector<Verifier>{signer->verifier()};
  }();
  return *trusted;
}

bool IsExpectedError(const Status& status) {
  return (status.code() == StatusCode::kInvalidArgument ||
          status.code() == StatusCode::kDataLoss) &&
         !status.message().empty();
}

// Reads every record; returns the reader's verdict.
Status ReadAll(const std::string& bytes) {
  std::istringstream in(bytes);
  BundleReader reader(in);
  while (true) {
    StatusOr<std::optional<bundle::Record>> record = reader.Next();
    if (!record.ok()) return record.status();
    if (!record->has_value()) return Status::Ok();
    FUZZ_CHECK(reader.record_number() >= 1);
  }
}

int Run(std::string_view input) {
  const std::string bytes(input);
  const Status read = ReadAll(bytes);
  if (!read.ok()) FUZZ_CHECK(IsExpectedError(read));

  std::istringstream in(bytes);
  const StatusOr<BundleReport> report = VerifyBundle(in, Trusted());
  if (!report.ok()) {
    FUZZ_CHECK(IsExpectedError(report.status()));
    return 0;
  }
  FUZZ_CHECK(read.ok());
  FUZZ_CHECK(report->entries <= report->tree_size);
  FUZZ_CHECK(report->opaque_entries <= report->entries);
  FUZZ_CHECK(report->latest.has_value() == (report->checkpoints > 0));
  if (report->tree_size > 0) FUZZ_CHECK(report->latest.has_value());
  if (report->latest.has_value()) FUZZ_CHECK(report->latest->size == report->tree_size);
  if (report->scope == bundle::Scope::kWholeLog) {
    FUZZ_CHECK(report->entries == report->tree_size && report->inclusion_proofs == 0);
  } else {
    FUZZ_CHECK(report->inclusion_proofs == report->entries);
  }
  return 0;
}

}  // namespace
}  // namespace docket::ledger

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return docket::ledger::Run(std::string_view(reinterpret_cast<const char*>(data), size));
}
