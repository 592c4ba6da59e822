#include "adapters/cli/progress_sink.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace docket::adapters {

namespace {
// `amount / seconds` with a unit, or `amount` itself when unit is empty.
std::string FormatRate(double seconds, double amount, const char* unit) {
  char buf[48];
  if (unit[0] == '\0') {
    std::snprintf(buf, sizeof(buf), "%.2f", seconds);
  } else {
    std::snprintf(buf, sizeof(buf), "%.0f%s", seconds > 0 ? amount / seconds : 0.0, unit);
  }
  return buf;
}
}  // namespace

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
    case engine::RunEvent::STEP_STARTED:
      started_us_[e.step_id()] = e.elapsed_us();
      return Status::Ok();
    case engine::RunEvent::STEP_FINISHED: {
      ++done_;
      const double seconds =
          static_cast<double>(e.elapsed_us() - started_us_[e.step_id()]) / 1e6;
      err_ << "docket: [" << done_ << "/" << total_ << "] " << e.step_id() << " " << green
           << "ok" << reset << " in " << FormatRate(seconds, 1, "") << "s";
      // Steps report what they did as metrics; rates make long runs legible.
      const auto& m = e.metrics();
      if (auto r = m.find("records"); r != m.end()) {
        err_ << ", " << r->second << " records (" << FormatRate(seconds, r->second, "/s") << ")";
      }
      if (auto b = m.find("input_bytes"); b != m.end()) {
        err_ << ", " << FormatRate(seconds, static_cast<double>(b->second) / 1e6, " MB/s");
      }
      for (const char* key : {"quarantined", "duplicates"}) {
        if (auto it = m.find(key); it != m.end()) err_ << ", " << it->second << " " << key;
      }
      err_ << " [" << elapsed << "]\n";
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
