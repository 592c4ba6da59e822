// Tests for ledger/proto/entry.proto: a typed entry goes through the payload-agnostic
// writer as bytes and comes back byte-identical and parseable.
#include <gtest/gtest.h>

#include <string>

#include "ledger/log/ledger_store.h"
#include "ledger/merkle.h"
#include "ledger/proto/entry.pb.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

using ::docket::ledger::testing::TempLedger;

TEST(LedgerEntryProtoTest, TypedEntryRoundTripsThroughTheLedgerAsBytes) {
  LedgerEntry entry;
  entry.set_type(LedgerEntry::POLICY_EVALUATION);
  entry.set_run_id("run-1");
  entry.set_decision_id("decision-7");
  entry.set_step_id("gate");
  entry.set_logical_time("2026-01-02T03:04:05Z");
  BlobDigest* blob = entry.add_blobs();
  blob->set_role("input");
  blob->set_digest("sha256:" + std::string(64, 'a'));
  blob->set_size(12);
  (*entry.mutable_attributes())["threshold"] = "0.8";
  std::string bytes;
  ASSERT_TRUE(entry.SerializeToString(&bytes));

  TempLedger ledger;
  ledger.Open();
  const uint64_t index = ledger.AppendAndWait(bytes);
  StatusOr<std::string> stored = ledger.store().EntryAt(index);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(*stored, bytes);
  EXPECT_EQ(*ledger.store().LeafHashAt(index), LeafHash(bytes));
  LedgerEntry parsed;
  ASSERT_TRUE(parsed.ParseFromString(*stored));
  EXPECT_EQ(parsed.type(), LedgerEntry::POLICY_EVALUATION);
  EXPECT_EQ(parsed.decision_id(), "decision-7");
  EXPECT_EQ(parsed.blobs(0).digest(), blob->digest());
  EXPECT_EQ(parsed.attributes().at("threshold"), "0.8");
}

}  // namespace
}  // namespace docket::ledger
