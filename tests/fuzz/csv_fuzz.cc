// Fuzz target: IngestFile over CSV bytes with a fixed mapping, then NormalizeRecord on
// every record. Aborts when an invariant breaks: every row is one record or one
// quarantine entry, an error appends nothing, all strings are valid UTF-8 (they
// round-trip through protobuf), excerpts are at most 200 bytes, and normalizing is
// idempotent.
#include <google/protobuf/util/message_differencer.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "workflows/ingest/ingest.h"
#include "workflows/ingest/normalize.h"
#include "workflows/ingest/utf8.h"
#include "tests/fuzz/fuzz_check.h"

namespace docket::workflows {
namespace {

SourceMapping Mapping() {
  SourceMapping m;
  m.source = "fuzz";
  m.format = InputFormat::kCsv;
  m.fields = {
      {"id", {"id"}},         {"text", {"title", "text"}}, {"created_at", {"created_at"}},
      {"rating", {"rating"}}, {"language", {"lang"}},      {"feature_area", {"area"}},
  };
  m.constants = {{"channel", "survey"}};
  m.extras = {"plan"};
  return m;
}

void CheckRecord(const FeedbackRecord& record, const IngestLimits& limits) {
  FeedbackRecord copy;
  FUZZ_CHECK(copy.ParseFromString(record.SerializeAsString()));  // strings are UTF-8
  FUZZ_CHECK(!record.text().empty() && record.text().size() <= limits.max_text_bytes);
  FUZZ_CHECK(!record.id().empty() && record.origin_line() >= 2);
  FUZZ_CHECK(record.rating() >= 0 && record.rating() <= 5);
  FUZZ_CHECK(record.created_at_us() >= 0 && record.created_at_us() < 253402300800'000000);
  NormalizeRecord(copy);
  FUZZ_CHECK(IsValidUtf8(copy.text()));
  FeedbackRecord again = copy;
  NormalizeRecord(again);
  FUZZ_CHECK(google::protobuf::util::MessageDifferencer::Equals(copy, again));
}

int Run(std::string_view bytes) {
  const IngestLimits limits{.max_row_bytes = 4096, .max_text_bytes = 1024, .max_fields = 64};
  FeedbackBatch records;
  QuarantineBatch quarantine;
  const StatusOr<IngestStats> stats =
      IngestFile("fuzz.csv", bytes, Mapping(), limits, records, quarantine);
  if (!stats.ok()) {
    FUZZ_CHECK(records.records_size() == 0 && quarantine.entries_size() == 0);
    FUZZ_CHECK(IsValidUtf8(stats.status().message()));
    return 0;
  }
  FUZZ_CHECK(stats->rows == stats->records + stats->quarantined);
  FUZZ_CHECK(stats->records == static_cast<uint64_t>(records.records_size()));
  FUZZ_CHECK(stats->quarantined == static_cast<uint64_t>(quarantine.entries_size()));
  FUZZ_CHECK(stats->bytes == bytes.size());
  uint64_t last_line = 0;
  for (const FeedbackRecord& record : records.records()) {
    CheckRecord(record, limits);
    FUZZ_CHECK(record.origin_line() > last_line);
    last_line = record.origin_line();
  }
  for (const QuarantineEntry& entry : quarantine.entries()) {
    QuarantineEntry copy;
    FUZZ_CHECK(copy.ParseFromString(entry.SerializeAsString()));
    FUZZ_CHECK(entry.raw_excerpt().size() <= 200 && !entry.reason().empty());
    FUZZ_CHECK(entry.line() >= 2 && entry.file() == "fuzz.csv");
  }
  return 0;
}

}  // namespace
}  // namespace docket::workflows

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return docket::workflows::Run(std::string_view(reinterpret_cast<const char*>(data), size));
}
