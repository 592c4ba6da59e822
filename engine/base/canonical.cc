#include "engine/base/canonical.h"

namespace docket {
namespace {
void AppendU64(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}
}  // namespace

CanonicalWriter& CanonicalWriter::Bytes(std::string_view field) {
  out_.push_back('b');
  AppendU64(out_, field.size());
  out_.append(field);
  return *this;
}

CanonicalWriter& CanonicalWriter::U64(uint64_t value) {
  out_.push_back('u');
  AppendU64(out_, value);
  return *this;
}

}  // namespace docket
