// releases.json: the product and its release candidates, pretty-printed with a stable
// key order (written by hand: the order is part of the file's contract).
#include "workflows/sample/sample_encoding.h"
#include "workflows/sample/sample_files.h"
#include "workflows/sample/sample_story.h"
#include "workflows/sample/sample_time.h"

namespace docket::workflows::sample {

SampleFile BuildReleasesJson() {
  std::string out = "{\n  \"product\": " + JsonString(kProduct) + ",\n  \"releases\": [\n";
  const std::span<const ReleaseCandidate> candidates = ReleaseCandidates();
  for (size_t i = 0; i < candidates.size(); ++i) {
    const ReleaseCandidate& rc = candidates[i];
    out += "    {\n";
    out += "      \"id\": " + JsonString(rc.id) + ",\n";
    out += "      \"version\": " + JsonString(rc.version) + ",\n";
    out += "      \"exposure_start\": " + JsonString(FormatUtcZ(rc.exposure_start)) + ",\n";
    out += "      \"evaluate_at\": " + JsonString(FormatUtcZ(rc.evaluate_at)) + "\n";
    out += i + 1 < candidates.size() ? "    },\n" : "    }\n";
  }
  out += "  ]\n}\n";
  SampleFile file{.name = "releases.json", .bytes = out, .report = {}};
  file.report.rows = static_cast<int>(candidates.size());
  return file;
}

}  // namespace docket::workflows::sample
