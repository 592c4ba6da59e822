// Environment: how an expression reads evidence. A name the environment does not bind
// evaluates to missing. Implementations must be safe for concurrent Lookup() calls when
// one Expression is evaluated from several threads; MapEnvironment is (it is immutable
// once built).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "policies/expr/value.h"

namespace docket::policies::expr {

class Environment {
 public:
  virtual ~Environment() = default;

  // Returns the value bound to the dotted `name` ("signals.regression.failed"), or a
  // missing Value when there is none.
  virtual Value Lookup(std::string_view name) const = 0;
};

// A sorted map of name -> Value. Build it, then share it read-only.
class MapEnvironment : public Environment {
 public:
  MapEnvironment() = default;
  explicit MapEnvironment(std::map<std::string, Value, std::less<>> values)
      : values_(std::move(values)) {}

  // Binds (or rebinds) `name`. Not thread-safe: call before sharing.
  void Set(std::string name, Value value) { values_[std::move(name)] = std::move(value); }

  Value Lookup(std::string_view name) const override;

 private:
  std::map<std::string, Value, std::less<>> values_;
};

}  // namespace docket::policies::expr
