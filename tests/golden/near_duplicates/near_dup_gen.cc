// docket_near_dup_gen OUT_FILE: writes the seeded near-duplicate evaluation set
// (near_duplicates.jsonl) to OUT_FILE and prints its composition. Deterministic: same
// binary, same bytes (README.md).
#include <fstream>
#include <iostream>
#include <map>

#include "tests/golden/near_duplicates/near_dup_set.h"

int main(int argc, char** argv) {
  using namespace docket::golden::near_duplicates;
  if (argc != 2) {
    std::cerr << "usage: docket_near_dup_gen OUT_FILE\n";
    return 2;
  }
  const std::vector<LabelledText> texts = BuildNearDuplicateSet();
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  for (const LabelledText& t : texts) out << SerializeLabelledText(t) << '\n';
  out.close();
  if (!out) {
    std::cerr << "cannot write " << argv[1] << "\n";
    return 1;
  }
  std::map<std::string, int> languages, groups_by_size, edits;
  std::map<std::string, int> group_sizes;
  for (const LabelledText& t : texts) {
    ++languages[t.lang];
    ++group_sizes[t.group];
    size_t begin = 0;
    for (size_t plus = t.variant.find('+');; plus = t.variant.find('+', begin)) {
      ++edits[t.variant.substr(begin, plus == std::string::npos ? plus : plus - begin)];
      if (plus == std::string::npos) break;
      begin = plus + 1;
    }
  }
  for (const auto& [group, size] : group_sizes) ++groups_by_size[std::to_string(size)];
  std::cout << "seed " << kNearDupSeed << ": " << texts.size() << " texts, " << group_sizes.size()
            << " groups\n";
  for (const auto& [name, table] :
       {std::pair{"language", &languages}, {"group size", &groups_by_size}, {"edit", &edits}}) {
    std::cout << name << ":";
    for (const auto& [key, count] : *table) std::cout << " " << key << "=" << count;
    std::cout << "\n";
  }
  return 0;
}
