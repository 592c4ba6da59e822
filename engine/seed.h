// Seed derivation: a run's seeds come from its content (workflow digest, input digests,
// params, logical time), never from unseeded randomness, so reruns and replays agree.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/artifact.h"
#include "engine/base/clock.h"
#include "engine/base/sha256.h"

namespace docket::engine {

// Root of all of a run's seeds.
Sha256Digest DeriveRunSeedRoot(const Sha256Digest& workflow_digest,
                               const std::map<std::string, std::vector<Artifact>>& inputs,
                               const std::map<std::string, std::string>& params,
                               Timestamp logical_time);

// The seed a step sees: the first 8 bytes (big-endian) of H(root, step id).
uint64_t DeriveStepSeed(const Sha256Digest& root, std::string_view step_id);

}  // namespace docket::engine
