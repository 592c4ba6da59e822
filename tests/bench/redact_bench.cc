// Redaction throughput and latency for issue #4, on two corpora (argument 0: the
// labelled evaluation set tests/golden/redaction/pii_eval.jsonl, reviews, tickets and NPS
// verbatims in four languages with about 8% of bytes PII; argument 1: the bundled
// sample's free text, where PII is occasional):
//   BM_ScanAndRedact     the full detector set with spans, validation and operators
//                        (bundled default policy), single thread: MB/s per core;
//   BM_NaiveRegexes      the same texts through 20 typical PII regexes run one at a
//                        time with RE2 (spans only, no validation): the baseline;
//   BM_RecordsTwoThreads records per minute through the redactor on 2 threads;
//   BM_Latency2KB        per-record latency of 2 KB records (p50/p99 counters);
//   BM_Phase/<name>      one stage alone over the same texts (each hand-written
//                        detector, the pattern set, the whole scan): where time goes.
// Benchmarks read the wall clock; nothing here feeds an artifact.
#include <benchmark/benchmark.h>
#include <re2/re2.h>

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/check.h"
#include "tests/golden/redaction/pii_eval_set.h"
#include "workflows/ingest/csv_reader.h"
#include "workflows/redact/internal/detectors.h"
#include "workflows/redact/internal/pattern_set.h"
#include "workflows/redact/pii_scanner.h"
#include "workflows/redact/redaction_policy.h"
#include "workflows/redact/redactor.h"

namespace docket::workflows::redact {
namespace {

struct Corpus {
  std::vector<std::string> texts;
  std::vector<std::string> regions;
  int64_t bytes = 0;

  void Add(std::string text, std::string region) {
    bytes += static_cast<int64_t>(text.size());
    texts.push_back(std::move(text));
    regions.push_back(std::move(region));
  }
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  DOCKET_CHECK(in.good());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The labelled evaluation set: dense in PII (about 8% of bytes).
Corpus LoadEvalCorpus() {
  Corpus c;
  auto set = golden::redaction::LoadEvalSet(std::string(DOCKET_SOURCE_DIR) +
                                            "/tests/golden/redaction/pii_eval.jsonl");
  DOCKET_CHECK(set.ok());
  for (const auto& record : *set) c.Add(record.text, record.region);
  return c;
}

// The bundled sample's free text (review titles and bodies, ticket subjects and
// descriptions, NPS comments; six languages): feedback as a run sees it, with PII now
// and then rather than in every record. Rows the sample deliberately breaks are skipped.
Corpus LoadSampleCorpus() {
  Corpus c;
  const std::string dir = std::string(DOCKET_SOURCE_DIR) + "/workflows/sample/data/";
  const std::string reviews = ReadFile(dir + "reviews.jsonl");
  size_t pos = 0;
  while (pos < reviews.size()) {
    size_t end = reviews.find('\n', pos);
    if (end == std::string::npos) end = reviews.size();
    boost::system::error_code ec;
    const boost::json::value v =
        boost::json::parse(std::string_view(reviews).substr(pos, end - pos), ec);
    pos = end + 1;
    if (ec || !v.is_object()) continue;
    const boost::json::object& o = v.get_object();
    const auto* body = o.if_contains("body");
    const auto* country = o.if_contains("country");
    if (body == nullptr || !body->is_string()) continue;
    std::string text(body->get_string());
    if (const auto* title = o.if_contains("title"); title != nullptr && title->is_string()) {
      text = std::string(title->get_string()) + "\n" + text;
    }
    c.Add(std::move(text), country != nullptr && country->is_string()
                               ? std::string(country->get_string())
                               : std::string());
  }
  for (const auto& [file, columns] :
       std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"tickets.csv", {"subject", "description"}}, {"nps.csv", {"comment"}}}) {
    const std::string bytes = ReadFile(dir + file);
    CsvReader reader(bytes, CsvLimits{});
    DOCKET_CHECK(reader.ReadHeader().ok());
    std::vector<size_t> wanted;
    for (const std::string& column : columns) {
      const auto& header = reader.header();
      wanted.push_back(static_cast<size_t>(
          std::find(header.begin(), header.end(), column) - header.begin()));
    }
    CsvRow row;
    while (reader.Next(row)) {
      if (!row.problem.empty()) continue;
      std::string text;
      for (size_t index : wanted) {
        if (index >= row.fields.size()) continue;
        if (!text.empty()) text += '\n';
        text += row.fields[index];
      }
      if (!text.empty()) c.Add(std::move(text), "");
    }
  }
  return c;
}

// Argument 0: the evaluation set; 1: the bundled sample.
const Corpus& Texts(int which = 0) {
  static const Corpus eval = LoadEvalCorpus();
  static const Corpus sample = LoadSampleCorpus();
  return which == 0 ? eval : sample;
}

struct Pipeline {
  std::unique_ptr<PiiScanner> scanner;
  std::unique_ptr<Redactor> redactor;
};

const Pipeline& DefaultPipeline() {
  static const Pipeline pipeline = [] {
    Pipeline p;
    RedactionPolicy policy = *DefaultRedactionPolicy();
    p.scanner = *PiiScanner::Create(policy.scanner);
    p.redactor = std::make_unique<Redactor>(policy, p.scanner.get(), "bench-key", nullptr);
    return p;
  }();
  return pipeline;
}

void BM_ScanAndRedact(benchmark::State& state) {
  const Corpus& corpus = Texts(static_cast<int>(state.range(0)));
  const Redactor& redactor = *DefaultPipeline().redactor;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.texts.size(); ++i) {
      auto out = redactor.Redact(corpus.texts[i], {.region = corpus.regions[i]});
      DOCKET_CHECK(out.ok());
      benchmark::DoNotOptimize(out->text.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(corpus.texts.size()));
}
BENCHMARK(BM_ScanAndRedact)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// What a first implementation would do: one regex per entity shape, each over the text.
const std::vector<std::unique_ptr<RE2>>& NaivePatterns() {
  static const std::vector<std::unique_ptr<RE2>> patterns = [] {
    const char* sources[] = {
        R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})",                   // email
        R"(\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4})",              // intl phone
        R"(\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4})",                                 // NANP phone
        R"(0\d{2,4}[ /-]?\d{3,8})",                                             // national phone
        R"(\b(?:\d[ -]?){13,19}\b)",                                            // card
        R"(\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b)",       // IBAN
        R"(\b\d{3}-\d{2}-\d{4}\b)",                                             // SSN
        R"(\b(?:\d{1,3}\.){3}\d{1,3}\b)",                                       // IPv4
        R"(\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\b)",                    // IPv6
        R"(https?://[^\s/:@]+:[^\s/@]+@[^\s]+)",                                // URL creds
        R"(https?://[^\s]*[?&](?:token|access_token|api_key|key|sig)=[^\s&]+)", // URL token
        R"(\bAKIA[0-9A-Z]{16}\b)",                                              // AWS
        R"(\bgh[pousr]_[A-Za-z0-9]{36}\b)",                                     // GitHub
        R"(\bsk_live_[A-Za-z0-9]{16,}\b)",                                      // Stripe
        R"(\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)",               // JWT
        R"(\b\d{5}(?:-\d{4})?\b)",                                              // ZIP
        R"(\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b)",                              // UK postcode
        R"(\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b)",                               // dates (DOB)
        R"((?i)\b(?:order|ticket|customer)\s*(?:id|#|no\.?)?\s*[A-Z0-9-]{4,}\b)",  // ids
        R"(\b(?:[A-Z][a-z]+)\s(?:[A-Z][a-z]+)\b)",                              // names
    };
    std::vector<std::unique_ptr<RE2>> out;
    for (const char* s : sources) {
      out.push_back(std::make_unique<RE2>(s));
      DOCKET_CHECK(out.back()->ok());
    }
    return out;
  }();
  return patterns;
}

void BM_NaiveRegexes(benchmark::State& state) {
  const Corpus& corpus = Texts(static_cast<int>(state.range(0)));
  const auto& patterns = NaivePatterns();
  for (auto _ : state) {
    size_t spans = 0;
    for (const std::string& text : corpus.texts) {
      for (const auto& re : patterns) {
        re2::StringPiece input(text);
        re2::StringPiece match;
        while (re->Match(input, 0, input.size(), RE2::UNANCHORED, &match, 1)) {
          ++spans;
          const size_t next = static_cast<size_t>(match.data() - input.data()) +
                              std::max<size_t>(match.size(), 1);
          if (next > input.size()) break;
          input.remove_prefix(next);
        }
      }
    }
    benchmark::DoNotOptimize(spans);
  }
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
}
BENCHMARK(BM_NaiveRegexes)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_RecordsTwoThreads(benchmark::State& state) {
  const Corpus& corpus = Texts();
  const Redactor& redactor = *DefaultPipeline().redactor;
  int64_t records = 0;
  for (auto _ : state) {
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < corpus.texts.size(); i = next++) {
        auto out = redactor.Redact(corpus.texts[i], {.region = corpus.regions[i]});
        DOCKET_CHECK(out.ok());
      }
    };
    std::thread a(work), b(work);
    a.join();
    b.join();
    records += static_cast<int64_t>(corpus.texts.size());
  }
  state.SetItemsProcessed(records);
  state.counters["records_per_min"] =
      benchmark::Counter(static_cast<double>(records) * 60, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RecordsTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Latency2KB(benchmark::State& state) {
  const Corpus& corpus = Texts();
  // 2 KB records: consecutive texts joined until they reach 2,048 bytes.
  std::vector<std::string> records;
  std::string current;
  for (const std::string& text : corpus.texts) {
    current += text;
    current += '\n';
    if (current.size() >= 2048) {
      records.push_back(current.substr(0, 2048));
      current.clear();
    }
  }
  const Redactor& redactor = *DefaultPipeline().redactor;
  std::vector<double> micros;
  for (auto _ : state) {
    for (const std::string& record : records) {
      const auto start = std::chrono::steady_clock::now();
      auto out = redactor.Redact(record, {.region = "US"});
      const auto end = std::chrono::steady_clock::now();
      DOCKET_CHECK(out.ok());
      micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
  }
  std::sort(micros.begin(), micros.end());
  state.counters["records"] = static_cast<double>(micros.size());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  state.counters["max_us"] = micros.back();
}
BENCHMARK(BM_Latency2KB)->Unit(benchmark::kMillisecond)->Iterations(3);

// One stage of the scan alone, to see where the time goes.
template <typename Stage>
void RunPhase(benchmark::State& state, Stage stage) {
  const Corpus& corpus = Texts(static_cast<int>(state.range(0)));
  std::vector<Detection> out;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.texts.size(); ++i) {
      out.clear();
      stage(corpus.texts[i], corpus.regions[i], out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
}

void BM_PhaseEmails(benchmark::State& state) {
  RunPhase(state, [](std::string_view t, std::string_view, auto& out) {
    internal::DetectEmails(t, out);
  });
}
void BM_PhaseUrlSecrets(benchmark::State& state) {
  RunPhase(state, [](std::string_view t, std::string_view, auto& out) {
    internal::DetectUrlSecrets(t, out);
  });
}
void BM_PhaseIpv6(benchmark::State& state) {
  RunPhase(state,
           [](std::string_view t, std::string_view, auto& out) { internal::DetectIpv6(t, out); });
}
void BM_PhaseIbans(benchmark::State& state) {
  RunPhase(state,
           [](std::string_view t, std::string_view, auto& out) { internal::DetectIbans(t, out); });
}
void BM_PhaseNumbers(benchmark::State& state) {
  RunPhase(state, [](std::string_view t, std::string_view region, auto& out) {
    internal::DetectNumbers(t, region, out);
  });
}
void BM_PhaseCapitalisedNames(benchmark::State& state) {
  RunPhase(state, [](std::string_view t, std::string_view, auto& out) {
    internal::DetectCapitalisedNames(t, out);
  });
}
void BM_PhasePatternSet(benchmark::State& state) {
  static const auto patterns = *internal::PatternSet::Create(internal::DefaultPatterns());
  RunPhase(state,
           [](std::string_view t, std::string_view, auto& out) { patterns->Scan(t, out); });
}
void BM_PhaseWholeScan(benchmark::State& state) {
  const PiiScanner& scanner = *DefaultPipeline().scanner;
  RunPhase(state, [&](std::string_view t, std::string_view region, auto& out) {
    out = scanner.Scan(t, {.region = std::string(region)});
  });
}
BENCHMARK(BM_PhaseEmails)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhaseUrlSecrets)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhaseIpv6)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhaseIbans)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhaseNumbers)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhaseCapitalisedNames)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhasePatternSet)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PhaseWholeScan)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace docket::workflows::redact
