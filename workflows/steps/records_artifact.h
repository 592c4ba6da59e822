// Conversions between FeedbackBatch and the `feedback.records` artifact (deterministic
// protobuf bytes), and JSON helpers shared by the feedback steps. Thread-safe.
#pragma once

#include <boost/json/value.hpp>

#include <google/protobuf/arena.h>

#include <memory>
#include <string>

#include "engine/artifact.h"
#include "engine/base/status.h"
#include "workflows/proto/feedback.pb.h"

namespace docket::workflows {

// A FeedbackBatch on its own protobuf arena: parsing and freeing 100k records costs
// one arena instead of a million small allocations. Not movable; hold it by pointer.
class RecordBatch {
 public:
  RecordBatch()
      : batch_(google::protobuf::Arena::CreateMessage<FeedbackBatch>(&arena_)) {}
  RecordBatch(const RecordBatch&) = delete;
  RecordBatch& operator=(const RecordBatch&) = delete;

  FeedbackBatch& batch() { return *batch_; }
  // Another empty batch on the same arena (records move between them without copies).
  FeedbackBatch& NewBatch() {
    return *google::protobuf::Arena::CreateMessage<FeedbackBatch>(&arena_);
  }

 private:
  google::protobuf::Arena arena_;
  FeedbackBatch* batch_;
};

engine::Artifact MakeRecordsArtifact(const FeedbackBatch& batch);
// Parses into an arena-backed batch; what steps use.
StatusOr<std::unique_ptr<RecordBatch>> ParseRecordsBatch(const engine::Artifact& artifact);
// Parses into a plain message; convenient for tests and small batches.
StatusOr<FeedbackBatch> ParseRecordsArtifact(const engine::Artifact& artifact);

// Serializes `value` compactly; objects keep insertion order, so output is deterministic
// as long as callers insert keys in a fixed order.
std::string JsonToString(const boost::json::value& value);
// Pretty-prints with two-space indentation and a trailing newline.
std::string JsonToPrettyString(const boost::json::value& value);

// Parses a JSON artifact or file; errors name `what`.
StatusOr<boost::json::value> ParseJson(std::string_view bytes, std::string_view what);

}  // namespace docket::workflows
