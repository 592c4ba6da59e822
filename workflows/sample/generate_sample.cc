// docket_sample_gen OUT_DIR: writes the seeded synthetic feedback dataset (releases.json,
// tickets.csv, reviews.jsonl, nps.csv) into OUT_DIR and prints what went into each
// file. Deterministic: same binary, same bytes (see workflows/sample/README.md).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "workflows/sample/phrase_book.h"
#include "workflows/sample/sample_files.h"
#include "workflows/sample/sample_story.h"

namespace docket::workflows::sample {
namespace {

bool WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

void PrintReport(const SampleFile& file) {
  const FileReport& r = file.report;
  std::printf(
      "%-14s %6zu bytes  %5d rows  %5d good  %2d malformed  %d duplicates  "
      "%d with PII  %d decomposed\n",
      file.name.c_str(), file.bytes.size(), r.rows, r.rows - r.Malformed(), r.Malformed(),
      r.duplicates, r.with_pii, r.decomposed);
  for (const auto& [defect, count] : r.defects) {
    std::printf("%17s%-26s %d\n", "", std::string(DefectName(defect)).c_str(), count);
  }
}

int Run(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
    return 2;
  }
  const PhraseBook book;
  if (const std::string gap = book.CoverageGap(); !gap.empty()) {
    std::fprintf(stderr, "phrase tables incomplete: %s\n", gap.c_str());
    return 1;
  }
  const std::filesystem::path out_dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::fprintf(stderr, "cannot create %s: %s\n", out_dir.c_str(), ec.message().c_str());
    return 1;
  }
  const std::vector<SampleFile> files = {BuildReleasesJson(), BuildTicketsCsv(book),
                                         BuildReviewsJsonl(book), BuildNpsCsv(book)};
  std::printf("seed %llu\n", static_cast<unsigned long long>(kSampleSeed));
  for (const SampleFile& file : files) {
    if (!WriteFile(out_dir / file.name, file.bytes)) {
      std::fprintf(stderr, "cannot write %s\n", (out_dir / file.name).c_str());
      return 1;
    }
    PrintReport(file);
  }
  return 0;
}

}  // namespace
}  // namespace docket::workflows::sample

int main(int argc, char** argv) { return docket::workflows::sample::Run(argc, argv); }
