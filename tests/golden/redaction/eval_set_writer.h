// Shared back end of the evaluation-set generators (docket_pii_eval_gen,
// docket_pii_heldout_gen): writes an EvalSet as JSONL and prints its composition (texts
// per language, region and shape; spans per entity type with the share of texts holding
// that type; the tricky negatives planted). Plain functions; thread-compatible.
#pragma once

#include <cstdint>
#include <string>

#include "tests/golden/redaction/eval_records.h"

namespace docket::golden::redaction {

// Writes one SerializeEvalRecord line per record to `path`. False if it cannot write.
[[nodiscard]] bool WriteEvalSetFile(const EvalSet& set, const std::string& path);

void PrintEvalSetSummary(const EvalSet& set, uint64_t seed);

// The main of a generator: `argv[1]` is the output file. Returns the exit code.
int RunEvalSetGenerator(int argc, char** argv, const EvalSet& set, uint64_t seed);

}  // namespace docket::golden::redaction
