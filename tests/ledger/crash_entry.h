// The entries tests/ledger/crash_child_main.cc appends and crash_safety_test.cc checks:
// "crash-entry <n>|" followed by padding whose length (0..96 bytes) and bytes (NUL and
// 0xff among them) follow from the child's seed and n, so the test can rebuild the
// exact bytes of any entry it finds. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace docket::ledger::testing {

inline constexpr std::string_view kCrashEntryPrefix = "crash-entry ";

// SplitMix64: a well-mixed 64-bit value from `x`.
inline uint64_t CrashMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The bytes of entry `n` written by a child started with `seed`.
inline std::string CrashEntryBytes(uint64_t n, uint64_t seed) {
  std::string bytes = std::string(kCrashEntryPrefix) + std::to_string(n) + "|";
  uint64_t state = CrashMix(seed ^ CrashMix(n));
  const size_t padding = state % 97;
  for (size_t i = 0; i < padding; ++i) {
    state = CrashMix(state);
    bytes.push_back(static_cast<char>(state & 0xff));
  }
  return bytes;
}

// The n of an entry made by CrashEntryBytes, or nullopt if `bytes` is not one.
inline std::optional<uint64_t> CrashEntryNumber(std::string_view bytes) {
  if (!bytes.starts_with(kCrashEntryPrefix)) return std::nullopt;
  bytes.remove_prefix(kCrashEntryPrefix.size());
  uint64_t n = 0;
  size_t digits = 0;
  while (digits < bytes.size() && digits < 19 && bytes[digits] >= '0' && bytes[digits] <= '9') {
    n = n * 10 + static_cast<uint64_t>(bytes[digits] - '0');
    ++digits;
  }
  if (digits == 0 || digits >= bytes.size() || bytes[digits] != '|') return std::nullopt;
  return n;
}

}  // namespace docket::ledger::testing
