// The artifact kinds and media types the feedback steps exchange. One place, so that
// step specs, workflow files and the CLI agree on the strings.
#pragma once

namespace docket::workflows {

inline constexpr char kKindFeedbackFile[] = "file.feedback";     // a raw CSV or JSONL input
inline constexpr char kKindReleasesFile[] = "file.releases";     // releases.json
inline constexpr char kKindTemplateFile[] = "file.template";     // a Mustache template
inline constexpr char kKindPromptFile[] = "file.prompt";  // prompt manifest/template/schema
inline constexpr char kKindRedactionPolicyFile[] = "file.redaction_policy";  // docs/redaction.md
inline constexpr char kKindSeverityModelFile[] = "file.severity_model";  // docs/severity.md
inline constexpr char kKindLexiconFile[] = "file.lexicon";       // docs/themes.md
inline constexpr char kKindThemesFile[] = "file.themes";         // an earlier run's themes.json
inline constexpr char kKindPolicyFile[] = "file.policy";         // gate policy, docs/policies.md
inline constexpr char kKindJunitFile[] = "file.junit";           // JUnit XML, docs/signals.md
inline constexpr char kKindFeatureFlagsFile[] = "file.feature_flags";  // flagd JSON
inline constexpr char kKindTelemetryFile[] = "file.telemetry";   // telemetry series CSV
inline constexpr char kKindRecords[] = "feedback.records";       // FeedbackBatch protobuf
inline constexpr char kKindQuarantine[] = "feedback.quarantine"; // JSON lines
inline constexpr char kKindDuplicates[] = "feedback.duplicates"; // JSON lines
inline constexpr char kKindRedactionEvidence[] = "redaction.evidence";  // JSON, no raw values
inline constexpr char kKindThemes[] = "feedback.themes";         // JSON theme table
inline constexpr char kKindEvidence[] = "gate.evidence";         // docket.evidence.v1 JSON
inline constexpr char kKindDecision[] = "gate.decision";         // JSON
inline constexpr char kKindReport[] = "report.markdown";
inline constexpr char kKindReleaseNotes[] = "release_notes.markdown";
// The synthesize step's JSON outputs (docs/synthesis.md).
inline constexpr char kKindSynthesisSummaries[] = "synthesis.summaries";
inline constexpr char kKindSynthesisTickets[] = "synthesis.tickets";
inline constexpr char kKindSynthesisRollback[] = "synthesis.rollback";
inline constexpr char kKindSynthesisManifest[] = "synthesis.manifest";

inline constexpr char kMediaRecords[] =
    "application/x-protobuf; messageType=docket.workflows.FeedbackBatch";
inline constexpr char kMediaJson[] = "application/json";
inline constexpr char kMediaJsonLines[] = "application/x-ndjson";
inline constexpr char kMediaMarkdown[] = "text/markdown; charset=utf-8";

}  // namespace docket::workflows
