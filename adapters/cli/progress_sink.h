// ProgressSink prints a human-readable line to stderr per finished, failed or retried
// step ("[3/7] dedupe ok 0.04s"), unless quiet. Colour only on a terminal and when
// NO_COLOR is unset. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <ostream>

#include "engine/event_sink.h"

namespace docket::adapters {

class ProgressSink final : public engine::EventSink {
 public:
  ProgressSink(std::ostream& err, size_t total_steps, bool quiet, bool color)
      : err_(err), total_(total_steps), quiet_(quiet), color_(color) {}

  Status Emit(const engine::RunEvent& event) override;

 private:
  std::mutex mu_;
  std::ostream& err_;
  size_t total_;
  size_t done_ = 0;
  std::map<std::string, int64_t> started_us_;  // step id -> elapsed at its last start
  bool quiet_;
  bool color_;
};

// True when `fd` is a terminal and NO_COLOR is not set.
bool ShouldColor(int fd);

}  // namespace docket::adapters
