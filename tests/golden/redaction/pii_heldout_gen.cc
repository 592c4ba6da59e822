// docket_pii_heldout_gen OUT_FILE: writes the seeded HELD-OUT PII evaluation set
// (pii_heldout.jsonl, one record per line) to OUT_FILE and prints its composition, like
// docket_pii_eval_gen. Deterministic: same binary, same bytes. The set measures the
// scanner; it must never be used to tune it (tests/golden/redaction/README.md).
#include "tests/golden/redaction/eval_set_writer.h"
#include "tests/golden/redaction/heldout_records.h"

int main(int argc, char** argv) {
  using namespace docket::golden::redaction;
  return RunEvalSetGenerator(argc, argv, BuildHeldoutSet(), kHeldoutSeed);
}
