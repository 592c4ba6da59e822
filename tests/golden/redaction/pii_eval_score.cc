#include "tests/golden/redaction/pii_eval_score.h"

#include <algorithm>
#include <vector>

namespace docket::golden::redaction {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Marks the bytes of [start, end) clipped to the text.
void MarkBytes(std::vector<bool>& covered, size_t start, size_t end) {
  end = std::min(end, covered.size());
  for (size_t i = start; i < end; ++i) covered[i] = true;
}

void ScoreTokens(std::string_view text, const std::vector<bool>& gold,
                 const std::vector<bool>& predicted, TokenScore& score) {
  size_t i = 0;
  while (i < text.size()) {
    if (IsAsciiSpace(text[i])) {
      ++i;
      continue;
    }
    bool in_gold = false;
    bool in_predicted = false;
    for (; i < text.size() && !IsAsciiSpace(text[i]); ++i) {
      in_gold = in_gold || gold[i];
      in_predicted = in_predicted || predicted[i];
    }
    ++score.tokens;
    if (in_gold && in_predicted) ++score.true_positive;
    if (!in_gold && in_predicted) ++score.false_positive;
    if (in_gold && !in_predicted) ++score.false_negative;
  }
}

std::optional<double> Ratio(int64_t numerator, int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

std::optional<double> TypeScore::Precision() const { return Ratio(predicted_correct, predicted); }
std::optional<double> TypeScore::Recall() const { return Ratio(gold_found, gold); }

double TokenScore::Precision() const {
  return Ratio(true_positive, true_positive + false_positive).value_or(1.0);
}
double TokenScore::Recall() const {
  return Ratio(true_positive, true_positive + false_negative).value_or(1.0);
}
double TokenScore::F2() const {
  const double p = Precision();
  const double r = Recall();
  return 4 * p + r == 0 ? 0.0 : 5 * p * r / (4 * p + r);
}

bool SpanMatches(const GoldSpan& gold, const Detection& predicted) {
  if (gold.type != predicted.type || gold.end <= gold.start) return false;
  const size_t start = std::max(gold.start, predicted.start);
  const size_t end = std::min(gold.end, predicted.end);
  const size_t overlap = end > start ? end - start : 0;
  return 2 * overlap >= gold.end - gold.start;
}

void PiiEvalScorer::Add(std::string_view text, std::span<const GoldSpan> gold,
                        std::span<const Detection> predicted) {
  ++score_.texts;
  for (const GoldSpan& g : gold) {
    TypeScore& s = score_.per_type[static_cast<size_t>(g.type)];
    ++s.gold;
    if (std::any_of(predicted.begin(), predicted.end(),
                    [&](const Detection& p) { return SpanMatches(g, p); })) {
      ++s.gold_found;
    }
  }
  for (const Detection& p : predicted) {
    TypeScore& s = score_.per_type[static_cast<size_t>(p.type)];
    ++s.predicted;
    if (std::any_of(gold.begin(), gold.end(),
                    [&](const GoldSpan& g) { return SpanMatches(g, p); })) {
      ++s.predicted_correct;
    }
  }
  std::vector<bool> gold_bytes(text.size(), false);
  std::vector<bool> predicted_bytes(text.size(), false);
  for (const GoldSpan& g : gold) MarkBytes(gold_bytes, g.start, g.end);
  for (const Detection& p : predicted) MarkBytes(predicted_bytes, p.start, p.end);
  ScoreTokens(text, gold_bytes, predicted_bytes, score_.tokens);
}

}  // namespace docket::golden::redaction
