// Throughput of workflows/ingest on ~8 MB of generated feedback (fixed seed, 12 columns,
// ~300 bytes a row, text in six languages with some decomposed accents and quoted
// fields), as CSV and as JSON Lines: IngestFile alone, IngestFile + NormalizeRecord,
// and raw baselines over the same bytes (a memchr line split of the CSV; a bare
// Boost.JSON parse of each JSON line) so ingest/baseline ratios can be reported.
#include <benchmark/benchmark.h>

#include <array>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>

#include "workflows/ingest/ingest.h"
#include "workflows/ingest/normalize.h"
#include "workflows/ingest/utf8.h"

namespace docket::workflows {
namespace {

constexpr size_t kTargetBytes = 8 << 20;
constexpr uint64_t kSeed = 20261003;

constexpr std::array<std::string_view, 24> kPhrases = {
    "The checkout page freezes after I enter my card details",
    "Since the last update the app crashes on startup",
    "Please add a dark mode, the white screen hurts at night",
    "Search results are slow and often irrelevant",
    "Love the new dashboard, much clearer than before!",
    "Export to CSV drops the last column, \"Notes\", every time",
    "Nach dem Update lädt die Übersicht nicht mehr",
    "Die Zahlung schlägt fehl, obwohl die Karte gültig ist",
    "Impossible de me connecter depuis la mise à jour",
    "L'application est très lente sur mon téléphone",
    "Cafe\u0301 de\u0301cafe\u0301ine\u0301: les accents de\u0301compose\u0301s",
    "La aplicación se cierra al abrir el carrito",
    "No puedo cambiar mi contraseña desde el móvil",
    "O aplicativo trava quando tento pagar com Pix",
    "Não consigo ver o histórico de pedidos",
    "アップデート後にアプリが起動しません",
    "検索がとても遅いです。改善してください",
    "ダークモードが欲しいです",
    "The sync button does nothing on iPad",
    "Notifications arrive twice, sometimes three times",
    "Great support team, the issue was fixed in a day",
    "Login with SSO loops back to the start page",
    "Reports take minutes to load for large projects",
    "Pricing page is confusing for the Pro tier",
};
constexpr std::array<std::string_view, 6> kLanguages = {"en", "de", "fr", "es", "pt_BR", "ja"};
constexpr std::array<std::string_view, 4> kChannels = {"ticket", "review", "survey", "community"};
constexpr std::array<std::string_view, 6> kAreas = {"Checkout", "Search",  "Login",
                                                    "Sync",     "Reports", "Notifications"};
constexpr std::array<std::string_view, 3> kTiers = {"free", "pro", "enterprise"};
constexpr std::array<std::string_view, 5> kRegions = {"us", "de", "fr", "br", "jp"};

struct Row {
  std::string id, created_at, channel, language, product, area, version, tier, rating, title, body,
      region;
};

Row MakeRow(std::mt19937_64& rng, uint64_t n) {
  auto pick = [&](const auto& list) { return std::string(list[rng() % list.size()]); };
  Row r;
  r.id = "FB-" + std::to_string(100000 + n);
  const uint64_t day = rng() % 28 + 1, second = rng() % 86400;
  char ts[40];
  std::snprintf(ts, sizeof(ts), "2026-09-%02uT%02u:%02u:%02u%s", static_cast<unsigned>(day),
                static_cast<unsigned>(second / 3600), static_cast<unsigned>(second / 60 % 60),
                static_cast<unsigned>(second % 60), rng() % 3 == 0 ? "+02:00" : "Z");
  r.created_at = ts;
  r.channel = pick(kChannels);
  r.language = pick(kLanguages);
  r.product = "Docket Mobile";
  r.area = pick(kAreas);
  r.version = "v4." + std::to_string(rng() % 5) + "." + std::to_string(rng() % 10);
  r.tier = pick(kTiers);
  r.rating = rng() % 6 == 0 ? "" : std::to_string(rng() % 5 + 1);
  r.title = pick(kPhrases);
  r.title.resize(Utf8PrefixLength(r.title, 24));
  r.body = pick(kPhrases) + ". " + pick(kPhrases) + ".";
  r.body += " " + pick(kPhrases) + ".";
  if (rng() % 2 == 0) r.body += " " + pick(kPhrases) + ".";
  if (rng() % 4 == 0) r.body += "\n" + pick(kPhrases);
  r.region = pick(kRegions);
  return r;
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

std::string JsonString(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

struct Data {
  std::string csv;
  std::string jsonl;
};

Data Generate() {
  Data data;
  std::mt19937_64 rng(kSeed);
  data.csv =
      "id,created_at,channel,language,product,feature_area,release_version,customer_tier,"
      "rating,title,body,region\n";
  for (uint64_t n = 0; data.csv.size() < kTargetBytes; ++n) {
    const Row r = MakeRow(rng, n);
    for (const std::string* f : {&r.id, &r.created_at, &r.channel, &r.language, &r.product, &r.area,
                                 &r.version, &r.tier, &r.rating, &r.title, &r.body}) {
      data.csv += CsvField(*f) + ",";
    }
    data.csv += r.region + "\n";
    data.jsonl +=
        "{\"id\":" + JsonString(r.id) + ",\"created_at\":" + JsonString(r.created_at) +
        ",\"channel\":" + JsonString(r.channel) + ",\"language\":" + JsonString(r.language) +
        ",\"product\":" + JsonString(r.product) + ",\"feature_area\":" + JsonString(r.area) +
        ",\"release_version\":" + JsonString(r.version) +
        ",\"customer_tier\":" + JsonString(r.tier) +
        ",\"rating\":" + (r.rating.empty() ? "null" : r.rating) +
        ",\"title\":" + JsonString(r.title) + ",\"body\":" + JsonString(r.body) +
        ",\"device\":{\"region\":" + JsonString(r.region) + "}}\n";
  }
  return data;
}

const Data& GeneratedData() {
  static const Data data = Generate();  // generated once, read-only afterwards
  return data;
}

SourceMapping Mapping(InputFormat format) {
  SourceMapping m;
  m.source = "bench";
  m.format = format;
  for (std::string_view f : {"id", "created_at", "channel", "language", "product", "feature_area",
                             "release_version", "customer_tier", "rating"}) {
    m.fields[std::string(f)] = {std::string(f)};
  }
  m.fields["text"] = {"title", "body"};
  m.fields["region"] = {format == InputFormat::kCsv ? "region" : "device.region"};
  return m;
}

void RunIngest(benchmark::State& state, const std::string& bytes, InputFormat format,
               bool normalize) {
  const SourceMapping mapping = Mapping(format);
  uint64_t records = 0;
  for (auto _ : state) {
    FeedbackBatch batch;
    QuarantineBatch quarantine;
    StatusOr<IngestStats> stats = IngestFile("bench", bytes, mapping, {}, batch, quarantine);
    if (!stats.ok() || stats->quarantined != 0) {
      state.SkipWithError(stats.ok() ? quarantine.entries(0).reason().c_str()
                                     : stats.status().message().c_str());
      return;
    }
    if (normalize) {
      for (FeedbackRecord& r : *batch.mutable_records()) NormalizeRecord(r);
    }
    records = stats->records;
    benchmark::DoNotOptimize(batch);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.counters["records"] = static_cast<double>(records);
  state.counters["bytes_per_record"] =
      records == 0 ? 0.0 : static_cast<double>(bytes.size()) / static_cast<double>(records);
}

void BM_CsvIngestNormalize(benchmark::State& state) {
  RunIngest(state, GeneratedData().csv, InputFormat::kCsv, /*normalize=*/true);
}
void BM_CsvIngestOnly(benchmark::State& state) {
  RunIngest(state, GeneratedData().csv, InputFormat::kCsv, /*normalize=*/false);
}
void BM_JsonlIngestNormalize(benchmark::State& state) {
  RunIngest(state, GeneratedData().jsonl, InputFormat::kJsonl, /*normalize=*/true);
}
void BM_JsonlIngestOnly(benchmark::State& state) {
  RunIngest(state, GeneratedData().jsonl, InputFormat::kJsonl, /*normalize=*/false);
}

// Baseline: find every line of the CSV with memchr, and nothing else.
void BM_CsvBaselineMemchrLines(benchmark::State& state) {
  const std::string& csv = GeneratedData().csv;
  for (auto _ : state) {
    size_t lines = 0;
    for (const char* p = csv.data();
         const void* nl = std::memchr(p, '\n', csv.data() + csv.size() - p);) {
      p = static_cast<const char*>(nl) + 1;
      ++lines;
    }
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * csv.size()));
}

// Baseline: Boost.JSON parse of each line into a reused arena, and nothing else.
void BM_JsonlBaselineBoostParse(benchmark::State& state) {
  const std::string& jsonl = GeneratedData().jsonl;
  std::array<unsigned char, 16384> arena_buffer;
  boost::json::monotonic_resource arena(arena_buffer.data(), arena_buffer.size());
  boost::json::parser parser;
  for (auto _ : state) {
    size_t objects = 0;
    for (size_t pos = 0; pos < jsonl.size();) {
      size_t end = jsonl.find('\n', pos);
      if (end == std::string::npos) end = jsonl.size();
      arena.release();
      parser.reset(boost::json::storage_ptr(&arena));
      boost::json::error_code ec;
      parser.write(jsonl.data() + pos, end - pos, ec);
      if (!ec) objects += parser.release().is_object();
      pos = end + 1;
    }
    benchmark::DoNotOptimize(objects);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * jsonl.size()));
}

BENCHMARK(BM_CsvIngestNormalize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CsvIngestOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CsvBaselineMemchrLines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonlIngestNormalize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonlIngestOnly)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JsonlBaselineBoostParse)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace docket::workflows
