#include "policies/expr/environment.h"

namespace docket::policies::expr {

Value MapEnvironment::Lookup(std::string_view name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? Value::Missing() : it->second;
}

}  // namespace docket::policies::expr
