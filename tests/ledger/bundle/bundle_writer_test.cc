// Tests for ledger/bundle/bundle_writer.h: whole-log and selection bundles exported from
// a real ledger and vault verify with nothing but the public key; erased subjects' blobs
// are left out and reported; export refuses what it cannot prove.
#include "ledger/bundle/bundle_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <variant>

#include "engine/base/encoding.h"
#include "ledger/log/ledger_index.h"
#include "tests/ledger/bundle/bundle_test_env.h"

namespace docket::ledger {
namespace {

using testing::BundleTest;
using testing::Records;
using testing::TestRun;

template <typename T>
size_t Count(const std::vector<bundle::Record>& records) {
  size_t n = 0;
  for (const bundle::Record& r : records) n += std::holds_alternative<T>(r) ? 1 : 0;
  return n;
}

TEST_F(BundleTest, WholeLogBundleRoundTrips) {
  AppendRun("a");
  AppendRun("b");
  const std::string bytes = Export();
  ASSERT_TRUE(bytes.starts_with(kBundleMagic));

  const StatusOr<BundleReport> report = Verify(bytes);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->scope, bundle::Scope::kWholeLog);
  EXPECT_EQ(report->origin, testing::kTestOrigin);
  EXPECT_EQ(report->tree_size, 6u);
  EXPECT_EQ(report->entries, 6u);
  EXPECT_EQ(report->opaque_entries, 0u);
  EXPECT_EQ(report->blobs, 6u);
  EXPECT_EQ(report->erased_blobs, 0u);
  EXPECT_EQ(report->checkpoints, 6u);  // one batch per entry
  ASSERT_TRUE(report->latest.has_value());
  EXPECT_EQ(report->latest->size, 6u);
  EXPECT_EQ(report->latest->root, *RootHash(ledger_.store(), 6));
  EXPECT_TRUE(report->erased.empty());
  EXPECT_EQ(report->verifier_keys, std::vector<std::string>{ledger_.signer().verifier().Format()});
}

TEST_F(BundleTest, WholeLogBundleHoldsTheStoredBytesExactly) {
  const TestRun run = AppendRun("a");
  const std::vector<bundle::Record> records = Records(Export());
  size_t entries = 0;
  for (const bundle::Record& r : records) {
    if (const auto* e = std::get_if<bundle::Entry>(&r)) {
      EXPECT_EQ(e->bytes, *ledger_.store().EntryAt(e->index));
      ++entries;
    }
    if (const auto* b = std::get_if<bundle::Blob>(&r)) {
      std::string raw;
      ASSERT_TRUE(HexDecode(b->digest.substr(7), raw));
      EXPECT_EQ(b->stored, **ledger_.store().GetSide(SideFamily::kBlobs, raw));
    }
  }
  EXPECT_EQ(entries, 3u);
  EXPECT_TRUE(std::holds_alternative<bundle::Header>(records.front()));
  EXPECT_TRUE(std::holds_alternative<bundle::End>(records.back()));
}

TEST_F(BundleTest, SelectionBundleHoldsTheRunWithProofsAndItsBlobsOnly) {
  AppendRun("a");
  const TestRun b = AppendRun("b");
  AppendRun("c");
  const std::string bytes = Export({.terms = {{IndexKind::kRun, b.run_id}}});
  const StatusOr<BundleReport> report = Verify(bytes);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->scope, bundle::Scope::kSelection);
  EXPECT_EQ(report->selection, std::vector<std::string>{"run=" + b.run_id});
  EXPECT_EQ(report->tree_size, 9u);
  EXPECT_EQ(report->entries, 3u);
  EXPECT_EQ(report->inclusion_proofs, 3u);
  EXPECT_EQ(report->blobs, 3u);
  EXPECT_EQ(report->checkpoints, 1u);
  EXPECT_EQ(report->latest->size, 9u);

  const std::vector<bundle::Record> records = Records(bytes);
  std::vector<uint64_t> indices;
  std::vector<std::string> digests;
  for (const bundle::Record& r : records) {
    if (const auto* e = std::get_if<bundle::Entry>(&r)) indices.push_back(e->index);
    if (const auto* x = std::get_if<bundle::Blob>(&r)) digests.push_back(x->digest);
  }
  EXPECT_EQ(indices, b.entries);
  std::vector<std::string> want = b.digests;
  std::sort(want.begin(), want.end());
  EXPECT_EQ(digests, want);
}

TEST_F(BundleTest, SelectionByDecisionAndTypeUnitesTheTerms) {
  const TestRun a = AppendRun("a");
  AppendRun("b");
  const std::string bytes =
      Export({.terms = {{IndexKind::kDecision, a.decision_id}, {IndexKind::kType, "RUN_STARTED"}}});
  const StatusOr<BundleReport> report = Verify(bytes);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->entries, 3u);  // a's decision and both RUN_STARTED
  EXPECT_EQ(report->selection,
            (std::vector<std::string>{"decision=" + a.decision_id, "type=RUN_STARTED"}));
}

TEST_F(BundleTest, ErasedSubjectsBlobIsLeftOutReportedAndTheBundleVerifies) {
  const TestRun a = AppendRun("a");
  AppendRun("b");
  const uint64_t receipt = Erase(a.subject);

  const std::string whole = Export();
  for (const bundle::Record& r : Records(whole)) {
    if (const auto* blob = std::get_if<bundle::Blob>(&r)) {
      EXPECT_NE(blob->digest, a.digests[1]);
    }
  }
  StatusOr<BundleReport> report = Verify(whole);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->blobs, 5u);
  EXPECT_EQ(report->erased_blobs, 1u);
  const std::vector<bundle::Erasure> want = {{.subject = a.subject, .receipt_index = receipt}};
  EXPECT_EQ(report->erased, want);

  const std::string selection = Export({.terms = {{IndexKind::kRun, a.run_id}}});
  report = Verify(selection);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->blobs, 2u);
  EXPECT_EQ(report->erased_blobs, 1u);
  ASSERT_EQ(report->erased.size(), 1u);
  EXPECT_EQ(report->erased[0].subject, a.subject);
}

TEST_F(BundleTest, EmptyLedgerGivesAnEmptyBundleThatVerifies) {
  const StatusOr<BundleReport> report = Verify(Export());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->tree_size, 0u);
  EXPECT_EQ(report->entries, 0u);
  EXPECT_FALSE(report->latest.has_value());
}

TEST_F(BundleTest, ExportRefusesWhatItCannotProve) {
  AppendRun("a");
  std::ostringstream out;
  EXPECT_EQ(ExportBundle(ledger_.store(), {}, {}, testing::kTestOrigin, out).status().code(),
            StatusCode::kInvalidArgument);
  const std::vector<Verifier> other = {testing::TestSigner('o', "other").verifier()};
  EXPECT_EQ(ExportBundle(ledger_.store(), {}, other, testing::kTestOrigin, out).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ExportBundle(ledger_.store(), {}, Keys(), "another/origin", out).status().code(),
            StatusCode::kInvalidArgument);
  const StatusOr<BundleExportSummary> none =
      ExportBundle(ledger_.store(), {.terms = {{IndexKind::kRun, "run-none"}}}, Keys(),
                   testing::kTestOrigin, out);
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_NE(none.status().message().find("run=run-none"), std::string::npos);
  EXPECT_EQ(ExportBundle(ledger_.store(), {.terms = {{IndexKind::kRun, ""}}}, Keys(),
                         testing::kTestOrigin, out)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST_F(BundleTest, ExportSummaryCountsWhatWasWritten) {
  const TestRun a = AppendRun("a");
  Erase(a.subject);
  std::ostringstream out;
  const StatusOr<BundleExportSummary> summary =
      ExportBundle(ledger_.store(), {}, Keys(), testing::kTestOrigin, out);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->tree_size, 4u);
  EXPECT_EQ(summary->entries, 4u);
  EXPECT_EQ(summary->blobs, 2u);
  EXPECT_EQ(summary->erased_subjects, 1u);
  EXPECT_EQ(summary->checkpoints, 4u);
}

TEST_F(BundleTest, ExportFailsOnABrokenStream) {
  AppendRun("a");
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_EQ(ExportBundle(ledger_.store(), {}, Keys(), testing::kTestOrigin, out).status().code(),
            StatusCode::kUnavailable);
}

}  // namespace
}  // namespace docket::ledger
