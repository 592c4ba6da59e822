// Test support for ledger/bundle/: a real ledger with a blob vault in a temp dir, filled
// with typed entries the way a run writes them, and helpers that take a bundle apart
// into records and put it back together so tests can tamper with any part of it.
// Not thread-safe; one per test.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ledger/bundle/bundle_records.h"
#include "ledger/bundle/bundle_writer.h"
#include "ledger/bundle/verify_bundle.h"
#include "ledger/vault/blob_vault.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger::testing {

// What AppendRun wrote.
struct TestRun {
  std::string run_id;
  std::string decision_id;
  std::string subject;               // the input's data subject
  std::vector<uint64_t> entries;     // RUN_STARTED, INPUT_SNAPSHOT, DECISION
  std::vector<std::string> digests;  // workflow (plain), input (encrypted), decision (plain)
};

class BundleTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Appends a run of three entries naming three blobs, indexed under run, decision and
  // type, each entry in its own batch (so each has its own checkpoint).
  TestRun AppendRun(const std::string& name);
  // Appends an ERASURE_RECEIPT for `subject` and erases it in the vault.
  uint64_t Erase(const std::string& subject);

  std::vector<Verifier> Keys() const { return {ledger_.signer().verifier()}; }
  // Exports `selection`; EXPECTs success.
  std::string Export(const BundleSelection& selection = {});
  StatusOr<BundleReport> Verify(const std::string& bundle_bytes) const;
  StatusOr<BundleReport> Verify(const std::string& bundle_bytes,
                                const std::vector<Verifier>& trusted) const;

  TempLedger ledger_;
  std::unique_ptr<BlobVault> vault_;
};

// Splits a bundle into its records; ADD_FAILUREs on malformed input.
std::vector<bundle::Record> Records(const std::string& bundle_bytes);
// Magic followed by every record framed, as given (the End record included).
std::string Build(const std::vector<bundle::Record>& records);

}  // namespace docket::ledger::testing
