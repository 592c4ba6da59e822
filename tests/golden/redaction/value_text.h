// Small text helpers shared by the evaluation generator's value makers: random digit
// and alphabet strings, zero padding and digit grouping. Pure given the SampleRandom
// state; thread-compatible.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "workflows/sample/sample_random.h"

namespace docket::golden::redaction {

inline std::string RandomFrom(workflows::sample::SampleRandom& rng, std::string_view alphabet,
                              int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += alphabet[rng.Below(alphabet.size())];
  return out;
}

inline std::string RandomDigits(workflows::sample::SampleRandom& rng, int count) {
  return RandomFrom(rng, "0123456789", count);
}

// `value` in decimal, left-padded with zeros to `width`.
inline std::string Padded(int value, int width) {
  std::string out = std::to_string(value);
  while (static_cast<int>(out.size()) < width) out.insert(out.begin(), '0');
  return out;
}

// `digits` cut into groups of the given sizes joined by `separator` (the last group
// takes whatever is left).
inline std::string Grouped(std::string_view digits, std::initializer_list<int> sizes,
                           std::string_view separator) {
  std::string out;
  size_t at = 0;
  for (const int size : sizes) {
    if (at >= digits.size()) break;
    if (at > 0) out += separator;
    out += digits.substr(at, static_cast<size_t>(size));
    at += static_cast<size_t>(size);
  }
  if (at < digits.size()) {
    out += separator;
    out += digits.substr(at);
  }
  return out;
}

}  // namespace docket::golden::redaction
