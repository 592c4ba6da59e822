// Artifact: an immutable, content-addressed value passed between steps (SHA-256 of its
// bytes). The bytes are shared, never copied, between the steps that read them. Safe to
// share between threads once built.
#pragma once

#include <memory>
#include <string>

#include "engine/base/sha256.h"

namespace docket::engine {

struct Artifact {
  std::string kind;        // what it means to steps, e.g. "feedback.records"
  std::string media_type;  // how its bytes are encoded, e.g. "application/json"
  std::string name;        // a file name for users, e.g. "decision.json"; may be empty
  std::shared_ptr<const std::string> bytes;
  Sha256Digest digest;

  static Artifact Make(std::string kind, std::string media_type, std::string name,
                       std::string bytes);
  const std::string& data() const { return *bytes; }
};

}  // namespace docket::engine
