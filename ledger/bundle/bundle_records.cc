// Bundle record codec; see bundle_records.h. The only code that touches the generated
// bundle messages: every other part of ledger/bundle/ works on the C++ values.
#include "ledger/bundle/bundle_records.h"

#include <google/protobuf/message.h>
#include <google/protobuf/unknown_field_set.h>

#include <utility>

#include "ledger/note.h"
#include "ledger/note_key.h"
#include "ledger/proto/bundle.pb.h"
#include "ledger/vault/subject_keyring.h"

namespace docket::ledger::bundle {
namespace {

namespace pb = ::docket::ledger;  // the generated messages
using PbRecord = pb::BundleRecord;

void AppendVarint(uint64_t value, std::string& out) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

template <typename Repeated>
void PutHashes(const std::vector<Hash>& hashes, Repeated* out) {
  for (const Hash& hash : hashes) out->Add(std::string(hash.AsBytes()));
}

template <typename Repeated>
StatusOr<std::vector<Hash>> GetHashes(const Repeated& in) {
  if (static_cast<size_t>(in.size()) > kMaxBundleProofHashes) {
    return DataLossError("proof has " + std::to_string(in.size()) + " hashes, more than " +
                         std::to_string(kMaxBundleProofHashes));
  }
  std::vector<Hash> hashes;
  for (int i = 0; i < in.size(); ++i) {
    const std::string& bytes = in.Get(i);
    if (bytes.size() != 32) {
      return DataLossError("proof hash " + std::to_string(i) + " has " +
                           std::to_string(bytes.size()) + " bytes, not 32");
    }
    Hash hash;
    std::copy(bytes.begin(), bytes.end(), hash.bytes.begin());
    hashes.push_back(hash);
  }
  return hashes;
}

bool HasUnknownFields(const google::protobuf::Message& message) {
  return !message.GetReflection()->GetUnknownFields(message).empty();
}

struct ToProto {
  PbRecord& out;
  void operator()(const Header& h) const {
    pb::BundleHeader* m = out.mutable_header();
    m->set_format_version(h.format_version);
    m->set_origin(h.origin);
    for (const std::string& key : h.verifier_keys) m->add_verifier_keys(key);
    m->set_tree_size(h.tree_size);
    m->set_scope(h.scope == Scope::kWholeLog ? pb::BundleHeader::WHOLE_LOG
                                             : pb::BundleHeader::SELECTION);
    for (const std::string& term : h.selection) m->add_selection(term);
  }
  void operator()(const CheckpointNote& c) const {
    out.mutable_checkpoint()->set_signed_note(c.signed_note);
  }
  void operator()(const ConsistencyProof& p) const {
    pb::BundleConsistencyProof* m = out.mutable_consistency_proof();
    m->set_from_size(p.from_size);
    m->set_to_size(p.to_size);
    PutHashes(p.hashes, m->mutable_hashes());
  }
  void operator()(const Erasure& e) const {
    out.mutable_erasure()->set_subject(e.subject);
    out.mutable_erasure()->set_receipt_index(e.receipt_index);
  }
  void operator()(const Entry& e) const {
    out.mutable_entry()->set_index(e.index);
    out.mutable_entry()->set_entry(e.bytes);
  }
  void operator()(const InclusionProof& p) const {
    pb::BundleInclusionProof* m = out.mutable_inclusion_proof();
    m->set_index(p.index);
    m->set_tree_size(p.tree_size);
    PutHashes(p.hashes, m->mutable_hashes());
  }
  void operator()(const Blob& b) const {
    out.mutable_blob()->set_digest(b.digest);
    out.mutable_blob()->set_stored(b.stored);
  }
  void operator()(const End& e) const { out.mutable_end()->set_record_count(e.record_count); }
};

StatusOr<Record> FromHeader(const pb::BundleHeader& m) {
  if (m.format_version() != kBundleFormatVersion) {
    return InvalidArgumentError("unsupported bundle format version " +
                                std::to_string(m.format_version()) + " (this verifier reads " +
                                std::to_string(kBundleFormatVersion) + ")");
  }
  Header h;
  h.origin = m.origin();
  if (h.origin.empty() || h.origin.find('\n') != std::string::npos) {
    return DataLossError("header origin is empty or holds a newline");
  }
  if (m.verifier_keys().empty() ||
      static_cast<size_t>(m.verifier_keys_size()) > kMaxBundleVerifierKeys) {
    return DataLossError("header must carry 1 to " + std::to_string(kMaxBundleVerifierKeys) +
                         " verifier keys, has " + std::to_string(m.verifier_keys_size()));
  }
  for (int i = 0; i < m.verifier_keys_size(); ++i) {
    if (StatusOr<Verifier> key = Verifier::Parse(m.verifier_keys(i)); !key.ok()) {
      return DataLossError("header verifier key " + std::to_string(i) + ": " +
                           key.status().message());
    }
    h.verifier_keys.push_back(m.verifier_keys(i));
  }
  h.tree_size = m.tree_size();
  if (m.scope() == pb::BundleHeader::WHOLE_LOG) {
    h.scope = Scope::kWholeLog;
    if (!m.selection().empty()) return DataLossError("a whole-log header lists selection terms");
  } else if (m.scope() == pb::BundleHeader::SELECTION) {
    h.scope = Scope::kSelection;
  } else {
    return DataLossError("header scope " + std::to_string(m.scope()) + " is not known");
  }
  if (static_cast<size_t>(m.selection_size()) > kMaxBundleSelectionTerms) {
    return DataLossError("header lists more than " + std::to_string(kMaxBundleSelectionTerms) +
                         " selection terms");
  }
  h.selection.assign(m.selection().begin(), m.selection().end());
  return Record(std::move(h));
}

StatusOr<Record> FromCheckpoint(const pb::BundleCheckpoint& m) {
  CheckpointNote c;
  c.signed_note = m.signed_note();
  StatusOr<Note> note = ParseNote(c.signed_note);
  if (!note.ok()) return DataLossError("checkpoint note: " + note.status().message());
  StatusOr<Checkpoint> body = ParseCheckpointBody(note->text);
  if (!body.ok()) return DataLossError("checkpoint body: " + body.status().message());
  c.body = std::move(*body);
  return Record(std::move(c));
}

StatusOr<Record> FromRecord(const PbRecord& m) {
  switch (m.record_case()) {
    case PbRecord::kHeader:
      return FromHeader(m.header());
    case PbRecord::kCheckpoint:
      return FromCheckpoint(m.checkpoint());
    case PbRecord::kConsistencyProof: {
      DOCKET_ASSIGN_OR_RETURN(std::vector<Hash> hashes, GetHashes(m.consistency_proof().hashes()));
      return Record(ConsistencyProof{.from_size = m.consistency_proof().from_size(),
                                     .to_size = m.consistency_proof().to_size(),
                                     .hashes = std::move(hashes)});
    }
    case PbRecord::kErasure: {
      if (Status valid = ValidateSubject(m.erasure().subject()); !valid.ok()) {
        return DataLossError("erasure subject: " + valid.message());
      }
      return Record(
          Erasure{.subject = m.erasure().subject(), .receipt_index = m.erasure().receipt_index()});
    }
    case PbRecord::kEntry:
      return Record(Entry{.index = m.entry().index(), .bytes = m.entry().entry()});
    case PbRecord::kInclusionProof: {
      DOCKET_ASSIGN_OR_RETURN(std::vector<Hash> hashes, GetHashes(m.inclusion_proof().hashes()));
      return Record(InclusionProof{.index = m.inclusion_proof().index(),
                                   .tree_size = m.inclusion_proof().tree_size(),
                                   .hashes = std::move(hashes)});
    }
    case PbRecord::kBlob:
      if (!IsBlobDigest(m.blob().digest())) {
        return DataLossError("blob digest is not sha256:<64 lowercase hex digits>");
      }
      return Record(Blob{.digest = m.blob().digest(), .stored = m.blob().stored()});
    case PbRecord::kEnd:
      return Record(End{.record_count = m.end().record_count()});
    case PbRecord::RECORD_NOT_SET:
      break;
  }
  return DataLossError("record holds no known record kind");
}

const google::protobuf::Message* SetSubmessage(const PbRecord& m) {
  const google::protobuf::OneofDescriptor* oneof = m.GetDescriptor()->FindOneofByName("record");
  const google::protobuf::FieldDescriptor* field =
      m.GetReflection()->GetOneofFieldDescriptor(m, oneof);
  return field == nullptr ? nullptr : &m.GetReflection()->GetMessage(m, field);
}

}  // namespace

std::string_view RecordKind(const Record& record) {
  static constexpr std::string_view kKinds[] = {"header",  "checkpoint", "consistency proof",
                                                "erasure", "entry",      "inclusion proof",
                                                "blob",    "end"};
  static_assert(std::size(kKinds) == std::variant_size_v<Record>);
  return kKinds[record.index()];
}

StatusOr<std::string> EncodeRecord(const Record& record) {
  PbRecord message;
  std::visit(ToProto{message}, record);
  std::string body;
  if (!message.SerializeToString(&body)) {
    return InternalError(std::string("cannot serialize bundle ") + std::string(RecordKind(record)) +
                         " record");
  }
  std::string framed;
  AppendVarint(body.size(), framed);
  framed += body;
  return framed;
}

StatusOr<Record> DecodeRecord(std::string_view body) {
  PbRecord message;
  if (!message.ParseFromArray(body.data(), static_cast<int>(body.size()))) {
    return DataLossError("not a well-formed Record message");
  }
  const google::protobuf::Message* sub = SetSubmessage(message);
  if (HasUnknownFields(message) || (sub != nullptr && HasUnknownFields(*sub))) {
    return DataLossError("record holds unknown fields");
  }
  return FromRecord(message);
}

bool IsBlobDigest(std::string_view digest) {
  constexpr std::string_view kPrefix = "sha256:";
  if (digest.size() != kPrefix.size() + 64 || !digest.starts_with(kPrefix)) return false;
  for (const char c : digest.substr(kPrefix.size())) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace docket::ledger::bundle
