// docket_pii_eval_gen OUT_FILE: writes the seeded PII evaluation set (pii_eval.jsonl,
// one record per line) to OUT_FILE and prints its composition: texts per language,
// region and shape, spans per entity type with the share of texts holding that type,
// and the tricky negatives planted. Deterministic: same binary, same bytes (see
// tests/golden/redaction/README.md).
#include "tests/golden/redaction/eval_records.h"
#include "tests/golden/redaction/eval_set_writer.h"

int main(int argc, char** argv) {
  using namespace docket::golden::redaction;
  return RunEvalSetGenerator(argc, argv, BuildEvalSet(), kEvalSeed);
}
