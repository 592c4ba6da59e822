// Approvals: the humans in the loop of a gate decision (BRIEF §6, docs/cli.md "Approvals,
// overrides and invalidations"). A decision never changes; its *effective* verdict is
// derived here from the approvals, overrides and invalidations recorded after it, the
// policy's override rules and the time "now" (which the caller reads from its injected
// Clock). Prepare* check a new action against the same rules before the caller records
// it, and refuse it with a reason. No ledger or command-line knowledge: actions arrive
// as values. Pure functions; thread-safe.
//
// The rules (each has a unit test in tests/policies/approvals_test.cc):
//  - Every action binds to the decision digest it was recorded for; an action bound to
//    another digest is stale: ignored, with a note naming both digests.
//  - An approval records the verdict it approved. It applies while that verdict is the
//    verdict before approvals (the decision's, or the winning override's) and that
//    verdict is WARN or NEEDS_HUMAN: the effective verdict is then APPROVE.
//  - An override sets any verdict until its expiry (an absolute time), then the verdict
//    falls back. It needs a reason and a ticket when the policy requires them, and its
//    expiry may be at most the policy's max_expiry after it was recorded.
//  - An override that lowers a BLOCK needs, when the policy requires a second approver,
//    an approval by another actor recorded after it that names it (`confirms`); until
//    then it is pending. A confirming approval confirms only: it does not also approve.
//  - Of the overrides in force, the latest wins; earlier ones are superseded.
//  - An invalidation changes no verdict: it marks the candidate as excluded from future
//    baselines, and is recorded once.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/clock.h"
#include "engine/base/status.h"
#include "policies/policy.h"
#include "policies/verdict.h"

namespace docket::policies {

// Limits on the free text an action records (bytes of UTF-8 without control characters).
inline constexpr size_t kMaxActorBytes = 256;
inline constexpr size_t kMaxReasonBytes = 1024;
inline constexpr size_t kMaxTicketBytes = 256;

enum class ActionKind { kApproval, kOverride, kInvalidation };

// "APPROVAL", "OVERRIDE", "INVALIDATION": the ledger entry type names.
std::string_view ActionKindName(ActionKind kind);

// One recorded human action on a decision.
struct HumanAction {
  ActionKind kind = ActionKind::kApproval;
  uint64_t sequence = 0;  // its ledger index: orders the actions and names them in notes
  Timestamp at;           // when it was recorded
  std::string actor;
  std::string reason;
  std::string ticket;           // overrides
  std::string decision_digest;  // the digest it binds to
  // Approval: the verdict approved (or, confirming, the override's verdict).
  // Override: the verdict it sets. Invalidation: unused.
  Verdict verdict = Verdict::kApprove;
  std::optional<Timestamp> expires_at;  // overrides
  std::optional<uint64_t> confirms;     // approvals: the override (sequence) confirmed
};

// The decision as the gate recorded it.
struct DecidedVerdict {
  Verdict verdict = Verdict::kApprove;
  std::string digest;  // "sha256:<hex>", what actions bind to
};

// What became of one action.
enum class ActionEffect {
  kApplied,        // approval that approves, or the override in force
  kConfirmed,      // approval naming an override as its second approver
  kRecorded,       // invalidation
  kStale,          // bound to another decision digest
  kInvalid,        // does not meet the policy's override rules (or names no override)
  kPending,        // override awaiting its second approver
  kExpired,        // override past its expiry
  kSuperseded,     // override in force but a later one wins
  kNotApplicable,  // approval of a verdict that is not the current one
};

// "applied", "confirmed", "recorded", "stale", "invalid", "pending", "expired",
// "superseded", "not_applicable".
std::string_view ActionEffectName(ActionEffect effect);

struct ActionReview {
  uint64_t sequence = 0;
  ActionKind kind = ActionKind::kApproval;
  ActionEffect effect = ActionEffect::kApplied;
  std::string note;  // why, in words, e.g. "expired at 2026-12-01T00:00:00Z"
};

struct EffectiveVerdict {
  Verdict decided = Verdict::kApprove;
  Verdict before_approvals = Verdict::kApprove;  // decided, or the override in force
  Verdict effective = Verdict::kApprove;
  std::optional<uint64_t> override_in_force;  // sequence
  std::optional<Timestamp> falls_back_at;     // that override's expiry
  std::optional<uint64_t> approved_by;        // sequence of the first approval applied
  std::optional<uint64_t> invalidated_by;     // sequence of the invalidation
  std::vector<ActionReview> trail;            // one per action, in sequence order
};

// The effective verdict at `now`. `actions` may come in any order.
EffectiveVerdict DeriveEffectiveVerdict(const DecidedVerdict& decision,
                                        std::span<const HumanAction> actions,
                                        const OverridePolicy& policy, Timestamp now);

// What a person asks for; Prepare* turn it into the action to record.
struct ActionRequest {
  std::string actor;
  std::string reason;
  std::string ticket;
  // The digest the person reviewed; empty: the decision's own (nothing to compare).
  std::string reviewed_digest;
  Verdict verdict = Verdict::kApprove;             // overrides: the verdict to set
  std::optional<std::chrono::seconds> expires_in;  // overrides: required
};

// Checks that `text` (a flag's value, named `what` in errors) is 1 to `max_bytes` bytes
// of UTF-8 without control characters. Errors: kInvalidArgument saying which.
[[nodiscard]] Status ValidateActionText(std::string_view what, std::string_view text,
                                        size_t max_bytes);

// The approval to record at `now`, or a refusal. It confirms the pending override when
// one awaits a second approver, else approves the verdict before approvals.
// Errors: kInvalidArgument for an empty or unclean actor or reason; kFailedPrecondition
// for a stale reviewed digest, a verdict that needs no approval (APPROVE) or cannot
// have one (BLOCK without a pending override), the override's own actor as second
// approver, or an actor who already approved this verdict.
[[nodiscard]] StatusOr<HumanAction> PrepareApproval(const DecidedVerdict& decision,
                                                    std::span<const HumanAction> actions,
                                                    const OverridePolicy& policy, Timestamp now,
                                                    const ActionRequest& request);

// The override to record at `now` (expires_at = now + expires_in), or a refusal.
// Errors: kInvalidArgument for a bad actor, a missing reason or ticket the policy
// requires, a missing or non-positive expiry or one above the policy's max_expiry;
// kFailedPrecondition for a stale reviewed digest or a verdict that is already the
// effective one.
[[nodiscard]] StatusOr<HumanAction> PrepareOverride(const DecidedVerdict& decision,
                                                    std::span<const HumanAction> actions,
                                                    const OverridePolicy& policy, Timestamp now,
                                                    const ActionRequest& request);

// The invalidation to record at `now`, or a refusal. Errors: kInvalidArgument for a
// bad actor or reason (both required); kFailedPrecondition for a stale reviewed digest
// or a decision already invalidated.
[[nodiscard]] StatusOr<HumanAction> PrepareInvalidation(const DecidedVerdict& decision,
                                                        std::span<const HumanAction> actions,
                                                        const ActionRequest& request,
                                                        Timestamp now);

}  // namespace docket::policies
