// SeverityModel: the bundled model, the YAML reader and the scoring; see severity.h.
#include "workflows/themes/severity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "engine/config_reader.h"
#include "engine/workflow_parser.h"
#include "workflows/themes/tokens.h"

namespace docket::workflows::themes {

namespace {

constexpr std::string_view kDefaultModel = R"yaml(# Docket's bundled severity model (version 1).
# Points per signal; the sum is the record's severity score.
version: 1
levels:              # score >= high: high; >= medium: medium; else low
  high: 4
  medium: 2
rating:              # star rating 1..5 (NPS 0..10 is mapped to stars at ingest)
  1: 3
  2: 2
  3: 1
  4: 0
  5: -1
outage:              # something is broken: crashes, lock-outs, lost money or data
  points: 3
  cap: 3
  phrases: [
    "crash*", "freez*", "frozen", "outage", "down for", "not working", "doesn't work",
    "does not work", "won't open", "can't log in", "cannot log in", "can't login",
    "unable to log in", "locked out", "charged twice", "double charged", "data loss",
    "lost my data", "lost all", "error 500", "blank screen", "white screen",
    "stürzt ab", "absturz*", "abgestürzt", "funktioniert nicht", "geht nicht",
    "kann mich nicht anmelden", "doppelt abgebucht", "zweimal abgebucht", "hängt sich auf",
    "plante", "plantage*", "ne fonctionne pas", "ne marche pas", "impossible de me connecter",
    "débité deux fois", "prélevé deux fois", "écran blanc",
    "se cierra", "se bloquea", "no funciona", "no puedo iniciar sesión", "no puedo entrar",
    "cobrado dos veces", "cobro doble", "pantalla en blanco",
    "não funciona", "cobrado duas vezes", "trava*",
    "落ち", "ログインできない", "二重請求"]
negative:            # sentiment words that make a report more urgent
  points: 1
  cap: 2
  phrases: [
    "terrible", "awful", "horrible", "useless", "worst", "broken", "unacceptable",
    "frustrat*", "annoying", "angry", "furious", "disappointed", "ridiculous", "scam",
    "refund", "cancel my", "uninstall*",
    "schrecklich", "katastrophe", "unbrauchbar", "ärgerlich", "nervig", "enttäuscht",
    "frechheit", "unverschämt", "kündig*",
    "nul", "inadmissible", "honteux", "déçu*", "énervant", "inutilisable",
    "pésimo", "pésima", "inútil", "vergonzoso", "decepcionad*", "fatal",
    "péssimo", "péssima"]
positive:            # sentiment words that make it less urgent
  points: -1
  cap: 2
  phrases: [
    "great", "love", "excellent", "perfect", "awesome", "amazing", "works well",
    "super", "toll", "klasse", "prima", "perfekt", "gefällt",
    "génial", "parfait", "j'adore",
    "genial", "perfecto", "excelente", "me encanta",
    "ótimo", "perfeito", "adoro"]
negations: [
  "not", "no", "never", "no longer", "isn't", "wasn't", "doesn't", "didn't", "don't",
  "nicht", "kein", "keine", "nie", "nicht mehr",
  "ne", "pas", "plus", "jamais",
  "nunca", "ya no", "não"]
negation_window: 3   # tokens before a phrase that a negation may stand in
tier:                # customer tier (lowercase)
  enterprise: 1
  business: 1
  pro: 0.5
error_code: 1        # the record carries a telemetry error code
)yaml";

constexpr double kMaxPoints = 1000;

}  // namespace

class SeverityModelReader {
 public:
  explicit SeverityModelReader(std::vector<engine::Diagnostic>& diagnostics)
      : reader_(diagnostics) {}

  void Read(const engine::ConfigNode& root, SeverityModel& model) {
    if (!reader_.ExpectMap(root, "a severity model")) return;
    reader_.CheckKeys(root, {"version", "levels", "rating", "outage", "negative", "positive",
                             "negations", "negation_window", "tier", "error_code"});
    reader_.CheckVersion(root, "1");
    if (const auto* levels = root.Find("levels")) ReadLevels(*levels, model);
    if (const auto* rating = root.Find("rating")) ReadRating(*rating, model);
    if (const auto* outage = root.Find("outage")) model.outage_ = ReadPhrases(*outage);
    if (const auto* negative = root.Find("negative")) model.negative_ = ReadPhrases(*negative);
    if (const auto* positive = root.Find("positive")) model.positive_ = ReadPhrases(*positive);
    if (const auto* negations = root.Find("negations")) {
      for (const auto& item : reader_.List(*negations)) {
        if (auto phrase = ReadPhrase(item)) model.negations_.push_back(std::move(*phrase));
      }
    }
    if (const auto* window = root.Find("negation_window")) {
      if (auto n = reader_.Number(*window, 0, 10)) model.negation_window_ = static_cast<size_t>(*n);
    }
    if (const auto* tier = root.Find("tier")) {
      if (tier->kind != engine::ConfigNode::Kind::kMap) {
        reader_.Error(*tier, "`tier` maps a tier name to points", "e.g. `enterprise: 1`");
      } else {
        for (const auto& [name, points] : tier->map) {
          if (auto p = reader_.Number(points, -kMaxPoints, kMaxPoints))
            model.tier_points_[name] = *p;
        }
      }
    }
    if (const auto* code = root.Find("error_code")) {
      if (auto p = reader_.Number(*code, -kMaxPoints, kMaxPoints)) model.error_code_points_ = *p;
    }
  }

 private:
  void ReadLevels(const engine::ConfigNode& node, SeverityModel& model) {
    if (!reader_.ExpectMap(node, "`levels`")) return;
    reader_.CheckKeys(node, {"high", "medium"});
    if (const auto* high = node.Find("high")) {
      if (auto v = reader_.Number(*high, -kMaxPoints, kMaxPoints)) model.high_ = *v;
    }
    if (const auto* medium = node.Find("medium")) {
      if (auto v = reader_.Number(*medium, -kMaxPoints, kMaxPoints)) model.medium_ = *v;
    }
    if (model.medium_ > model.high_) {
      reader_.Error(node, "`medium` is above `high`", "medium must be at most high");
    }
  }

  void ReadRating(const engine::ConfigNode& node, SeverityModel& model) {
    if (node.kind != engine::ConfigNode::Kind::kMap) {
      reader_.Error(node, "`rating` maps stars 1..5 to points", "e.g. `1: 3`");
      return;
    }
    for (const auto& [stars, points] : node.map) {
      if (stars.size() != 1 || stars[0] < '1' || stars[0] > '5') {
        reader_.Error(points, "rating `" + stars + "` is not 1..5");
        continue;
      }
      if (auto p = reader_.Number(points, -kMaxPoints, kMaxPoints)) {
        model.rating_points_[static_cast<size_t>(stars[0] - '0')] = *p;
      }
    }
  }

  SeverityModel::PhraseSignal ReadPhrases(const engine::ConfigNode& node) {
    SeverityModel::PhraseSignal signal;
    if (!reader_.ExpectMap(node, "a phrase signal")) return signal;
    reader_.CheckKeys(node, {"points", "cap", "phrases"});
    if (const auto* points = node.Find("points")) {
      signal.points = reader_.Number(*points, -kMaxPoints, kMaxPoints).value_or(0);
    }
    signal.cap = std::abs(signal.points);
    if (const auto* cap = node.Find("cap"))
      signal.cap = reader_.Number(*cap, 0, kMaxPoints).value_or(0);
    if (const auto* phrases = node.Find("phrases")) {
      for (const auto& item : reader_.List(*phrases)) {
        if (auto phrase = ReadPhrase(item)) signal.phrases.push_back(std::move(*phrase));
      }
    }
    return signal;
  }

  std::optional<SeverityModel::Phrase> ReadPhrase(const engine::ConfigNode& node) {
    std::string text = reader_.Text(node);
    if (text.empty()) return std::nullopt;
    SeverityModel::Phrase phrase{.source = text};
    if (text.back() == '*') {
      phrase.prefix = true;
      text.pop_back();
    }
    phrase.tokens = Tokenize(text);
    if (phrase.tokens.empty()) {
      reader_.Error(node, "phrase `" + phrase.source + "` has no words",
                    "phrases are matched on words; punctuation and emoji are ignored");
      return std::nullopt;
    }
    return phrase;
  }

  engine::ConfigReader reader_;
};

namespace {

// True if `phrase` matches the tokens at `at`.
bool MatchesAt(const std::vector<std::string>& tokens, size_t at,
               const SeverityModel::Phrase& phrase) {
  if (at + phrase.tokens.size() > tokens.size()) return false;
  for (size_t i = 0; i < phrase.tokens.size(); ++i) {
    const std::string& want = phrase.tokens[i];
    const std::string& have = tokens[at + i];
    const bool last = i + 1 == phrase.tokens.size();
    if (last && phrase.prefix ? !have.starts_with(want) : have != want) return false;
  }
  return true;
}

std::string Points(double points) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+g", points);
  return buffer;
}

}  // namespace

StatusOr<SeverityModel> SeverityModel::Parse(std::string_view path, std::string_view yaml) {
  constexpr size_t kMaxModelBytes = 1 << 20;
  if (yaml.size() > kMaxModelBytes) {
    return InvalidArgumentError(std::string(path) + ": a severity model of " +
                                std::to_string(yaml.size()) + " bytes; the limit is 1 MiB");
  }
  std::vector<engine::Diagnostic> diagnostics;
  std::optional<engine::ConfigNode> root = engine::ParseYamlTree(path, yaml, diagnostics);
  SeverityModel model;
  if (root.has_value()) SeverityModelReader(diagnostics).Read(*root, model);
  if (!diagnostics.empty()) return engine::DiagnosticsToStatus(diagnostics);
  return model;
}

StatusOr<SeverityModel> SeverityModel::Default() {
  return Parse("<bundled severity model>", kDefaultModel);
}

std::string_view SeverityModel::DefaultYaml() { return kDefaultModel; }

SeverityResult SeverityModel::Score(const SeverityInput& input) const {
  SeverityResult result;
  const auto add = [&](std::string signal, double points) {
    if (points == 0) return;
    result.score += points;
    result.signals.push_back(std::move(signal) + ":" + Points(points));
  };
  if (input.rating >= 1 && input.rating <= 5) {
    add("rating:" + std::to_string(input.rating),
        rating_points_[static_cast<size_t>(input.rating)]);
  }

  const std::vector<std::string> tokens = Tokenize(input.text);
  // Where each negation ends: a phrase starting within negation_window_ tokens after it
  // is negated.
  std::vector<size_t> negation_ends;
  for (size_t at = 0; at < tokens.size(); ++at) {
    for (const Phrase& negation : negations_) {
      if (MatchesAt(tokens, at, negation)) negation_ends.push_back(at + negation.tokens.size());
    }
  }
  const auto negated = [&](size_t at) {
    return std::any_of(negation_ends.begin(), negation_ends.end(),
                       [&](size_t end) { return end <= at && at - end < negation_window_; });
  };
  // Each signal adds its points per matching phrase occurrence, up to its cap.
  double outage = 0, negative = 0, positive = 0;
  const auto take = [&](const PhraseSignal& signal, double& used, const std::string& name,
                        const Phrase& phrase, double points) {
    const double room = signal.cap - std::abs(used);
    if (room <= 0) return;
    const double taken = std::copysign(std::min(std::abs(points), room), points);
    used += taken;
    add(name + ":" + phrase.source, taken);
  };
  for (size_t at = 0; at < tokens.size(); ++at) {
    const bool is_negated = negated(at);
    for (const Phrase& phrase : outage_.phrases) {
      if (!is_negated && MatchesAt(tokens, at, phrase))
        take(outage_, outage, "outage", phrase, outage_.points);
    }
    for (const Phrase& phrase : negative_.phrases) {
      if (!is_negated && MatchesAt(tokens, at, phrase)) {
        take(negative_, negative, "negative", phrase, negative_.points);
      }
    }
    for (const Phrase& phrase : positive_.phrases) {
      if (!MatchesAt(tokens, at, phrase)) continue;
      // "not great" reads as a complaint: a negated positive word counts as negative.
      if (is_negated) {
        take(negative_, negative, "negated_positive", phrase, negative_.points);
      } else {
        take(positive_, positive, "positive", phrase, positive_.points);
      }
    }
  }
  if (auto it = tier_points_.find(std::string(input.customer_tier)); it != tier_points_.end()) {
    add("tier:" + it->first, it->second);
  }
  if (!input.error_code.empty()) add("error_code", error_code_points_);

  result.level = result.score >= high_ ? "high" : result.score >= medium_ ? "medium" : "low";
  return result;
}

}  // namespace docket::workflows::themes
