// docket_banking77_eval: clusters the texts of a labelled CSV (BANKING77's `text`,
// `category` columns) with the themes pipeline, never showing it the labels, and prints
// the number of themes, the unthemed share, NMI and ARI against the labels, and the
// time of each stage. Not run by ctest: the data lives outside the repository
// (docs/benchmarks.md, "Themes quality (issue #5)").
//
//   docket_banking77_eval [--option value ...] test.csv [more.csv ...]
//
// Without options it runs the library's default configuration. Options override it for
// experiments (each listed in Usage()); --scale N replicates the texts with seeded
// typos and signature noise up to N texts, for speed measurements (quality on such a
// set is not meaningful: it contains each text many times).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/golden/themes/labelled_csv.h"
#include "workflows/themes/cluster_metrics.h"
#include "workflows/themes/clustering.h"
#include "workflows/themes/lexicon.h"
#include "workflows/themes/lsa.h"
#include "workflows/themes/term_weights.h"

namespace docket::workflows::themes {
namespace {

struct EvalConfig {
  TermWeightOptions terms;
  LsaOptions lsa;
  ClusteringOptions clustering;
  size_t scale = 0;
  std::string lexicon_path;
  std::vector<std::string> inputs;
};

void Usage() {
  std::cerr << "usage: docket_banking77_eval [options] FILE.csv [FILE.csv ...]\n"
               "  --dims N --power-iterations N --sv-power X     LSA\n"
               "  --word-ngrams N --char-min N --char-max N --char-weight X --min-df N\n"
               "  --neighbors N --resolution X --refine N --min-size N --threads N\n"
               "  --lexicon FILE --scale N\n";
}

bool ParseArgs(int argc, char** argv, EvalConfig& config) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) {
      config.inputs.push_back(arg);
      continue;
    }
    if (i + 1 >= argc) return false;
    const std::string value = argv[++i];
    const double x = std::strtod(value.c_str(), nullptr);
    const int n = static_cast<int>(x);
    if (arg == "--dims") config.lsa.dimensions = n;
    else if (arg == "--power-iterations") config.lsa.power_iterations = n;
    else if (arg == "--sv-power") config.lsa.singular_value_power = x;
    else if (arg == "--word-ngrams") config.terms.word_ngram_max = n;
    else if (arg == "--char-min") config.terms.char_ngram_min = n;
    else if (arg == "--char-max") config.terms.char_ngram_max = n;
    else if (arg == "--char-weight") config.terms.char_block_weight = x;
    else if (arg == "--min-df") config.terms.min_document_frequency = static_cast<uint32_t>(n);
    else if (arg == "--neighbors") config.clustering.neighbors = n;
    else if (arg == "--resolution") config.clustering.resolution = x;
    else if (arg == "--refine") config.clustering.refine_iterations = n;
    else if (arg == "--min-size") config.clustering.min_cluster_size = static_cast<size_t>(n);
    else if (arg == "--threads") config.clustering.threads = config.terms.threads = n;
    else if (arg == "--lexicon") config.lexicon_path = value;
    else if (arg == "--scale") config.scale = static_cast<size_t>(n);
    else return false;
  }
  return !config.inputs.empty();
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Run(const EvalConfig& config) {
  LabelledTexts data;
  for (const std::string& path : config.inputs) {
    if (!ReadLabelledCsv(path, data)) {
      std::cerr << "cannot read " << path << " (need a `text` and a `category` column)\n";
      return 2;
    }
  }
  if (config.scale > 0) data = ScaleWithNoise(data, config.scale, /*seed=*/77);
  Lexicon lexicon;
  if (!config.lexicon_path.empty()) {
    std::ifstream in(config.lexicon_path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    StatusOr<Lexicon> parsed = ParseLexicon(config.lexicon_path, bytes.str());
    if (!parsed.ok()) {
      std::cerr << parsed.status().ToString() << "\n";
      return 2;
    }
    lexicon = *std::move(parsed);
  }
  const auto start = std::chrono::steady_clock::now();
  const TermMatrix terms = WeighTerms(data.texts, config.terms, lexicon);
  const double t_terms = Seconds(start);
  const auto lsa_start = std::chrono::steady_clock::now();
  const LsaResult lsa = ReduceLsa(terms.weights, config.lsa);
  const double t_lsa = Seconds(lsa_start);
  const auto cluster_start = std::chrono::steady_clock::now();
  const Clustering clusters = ClusterPoints(lsa.points, config.clustering);
  const double t_cluster = Seconds(cluster_start);
  const double total = Seconds(start);

  std::vector<int64_t> predicted(clusters.assignment.begin(), clusters.assignment.end());
  std::printf("texts            %zu (%zu labels)\n", data.texts.size(), data.label_count);
  std::printf("features         %zu (nnz %zu)\n", terms.weights.cols, terms.weights.value.size());
  std::printf("themes           %zu\n", clusters.cluster_count);
  std::printf("unthemed share   %.4f (%zu texts)\n",
              data.texts.empty() ? 0.0
                                 : static_cast<double>(clusters.unthemed) / data.texts.size(),
              clusters.unthemed);
  std::printf("NMI (arithmetic) %.4f\n", NormalizedMutualInformation(data.labels, predicted));
  std::printf("ARI              %.4f\n", AdjustedRandIndex(data.labels, predicted));
  std::printf("time             %.3f s (terms %.3f, lsa %.3f, clustering %.3f)\n", total,
              t_terms, t_lsa, t_cluster);
  return 0;
}

}  // namespace
}  // namespace docket::workflows::themes

int main(int argc, char** argv) {
  docket::workflows::themes::EvalConfig config;
  if (!docket::workflows::themes::ParseArgs(argc, argv, config)) {
    docket::workflows::themes::Usage();
    return 2;
  }
  return docket::workflows::themes::Run(config);
}
