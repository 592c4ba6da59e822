// Record-to-record steps of the feedback pipeline:
//   normalize  canonical text and field values (NFC, trimmed, lowercase ids; ingest/normalize.h)
//   dedupe     drops exact duplicates (same normalized text, case- and space-insensitive),
//              keeping the first record and counting the others on it
//   severity   sets each record's severity from the documented rating rule (docs/steps.md)
// All pure functions of their inputs and config; thread-compatible.
#pragma once

#include "engine/step_registry.h"

namespace docket::workflows {

engine::StepTypeSpec NormalizeStepSpec();
engine::StepFactory NormalizeStepFactory();

engine::StepTypeSpec DedupeStepSpec();
engine::StepFactory DedupeStepFactory();

engine::StepTypeSpec SeverityStepSpec();
engine::StepFactory SeverityStepFactory();

// The key under which two texts count as exact duplicates: ASCII-lowercased, with runs
// of whitespace collapsed to one space and ends trimmed.
std::string DuplicateKey(std::string_view text);

// The severity rule: rating 1-2 "high", 3 "medium", 4-5 "low"; unrated records are
// "high" when their lowercased text contains one of `outage_terms`, else "unrated".
std::string SeverityOf(int rating, std::string_view text,
                       const std::vector<std::string>& outage_terms);

}  // namespace docket::workflows
