// SeverityModel: how bad one piece of feedback is, from documented signals a release
// manager can read and change: the star rating, outage phrases ("crash*", "charged
// twice", "kann mich nicht anmelden"), negative and positive sentiment words in several
// languages, the customer's tier and a telemetry error code. Each signal adds points;
// the sum maps to low / medium / high. Phrases are matched on Tokenize tokens (so case,
// punctuation and accents-as-written do not matter; a trailing `*` matches any word
// that starts so), and a negation shortly before ("not", "no longer", "nicht", "plus",
// "ya no") cancels an outage or negative phrase and turns a positive one negative. The
// bundled model is docs/severity.md's; a YAML file of the same shape replaces it.
// Immutable after loading; Score is const and thread-safe.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace docket::workflows::themes {

struct SeverityInput {
  int rating = 0;  // 1..5; 0 = unrated
  std::string_view text;
  std::string_view customer_tier;  // lowercase, e.g. "enterprise"
  std::string_view error_code;     // telemetry error code; empty if none
};

struct SeverityResult {
  std::string level;                 // "high", "medium" or "low"
  double score = 0;                  // sum of the signals' points
  std::vector<std::string> signals;  // what fired, e.g. "outage:crash*:+3", in text order
};

class SeverityModel {
 public:
  // Errors: kInvalidArgument listing every problem as file:line:column with a hint.
  [[nodiscard]] static StatusOr<SeverityModel> Parse(std::string_view path, std::string_view yaml);
  [[nodiscard]] static StatusOr<SeverityModel> Default();
  static std::string_view DefaultYaml();

  SeverityResult Score(const SeverityInput& input) const;

  // A phrase: its tokens; the last may be a prefix ("crash" of "crash*").
  struct Phrase {
    std::string source;  // as written in the model, for the signals list
    std::vector<std::string> tokens;
    bool prefix = false;
  };
  struct PhraseSignal {
    double points = 0;
    double cap = 0;  // the most this signal adds (or, for negative points, removes)
    std::vector<Phrase> phrases;
  };

 private:
  friend class SeverityModelReader;

  double high_ = 4;
  double medium_ = 2;
  std::array<double, 6> rating_points_{};  // index = rating; [0] unrated
  PhraseSignal outage_;
  PhraseSignal negative_;
  PhraseSignal positive_;
  std::vector<Phrase> negations_;
  size_t negation_window_ = 3;  // tokens before a phrase that a negation may stand in
  std::map<std::string, double> tier_points_;
  double error_code_points_ = 0;
};

}  // namespace docket::workflows::themes
