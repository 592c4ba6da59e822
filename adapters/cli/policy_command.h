// `docket policy lint FILE... [--strict]` and `docket policy eval POLICY --evidence FILE
// [--at TIME] [--json]` (docs/cli.md, docs/policies.md).
//
// lint: parses each policy file and checks it against the names the `trends` step can
// produce; prints "file:line:col: error|warning: …" per finding. Exit 0 when clean (or
// only warnings without --strict), 1 when a file has findings that fail the lint, 2 when
// a file cannot be read or parsed.
// eval: evaluates a policy against an evidence file (docket.evidence.v1, e.g. a run's
// evidence.json) at logical time --at (default: the evidence's release.evaluate_at) and
// prints the evaluation (text, or JSON with --json); exit codes as for `docket run`'s
// verdicts: 0 APPROVE or WARN, 1 BLOCK, 5 NEEDS_HUMAN, 2 usage errors. Nothing is
// written to a ledger: this is how a user tries a policy on recorded evidence.
// Thread-compatible.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace docket::adapters {

struct PolicyLintOptions {
  std::vector<std::string> files;
  bool strict = false;  // warnings fail too
};

struct PolicyEvalOptions {
  std::string policy;
  std::string evidence;
  std::string at;  // RFC 3339; empty: the evidence's release.evaluate_at
  bool json = false;
};

int PolicyLintCommand(const PolicyLintOptions& options, std::ostream& out, std::ostream& err);
int PolicyEvalCommand(const PolicyEvalOptions& options, std::ostream& out, std::ostream& err);

}  // namespace docket::adapters
