#include "adapters/cli/progress_sink.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace docket::adapters {

bool ShouldColor(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(fd) == 1 && (no_color == nullptr || no_color[0] == '\0');
}

Status ProgressSink::Emit(const engine::RunEvent& e) {
  if (quiet_) return Status::Ok();
  std::lock_guard<std::mutex> guard(mu_);
  const char* green = color_ ? "\033[32m" : "";
  const char* red = color_ ? "\033[31m" : "";
  const char* yellow = color_ ? "\033[33m" : "";
  const char* reset = color_ ? "\033[0m" : "";
  char elapsed[32];
  std::snprintf(elapsed, sizeof(elapsed), "%.2fs", static_cast<double>(e.elapsed_us()) / 1e6);
  switch (e.type()) {
    case engine::RunEvent::STEP_FINISHED: {
      ++done_;
      uint64_t bytes = 0;
      for (const auto& o : e.outputs()) bytes += o.size();
      err_ << "docket: [" << done_ << "/" << total_ << "] " << e.step_id() << " " << green
           << "ok" << reset << " at " << elapsed << " (" << bytes << " bytes out)\n";
      break;
    }
    case engine::RunEvent::STEP_ATTEMPT_FAILED:
      err_ << "docket: " << e.step_id() << " attempt " << e.attempt() << " " << yellow
           << e.status_code() << reset << ": " << e.message() << " (will retry)\n";
      break;
    case engine::RunEvent::STEP_FAILED:
    case engine::RunEvent::STEP_CANCELLED:
      ++done_;
      err_ << "docket: [" << done_ << "/" << total_ << "] " << e.step_id() << " " << red
           << e.status_code() << reset << ": " << e.message() << "\n";
      break;
    default:
      break;
  }
  err_.flush();
  return Status::Ok();
}

}  // namespace docket::adapters
