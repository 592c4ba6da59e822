// Fuzz target for policies/expr: any bytes either compile or are refused with a
// kInvalidArgument message, never a crash, hang or leak. An expression that compiles
// prints canonically; the printed text recompiles (unless it outgrew kMaxSourceBytes),
// prints the same bytes, reads the same names and evaluates to the same outcome.
// Evaluation is deterministic and fails only with kInvalidArgument or kOutOfRange.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "policies/expr/check_names.h"
#include "policies/expr/environment.h"
#include "policies/expr/evaluate.h"
#include "policies/expr/expression.h"
#include "policies/expr/limits.h"
#include "policies/expr/printer.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace docket::policies::expr;

// Binds every name by its first letter so arbitrary inputs reach every value kind:
// b… bool, l… list of numbers, m… missing, n… a number, s… a string, z… zero; others
// are unbound.
class FuzzEnvironment : public Environment {
 public:
  Value Lookup(std::string_view name) const override {
    switch (name.front()) {
      case 'b':
        return Value::Bool(name.size() % 2 == 0);
      case 'l':
        return Value::List({Value::Number(1), Value::Number(2.5)});
      case 'n':
        return Value::Number(static_cast<double>(name.size()) - 3.5);
      case 's':
        return Value::String(std::string(name.substr(1)));
      case 'z':
        return Value::Number(0);
      default:
        return Value::Missing();
    }
  }
};

bool IsEvaluationError(docket::StatusCode code) {
  return code == docket::StatusCode::kInvalidArgument || code == docket::StatusCode::kOutOfRange;
}

// Evaluates `expression` twice; the outcomes must agree.
docket::StatusOr<Value> EvaluateTwice(const Expression& expression) {
  const FuzzEnvironment environment;
  docket::StatusOr<Value> first = Evaluate(expression, environment);
  docket::StatusOr<Value> second = Evaluate(expression, environment);
  FUZZ_CHECK(first.ok() == second.ok());
  if (first.ok()) {
    FUZZ_CHECK(*first == *second);
  } else {
    FUZZ_CHECK(IsEvaluationError(first.status().code()));
    FUZZ_CHECK(first.status() == second.status());
  }
  return first;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docket::StatusOr<Expression> expression = Compile(bytes);
  if (!expression.ok()) {
    FUZZ_CHECK(expression.status().code() == docket::StatusCode::kInvalidArgument);
    FUZZ_CHECK(!expression.status().message().empty());
    return 0;
  }
  const std::string printed = ToString(*expression);
  docket::StatusOr<Expression> again = Compile(printed);
  if (printed.size() > kMaxSourceBytes) {
    FUZZ_CHECK(!again.ok());
  } else {
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(ToString(*again) == printed);
    FUZZ_CHECK(again->Names() == expression->Names());
  }

  const docket::StatusOr<Value> value = EvaluateTwice(*expression);
  if (again.ok()) {
    const docket::StatusOr<Value> reprinted_value = EvaluateTwice(*again);
    FUZZ_CHECK(value.ok() == reprinted_value.ok());
    if (value.ok()) FUZZ_CHECK(*value == *reprinted_value);
    if (!value.ok()) FUZZ_CHECK(value.status().code() == reprinted_value.status().code());
  }

  const NameTable names = {{"n1", NameType::kNumber},
                           {"s1", NameType::kString},
                           {"b1", NameType::kBool},
                           {"l1", NameType::kList}};
  const docket::Status checked = CheckNames(*expression, names);
  FUZZ_CHECK(checked.ok() || checked.code() == docket::StatusCode::kInvalidArgument);
  return 0;
}
