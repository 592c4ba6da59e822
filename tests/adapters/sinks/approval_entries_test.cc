// APPROVAL / OVERRIDE / INVALIDATION entries: what they record, that they read back into
// the same action, and the actor's signature over the stored bytes minus the signature.
#include "adapters/sinks/approval_entries.h"

#include <gtest/gtest.h>

#include "adapters/sinks/run_entries.h"
#include "engine/base/time_format.h"

namespace docket::adapters {
namespace {

using ledger::LedgerEntry;
using policies::ActionKind;
using policies::HumanAction;
using policies::Verdict;

constexpr char kDigest[] =
    "sha256:1111111111111111111111111111111111111111111111111111111111111111";

ActionTarget Target() {
  return {.decision_id = "dec-0123456789abcdef", .release = "rc-4.3.0", .decision_entry = 12};
}

HumanAction Override() {
  return {.kind = ActionKind::kOverride,
          .sequence = 0,
          .at = *ParseRfc3339("2026-12-01T10:00:00Z"),
          .actor = "alice",
          .reason = "hotfix ready",
          .ticket = "OPS-1",
          .decision_digest = kDigest,
          .verdict = Verdict::kWarn,
          .expires_at = *ParseRfc3339("2026-12-02T10:00:00Z")};
}

ledger::Signer ActorKey(char seed_byte = 7) {
  return *ledger::Signer::FromSeed("alice", std::string(32, seed_byte));
}

TEST(ApprovalEntries, OverrideEntryRecordsTheActionAndIsIndexedUnderItsDecision) {
  const LedgerEntry e = ActionEntry(Target(), Override(), "24h");
  EXPECT_EQ(e.type(), LedgerEntry::OVERRIDE);
  EXPECT_EQ(e.decision_id(), "dec-0123456789abcdef");
  EXPECT_TRUE(e.run_id().empty());
  EXPECT_EQ(e.logical_time(), "2026-12-01T10:00:00Z");
  const auto& a = e.attributes();
  EXPECT_EQ(a.at("decision_digest"), kDigest);
  EXPECT_EQ(a.at("decision_entry"), "12");
  EXPECT_EQ(a.at("release"), "rc-4.3.0");
  EXPECT_EQ(a.at("actor"), "alice");
  EXPECT_EQ(a.at("reason"), "hotfix ready");
  EXPECT_EQ(a.at("ticket"), "OPS-1");
  EXPECT_EQ(a.at("verdict"), "WARN");
  EXPECT_EQ(a.at("expires_at"), "2026-12-02T10:00:00Z");
  EXPECT_EQ(a.at("expires_in"), "24h");
  const std::vector<ledger::IndexTerm> terms = IndexTermsOf(e);
  EXPECT_NE(std::find(terms.begin(), terms.end(),
                      ledger::IndexTerm{ledger::IndexKind::kDecision, "dec-0123456789abcdef"}),
            terms.end());
  EXPECT_NE(std::find(terms.begin(), terms.end(),
                      ledger::IndexTerm{ledger::IndexKind::kType, "OVERRIDE"}),
            terms.end());
}

TEST(ApprovalEntries, EntriesReadBackIntoTheirActions) {
  HumanAction approval{.kind = ActionKind::kApproval,
                       .at = *ParseRfc3339("2026-12-01T11:00:00Z"),
                       .actor = "bob",
                       .reason = "ok",
                       .decision_digest = kDigest,
                       .verdict = Verdict::kWarn,
                       .confirms = 40};
  HumanAction invalidation{.kind = ActionKind::kInvalidation,
                           .at = *ParseRfc3339("2026-12-01T12:00:00Z"),
                           .actor = "carol",
                           .reason = "bad data",
                           .decision_digest = kDigest};
  for (const HumanAction& action : {Override(), approval, invalidation}) {
    LedgerEntry parsed;
    ASSERT_TRUE(parsed.ParseFromString(EntryBytes(ActionEntry(Target(), action))));
    StatusOr<HumanAction> back = ActionFromEntry(41, parsed);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->kind, action.kind);
    EXPECT_EQ(back->sequence, 41u);
    EXPECT_EQ(back->at, action.at);
    EXPECT_EQ(back->actor, action.actor);
    EXPECT_EQ(back->reason, action.reason);
    EXPECT_EQ(back->ticket, action.ticket);
    EXPECT_EQ(back->decision_digest, action.decision_digest);
    if (action.kind != ActionKind::kInvalidation) {
      EXPECT_EQ(back->verdict, action.verdict);
    }
    EXPECT_EQ(back->expires_at, action.expires_at);
    EXPECT_EQ(back->confirms, action.confirms);
  }
}

TEST(ApprovalEntries, CorruptActionEntriesAreDataLoss) {
  LedgerEntry e = ActionEntry(Target(), Override());
  (*e.mutable_attributes())["verdict"] = "MAYBE";
  EXPECT_EQ(ActionFromEntry(3, e).status().code(), StatusCode::kDataLoss);
  e = ActionEntry(Target(), Override());
  e.mutable_attributes()->erase("expires_at");
  EXPECT_EQ(ActionFromEntry(3, e).status().code(), StatusCode::kDataLoss);
  e = ActionEntry(Target(), Override());
  e.mutable_attributes()->erase("actor");
  const Status s = ActionFromEntry(3, e).status();
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_NE(s.message().find("entry 3"), std::string::npos) << s.ToString();
  e.set_type(LedgerEntry::DECISION);
  EXPECT_EQ(ActionFromEntry(3, e).status().code(), StatusCode::kDataLoss);
}

TEST(ApprovalEntries, ActorSignatureCoversTheStoredBytesWithoutItself) {
  LedgerEntry e = ActionEntry(Target(), Override());
  ASSERT_TRUE(SignActionEntry(ActorKey(), e).ok());
  LedgerEntry unsigned_entry = e;
  unsigned_entry.mutable_attributes()->erase(kActorSignatureAttribute);
  const std::string stored = EntryBytes(e);
  StatusOr<std::string> signed_bytes = ActorSignedBytes(stored);
  ASSERT_TRUE(signed_bytes.ok()) << signed_bytes.status().ToString();
  EXPECT_EQ(*signed_bytes, EntryBytes(unsigned_entry));
  StatusOr<std::optional<ledger::Verifier>> key = VerifyActorSignature(stored, e);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  ASSERT_TRUE(key->has_value());
  EXPECT_EQ((*key)->Format(), ActorKey().verifier().Format());
  EXPECT_EQ(SignActionEntry(ActorKey(), e).code(), StatusCode::kFailedPrecondition);
}

TEST(ApprovalEntries, UnsignedEntriesHaveNoSigner) {
  const LedgerEntry e = ActionEntry(Target(), Override());
  StatusOr<std::optional<ledger::Verifier>> key = VerifyActorSignature(EntryBytes(e), e);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_FALSE(key->has_value());
  EXPECT_EQ(ActorSignedBytes(EntryBytes(e)).status().code(), StatusCode::kDataLoss);
}

TEST(ApprovalEntries, ATamperedOrResignedEntryFailsVerification) {
  LedgerEntry e = ActionEntry(Target(), Override());
  ASSERT_TRUE(SignActionEntry(ActorKey(), e).ok());
  // A changed field: the signature no longer covers the bytes.
  LedgerEntry tampered = e;
  (*tampered.mutable_attributes())["verdict"] = "APPROVE";
  EXPECT_EQ(VerifyActorSignature(EntryBytes(tampered), tampered).status().code(),
            StatusCode::kDataLoss);
  // Another key named in actor_key: the signature is not by it.
  LedgerEntry swapped = e;
  (*swapped.mutable_attributes())[kActorKeyAttribute] = ActorKey(9).verifier().Format();
  EXPECT_EQ(VerifyActorSignature(EntryBytes(swapped), swapped).status().code(),
            StatusCode::kDataLoss);
  // A signature that is not base64 of 64 bytes.
  LedgerEntry garbled = e;
  (*garbled.mutable_attributes())[kActorSignatureAttribute] = "AAAA";
  EXPECT_EQ(VerifyActorSignature(EntryBytes(garbled), garbled).status().code(),
            StatusCode::kDataLoss);
}

TEST(ApprovalEntries, ActorSignedBytesRejectsMalformedBytes) {
  for (const std::string& bytes : {std::string("\x0a"), std::string("\x3a\x05\x0a"),
                                   std::string("\x07"), std::string("\xff\xff\xff")}) {
    EXPECT_EQ(ActorSignedBytes(bytes).status().code(), StatusCode::kDataLoss);
  }
}

}  // namespace
}  // namespace docket::adapters
