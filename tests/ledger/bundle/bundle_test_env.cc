// Test support for ledger/bundle/; see bundle_test_env.h.
#include "tests/ledger/bundle/bundle_test_env.h"

#include <sstream>
#include <utility>

#include "ledger/log/ledger_index.h"
#include "ledger/proto/entry.pb.h"

namespace docket::ledger::testing {
namespace {

uint64_t AppendEntry(TempLedger& ledger, const LedgerEntry& entry, std::vector<IndexTerm> terms) {
  std::string bytes;
  EXPECT_TRUE(entry.SerializeToString(&bytes));
  terms.push_back(IndexTerm{IndexKind::kType, LedgerEntry::Type_Name(entry.type())});
  StatusOr<uint64_t> index = ledger.writer().Append(bytes, std::move(terms)).get();
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  return index.ok() ? *index : UINT64_MAX;
}

void AddBlob(LedgerEntry& entry, const std::string& role, const BlobRef& ref) {
  BlobDigest* blob = entry.add_blobs();
  blob->set_role(role);
  blob->set_digest(ref.digest);
  blob->set_size(ref.size);
  blob->set_data_subject(ref.data_subject);
}

}  // namespace

void BundleTest::SetUp() {
  ledger_.Open(LedgerWriterOptions{.checkpoint_interval = std::chrono::milliseconds(0)});
  StatusOr<std::unique_ptr<BlobVault>> vault =
      BlobVault::Open(&ledger_.store(), std::string(32, 'm'));
  ASSERT_TRUE(vault.ok()) << vault.status().ToString();
  vault_ = std::move(*vault);
}

void BundleTest::TearDown() { vault_.reset(); }

TestRun BundleTest::AppendRun(const std::string& name) {
  TestRun run{.run_id = "run-" + name, .decision_id = "dec-" + name, .subject = "input:" + name};
  const std::vector<IndexTerm> by_run = {{IndexKind::kRun, run.run_id}};
  StatusOr<BlobRef> workflow = vault_->Put("workflow of " + name);
  StatusOr<BlobRef> input = vault_->PutForSubject(run.subject, "secret input of " + name);
  StatusOr<BlobRef> decision = vault_->Put("decision of " + name);
  EXPECT_TRUE(workflow.ok() && input.ok() && decision.ok());
  run.digests = {workflow->digest, input->digest, decision->digest};

  LedgerEntry started;
  started.set_type(LedgerEntry::RUN_STARTED);
  started.set_run_id(run.run_id);
  AddBlob(started, "workflow", *workflow);
  run.entries.push_back(AppendEntry(ledger_, started, by_run));

  LedgerEntry snapshot;
  snapshot.set_type(LedgerEntry::INPUT_SNAPSHOT);
  snapshot.set_run_id(run.run_id);
  AddBlob(snapshot, "input", *input);
  run.entries.push_back(AppendEntry(ledger_, snapshot, by_run));

  LedgerEntry decided;
  decided.set_type(LedgerEntry::DECISION);
  decided.set_run_id(run.run_id);
  decided.set_decision_id(run.decision_id);
  AddBlob(decided, "decision", *decision);
  std::vector<IndexTerm> terms = by_run;
  terms.push_back({IndexKind::kDecision, run.decision_id});
  run.entries.push_back(AppendEntry(ledger_, decided, terms));
  return run;
}

uint64_t BundleTest::Erase(const std::string& subject) {
  LedgerEntry receipt;
  receipt.set_type(LedgerEntry::ERASURE_RECEIPT);
  (*receipt.mutable_attributes())["subject"] = subject;
  const uint64_t index = AppendEntry(ledger_, receipt, {});
  EXPECT_TRUE(vault_->EraseSubject(subject, index).ok());
  return index;
}

std::string BundleTest::Export(const BundleSelection& selection) {
  std::ostringstream out;
  StatusOr<BundleExportSummary> summary =
      ExportBundle(ledger_.store(), selection, Keys(), kTestOrigin, out);
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  return out.str();
}

StatusOr<BundleReport> BundleTest::Verify(const std::string& bundle_bytes) const {
  return Verify(bundle_bytes, Keys());
}

StatusOr<BundleReport> BundleTest::Verify(const std::string& bundle_bytes,
                                          const std::vector<Verifier>& trusted) const {
  std::istringstream in(bundle_bytes);
  return VerifyBundle(in, trusted, kTestOrigin);
}

std::vector<bundle::Record> Records(const std::string& bundle_bytes) {
  std::vector<bundle::Record> records;
  if (!bundle_bytes.starts_with(kBundleMagic)) {
    ADD_FAILURE() << "no bundle magic";
    return records;
  }
  size_t at = kBundleMagic.size();
  while (at < bundle_bytes.size()) {
    uint64_t length = 0;
    for (int shift = 0;; shift += 7) {
      const auto byte = static_cast<uint8_t>(bundle_bytes.at(at++));
      length |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) break;
    }
    StatusOr<bundle::Record> record = bundle::DecodeRecord(bundle_bytes.substr(at, length));
    if (!record.ok()) {
      ADD_FAILURE() << record.status().ToString();
      return records;
    }
    records.push_back(std::move(*record));
    at += length;
  }
  return records;
}

std::string Build(const std::vector<bundle::Record>& records) {
  std::string out(kBundleMagic);
  for (const bundle::Record& record : records) {
    StatusOr<std::string> framed = bundle::EncodeRecord(record);
    EXPECT_TRUE(framed.ok());
    if (framed.ok()) out += *framed;
  }
  return out;
}

}  // namespace docket::ledger::testing
