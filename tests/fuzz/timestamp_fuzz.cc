// Fuzz target: ParseFeedbackTimestamp in every format, with and without a default
// offset, plus NormalizeRecord on a record made of the input. Aborts when an invariant
// breaks: results fall in 1970..9999, a parsed time survives a round trip through its
// RFC 3339 form, errors are kInvalidArgument with short valid UTF-8 messages, and
// normalizing is idempotent and yields valid UTF-8.
#include <google/protobuf/util/message_differencer.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/time_format.h"
#include "workflows/ingest/normalize.h"
#include "workflows/ingest/timestamp_parser.h"
#include "workflows/ingest/utf8.h"
#include "tests/fuzz/fuzz_check.h"

namespace docket::workflows {
namespace {

constexpr int64_t kYear10000Us = 253402300800'000000;

void CheckParse(std::string_view text, TimestampFormat format, std::optional<int> offset) {
  const StatusOr<Timestamp> t = ParseFeedbackTimestamp(text, format, offset);
  if (!t.ok()) {
    FUZZ_CHECK(t.status().code() == StatusCode::kInvalidArgument);
    FUZZ_CHECK(IsValidUtf8(t.status().message()) && t.status().message().size() < 512);
    return;
  }
  const int64_t us = t->time_since_epoch().count();
  FUZZ_CHECK(us >= 0 && us < kYear10000Us);
  const StatusOr<Timestamp> again =
      ParseFeedbackTimestamp(FormatRfc3339(*t), TimestampFormat::kRfc3339, std::nullopt);
  FUZZ_CHECK(again.ok() && *again == *t);
}

void CheckNormalize(std::string_view text) {
  FeedbackRecord record;
  record.set_text(std::string(text));
  record.set_language(std::string(text.substr(0, 16)));
  record.set_feature_area(std::string(text.substr(0, 32)));
  record.set_release_version(std::string(text.substr(0, 8)));
  record.set_region(std::string(text.substr(0, 4)));
  NormalizeRecord(record);
  FUZZ_CHECK(IsValidUtf8(record.text()));
  FeedbackRecord again = record;
  NormalizeRecord(again);
  FUZZ_CHECK(google::protobuf::util::MessageDifferencer::Equals(record, again));
}

int Run(std::string_view text) {
  for (TimestampFormat format :
       {TimestampFormat::kAuto, TimestampFormat::kRfc3339, TimestampFormat::kRfc2822,
        TimestampFormat::kEpochSeconds, TimestampFormat::kEpochMillis}) {
    for (std::optional<int> offset : {std::optional<int>(), std::optional<int>(0),
                                      std::optional<int>(-330), std::optional<int>(1439)}) {
      CheckParse(text, format, offset);
    }
  }
  CheckNormalize(text);
  return 0;
}

}  // namespace
}  // namespace docket::workflows

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return docket::workflows::Run(std::string_view(reinterpret_cast<const char*>(data), size));
}
