// The actor's signature covers EntryBytes (deterministic: attributes sorted by key) of
// the entry without `actor_signature`. Deterministic serialization writes each map entry
// as its own top-level record, so those bytes are exactly the stored bytes minus that one
// record: ActorSignedBytes cuts it out of the stored bytes instead of re-serializing.
#include "adapters/sinks/approval_entries.h"

#include <charconv>

#include "adapters/sinks/run_entries.h"
#include "engine/base/encoding.h"
#include "engine/base/time_format.h"

namespace docket::adapters {
namespace {

using ledger::LedgerEntry;
using policies::ActionKind;
using policies::HumanAction;

constexpr uint32_t kAttributesField = 7;  // LedgerEntry.attributes (entry.proto)
constexpr size_t kEd25519SignatureBytes = 64;

LedgerEntry::Type TypeOf(ActionKind kind) {
  switch (kind) {
    case ActionKind::kApproval:
      return LedgerEntry::APPROVAL;
    case ActionKind::kOverride:
      return LedgerEntry::OVERRIDE;
    case ActionKind::kInvalidation:
      return LedgerEntry::INVALIDATION;
  }
  return LedgerEntry::APPROVAL;
}

// A base-128 varint at `bytes[pos]`, advancing `pos`; nullopt when truncated or longer
// than 10 bytes.
std::optional<uint64_t> ReadVarint(std::string_view bytes, size_t& pos) {
  uint64_t value = 0;
  for (int shift = 0; shift < 70 && pos < bytes.size(); shift += 7) {
    const auto byte = static_cast<uint8_t>(bytes[pos++]);
    value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  return std::nullopt;
}

// The end of the field whose tag ended at `pos` (wire type `wire`); nullopt if malformed.
std::optional<size_t> SkipField(std::string_view bytes, size_t pos, uint64_t wire) {
  switch (wire) {
    case 0:
      if (!ReadVarint(bytes, pos)) return std::nullopt;
      return pos;
    case 1:
      return bytes.size() - pos >= 8 ? std::optional<size_t>(pos + 8) : std::nullopt;
    case 2: {
      const std::optional<uint64_t> length = ReadVarint(bytes, pos);
      if (!length || *length > bytes.size() - pos) return std::nullopt;
      return pos + *length;
    }
    case 5:
      return bytes.size() - pos >= 4 ? std::optional<size_t>(pos + 4) : std::nullopt;
    default:
      return std::nullopt;
  }
}

// True when the map entry `record` (key = field 1, value = field 2) has key `key`; the
// last key field wins, as in protobuf parsing.
bool MapEntryHasKey(std::string_view record, std::string_view key) {
  std::optional<std::string_view> found;
  for (size_t pos = 0; pos < record.size();) {
    const std::optional<uint64_t> tag = ReadVarint(record, pos);
    if (!tag) return false;
    const std::optional<size_t> end = SkipField(record, pos, *tag & 7);
    if (!end) return false;
    if (*tag == ((1 << 3) | 2)) {
      size_t body = pos;
      const std::optional<uint64_t> length = ReadVarint(record, body);
      if (!length) return false;
      found = record.substr(body, *length);
    }
    pos = *end;
  }
  return found == key;
}

std::string Attribute(const LedgerEntry& entry, const std::string& name) {
  const auto it = entry.attributes().find(name);
  return it == entry.attributes().end() ? "" : it->second;
}

StatusOr<uint64_t> ParseIndex(std::string_view text) {
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    return DataLossError("not an entry index: '" + std::string(text) + "'");
  }
  return value;
}

Status ReadVerdictAndExpiry(const LedgerEntry& entry, HumanAction& action) {
  if (action.kind == ActionKind::kInvalidation) return Status::Ok();
  const std::string verdict = Attribute(entry, "verdict");
  const std::optional<policies::Verdict> parsed = policies::ParseVerdict(verdict);
  if (!parsed) return DataLossError("verdict '" + verdict + "' is not a verdict");
  action.verdict = *parsed;
  if (action.kind == ActionKind::kOverride) {
    StatusOr<Timestamp> expires = ParseRfc3339(Attribute(entry, "expires_at"));
    if (!expires.ok()) return DataLossError("expires_at: " + expires.status().message());
    action.expires_at = *expires;
  }
  if (const std::string confirms = Attribute(entry, "confirms"); !confirms.empty()) {
    DOCKET_ASSIGN_OR_RETURN(action.confirms, ParseIndex(confirms));
  }
  return Status::Ok();
}

}  // namespace

bool IsActionEntry(const LedgerEntry& entry) {
  return entry.type() == LedgerEntry::APPROVAL || entry.type() == LedgerEntry::OVERRIDE ||
         entry.type() == LedgerEntry::INVALIDATION;
}

LedgerEntry ActionEntry(const ActionTarget& target, const HumanAction& action,
                        std::string_view expires_in) {
  LedgerEntry entry;
  entry.set_type(TypeOf(action.kind));
  entry.set_decision_id(target.decision_id);
  entry.set_logical_time(FormatRfc3339(action.at));
  auto& a = *entry.mutable_attributes();
  a["decision_digest"] = action.decision_digest;
  a["decision_entry"] = std::to_string(target.decision_entry);
  if (!target.release.empty()) a["release"] = target.release;
  a["actor"] = action.actor;
  if (!action.reason.empty()) a["reason"] = action.reason;
  if (!action.ticket.empty()) a["ticket"] = action.ticket;
  if (action.kind != ActionKind::kInvalidation) {
    a["verdict"] = std::string(policies::VerdictName(action.verdict));
  }
  if (action.expires_at) a["expires_at"] = FormatRfc3339(*action.expires_at);
  if (!expires_in.empty()) a["expires_in"] = std::string(expires_in);
  if (action.confirms) a["confirms"] = std::to_string(*action.confirms);
  return entry;
}

Status SignActionEntry(const ledger::Signer& actor, LedgerEntry& entry) {
  auto& a = *entry.mutable_attributes();
  if (a.contains(kActorSignatureAttribute)) {
    return FailedPreconditionError("the entry is already signed");
  }
  a[kActorKeyAttribute] = actor.verifier().Format();
  DOCKET_ASSIGN_OR_RETURN(const std::string signature, actor.Sign(EntryBytes(entry)));
  a[kActorSignatureAttribute] = Base64Encode(signature);
  return Status::Ok();
}

StatusOr<std::string> ActorSignedBytes(std::string_view stored) {
  std::string signed_bytes;
  bool found = false;
  for (size_t pos = 0; pos < stored.size();) {
    const size_t start = pos;
    const std::optional<uint64_t> tag = ReadVarint(stored, pos);
    if (!tag || (*tag >> 3) == 0)
      return DataLossError("malformed entry at byte " + std::to_string(start));
    const std::optional<size_t> end = SkipField(stored, pos, *tag & 7);
    if (!end) return DataLossError("malformed entry at byte " + std::to_string(start));
    const std::string_view record = stored.substr(start, *end - start);
    bool is_signature = false;
    if ((*tag >> 3) == kAttributesField && (*tag & 7) == 2) {
      size_t body = pos;
      const std::optional<uint64_t> length = ReadVarint(stored, body);
      is_signature =
          length && MapEntryHasKey(stored.substr(body, *length), kActorSignatureAttribute);
    }
    if (is_signature && found) return DataLossError("the entry holds two actor signatures");
    if (is_signature) {
      found = true;
    } else {
      signed_bytes.append(record);
    }
    pos = *end;
  }
  if (!found) return DataLossError("the entry holds no actor signature");
  return signed_bytes;
}

StatusOr<std::optional<ledger::Verifier>> VerifyActorSignature(std::string_view stored,
                                                               const LedgerEntry& entry) {
  const std::string signature_text = Attribute(entry, kActorSignatureAttribute);
  if (signature_text.empty()) return std::optional<ledger::Verifier>();
  StatusOr<ledger::Verifier> key = ledger::Verifier::Parse(Attribute(entry, kActorKeyAttribute));
  if (!key.ok()) return DataLossError("actor_key: " + key.status().message());
  std::string signature;
  if (!Base64Decode(signature_text, signature) || signature.size() != kEd25519SignatureBytes) {
    return DataLossError("actor_signature is not base64 of a 64-byte Ed25519 signature");
  }
  DOCKET_ASSIGN_OR_RETURN(const std::string signed_bytes, ActorSignedBytes(stored));
  if (Status s = key->Verify(signed_bytes, signature); !s.ok()) {
    return DataLossError("the actor signature by " + key->name() +
                         " does not verify: " + s.message());
  }
  return std::optional<ledger::Verifier>(*std::move(key));
}

StatusOr<HumanAction> ActionFromEntry(uint64_t index, const LedgerEntry& entry) {
  const std::string where = "entry " + std::to_string(index) + ": ";
  if (!IsActionEntry(entry)) {
    return DataLossError(where + "not an APPROVAL, OVERRIDE or INVALIDATION entry");
  }
  HumanAction action;
  action.kind = entry.type() == LedgerEntry::APPROVAL   ? ActionKind::kApproval
                : entry.type() == LedgerEntry::OVERRIDE ? ActionKind::kOverride
                                                        : ActionKind::kInvalidation;
  action.sequence = index;
  StatusOr<Timestamp> at = ParseRfc3339(entry.logical_time());
  if (!at.ok()) return DataLossError(where + "logical_time: " + at.status().message());
  action.at = *at;
  action.actor = Attribute(entry, "actor");
  action.reason = Attribute(entry, "reason");
  action.ticket = Attribute(entry, "ticket");
  action.decision_digest = Attribute(entry, "decision_digest");
  if (action.actor.empty() || action.decision_digest.empty()) {
    return DataLossError(where + "an action names its actor and decision_digest");
  }
  if (Status s = ReadVerdictAndExpiry(entry, action); !s.ok()) {
    return DataLossError(where + s.message());
  }
  return action;
}

}  // namespace docket::adapters
