// Key events; see key_events.h.
#include "ledger/key_events.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "ledger/proto/entry.pb.h"

namespace docket::ledger {
namespace {

constexpr char kAdd[] = "add";
constexpr char kRetire[] = "retire";

}  // namespace

std::string KeyEventEntryBytes(const KeyEvent& event, std::string_view logical_time) {
  LedgerEntry entry;
  entry.set_type(LedgerEntry::KEY_EVENT);
  entry.set_logical_time(std::string(logical_time));
  auto& attributes = *entry.mutable_attributes();
  attributes["action"] = event.action == KeyEvent::Action::kAdd ? kAdd : kRetire;
  attributes["key"] = event.key.Format();
  std::string bytes;
  // Deterministic: the attribute map is written in key order.
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  entry.SerializeToCodedStream(&coded);
  coded.Trim();
  return bytes;
}

StatusOr<std::optional<KeyEvent>> ParseKeyEvent(std::string_view entry_bytes) {
  // proto3 writes field 1 (the type, a varint) first when it is set: tag 0x08, then
  // KEY_EVENT = 10. Anything else is not a key event, and costs no parse.
  if (entry_bytes.size() < 2 || entry_bytes[0] != 0x08 ||
      entry_bytes[1] != static_cast<char>(LedgerEntry::KEY_EVENT)) {
    return std::optional<KeyEvent>();
  }
  LedgerEntry entry;
  if (!entry.ParseFromArray(entry_bytes.data(), static_cast<int>(entry_bytes.size())) ||
      entry.type() != LedgerEntry::KEY_EVENT) {
    return std::optional<KeyEvent>();
  }
  const auto& attributes = entry.attributes();
  const auto action = attributes.find("action");
  const auto key = attributes.find("key");
  if (action == attributes.end() || (action->second != kAdd && action->second != kRetire)) {
    return DataLossError("key event without an action of \"add\" or \"retire\"");
  }
  if (key == attributes.end()) return DataLossError("key event without a key");
  StatusOr<Verifier> verifier = Verifier::Parse(key->second);
  if (!verifier.ok()) return DataLossError("key event key: " + verifier.status().message());
  return std::optional<KeyEvent>(KeyEvent{
      .action = action->second == kAdd ? KeyEvent::Action::kAdd : KeyEvent::Action::kRetire,
      .key = std::move(*verifier)});
}

}  // namespace docket::ledger
