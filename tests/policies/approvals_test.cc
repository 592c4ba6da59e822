// Every rule of policies/approvals.h: binding to the digest, approvals of WARN and
// NEEDS_HUMAN, overrides with their policy requirements, expiry and second approvers,
// invalidations, and the refusals of Prepare*.
#include "policies/approvals.h"

#include <gtest/gtest.h>

#include <vector>

#include "engine/base/time_format.h"

namespace docket::policies {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

constexpr char kDigest[] =
    "sha256:1111111111111111111111111111111111111111111111111111111111111111";
constexpr char kOldDigest[] =
    "sha256:2222222222222222222222222222222222222222222222222222222222222222";

Timestamp T(int hour) { return *ParseRfc3339("2026-12-01T00:00:00Z") + hours(hour); }

DecidedVerdict Decided(Verdict v) { return {.verdict = v, .digest = kDigest}; }

HumanAction Approval(uint64_t seq, std::string actor, Verdict approved, int hour = 1) {
  return {.kind = ActionKind::kApproval,
          .sequence = seq,
          .at = T(hour),
          .actor = std::move(actor),
          .reason = "looked at it",
          .decision_digest = kDigest,
          .verdict = approved};
}

HumanAction Override(uint64_t seq, std::string actor, Verdict v, int hour, int expires_hour) {
  return {.kind = ActionKind::kOverride,
          .sequence = seq,
          .at = T(hour),
          .actor = std::move(actor),
          .reason = "hotfix ready",
          .ticket = "OPS-1",
          .decision_digest = kDigest,
          .verdict = v,
          .expires_at = T(expires_hour)};
}

OverridePolicy Lenient() {
  return {.require_reason = true,
          .require_ticket = true,
          .require_second_approver = false,
          .max_expiry_s = 72 * 3600};
}

OverridePolicy TwoPeople() {
  OverridePolicy p = Lenient();
  p.require_second_approver = true;
  return p;
}

EffectiveVerdict Derive(Verdict decided, const std::vector<HumanAction>& actions,
                        const OverridePolicy& policy = Lenient(), int now_hour = 2) {
  return DeriveEffectiveVerdict(Decided(decided), actions, policy, T(now_hour));
}

ActionRequest Request(std::string actor, std::string reason = "checked the dashboards") {
  ActionRequest r;
  r.actor = std::move(actor);
  r.reason = std::move(reason);
  return r;
}

ActionRequest OverrideRequest(std::string actor, Verdict v, int expires_hours = 24) {
  ActionRequest r = Request(std::move(actor));
  r.ticket = "OPS-7";
  r.verdict = v;
  r.expires_in = hours(expires_hours);
  return r;
}

// ---- Derivation -------------------------------------------------------------------

TEST(DeriveEffectiveVerdict, NoActionsKeepsTheDecidedVerdict) {
  for (Verdict v : {Verdict::kApprove, Verdict::kWarn, Verdict::kNeedsHuman, Verdict::kBlock}) {
    const EffectiveVerdict e = Derive(v, {});
    EXPECT_EQ(e.decided, v);
    EXPECT_EQ(e.effective, v);
    EXPECT_TRUE(e.trail.empty());
  }
}

TEST(DeriveEffectiveVerdict, ApprovalTurnsWarnAndNeedsHumanIntoApprove) {
  for (Verdict v : {Verdict::kWarn, Verdict::kNeedsHuman}) {
    const EffectiveVerdict e = Derive(v, {Approval(5, "alice", v)});
    EXPECT_EQ(e.effective, Verdict::kApprove);
    EXPECT_EQ(e.approved_by, 5u);
    ASSERT_EQ(e.trail.size(), 1u);
    EXPECT_EQ(e.trail[0].effect, ActionEffect::kApplied);
  }
}

TEST(DeriveEffectiveVerdict, ApprovalOfAnotherDigestIsStaleAndIgnored) {
  HumanAction stale = Approval(5, "alice", Verdict::kWarn);
  stale.decision_digest = kOldDigest;
  const EffectiveVerdict e = Derive(Verdict::kWarn, {stale});
  EXPECT_EQ(e.effective, Verdict::kWarn);
  ASSERT_EQ(e.trail.size(), 1u);
  EXPECT_EQ(e.trail[0].effect, ActionEffect::kStale);
  EXPECT_NE(e.trail[0].note.find(kOldDigest), std::string::npos) << e.trail[0].note;
  EXPECT_NE(e.trail[0].note.find(kDigest), std::string::npos) << e.trail[0].note;
}

TEST(DeriveEffectiveVerdict, ApprovalOfAnotherVerdictDoesNotApply) {
  const EffectiveVerdict e = Derive(Verdict::kNeedsHuman, {Approval(5, "alice", Verdict::kWarn)});
  EXPECT_EQ(e.effective, Verdict::kNeedsHuman);
  EXPECT_EQ(e.trail[0].effect, ActionEffect::kNotApplicable);
}

TEST(DeriveEffectiveVerdict, ApprovalNeverApprovesABlock) {
  const EffectiveVerdict e = Derive(Verdict::kBlock, {Approval(5, "alice", Verdict::kBlock)});
  EXPECT_EQ(e.effective, Verdict::kBlock);
  EXPECT_EQ(e.trail[0].effect, ActionEffect::kNotApplicable);
}

TEST(DeriveEffectiveVerdict, OverrideSetsItsVerdictUntilItExpires) {
  const std::vector<HumanAction> actions = {Override(5, "alice", Verdict::kWarn, 1, 25)};
  const EffectiveVerdict before = Derive(Verdict::kBlock, actions, Lenient(), 24);
  EXPECT_EQ(before.effective, Verdict::kWarn);
  EXPECT_EQ(before.override_in_force, 5u);
  EXPECT_EQ(before.falls_back_at, T(25));
  const EffectiveVerdict at_expiry = Derive(Verdict::kBlock, actions, Lenient(), 25);
  EXPECT_EQ(at_expiry.effective, Verdict::kBlock);
  EXPECT_FALSE(at_expiry.override_in_force);
  EXPECT_EQ(at_expiry.trail[0].effect, ActionEffect::kExpired);
}

TEST(DeriveEffectiveVerdict, OverrideMaySetAnyVerdict) {
  for (Verdict v : {Verdict::kApprove, Verdict::kWarn, Verdict::kNeedsHuman}) {
    EXPECT_EQ(Derive(Verdict::kBlock, {Override(5, "alice", v, 1, 3)}).effective, v);
  }
  EXPECT_EQ(Derive(Verdict::kApprove, {Override(5, "alice", Verdict::kBlock, 1, 3)}).effective,
            Verdict::kBlock);
}

TEST(DeriveEffectiveVerdict, OverrideWithoutWhatThePolicyRequiresIsIgnored) {
  HumanAction no_ticket = Override(5, "alice", Verdict::kApprove, 1, 3);
  no_ticket.ticket.clear();
  HumanAction no_reason = Override(6, "alice", Verdict::kApprove, 1, 3);
  no_reason.reason.clear();
  HumanAction too_long = Override(7, "alice", Verdict::kApprove, 1, 1 + 73);
  const EffectiveVerdict e = Derive(Verdict::kBlock, {no_ticket, no_reason, too_long});
  EXPECT_EQ(e.effective, Verdict::kBlock);
  for (const ActionReview& r : e.trail) EXPECT_EQ(r.effect, ActionEffect::kInvalid) << r.note;
  // A policy that asks for neither accepts the first two.
  OverridePolicy lax = Lenient();
  lax.require_reason = lax.require_ticket = false;
  EXPECT_EQ(Derive(Verdict::kBlock, {no_ticket, no_reason}, lax).effective, Verdict::kApprove);
}

TEST(DeriveEffectiveVerdict, SecondApproverIsAnotherActorAfterTheOverride) {
  HumanAction o = Override(5, "alice", Verdict::kApprove, 1, 10);
  const EffectiveVerdict pending = Derive(Verdict::kBlock, {o}, TwoPeople());
  EXPECT_EQ(pending.effective, Verdict::kBlock);
  EXPECT_EQ(pending.trail[0].effect, ActionEffect::kPending);

  HumanAction self = Approval(6, "alice", Verdict::kApprove);
  self.confirms = 5;
  const EffectiveVerdict by_self = Derive(Verdict::kBlock, {o, self}, TwoPeople());
  EXPECT_EQ(by_self.effective, Verdict::kBlock);
  EXPECT_EQ(by_self.trail[1].effect, ActionEffect::kInvalid);

  HumanAction bob = Approval(6, "bob", Verdict::kApprove);
  bob.confirms = 5;
  const EffectiveVerdict confirmed = Derive(Verdict::kBlock, {o, bob}, TwoPeople());
  EXPECT_EQ(confirmed.effective, Verdict::kApprove);
  EXPECT_EQ(confirmed.trail[0].effect, ActionEffect::kApplied);
  EXPECT_EQ(confirmed.trail[1].effect, ActionEffect::kConfirmed);
}

TEST(DeriveEffectiveVerdict, ConfirmationConfirmsOnlyAndCountsBeforeExpiry) {
  HumanAction o = Override(5, "alice", Verdict::kWarn, 1, 10);
  HumanAction bob = Approval(6, "bob", Verdict::kWarn, 2);
  bob.confirms = 5;
  // Confirmed: the override's WARN is in force, not approved by the confirmation.
  EXPECT_EQ(Derive(Verdict::kBlock, {o, bob}, TwoPeople(), 3).effective, Verdict::kWarn);
  // A later plain approval of the WARN approves it.
  const EffectiveVerdict approved =
      Derive(Verdict::kBlock, {o, bob, Approval(7, "carol", Verdict::kWarn, 3)}, TwoPeople(), 4);
  EXPECT_EQ(approved.effective, Verdict::kApprove);
  // A confirmation after the expiry does not count.
  HumanAction late = Approval(6, "bob", Verdict::kWarn, 11);
  late.confirms = 5;
  EXPECT_EQ(Derive(Verdict::kBlock, {o, late}, TwoPeople(), 12).effective, Verdict::kBlock);
}

TEST(DeriveEffectiveVerdict, SecondApproverOnlyForLoweringABlock) {
  // Raising a WARN to BLOCK takes effect at once even when the policy wants two people.
  EXPECT_EQ(
      Derive(Verdict::kWarn, {Override(5, "alice", Verdict::kBlock, 1, 3)}, TwoPeople()).effective,
      Verdict::kBlock);
}

TEST(DeriveEffectiveVerdict, LatestOverrideInForceWinsAndFallsBackWhenItExpires) {
  const std::vector<HumanAction> actions = {Override(5, "alice", Verdict::kWarn, 1, 20),
                                            Override(6, "bob", Verdict::kApprove, 2, 4)};
  const EffectiveVerdict both = Derive(Verdict::kBlock, actions, Lenient(), 3);
  EXPECT_EQ(both.effective, Verdict::kApprove);
  EXPECT_EQ(both.trail[0].effect, ActionEffect::kSuperseded);
  const EffectiveVerdict later = Derive(Verdict::kBlock, actions, Lenient(), 5);
  EXPECT_EQ(later.effective, Verdict::kWarn);
  EXPECT_EQ(later.trail[1].effect, ActionEffect::kExpired);
}

TEST(DeriveEffectiveVerdict, ApprovalFollowsTheVerdictItApproved) {
  // alice approved the WARN; an override to NEEDS_HUMAN suspends that approval until it
  // expires.
  const std::vector<HumanAction> actions = {Approval(5, "alice", Verdict::kWarn, 1),
                                            Override(6, "bob", Verdict::kNeedsHuman, 2, 5)};
  EXPECT_EQ(Derive(Verdict::kWarn, actions, Lenient(), 3).effective, Verdict::kNeedsHuman);
  EXPECT_EQ(Derive(Verdict::kWarn, actions, Lenient(), 6).effective, Verdict::kApprove);
}

TEST(DeriveEffectiveVerdict, InvalidationIsRecordedAndChangesNoVerdict) {
  HumanAction inv{.kind = ActionKind::kInvalidation,
                  .sequence = 9,
                  .at = T(1),
                  .actor = "carol",
                  .reason = "bad rollout data",
                  .decision_digest = kDigest};
  const EffectiveVerdict e = Derive(Verdict::kWarn, {inv});
  EXPECT_EQ(e.effective, Verdict::kWarn);
  EXPECT_EQ(e.invalidated_by, 9u);
  EXPECT_EQ(e.trail[0].effect, ActionEffect::kRecorded);
}

TEST(DeriveEffectiveVerdict, ActionsAreReviewedInLedgerOrderWhateverTheInputOrder) {
  HumanAction o = Override(5, "alice", Verdict::kApprove, 1, 10);
  HumanAction bob = Approval(6, "bob", Verdict::kApprove);
  bob.confirms = 5;
  const EffectiveVerdict e = Derive(Verdict::kBlock, {bob, o}, TwoPeople());
  EXPECT_EQ(e.effective, Verdict::kApprove);
  EXPECT_EQ(e.trail[0].sequence, 5u);
}

// ---- Prepare* ---------------------------------------------------------------------

TEST(PrepareApproval, ApprovesTheCurrentVerdict) {
  StatusOr<HumanAction> a =
      PrepareApproval(Decided(Verdict::kWarn), {}, Lenient(), T(1), Request("alice"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->kind, ActionKind::kApproval);
  EXPECT_EQ(a->verdict, Verdict::kWarn);
  EXPECT_EQ(a->decision_digest, kDigest);
  EXPECT_EQ(a->at, T(1));
  EXPECT_FALSE(a->confirms);
}

TEST(PrepareApproval, RefusesApproveAndBlockAndStaleDigestAndRepeats) {
  const auto code = [](Verdict v, const std::vector<HumanAction>& actions, ActionRequest r) {
    return PrepareApproval(Decided(v), actions, Lenient(), T(2), r).status().code();
  };
  EXPECT_EQ(code(Verdict::kApprove, {}, Request("alice")), StatusCode::kFailedPrecondition);
  EXPECT_EQ(code(Verdict::kBlock, {}, Request("alice")), StatusCode::kFailedPrecondition);
  ActionRequest stale = Request("alice");
  stale.reviewed_digest = kOldDigest;
  const Status s = PrepareApproval(Decided(Verdict::kWarn), {}, Lenient(), T(2), stale).status();
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("stale"), std::string::npos) << s.ToString();
  ActionRequest current = Request("alice");
  current.reviewed_digest = kDigest;
  EXPECT_EQ(code(Verdict::kWarn, {}, current), StatusCode::kOk);
  EXPECT_EQ(code(Verdict::kWarn, {Approval(5, "alice", Verdict::kWarn)}, Request("alice")),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(code(Verdict::kWarn, {Approval(5, "alice", Verdict::kWarn)}, Request("bob")),
            StatusCode::kOk);
}

TEST(PrepareApproval, RefusesBadActorsAndReasons) {
  for (const char* actor : {"", "ali\nce", "tab\there", "del\x7f", "bad\xff utf8", "c1\xc2\x85"}) {
    EXPECT_EQ(PrepareApproval(Decided(Verdict::kWarn), {}, Lenient(), T(1), Request(actor))
                  .status()
                  .code(),
              StatusCode::kInvalidArgument)
        << actor;
  }
  EXPECT_EQ(PrepareApproval(Decided(Verdict::kWarn), {}, Lenient(), T(1), Request("Zoë Ø"))
                .status()
                .code(),
            StatusCode::kOk);
  EXPECT_EQ(PrepareApproval(Decided(Verdict::kWarn), {}, Lenient(), T(1), Request("alice", ""))
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST(PrepareApproval, ConfirmsAPendingOverrideByAnotherActor) {
  const std::vector<HumanAction> actions = {Override(5, "alice", Verdict::kApprove, 1, 10)};
  const Status self =
      PrepareApproval(Decided(Verdict::kBlock), actions, TwoPeople(), T(2), Request("alice"))
          .status();
  EXPECT_EQ(self.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(self.message().find("second approver"), std::string::npos) << self.ToString();
  StatusOr<HumanAction> bob =
      PrepareApproval(Decided(Verdict::kBlock), actions, TwoPeople(), T(2), Request("bob"));
  ASSERT_TRUE(bob.ok()) << bob.status().ToString();
  EXPECT_EQ(bob->confirms, 5u);
  EXPECT_EQ(bob->verdict, Verdict::kApprove);
  std::vector<HumanAction> after = actions;
  after.push_back(*bob);
  after.back().sequence = 6;
  EXPECT_EQ(Derive(Verdict::kBlock, after, TwoPeople(), 3).effective, Verdict::kApprove);
}

TEST(PrepareOverride, SetsTheExpiryFromNow) {
  StatusOr<HumanAction> o = PrepareOverride(Decided(Verdict::kBlock), {}, Lenient(), T(1),
                                            OverrideRequest("alice", Verdict::kWarn, 48));
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_EQ(o->expires_at, T(49));
  EXPECT_EQ(o->ticket, "OPS-7");
  EXPECT_EQ(o->verdict, Verdict::kWarn);
}

TEST(PrepareOverride, RefusesWhatThePolicyForbids) {
  const auto refusal = [](ActionRequest r, OverridePolicy p = Lenient()) {
    return PrepareOverride(Decided(Verdict::kBlock), {}, p, T(1), r).status();
  };
  ActionRequest no_ticket = OverrideRequest("alice", Verdict::kWarn);
  no_ticket.ticket.clear();
  EXPECT_EQ(refusal(no_ticket).code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refusal(no_ticket).message().find("--ticket"), std::string::npos);
  ActionRequest no_reason = OverrideRequest("alice", Verdict::kWarn);
  no_reason.reason.clear();
  EXPECT_EQ(refusal(no_reason).code(), StatusCode::kInvalidArgument);
  OverridePolicy lax = Lenient();
  lax.require_reason = lax.require_ticket = false;
  EXPECT_TRUE(refusal(no_ticket, lax).ok());
  EXPECT_TRUE(refusal(no_reason, lax).ok());
  const Status too_long = refusal(OverrideRequest("alice", Verdict::kWarn, 73));
  EXPECT_EQ(too_long.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(too_long.message().find("72h"), std::string::npos) << too_long.ToString();
  EXPECT_TRUE(refusal(OverrideRequest("alice", Verdict::kWarn, 72)).ok());
  ActionRequest no_expiry = OverrideRequest("alice", Verdict::kWarn);
  no_expiry.expires_in.reset();
  EXPECT_EQ(refusal(no_expiry).code(), StatusCode::kInvalidArgument);
  no_expiry.expires_in = seconds(0);
  EXPECT_EQ(refusal(no_expiry).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refusal(OverrideRequest("", Verdict::kWarn)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refusal(OverrideRequest("alice", Verdict::kBlock)).code(),
            StatusCode::kFailedPrecondition);
  ActionRequest stale = OverrideRequest("alice", Verdict::kWarn);
  stale.reviewed_digest = kOldDigest;
  EXPECT_EQ(refusal(stale).code(), StatusCode::kFailedPrecondition);
}

TEST(PrepareInvalidation, RecordsOnceWithActorAndReason) {
  StatusOr<HumanAction> inv =
      PrepareInvalidation(Decided(Verdict::kWarn), {}, Request("carol"), T(1));
  ASSERT_TRUE(inv.ok()) << inv.status().ToString();
  EXPECT_EQ(inv->kind, ActionKind::kInvalidation);
  inv->sequence = 8;
  EXPECT_EQ(PrepareInvalidation(Decided(Verdict::kWarn), std::vector<HumanAction>{*inv},
                                Request("dave"), T(2))
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      PrepareInvalidation(Decided(Verdict::kWarn), {}, Request("carol", ""), T(1)).status().code(),
      StatusCode::kInvalidArgument);
}

TEST(ValidateActionText, LimitsBytes) {
  EXPECT_TRUE(
      ValidateActionText("--ticket", std::string(kMaxTicketBytes, 'x'), kMaxTicketBytes).ok());
  EXPECT_FALSE(
      ValidateActionText("--ticket", std::string(kMaxTicketBytes + 1, 'x'), kMaxTicketBytes).ok());
  EXPECT_FALSE(ValidateActionText("--actor", "\xe2\x82", kMaxActorBytes).ok());      // truncated
  EXPECT_FALSE(ValidateActionText("--actor", "\xed\xa0\x80", kMaxActorBytes).ok());  // surrogate
  EXPECT_FALSE(ValidateActionText("--actor", "\xc0\xaf", kMaxActorBytes).ok());      // overlong
}

}  // namespace
}  // namespace docket::policies
