// The malformed rows the sample files carry on purpose, so a strict ingester has
// something to quarantine: which kinds exist, how they are spelled, and where in a file
// they go (scattered, never in the first or last rows). Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/sample/sample_random.h"

namespace docket::workflows::sample {

enum class Defect {
  kNone,
  kInvalidUtf8,       // raw non-UTF-8 bytes inside a text field
  kNotADate,          // timestamp field holds words ("yesterday")
  kNoZone,            // timestamp without offset or zone
  kRatingOutOfRange,  // satisfaction 7, rating 6, NPS score 11
  kEmptyText,         // no feedback text at all
  kTooFewFields,      // CSV row cut short
  kNotAnObject,       // JSONL line that is valid JSON but not an object
  kBrokenJson,        // JSONL line that does not parse
};

std::string_view DefectName(Defect defect);

struct DefectQuota {
  Defect defect;
  int count;
};

// One Defect per row: each quota's count placed on distinct random rows among those
// with `eligible[i]`, between 2% and 95% of the file. Others stay kNone.
std::vector<Defect> PlanDefects(SampleRandom& rng, std::span<const DefectQuota> quotas,
                                const std::vector<bool>& eligible);

// `text` with a non-UTF-8 byte sequence (which one depends on `variant`) after its first
// word. The bytes never include a quote, comma, backslash or newline.
std::string WithInvalidUtf8(std::string_view text, int variant);

// A timestamp field that is not a date; `variant` picks the wording.
std::string_view NotADate(int variant);

}  // namespace docket::workflows::sample
