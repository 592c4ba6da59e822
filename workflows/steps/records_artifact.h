// Conversions between FeedbackBatch and the `feedback.records` artifact (deterministic
// protobuf bytes), and JSON helpers shared by the feedback steps. Thread-safe.
#pragma once

#include <boost/json/value.hpp>

#include <string>

#include "engine/artifact.h"
#include "engine/base/status.h"
#include "workflows/proto/feedback.pb.h"

namespace docket::workflows {

engine::Artifact MakeRecordsArtifact(const FeedbackBatch& batch);
StatusOr<FeedbackBatch> ParseRecordsArtifact(const engine::Artifact& artifact);

// Serializes `value` compactly; objects keep insertion order, so output is deterministic
// as long as callers insert keys in a fixed order.
std::string JsonToString(const boost::json::value& value);
// Pretty-prints with two-space indentation and a trailing newline.
std::string JsonToPrettyString(const boost::json::value& value);

// Parses a JSON artifact or file; errors name `what`.
StatusOr<boost::json::value> ParseJson(std::string_view bytes, std::string_view what);

}  // namespace docket::workflows
