// CompatReplay: compatibility replay (BRIEF §4, issue #8). Old records against this
// build: re-execute a recorded run like verify mode does, but instead of stopping at the
// first difference, compare every step and classify what changed, so a release of
// Docket can be checked in CI against a sample of real ledger records:
//   step change      a step the recorded workflow names no longer builds, its resolved
//                    config (defaults included) or seed differs, or it now fails
//   artifact change  a step produced different bytes from the same input digests
//   policy change    the gate step decided differently on the same evidence
// A difference downstream of another (the step's inputs differ from the record) is
// reported as propagated, not as a cause. The decision's verdict before and after is
// reported too.
//
// Writes nothing. Thread-safety: as VerifyRecordedRun.
#pragma once

#include <string>
#include <vector>

#include "replay/verify_run.h"

namespace docket::replay {

enum class ChangeClass { kStep, kArtifact, kPolicy };
std::string_view ChangeClassName(ChangeClass c);  // "step change", "artifact change", ...

struct StepChange {
  std::string step_id;
  ChangeClass change = ChangeClass::kStep;
  Divergence divergence;   // what differs, as verify mode reports it
  bool propagated = false;  // its inputs already differed from the record
};

struct CompatReport {
  ReplayStatus status = ReplayStatus::kIdentical;  // kDiverged when any step changed
  std::vector<StepChange> changes;  // plan order; empty when identical or erased
  std::string recorded_build;
  std::string replay_build;
  std::string verdict_before;  // the recorded decision's
  std::string verdict_after;   // the replayed decision's ("" if it produced none)
};

// Errors: kFailedPrecondition if the executor refuses the recorded run's inputs. A
// workflow that no longer builds is not an error: it is a step change.
[[nodiscard]] StatusOr<CompatReport> CompatReplay(const RecordedRun& run,
                                                  const engine::StepRegistry& registry,
                                                  const VerifyOptions& options);

}  // namespace docket::replay
