// ledger_crash_child <ledger path> <first entry number> <seed>: the process that
// crash_safety_test.cc kills with SIGKILL. Opens the ledger, starts a LedgerWriter with
// the test origin and signer, and appends "crash-entry <n>" entries (crash_entry.h) from
// 2-4 threads, n counting up from the first number. After an append's future resolves
// OK it writes "<n>\n" to fd 1 with one write(2): that line is the acknowledgement.
// The seed picks the thread count, the appends each thread keeps in flight, max_batch,
// checkpoint_interval and the entry padding. Runs until killed; exits non-zero with a
// message on stderr if the ledger cannot be opened or an append fails.
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <future>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "ledger/log/ledger_store.h"
#include "ledger/log/ledger_writer.h"
#include "ledger/note_key.h"
#include "tests/ledger/crash_entry.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger::testing {
namespace {

enum ExitCode { kUsage = 64, kOpenFailed = 3, kStartFailed = 4, kAppendFailed = 5, kAckFailed = 6 };

[[noreturn]] void Die(ExitCode code, const std::string& message) {
  std::fprintf(stderr, "ledger_crash_child: %s\n", message.c_str());
  std::fflush(stderr);
  std::_Exit(code);
}

bool ParseU64(const char* text, uint64_t& out) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long value = std::strtoull(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0') return false;
  out = value;
  return true;
}

// One write(2) per line: lines of a few bytes are atomic on a pipe, so acknowledgements
// from several threads never interleave.
void Acknowledge(uint64_t n) {
  const std::string line = std::to_string(n) + "\n";
  const ssize_t written = write(STDOUT_FILENO, line.data(), line.size());
  if (written != static_cast<ssize_t>(line.size())) Die(kAckFailed, "acknowledgement write failed");
}

// Keeps `window` appends in flight and acknowledges each in order as it resolves.
void AppendForever(LedgerWriter& writer, std::atomic<uint64_t>& next, size_t window,
                   uint64_t seed) {
  std::deque<std::pair<uint64_t, std::future<StatusOr<uint64_t>>>> pending;
  for (;;) {
    while (pending.size() < window) {
      const uint64_t n = next.fetch_add(1);
      pending.emplace_back(n, writer.Append(CrashEntryBytes(n, seed)));
    }
    StatusOr<uint64_t> index = pending.front().second.get();
    if (!index.ok()) {
      Die(kAppendFailed, "append of entry " + std::to_string(pending.front().first) +
                             " failed: " + index.status().ToString());
    }
    Acknowledge(pending.front().first);
    pending.pop_front();
  }
}

int Run(int argc, char** argv) {
  uint64_t first = 0;
  uint64_t seed = 0;
  if (argc != 4 || !ParseU64(argv[2], first) || !ParseU64(argv[3], seed)) {
    Die(kUsage, "usage: ledger_crash_child <ledger path> <first entry number> <seed>");
  }
  StatusOr<std::unique_ptr<LedgerStore>> store = LedgerStore::Open(argv[1]);
  if (!store.ok()) Die(kOpenFailed, "cannot open the ledger: " + store.status().ToString());
  // The signer of log_test_env.cc's TestSigner(), which would pull gtest in.
  StatusOr<Signer> signer = Signer::FromSeed("docket-test", std::string(32, 'k'));
  if (!signer.ok()) Die(kStartFailed, "test signer: " + signer.status().ToString());

  std::mt19937_64 random(seed);
  LedgerWriterOptions options;
  options.origin = kTestOrigin;
  options.signer = &*signer;
  options.max_batch = 1 + random() % 16;
  options.checkpoint_interval = std::chrono::milliseconds(random() % 4);
  const size_t threads = 2 + random() % 3;
  const size_t window = 1 + random() % 8;
  StatusOr<std::unique_ptr<LedgerWriter>> writer = LedgerWriter::Start(store->get(), options);
  if (!writer.ok()) Die(kStartFailed, "cannot start the writer: " + writer.status().ToString());

  std::atomic<uint64_t> next{first};
  std::vector<std::thread> appenders;
  for (size_t t = 0; t < threads; ++t) {
    appenders.emplace_back(AppendForever, std::ref(**writer), std::ref(next), window, seed);
  }
  for (std::thread& appender : appenders) appender.join();  // never returns: killed
  return 0;
}

}  // namespace
}  // namespace docket::ledger::testing

int main(int argc, char** argv) { return docket::ledger::testing::Run(argc, argv); }
