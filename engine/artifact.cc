#include "engine/artifact.h"

namespace docket::engine {

Artifact Artifact::Make(std::string kind, std::string media_type, std::string name,
                        std::string bytes) {
  Artifact a;
  a.kind = std::move(kind);
  a.media_type = std::move(media_type);
  a.name = std::move(name);
  a.digest = Sha256(bytes);
  a.bytes = std::make_shared<const std::string>(std::move(bytes));
  return a;
}

}  // namespace docket::engine
