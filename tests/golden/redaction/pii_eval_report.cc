// docket_pii_eval_report [--dump-errors] [PII_EVAL_JSONL]: runs the real PiiScanner over
// the labelled evaluation set and prints, as Markdown, per entity type the gold and
// predicted counts with span-level precision and recall, then the overall token-level F2
// (matching rules in pii_eval_score.h). With --dump-errors it first prints every false
// positive and false negative, one a line, with the record id, the detector and the
// span in its context, for tuning the scanner. Issue #4's targets are printed next to the figures,
// not asserted: the exit code is non-zero only if the set cannot be read or the scanner cannot be
// built.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/golden/redaction/pii_eval_score.h"
#include "tests/golden/redaction/pii_eval_set.h"
#include "workflows/redact/pii_scanner.h"

namespace docket::golden::redaction {
namespace {

using workflows::redact::CustomPattern;
using workflows::redact::PiiScanner;
using workflows::redact::ScanContext;
using workflows::redact::ScannerConfig;
using enum EntityType;

// The tenant configuration the set is written for: Acme's id shapes and its own support
// address (README.md "Annotation rules").
ScannerConfig AcmeConfig() {
  ScannerConfig config;
  config.custom = {CustomPattern{kOrderId, "order.acme", "ORD-[0-9]{8}"},
                   CustomPattern{kTicketId, "ticket.acme", "TKT-[0-9]{6}"},
                   CustomPattern{kCustomerId, "customer.acme", "CUST-[0-9]{7}"}};
  config.allow = {"support@acmeshop.com"};
  return config;
}

bool IsStructured(EntityType type) {
  switch (type) {
    case kEmail:
    case kPhone:
    case kPaymentCard:
    case kIban:
    case kBankRouting:
    case kBankAccount:
    case kUsSsn:
    case kIpAddress:
    case kUrlSecret:
    case kApiKey:
    case kOrderId:
    case kTicketId:
    case kCustomerId:
      return true;
    default:
      return false;
  }
}

std::string Figure(std::optional<double> value) {
  if (!value) return "n/a";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", *value);
  return buffer;
}

void PrintTable(const EvalScore& score) {
  std::printf("| Entity type | Gold | Predicted | Precision | Recall | Target (P / R) |\n");
  std::printf("|---|---:|---:|---:|---:|---|\n");
  for (int t = 0; t < kEntityTypeCount; ++t) {
    const auto type = static_cast<EntityType>(t);
    const TypeScore& s = score.per_type[t];
    std::printf("| %s | %lld | %lld | %s | %s | %s |\n", std::string(GoldTypeName(type)).c_str(),
                static_cast<long long>(s.gold), static_cast<long long>(s.predicted),
                Figure(s.Precision()).c_str(), Figure(s.Recall()).c_str(),
                IsStructured(type) ? "≥ 0.97 / ≥ 0.99" : "—");
  }
  const TokenScore& t = score.tokens;
  std::printf(
      "\nToken-level F2 over all types: %.3f (precision %.3f, recall %.3f; %lld tokens, "
      "%lld TP, %lld FP, %lld FN; target ≥ 0.92)\n",
      t.F2(), t.Precision(), t.Recall(), static_cast<long long>(t.tokens),
      static_cast<long long>(t.true_positive), static_cast<long long>(t.false_positive),
      static_cast<long long>(t.false_negative));
}

// One line: "FP|FN TYPE id detector «value» in …context…", newlines shown as "⏎".
void PrintError(const EvalRecord& record, const char* kind, EntityType type, size_t start,
                size_t end, std::string_view detector) {
  const std::string_view text = record.text;
  const size_t from = start > 40 ? start - 40 : 0;
  const size_t to = std::min(text.size(), end + 40);
  std::string context;
  for (size_t i = from; i < to; ++i) {
    if (i == start) context += "\u00ab";
    if (i == end) context += "\u00bb";
    context += text[i] == '\n' ? std::string("\u23ce") : std::string(1, text[i]);
  }
  if (end == to) context += "\u00bb";
  std::printf("%s %s %s %.*s | %s\n", kind, std::string(GoldTypeName(type)).c_str(),
              record.id.c_str(), static_cast<int>(detector.size()), detector.data(),
              context.c_str());
}

void DumpErrors(const EvalRecord& record, const std::vector<Detection>& found) {
  for (const GoldSpan& g : record.spans) {
    if (std::none_of(found.begin(), found.end(),
                     [&](const Detection& p) { return SpanMatches(g, p); })) {
      // Name what, if anything, the scanner put over the gold span instead.
      std::string instead = "-";
      for (const Detection& p : found) {
        if (p.start < g.end && g.start < p.end) {
          instead = std::string(GoldTypeName(p.type)) + "/" + p.detector;
        }
      }
      PrintError(record, "FN", g.type, g.start, g.end, instead);
    }
  }
  for (const Detection& p : found) {
    if (std::none_of(record.spans.begin(), record.spans.end(),
                     [&](const GoldSpan& g) { return SpanMatches(g, p); })) {
      PrintError(record, "FP", p.type, p.start, p.end, p.detector);
    }
  }
}

int Run(int argc, char** argv) {
  bool dump_errors = false;
  std::string path = "tests/golden/redaction/pii_eval.jsonl";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--dump-errors") {
      dump_errors = true;
    } else {
      path = arg;
    }
  }
  StatusOr<std::vector<EvalRecord>> records = LoadEvalSet(path);
  if (!records.ok()) {
    std::fprintf(stderr, "%s\n", records.status().ToString().c_str());
    return 1;
  }
  StatusOr<std::unique_ptr<PiiScanner>> scanner = PiiScanner::Create(AcmeConfig());
  if (!scanner.ok()) {
    std::fprintf(stderr, "cannot build the scanner: %s\n", scanner.status().ToString().c_str());
    return 1;
  }
  PiiEvalScorer scorer;
  for (const EvalRecord& record : *records) {
    const std::vector<Detection> found =
        (*scanner)->Scan(record.text, ScanContext{.region = record.region});
    if (dump_errors) DumpErrors(record, found);
    scorer.Add(record.text, record.spans, found);
  }
  std::printf("PII evaluation: %lld texts from %s\n\n",
              static_cast<long long>(scorer.score().texts), path.c_str());
  PrintTable(scorer.score());
  return 0;
}

}  // namespace
}  // namespace docket::golden::redaction

int main(int argc, char** argv) { return docket::golden::redaction::Run(argc, argv); }
