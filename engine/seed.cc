#include "engine/seed.h"

#include "engine/base/canonical.h"

namespace docket::engine {

Sha256Digest DeriveRunSeedRoot(const Sha256Digest& workflow_digest,
                               const std::map<std::string, std::vector<Artifact>>& inputs,
                               const std::map<std::string, std::string>& params,
                               Timestamp logical_time) {
  CanonicalWriter w("docket.run-seed.v1");
  w.Digest(workflow_digest);
  w.U64(inputs.size());
  for (const auto& [name, files] : inputs) {
    w.Bytes(name).U64(files.size());
    for (const Artifact& a : files) w.Digest(a.digest);
  }
  w.U64(params.size());
  for (const auto& [k, v] : params) w.Bytes(k).Bytes(v);
  w.I64(logical_time.time_since_epoch().count());
  return w.Sha256Sum();
}

uint64_t DeriveStepSeed(const Sha256Digest& root, std::string_view step_id) {
  const Sha256Digest d =
      CanonicalWriter("docket.step-seed.v1").Digest(root).Bytes(step_id).Sha256Sum();
  uint64_t seed = 0;
  for (int i = 0; i < 8; ++i) seed = (seed << 8) | d.bytes[i];
  return seed;
}

}  // namespace docket::engine
