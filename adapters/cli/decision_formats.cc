#include "adapters/cli/decision_formats.h"

#include <array>
#include <fstream>
#include <utility>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/decision_format_values.h"
#include "adapters/cli/internal/decision_format_view.h"
#include "adapters/cli/internal/decision_format_writers.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;

constexpr std::array<std::pair<DecisionFormat, std::string_view>, 6> kFormats = {{
    {DecisionFormat::kJson, "json"},
    {DecisionFormat::kText, "text"},
    {DecisionFormat::kJunit, "junit"},
    {DecisionFormat::kSarif, "sarif"},
    {DecisionFormat::kGithub, "github"},
    {DecisionFormat::kMarkdown, "markdown"},
}};

// The decision as it is, plus what the ledger and the approvals add; fields already
// there are replaced in place, so formatting this output again gives the same bytes.
std::string FormatJson(json::object decision, const internal::DecisionView& view) {
  decision["decision_id"] =
      view.decision_id.empty() ? json::value(nullptr) : json::value(view.decision_id);
  decision["effective_verdict"] = policies::VerdictName(view.effective_verdict);
  return internal::PrettyJson(decision);
}

}  // namespace

std::optional<DecisionFormat> ParseDecisionFormat(std::string_view name) {
  for (const auto& [format, format_name] : kFormats) {
    if (format_name == name) return format;
  }
  return std::nullopt;
}

std::string_view DecisionFormatName(DecisionFormat format) {
  for (const auto& [f, name] : kFormats) {
    if (f == format) return name;
  }
  return "json";
}

StatusOr<std::string> FormatDecision(const json::object& decision, DecisionFormat format,
                                     const FormatOptions& options) {
  DOCKET_ASSIGN_OR_RETURN(internal::DecisionView view,
                          internal::ReadDecisionView(decision, options));
  switch (format) {
    case DecisionFormat::kJson:
      return FormatJson(decision, view);
    case DecisionFormat::kText:
      return internal::FormatText(view);
    case DecisionFormat::kJunit:
      return internal::FormatJunit(view);
    case DecisionFormat::kSarif:
      return internal::FormatSarif(view);
    case DecisionFormat::kGithub:
      return internal::FormatGithub(view);
    case DecisionFormat::kMarkdown:
      return internal::FormatMarkdown(view);
  }
  return InternalError("unknown decision format");
}

Status WriteFormattedDecision(const json::object& decision, DecisionFormat format,
                              const FormatOptions& options, std::ostream& out) {
  DOCKET_ASSIGN_OR_RETURN(std::string bytes, FormatDecision(decision, format, options));
  std::string summary;
  const bool with_summary = format == DecisionFormat::kGithub && !options.step_summary_path.empty();
  if (with_summary) {
    DOCKET_ASSIGN_OR_RETURN(summary, FormatDecision(decision, DecisionFormat::kMarkdown, options));
  }
  out << bytes;
  out.flush();
  if (!with_summary) return Status();
  std::ofstream file(options.step_summary_path, std::ios::binary | std::ios::app);
  file << summary;
  file.close();
  if (!file) {
    return UnavailableError("appending the step summary to " + options.step_summary_path.string() +
                            " failed");
  }
  return Status();
}

std::optional<FailOn> ParseFailOn(std::string_view name) {
  if (name == "warn") return FailOn::kWarn;
  if (name == "needs_human") return FailOn::kNeedsHuman;
  if (name == "block") return FailOn::kBlock;
  return std::nullopt;
}

VerdictExit ExitForVerdict(policies::Verdict verdict, FailOn fail_on) {
  switch (verdict) {
    case policies::Verdict::kApprove:
      return {kExitApprove, ""};
    case policies::Verdict::kBlock:
      return {kExitBlock, ""};
    case policies::Verdict::kNeedsHuman:
      if (fail_on != FailOn::kBlock) return {kExitNeedsHuman, ""};
      return {kExitApprove,
              "verdict NEEDS_HUMAN: exit 0 because of --fail-on block; a person still has to "
              "review this release"};
    case policies::Verdict::kWarn:
      if (fail_on == FailOn::kWarn) return {kExitWarn, ""};
      return {kExitApprove,
              "verdict WARN: exit 0 (--fail-on warn would exit " + std::to_string(kExitWarn) + ")"};
  }
  return {kExitInternal, "unknown verdict"};
}

}  // namespace docket::adapters
