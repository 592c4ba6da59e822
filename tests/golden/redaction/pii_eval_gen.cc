// docket_pii_eval_gen OUT_FILE: writes the seeded PII evaluation set (pii_eval.jsonl,
// one record per line) to OUT_FILE and prints its composition: texts per language,
// region and shape, spans per entity type with the share of texts holding that type,
// and the tricky negatives planted. Deterministic: same binary, same bytes (see
// tests/golden/redaction/README.md).
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "tests/golden/redaction/eval_records.h"

namespace docket::golden::redaction {
namespace {

void PrintCounts(const char* title, const std::map<std::string, int>& counts, size_t total) {
  std::printf("%s\n", title);
  for (const auto& [name, count] : counts) {
    std::printf("  %-22s %5d  %5.1f%%\n", name.c_str(), count, 100.0 * count / total);
  }
}

void PrintSummary(const EvalSet& set) {
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
  std::printf("seed %llu, %zu texts, %d without PII\n", static_cast<unsigned long long>(kEvalSeed),
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

int Run(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_FILE\n", argv[0]);
    return 2;
  }
  const EvalSet set = BuildEvalSet();
  std::string bytes;
  for (const EvalRecord& record : set.records) {
    bytes += SerializeEvalRecord(record);
    bytes += '\n';
  }
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", argv[1]);
    return 1;
  }
  PrintSummary(set);
  return 0;
}

}  // namespace
}  // namespace docket::golden::redaction

int main(int argc, char** argv) { return docket::golden::redaction::Run(argc, argv); }
