// ParseStrictJson: reads one JSON document from a signal file's bytes more strictly than
// boost::json::parse does, and remembers where the keys of its outer objects are, so
// later checks can say "file:line:column" too. Refused: invalid UTF-8, a byte-size over
// the limit, syntax errors, trailing text after the value, nesting deeper than the
// limit, numbers out of double range, and duplicate keys in any object (Boost.JSON
// would silently keep the last). Comments and trailing commas are syntax errors.
// Pure function; the returned document is a value type (thread-compatible).
#pragma once

#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace docket::workflows::signals::internal {

struct StrictJsonLimits {
  uint64_t max_bytes = 16 << 20;
  uint32_t max_depth = 64;     // nested objects and arrays
  uint32_t located_depth = 4;  // keys this many objects deep (or fewer) are located
};

class StrictJsonDocument {
 public:
  StrictJsonDocument(std::string file_name, std::string_view bytes, boost::json::value root,
                     std::map<std::vector<std::string>, size_t> key_offsets)
      : file_name_(std::move(file_name)),
        bytes_(bytes),
        root_(std::move(root)),
        key_offsets_(std::move(key_offsets)) {}

  const boost::json::value& root() const { return root_; }

  // "file:line:column" of the key reached by `path` (object keys from the root; empty:
  // the document's start). A key that is not located (too deep, or behind an array)
  // gives the position of its nearest located ancestor. Keys holding escapes are
  // located at the token before them. Borrows the bytes given to ParseStrictJson.
  std::string Where(const std::vector<std::string>& path) const;

 private:
  std::string file_name_;
  std::string_view bytes_;
  boost::json::value root_;
  std::map<std::vector<std::string>, size_t> key_offsets_;
};

// Parses `bytes` (which must outlive the result). `kind` names the format in messages.
// Errors: kInvalidArgument "file:line:column: what is wrong; what to do".
[[nodiscard]] StatusOr<StrictJsonDocument> ParseStrictJson(std::string_view file_name,
                                                           std::string_view bytes,
                                                           const StrictJsonLimits& limits,
                                                           std::string_view kind);

}  // namespace docket::workflows::signals::internal
