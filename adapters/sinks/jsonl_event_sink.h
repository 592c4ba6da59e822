// JsonlEventSink appends each run event as one JSON line to a file (until the ledger
// sink lands, this is the run's durable event record). Lines are flushed per event and
// the file is fsynced on Close. Thread-safe.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>

#include "engine/event_sink.h"

namespace docket::adapters {

class JsonlEventSink final : public engine::EventSink {
 public:
  // Opens (creating directories as needed) `path` for appending.
  static StatusOr<std::unique_ptr<JsonlEventSink>> Open(const std::filesystem::path& path);
  ~JsonlEventSink() override;

  Status Emit(const engine::RunEvent& event) override;
  [[nodiscard]] Status Close();

 private:
  JsonlEventSink(std::FILE* file, std::filesystem::path path)
      : file_(file), path_(std::move(path)) {}
  std::mutex mu_;
  std::FILE* file_;
  std::filesystem::path path_;
};

// Forwards every event to several sinks in order; the first error wins.
class TeeEventSink final : public engine::EventSink {
 public:
  explicit TeeEventSink(std::vector<engine::EventSink*> sinks) : sinks_(std::move(sinks)) {}
  Status Emit(const engine::RunEvent& event) override {
    for (engine::EventSink* sink : sinks_) DOCKET_RETURN_IF_ERROR(sink->Emit(event));
    return Status::Ok();
  }

 private:
  std::vector<engine::EventSink*> sinks_;
};

}  // namespace docket::adapters
