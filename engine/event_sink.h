// EventSink receives run events as the executor emits them. The executor calls Emit
// under its own lock, one event at a time, from whichever of its threads moved the run
// along; implementations must be thread-safe, must not block for long, and must not call
// back into the executor.
#pragma once

#include <mutex>
#include <vector>

#include "engine/base/status.h"
#include "engine/proto/run.pb.h"

namespace docket::engine {

class EventSink {
 public:
  virtual ~EventSink() = default;
  // A sink error is reported by the run (the run fails: events are part of its record).
  [[nodiscard]] virtual Status Emit(const RunEvent& event) = 0;
};

// Keeps events in memory; for tests.
class RecordingEventSink final : public EventSink {
 public:
  Status Emit(const RunEvent& event) override {
    std::lock_guard<std::mutex> guard(mu_);
    events_.push_back(event);
    return Status::Ok();
  }
  std::vector<RunEvent> events() const {
    std::lock_guard<std::mutex> guard(mu_);
    return events_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<RunEvent> events_;
};

}  // namespace docket::engine
