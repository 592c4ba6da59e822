// The derivation walks the actions in ledger order in three passes (binding, overrides,
// approvals), because whether an approval applies depends on which override is in force,
// and whether an override is in force depends on the approvals that confirm it.
#include "policies/approvals.h"

#include <algorithm>
#include <map>

#include "engine/base/time_format.h"
#include "engine/step_config.h"

namespace docket::policies {
namespace {

std::string Entry(uint64_t sequence) { return "entry " + std::to_string(sequence); }

std::string DurationText(std::chrono::seconds d) {
  return engine::FormatDuration(std::chrono::duration_cast<engine::Duration>(d));
}

std::vector<HumanAction> InLedgerOrder(std::span<const HumanAction> actions) {
  std::vector<HumanAction> sorted(actions.begin(), actions.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const HumanAction& a, const HumanAction& b) {
    return a.sequence < b.sequence;
  });
  return sorted;
}

// Why `o` does not meet the policy's override rules, or empty.
std::string OverrideDefect(const HumanAction& o, const OverridePolicy& policy) {
  if (policy.require_reason && o.reason.empty()) return "the policy requires a reason";
  if (policy.require_ticket && o.ticket.empty()) return "the policy requires a ticket";
  if (!o.expires_at) return "it has no expiry";
  if (*o.expires_at <= o.at) return "it expires before it was recorded";
  if (*o.expires_at - o.at > std::chrono::seconds(policy.max_expiry_s)) {
    return "its expiry is more than the policy's max_expiry (" +
           DurationText(std::chrono::seconds(policy.max_expiry_s)) + ") after it was recorded";
  }
  return "";
}

bool NeedsSecondApprover(const DecidedVerdict& decision, const HumanAction& o,
                         const OverridePolicy& policy) {
  return policy.require_second_approver && decision.verdict == Verdict::kBlock &&
         o.verdict < Verdict::kBlock;
}

// The first approval naming override `o` that counts as its second approver.
const HumanAction* ConfirmationOf(const HumanAction& o, const std::vector<HumanAction>& actions,
                                  const std::vector<bool>& stale) {
  for (size_t i = 0; i < actions.size(); ++i) {
    const HumanAction& a = actions[i];
    if (stale[i] || a.kind != ActionKind::kApproval || a.confirms != o.sequence) continue;
    if (a.sequence > o.sequence && a.actor != o.actor && a.at < *o.expires_at) return &a;
  }
  return nullptr;
}

// Reviews override `o` at `now`; returns true when it is in force.
bool ReviewOverride(const DecidedVerdict& decision, const HumanAction& o,
                    const std::vector<HumanAction>& actions, const std::vector<bool>& stale,
                    const OverridePolicy& policy, Timestamp now, ActionReview& review) {
  if (std::string defect = OverrideDefect(o, policy); !defect.empty()) {
    review.effect = ActionEffect::kInvalid;
    review.note = "ignored: " + defect;
    return false;
  }
  if (now >= *o.expires_at) {
    review.effect = ActionEffect::kExpired;
    review.note = "expired at " + FormatRfc3339(*o.expires_at) + "; the verdict fell back";
    return false;
  }
  std::string confirmed;
  if (NeedsSecondApprover(decision, o, policy)) {
    const HumanAction* second = ConfirmationOf(o, actions, stale);
    if (second == nullptr) {
      review.effect = ActionEffect::kPending;
      review.note = "awaits a second approver: an approval by someone other than " + o.actor;
      return false;
    }
    confirmed = ", confirmed by " + second->actor + " at " + Entry(second->sequence);
  }
  review.effect = ActionEffect::kApplied;
  review.note = "sets " + std::string(VerdictName(o.verdict)) + " until " +
                FormatRfc3339(*o.expires_at) + confirmed;
  return true;
}

void ReviewApproval(const HumanAction& a, const std::map<uint64_t, const HumanAction*>& overrides,
                    EffectiveVerdict& result, ActionReview& review) {
  if (a.confirms) {
    const auto it = overrides.find(*a.confirms);
    if (it == overrides.end()) {
      review.effect = ActionEffect::kInvalid;
      review.note = "confirms " + Entry(*a.confirms) + ", which is no override of this decision";
    } else if (it->second->actor == a.actor || a.sequence < *a.confirms) {
      review.effect = ActionEffect::kInvalid;
      review.note = "cannot confirm " + Entry(*a.confirms) + ": a second approver is another " +
                    "actor, after the override";
    } else {
      review.effect = ActionEffect::kConfirmed;
      review.note = "second approver of the override at " + Entry(*a.confirms);
    }
    return;
  }
  const Verdict current = result.before_approvals;
  if (a.verdict != current) {
    review.effect = ActionEffect::kNotApplicable;
    review.note = "approved " + std::string(VerdictName(a.verdict)) + ", but the verdict is " +
                  std::string(VerdictName(current));
    return;
  }
  if (current != Verdict::kWarn && current != Verdict::kNeedsHuman) {
    review.effect = ActionEffect::kNotApplicable;
    review.note = std::string(VerdictName(current)) + " cannot be approved";
    return;
  }
  review.effect = ActionEffect::kApplied;
  review.note = std::string(VerdictName(current)) + " approved";
  result.effective = Verdict::kApprove;
  if (!result.approved_by) result.approved_by = a.sequence;
}

// "a control character" or "invalid UTF-8" for the first such problem in `text`, else
// null. UTF-8 per RFC 3629: no overlongs, surrogates or code points above U+10FFFF;
// C0, DEL and C1 controls count as control characters.
const char* TextProblem(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    size_t extra = 0;
    uint32_t min = 0;
    uint32_t cp = lead;
    if (lead < 0x80) {
      extra = 0;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      extra = 1, min = 0x80, cp = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      extra = 2, min = 0x800, cp = lead & 0x0f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      extra = 3, min = 0x10000, cp = lead & 0x07;
    } else {
      return "invalid UTF-8";
    }
    if (i + extra >= text.size() && extra > 0) return "invalid UTF-8";
    for (size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return "invalid UTF-8";
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "invalid UTF-8";
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) return "a control character";
    i += extra + 1;
  }
  return nullptr;
}

Status ValidateActor(std::string_view actor) {
  return ValidateActionText("--actor", actor, kMaxActorBytes);
}

// kFailedPrecondition when the person reviewed another digest than the decision's.
Status CheckReviewedDigest(const DecidedVerdict& decision, const ActionRequest& request) {
  if (request.reviewed_digest.empty() || request.reviewed_digest == decision.digest) {
    return Status::Ok();
  }
  return FailedPreconditionError("stale digest: you reviewed " + request.reviewed_digest +
                                 ", but the decision's digest is " + decision.digest +
                                 "; review the decision again (docket decision show)");
}

HumanAction NewAction(ActionKind kind, const DecidedVerdict& decision, const ActionRequest& request,
                      Timestamp now) {
  HumanAction action;
  action.kind = kind;
  action.at = now;
  action.actor = request.actor;
  action.reason = request.reason;
  action.decision_digest = decision.digest;
  return action;
}

// The latest override awaiting a second approver, if any.
const ActionReview* PendingOverride(const EffectiveVerdict& state) {
  for (auto it = state.trail.rbegin(); it != state.trail.rend(); ++it) {
    if (it->kind == ActionKind::kOverride && it->effect == ActionEffect::kPending) return &*it;
  }
  return nullptr;
}

const HumanAction* BySequence(std::span<const HumanAction> actions, uint64_t sequence) {
  for (const HumanAction& a : actions) {
    if (a.sequence == sequence) return &a;
  }
  return nullptr;
}

}  // namespace

std::string_view ActionKindName(ActionKind kind) {
  switch (kind) {
    case ActionKind::kApproval:
      return "APPROVAL";
    case ActionKind::kOverride:
      return "OVERRIDE";
    case ActionKind::kInvalidation:
      return "INVALIDATION";
  }
  return "APPROVAL";
}

std::string_view ActionEffectName(ActionEffect effect) {
  switch (effect) {
    case ActionEffect::kApplied:
      return "applied";
    case ActionEffect::kConfirmed:
      return "confirmed";
    case ActionEffect::kRecorded:
      return "recorded";
    case ActionEffect::kStale:
      return "stale";
    case ActionEffect::kInvalid:
      return "invalid";
    case ActionEffect::kPending:
      return "pending";
    case ActionEffect::kExpired:
      return "expired";
    case ActionEffect::kSuperseded:
      return "superseded";
    case ActionEffect::kNotApplicable:
      return "not_applicable";
  }
  return "invalid";
}

EffectiveVerdict DeriveEffectiveVerdict(const DecidedVerdict& decision,
                                        std::span<const HumanAction> unordered,
                                        const OverridePolicy& policy, Timestamp now) {
  const std::vector<HumanAction> actions = InLedgerOrder(unordered);
  EffectiveVerdict result;
  result.decided = result.before_approvals = result.effective = decision.verdict;
  result.trail.resize(actions.size());
  std::vector<bool> stale(actions.size());
  std::map<uint64_t, const HumanAction*> overrides;
  for (size_t i = 0; i < actions.size(); ++i) {
    ActionReview& review = result.trail[i];
    review.sequence = actions[i].sequence;
    review.kind = actions[i].kind;
    stale[i] = actions[i].decision_digest != decision.digest;
    if (stale[i]) {
      review.effect = ActionEffect::kStale;
      review.note = "ignored: binds to " + actions[i].decision_digest +
                    ", but the decision's digest is " + decision.digest;
    } else if (actions[i].kind == ActionKind::kOverride) {
      overrides[actions[i].sequence] = &actions[i];
    }
  }
  std::optional<size_t> in_force;
  for (size_t i = 0; i < actions.size(); ++i) {
    if (stale[i] || actions[i].kind != ActionKind::kOverride) continue;
    if (!ReviewOverride(decision, actions[i], actions, stale, policy, now, result.trail[i])) {
      continue;
    }
    if (in_force) {
      result.trail[*in_force].effect = ActionEffect::kSuperseded;
      result.trail[*in_force].note = "superseded by the override at " + Entry(actions[i].sequence);
    }
    in_force = i;
  }
  if (in_force) {
    result.before_approvals = result.effective = actions[*in_force].verdict;
    result.override_in_force = actions[*in_force].sequence;
    result.falls_back_at = actions[*in_force].expires_at;
  }
  for (size_t i = 0; i < actions.size(); ++i) {
    if (stale[i]) continue;
    if (actions[i].kind == ActionKind::kApproval) {
      ReviewApproval(actions[i], overrides, result, result.trail[i]);
    } else if (actions[i].kind == ActionKind::kInvalidation) {
      result.trail[i].effect = ActionEffect::kRecorded;
      result.trail[i].note = result.invalidated_by
                                 ? "already invalidated at " + Entry(*result.invalidated_by)
                                 : "excluded from future baselines";
      if (!result.invalidated_by) result.invalidated_by = actions[i].sequence;
    }
  }
  return result;
}

Status ValidateActionText(std::string_view what, std::string_view text, size_t max_bytes) {
  const std::string rule = std::string(what) + ": 1 to " + std::to_string(max_bytes) +
                           " bytes of UTF-8 text without control characters";
  if (text.empty() || text.size() > max_bytes) return InvalidArgumentError(rule);
  if (const char* problem = TextProblem(text)) {
    return InvalidArgumentError(rule + " (" + problem + ")");
  }
  return Status::Ok();
}

StatusOr<HumanAction> PrepareApproval(const DecidedVerdict& decision,
                                      std::span<const HumanAction> actions,
                                      const OverridePolicy& policy, Timestamp now,
                                      const ActionRequest& request) {
  DOCKET_RETURN_IF_ERROR(ValidateActor(request.actor));
  DOCKET_RETURN_IF_ERROR(ValidateActionText("--reason", request.reason, kMaxReasonBytes));
  DOCKET_RETURN_IF_ERROR(CheckReviewedDigest(decision, request));
  const EffectiveVerdict state = DeriveEffectiveVerdict(decision, actions, policy, now);
  HumanAction approval = NewAction(ActionKind::kApproval, decision, request, now);
  if (const ActionReview* pending = PendingOverride(state)) {
    const HumanAction* o = BySequence(actions, pending->sequence);
    if (o->actor == request.actor) {
      return FailedPreconditionError("the override at " + Entry(o->sequence) +
                                     " needs a second approver other than " + o->actor +
                                     ", who recorded it");
    }
    approval.confirms = o->sequence;
    approval.verdict = o->verdict;
    return approval;
  }
  const Verdict current = state.before_approvals;
  if (current == Verdict::kApprove) {
    return FailedPreconditionError("nothing to approve: the verdict is already APPROVE");
  }
  if (current == Verdict::kBlock) {
    return FailedPreconditionError(
        "a BLOCK cannot be approved: it needs an override (docket override --verdict ... "
        "--ticket ... --expires ...)");
  }
  for (const ActionReview& r : state.trail) {
    const HumanAction* a = BySequence(actions, r.sequence);
    if (r.effect == ActionEffect::kApplied && a->kind == ActionKind::kApproval &&
        a->actor == request.actor) {
      return FailedPreconditionError(request.actor + " already approved " +
                                     std::string(VerdictName(current)) + " at " +
                                     Entry(a->sequence));
    }
  }
  approval.verdict = current;
  return approval;
}

StatusOr<HumanAction> PrepareOverride(const DecidedVerdict& decision,
                                      std::span<const HumanAction> actions,
                                      const OverridePolicy& policy, Timestamp now,
                                      const ActionRequest& request) {
  DOCKET_RETURN_IF_ERROR(ValidateActor(request.actor));
  if (policy.require_reason && request.reason.empty()) {
    return InvalidArgumentError(
        "--reason is required: the policy requires a reason for an "
        "override (overrides.require_reason)");
  }
  if (policy.require_ticket && request.ticket.empty()) {
    return InvalidArgumentError(
        "--ticket is required: the policy requires a ticket for an "
        "override (overrides.require_ticket)");
  }
  if (policy.require_reason || !request.reason.empty()) {
    DOCKET_RETURN_IF_ERROR(ValidateActionText("--reason", request.reason, kMaxReasonBytes));
  }
  if (policy.require_ticket || !request.ticket.empty()) {
    DOCKET_RETURN_IF_ERROR(ValidateActionText("--ticket", request.ticket, kMaxTicketBytes));
  }
  if (!request.expires_in || request.expires_in->count() <= 0) {
    return InvalidArgumentError("--expires: an override needs a positive expiry, e.g. 24h");
  }
  const std::chrono::seconds limit(policy.max_expiry_s);
  if (*request.expires_in > limit) {
    return InvalidArgumentError("--expires " + DurationText(*request.expires_in) +
                                " is above the policy's limit of " + DurationText(limit) +
                                " (overrides.max_expiry)");
  }
  DOCKET_RETURN_IF_ERROR(CheckReviewedDigest(decision, request));
  const EffectiveVerdict state = DeriveEffectiveVerdict(decision, actions, policy, now);
  if (request.verdict == state.effective) {
    return FailedPreconditionError("the effective verdict is already " +
                                   std::string(VerdictName(state.effective)));
  }
  HumanAction o = NewAction(ActionKind::kOverride, decision, request, now);
  o.ticket = request.ticket;
  o.verdict = request.verdict;
  o.expires_at = now + *request.expires_in;
  return o;
}

StatusOr<HumanAction> PrepareInvalidation(const DecidedVerdict& decision,
                                          std::span<const HumanAction> actions,
                                          const ActionRequest& request, Timestamp now) {
  DOCKET_RETURN_IF_ERROR(ValidateActor(request.actor));
  DOCKET_RETURN_IF_ERROR(ValidateActionText("--reason", request.reason, kMaxReasonBytes));
  DOCKET_RETURN_IF_ERROR(CheckReviewedDigest(decision, request));
  for (const HumanAction& a : actions) {
    if (a.kind == ActionKind::kInvalidation && a.decision_digest == decision.digest) {
      return FailedPreconditionError("already invalidated by " + a.actor + " at " +
                                     Entry(a.sequence));
    }
  }
  return NewAction(ActionKind::kInvalidation, decision, request, now);
}

}  // namespace docket::policies
