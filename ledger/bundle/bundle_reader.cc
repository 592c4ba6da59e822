// BundleReader; see bundle_reader.h. Structure only: every hash and signature is left
// to VerifyBundle, so this file can be fuzzed fast and read in one sitting.
#include "ledger/bundle/bundle_reader.h"

#include <algorithm>
#include <utility>

namespace docket::ledger {
namespace {

constexpr size_t kReadChunk = size_t{1} << 20;

// Sections in file order; an inclusion proof shares its entry's section.
int SectionOf(const bundle::Record& record) {
  const int index = static_cast<int>(record.index());
  return std::holds_alternative<bundle::InclusionProof>(record) ? index - 1 : index;
}

// "record 5 (entry 17)": the number, the kind and, where there is one, its name.
std::string Label(uint64_t number, const bundle::Record& record) {
  std::string label = "record " + std::to_string(number) + " (" + std::string(RecordKind(record));
  if (const auto* e = std::get_if<bundle::Entry>(&record)) {
    label += " " + std::to_string(e->index);
  } else if (const auto* p = std::get_if<bundle::InclusionProof>(&record)) {
    label += " of entry " + std::to_string(p->index);
  } else if (const auto* c = std::get_if<bundle::CheckpointNote>(&record)) {
    label += " " + std::to_string(c->body.size);
  } else if (const auto* b = std::get_if<bundle::Blob>(&record)) {
    label += " " + b->digest;
  } else if (const auto* x = std::get_if<bundle::Erasure>(&record)) {
    label += " of subject " + x->subject;
  }
  return label + ")";
}

bool IsCheckpointSize(const std::vector<uint64_t>& sizes, uint64_t size) {
  return std::binary_search(sizes.begin(), sizes.end(), size);
}

}  // namespace

Status BundleReader::Fail(Status status) {
  failed_ = std::move(status);
  return failed_;
}

StatusOr<std::optional<uint64_t>> BundleReader::ReadLength() {
  const std::string where = "record " + std::to_string(records_ + 1) + ": ";
  uint64_t value = 0;
  for (int i = 0; i < 10; ++i) {
    const int c = in_.get();
    if (c == std::char_traits<char>::eof()) {
      if (i == 0) return std::optional<uint64_t>();
      return DataLossError(where + "the file ends inside the record length");
    }
    if (i == 9 && (c & 0xfe) != 0) return DataLossError(where + "record length overflows 64 bits");
    value |= static_cast<uint64_t>(c & 0x7f) << (7 * i);
    if ((c & 0x80) == 0) {
      if (i > 0 && c == 0) return DataLossError(where + "record length is not a minimal varint");
      if (value > kMaxBundleRecordBytes) {
        return DataLossError(where + "record length " + std::to_string(value) +
                             " exceeds the limit of " + std::to_string(kMaxBundleRecordBytes));
      }
      return std::optional<uint64_t>(value);
    }
  }
  return DataLossError(where + "record length overflows 64 bits");
}

StatusOr<std::string> BundleReader::ReadBody(uint64_t length) {
  // Grows with the bytes actually read, so a length the file cannot back costs nothing.
  std::string body;
  while (body.size() < length) {
    const size_t old = body.size();
    const size_t chunk = static_cast<size_t>(std::min<uint64_t>(length - old, kReadChunk));
    body.resize(old + chunk);
    in_.read(body.data() + old, static_cast<std::streamsize>(chunk));
    if (static_cast<size_t>(in_.gcount()) != chunk) {
      return DataLossError("record " + std::to_string(records_) + ": the file ends after " +
                           std::to_string(old + in_.gcount()) + " of its " +
                           std::to_string(length) + " bytes (truncated)");
    }
  }
  return body;
}

StatusOr<std::optional<bundle::Record>> BundleReader::Next() {
  if (!failed_.ok()) return failed_;
  if (ended_) return std::optional<bundle::Record>();
  if (!started_) {
    std::string magic(kBundleMagic.size(), '\0');
    in_.read(magic.data(), static_cast<std::streamsize>(magic.size()));
    if (static_cast<size_t>(in_.gcount()) != magic.size() || magic != kBundleMagic) {
      return Fail(InvalidArgumentError(
          "not a docket evidence bundle: it does not start with \"docket-bundle/1\\n\""));
    }
    started_ = true;
  }
  StatusOr<std::optional<uint64_t>> length = ReadLength();
  if (!length.ok()) return Fail(length.status());
  if (!length->has_value()) {
    return Fail(DataLossError("the bundle ends after record " + std::to_string(records_) +
                              " without its end record (truncated?)"));
  }
  ++records_;
  StatusOr<std::string> body = ReadBody(**length);
  if (!body.ok()) return Fail(body.status());
  StatusOr<bundle::Record> record = bundle::DecodeRecord(*body);
  if (!record.ok()) {
    return Fail(Status(record.status().code(),
                       "record " + std::to_string(records_) + ": " + record.status().message()));
  }
  if (Status placed = CheckPlace(*record); !placed.ok()) {
    return Fail(DataLossError(Label(records_, *record) + ": " + placed.message()));
  }
  if (const auto* end = std::get_if<bundle::End>(&*record)) {
    if (Status complete = CheckComplete(*end); !complete.ok()) {
      return Fail(DataLossError(Label(records_, *record) + ": " + complete.message()));
    }
    if (in_.peek() != std::char_traits<char>::eof()) {
      return Fail(DataLossError("bytes follow the end record " + std::to_string(records_)));
    }
    ended_ = true;
  }
  section_ = SectionOf(*record);
  return std::optional<bundle::Record>(std::move(*record));
}

Status BundleReader::CheckPlace(const bundle::Record& record) {
  const bool is_header = std::holds_alternative<bundle::Header>(record);
  if (records_ == 1 && !is_header) return DataLossError("the first record must be the header");
  if (records_ > 1 && is_header) return DataLossError("a second header");
  if (is_header) {
    header_ = std::get<bundle::Header>(record);
    return Status::Ok();
  }
  if (awaiting_proof_ && !std::holds_alternative<bundle::InclusionProof>(record)) {
    return DataLossError("entry " + std::to_string(*last_entry_) + " has no inclusion proof");
  }
  if (SectionOf(record) < section_) {
    return DataLossError(
        "out of order: records must go header, checkpoints, consistency proofs, erasures, entries, "
        "blobs, end");
  }
  return std::visit([this](const auto& r) { return Place(r); }, record);
}

Status BundleReader::Place(const bundle::CheckpointNote& c) {
  if (c.body.origin != header_.origin) {
    return DataLossError("names origin \"" + c.body.origin + "\", the header \"" + header_.origin +
                         "\"");
  }
  if (c.body.size > header_.tree_size) {
    return DataLossError("is beyond the header's tree size " + std::to_string(header_.tree_size));
  }
  if (!checkpoint_sizes_.empty() && c.body.size <= checkpoint_sizes_.back()) {
    return DataLossError("does not follow checkpoint " + std::to_string(checkpoint_sizes_.back()) +
                         " in increasing size");
  }
  checkpoint_sizes_.push_back(c.body.size);
  return Status::Ok();
}

Status BundleReader::Place(const bundle::ConsistencyProof& p) {
  if (p.from_size >= p.to_size || !IsCheckpointSize(checkpoint_sizes_, p.from_size) ||
      !IsCheckpointSize(checkpoint_sizes_, p.to_size)) {
    return DataLossError("must go from a smaller to a larger checkpoint size of the bundle");
  }
  const std::pair<uint64_t, uint64_t> sizes(p.from_size, p.to_size);
  if (last_consistency_.has_value() && sizes <= *last_consistency_) {
    return DataLossError("consistency proofs must be in increasing (from, to) order");
  }
  last_consistency_ = sizes;
  return Status::Ok();
}

Status BundleReader::Place(const bundle::Erasure& x) {
  if (x.receipt_index >= header_.tree_size) {
    return DataLossError("receipt entry " + std::to_string(x.receipt_index) +
                         " is beyond the header's tree size " + std::to_string(header_.tree_size));
  }
  if (last_subject_.has_value() && x.subject <= *last_subject_) {
    return DataLossError("erasures must be in strictly increasing subject order");
  }
  last_subject_ = x.subject;
  return Status::Ok();
}

Status BundleReader::Place(const bundle::Entry& e) {
  if (e.index >= header_.tree_size) {
    return DataLossError("is beyond the header's tree size " + std::to_string(header_.tree_size));
  }
  if (last_entry_.has_value() && e.index <= *last_entry_) {
    return DataLossError("does not follow entry " + std::to_string(*last_entry_) +
                         " in increasing index order");
  }
  if (header_.scope == bundle::Scope::kWholeLog && e.index != entries_) {
    return DataLossError("a whole-log bundle holds every entry, but entry " +
                         std::to_string(entries_) + " is missing");
  }
  last_entry_ = e.index;
  ++entries_;
  awaiting_proof_ = header_.scope == bundle::Scope::kSelection;
  return Status::Ok();
}

Status BundleReader::Place(const bundle::InclusionProof& q) {
  if (header_.scope == bundle::Scope::kWholeLog) {
    return DataLossError("a whole-log bundle carries no inclusion proofs");
  }
  if (!awaiting_proof_ || q.index != *last_entry_)
    return DataLossError("does not follow its entry");
  if (q.index >= q.tree_size || !IsCheckpointSize(checkpoint_sizes_, q.tree_size)) {
    return DataLossError("tree size " + std::to_string(q.tree_size) +
                         " is not a checkpoint size of the bundle above the entry");
  }
  awaiting_proof_ = false;
  return Status::Ok();
}

Status BundleReader::Place(const bundle::Blob& b) {
  if (last_digest_.has_value() && b.digest <= *last_digest_) {
    return DataLossError("blobs must be in strictly increasing digest order");
  }
  last_digest_ = b.digest;
  return Status::Ok();
}

Status BundleReader::CheckComplete(const bundle::End& end) const {
  if (end.record_count != records_ - 1) {
    return DataLossError("counts " + std::to_string(end.record_count) +
                         " records before it, the bundle has " + std::to_string(records_ - 1));
  }
  const uint64_t tree_size = header_.tree_size;
  if (header_.scope == bundle::Scope::kWholeLog && entries_ != tree_size) {
    return DataLossError("a whole-log bundle holds every entry, but entry " +
                         std::to_string(entries_) + " is missing");
  }
  if (tree_size > 0 && (checkpoint_sizes_.empty() || checkpoint_sizes_.back() != tree_size)) {
    return DataLossError("the bundle has no checkpoint of the header's tree size " +
                         std::to_string(tree_size));
  }
  return Status::Ok();
}

StatusOr<bundle::Header> ReadBundleHeader(std::istream& in) {
  BundleReader reader(in);
  DOCKET_ASSIGN_OR_RETURN(std::optional<bundle::Record> first, reader.Next());
  if (!first.has_value()) return DataLossError("the bundle has no header");
  return std::get<bundle::Header>(std::move(*first));
}

}  // namespace docket::ledger
