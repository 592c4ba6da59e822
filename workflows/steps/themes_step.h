// The `themes` step: groups the (redacted, de-duplicated) records into themes by
// meaning and writes the theme table. Each record gets its theme id ("t4") or
// "unthemed"; each theme gets stable id, size, volume (records plus the duplicates
// folded into them), label terms, representative record ids, severity mix and the
// release context it occurs in (versions, feature areas, regions, channels).
//
// Inputs: `records`; optional `lexicon` (file.lexicon: synonyms to canonical terms) and
// `previous` (file.themes: an earlier run's themes.json, whose ids are continued for
// themes found again). Representation and clustering: workflows/themes/clustering.h;
// labels: labels.h; ids: theme_ids.h. Seeded from the step context, so reruns give
// byte-identical outputs. Docs: docs/themes.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/step_registry.h"
#include "workflows/proto/feedback.pb.h"
#include "workflows/themes/clustering.h"
#include "workflows/themes/labels.h"
#include "workflows/themes/lexicon.h"
#include "workflows/themes/theme_ids.h"

namespace docket::workflows {

engine::StepTypeSpec ThemesStepSpec();
engine::StepFactory ThemesStepFactory();

inline constexpr char kUnthemedId[] = "unthemed";

struct ThemesConfig {
  themes::ThemeModelOptions model;
  themes::LabelOptions labels;
  double continue_similarity = 0.5;  // least signature similarity that continues an id
};

struct ThemesResult {
  std::vector<std::string> record_themes;  // per record: theme id or kUnthemedId
  std::string table_json;                  // the theme table (docs/themes.md), pretty JSON
};

// Themes of `records` (their `text`; volumes count `duplicate_count`). Used by the step
// and by `docket themes`. Deterministic in all its arguments.
ThemesResult ComputeThemes(const google::protobuf::RepeatedPtrField<FeedbackRecord>& records,
                           const themes::Lexicon& lexicon,
                           const std::vector<themes::PriorTheme>& prior, const ThemesConfig& config,
                           uint64_t seed);

// The ids and signatures of an earlier theme table. Errors: kInvalidArgument naming
// `name` and what is wrong.
StatusOr<std::vector<themes::PriorTheme>> ParsePriorThemes(std::string_view json,
                                                           std::string_view name);

}  // namespace docket::workflows
