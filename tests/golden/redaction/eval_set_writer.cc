#include "tests/golden/redaction/eval_set_writer.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <map>

namespace docket::golden::redaction {
namespace {

void PrintCounts(const char* title, const std::map<std::string, int>& counts, size_t total) {
  std::printf("%s\n", title);
  for (const auto& [name, count] : counts) {
    std::printf("  %-22s %5d  %5.1f%%\n", name.c_str(), count, 100.0 * count / total);
  }
}

}  // namespace

bool WriteEvalSetFile(const EvalSet& set, const std::string& path) {
  std::string bytes;
  for (const EvalRecord& record : set.records) {
    bytes += SerializeEvalRecord(record);
    bytes += '\n';
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

void PrintEvalSetSummary(const EvalSet& set, uint64_t seed) {
  std::map<std::string, int> langs, regions, kinds;
  std::array<int, kEntityTypeCount> spans{}, texts_with{};
  int without_pii = 0;
  for (const EvalRecord& r : set.records) {
    ++langs[r.lang];
    ++regions[r.region];
    ++kinds[r.kind];
    std::array<bool, kEntityTypeCount> seen{};
    for (const GoldSpan& s : r.spans) {
      ++spans[static_cast<size_t>(s.type)];
      seen[static_cast<size_t>(s.type)] = true;
    }
    for (int t = 0; t < kEntityTypeCount; ++t) texts_with[t] += seen[t] ? 1 : 0;
    if (r.spans.empty()) ++without_pii;
  }
  const size_t total = set.records.size();
  std::printf("seed %llu, %zu texts, %d without PII\n", static_cast<unsigned long long>(seed),
              total, without_pii);
  PrintCounts("texts per language", langs, total);
  PrintCounts("texts per region", regions, total);
  PrintCounts("texts per shape", kinds, total);
  std::printf("entity type              spans  texts  share of texts\n");
  for (int t = 0; t < kEntityTypeCount; ++t) {
    std::printf("  %-22s %5d  %5d  %5.1f%%\n",
                std::string(GoldTypeName(static_cast<EntityType>(t))).c_str(), spans[t],
                texts_with[t], 100.0 * texts_with[t] / total);
  }
  std::printf("tricky negatives (not annotated)\n");
  for (const auto& [name, count] : set.negatives) {
    std::printf("  %-22s %5d\n", name.c_str(), count);
  }
}

int RunEvalSetGenerator(int argc, char** argv, const EvalSet& set, uint64_t seed) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_FILE\n", argv[0]);
    return 2;
  }
  if (!WriteEvalSetFile(set, argv[1])) {
    std::fprintf(stderr, "cannot write %s\n", argv[1]);
    return 1;
  }
  PrintEvalSetSummary(set, seed);
  return 0;
}

}  // namespace docket::golden::redaction
