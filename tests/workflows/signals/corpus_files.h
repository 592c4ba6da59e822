// Reads the checked-in fuzz seed corpus of a signals parser (tests/fuzz/corpus/<dir>), so
// each parser's test can check that the seeds meant to be valid parse and the others are
// refused. Test-only; not thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

namespace docket::workflows::signals::testing {

// File name -> bytes of every file in tests/fuzz/corpus/`dir`.
inline std::map<std::string, std::string> ReadCorpus(const std::string& dir) {
  const char* root = std::getenv("DOCKET_SOURCE_DIR");
  const std::filesystem::path path =
      std::filesystem::path(root != nullptr ? root : DOCKET_SOURCE_DIR) / "tests/fuzz/corpus" / dir;
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(path)) {
    std::ifstream in(entry.path(), std::ios::binary);
    files[entry.path().filename().string()] =
        std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return files;
}

}  // namespace docket::workflows::signals::testing
