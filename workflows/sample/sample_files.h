// Builders of the four sample files. Each returns the exact bytes of its file plus a
// report of what went in (row counts, malformed rows by kind, duplicates, PII), and
// draws from its own random stream, so the files are independent of each other and of
// the order they are built in. No I/O; thread-safe given a shared const PhraseBook.
#pragma once

#include <map>
#include <string>

#include "workflows/sample/phrase_book.h"
#include "workflows/sample/sample_defects.h"

namespace docket::workflows::sample {

struct FileReport {
  int rows = 0;  // data rows or lines, header excluded
  std::map<Defect, int> defects;
  int duplicates = 0;  // re-submissions and repeated export lines
  int with_pii = 0;
  int decomposed = 0;  // texts with combining marks instead of precomposed letters

  int Malformed() const {
    int total = 0;
    for (const auto& [defect, count] : defects) total += count;
    return total;
  }
};

struct SampleFile {
  std::string name;
  std::string bytes;
  FileReport report;
};

SampleFile BuildReleasesJson();
SampleFile BuildTicketsCsv(const PhraseBook& book);
SampleFile BuildReviewsJsonl(const PhraseBook& book);
SampleFile BuildNpsCsv(const PhraseBook& book);

}  // namespace docket::workflows::sample
