// Fuzz target for the files people write for themes: severity models, lexicons and
// earlier theme tables. Any bytes parse or are refused with kInvalidArgument and a
// message, never a crash, hang or leak; what parses does so deterministically and scores
// or reads back the same way twice.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/steps/themes_step.h"
#include "workflows/themes/lexicon.h"
#include "workflows/themes/severity.h"

namespace {

template <typename T>
bool RefusedWithAMessage(const docket::StatusOr<T>& result) {
  return result.status().code() == docket::StatusCode::kInvalidArgument &&
         !result.status().message().empty();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace docket::workflows;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  auto model = themes::SeverityModel::Parse("fuzz.yaml", bytes);
  if (model.ok()) {
    const themes::SeverityInput input{.rating = 2,
                                      .text = bytes.substr(0, 512),
                                      .customer_tier = "enterprise",
                                      .error_code = "E1"};
    const themes::SeverityResult a = model->Score(input), b = model->Score(input);
    FUZZ_CHECK(a.level == b.level && a.score == b.score && a.signals == b.signals);
    FUZZ_CHECK(a.level == "high" || a.level == "medium" || a.level == "low");
  } else {
    FUZZ_CHECK(RefusedWithAMessage(model));
  }

  auto lexicon = themes::ParseLexicon("fuzz.yaml", bytes);
  if (lexicon.ok()) {
    auto again = themes::ParseLexicon("fuzz.yaml", bytes);
    FUZZ_CHECK(again.ok() && again->size() == lexicon->size());
  } else {
    FUZZ_CHECK(RefusedWithAMessage(lexicon));
  }

  auto prior = ParsePriorThemes(bytes, "fuzz.json");
  if (prior.ok()) {
    auto again = ParsePriorThemes(bytes, "fuzz.json");
    FUZZ_CHECK(again.ok() && again->size() == prior->size());
  } else {
    FUZZ_CHECK(RefusedWithAMessage(prior));
  }
  return 0;
}
