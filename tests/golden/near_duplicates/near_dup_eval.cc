// docket_near_dup_eval SET_FILE [--threshold=J] [--hashes=K] [--words=MIN-MAX]
//   [--chars=MIN-MAX] [--scheme=oph|multiply-shift] [--margin=M] [--threads=N]
//   [--show-wrong=N]
// Runs FindDuplicates (workflows/themes/near_duplicates.h) over the texts of a labelled
// near-duplicate set and prints pairwise precision and recall of "is a near-duplicate
// of" against its groups, recall per edit kind, and the exact shingle Jaccard
// similarity of labelled pairs beside that of hard negatives (same family, different
// group). Defaults are the library's. Reports; asserts nothing.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "tests/golden/near_duplicates/near_dup_set.h"
#include "workflows/themes/near_duplicates.h"

namespace {

using namespace docket::golden::near_duplicates;
using namespace docket::workflows::themes;

bool ParseRange(std::string_view v, int& lo, int& hi) {
  const size_t dash = v.find('-');
  lo = std::atoi(std::string(v.substr(0, dash)).c_str());
  hi = dash == std::string_view::npos ? lo : std::atoi(std::string(v.substr(dash + 1)).c_str());
  return true;
}

int show_wrong = 0;  // --show-wrong: how many wrongly joined texts to print

bool ParseFlag(std::string_view arg, NearDuplicateOptions& o) {
  const size_t eq = arg.find('=');
  if (eq == std::string_view::npos) return false;
  const std::string_view name = arg.substr(0, eq);
  const std::string value(arg.substr(eq + 1));
  if (name == "--threshold")
    o.threshold = std::atof(value.c_str());
  else if (name == "--hashes")
    o.num_hashes = std::atoi(value.c_str());
  else if (name == "--margin")
    o.exact_margin = std::atof(value.c_str());
  else if (name == "--threads")
    o.threads = std::atoi(value.c_str());
  else if (name == "--words")
    ParseRange(value, o.shingles.word_ngram_min, o.shingles.word_ngram_max);
  else if (name == "--chars")
    ParseRange(value, o.shingles.char_ngram_min, o.shingles.char_ngram_max);
  else if (name == "--show-wrong")
    show_wrong = std::atoi(value.c_str());
  else if (name == "--scheme" && value == "oph")
    o.scheme = MinHashScheme::kOnePermutation;
  else if (name == "--scheme" && value == "multiply-shift")
    o.scheme = MinHashScheme::kMultiplyShift;
  else
    return false;
  return true;
}

// Quartiles of exact Jaccard similarity: labelled pairs vs hard negatives.
void PrintSimilarities(const std::vector<LabelledText>& texts, const ShingleOptions& shingles) {
  std::map<std::string, std::vector<size_t>> families;
  for (size_t i = 0; i < texts.size(); ++i) families[texts[i].family].push_back(i);
  std::vector<double> positive, negative;
  for (const auto& [family, members] : families) {
    for (size_t a = 0; a < members.size(); ++a) {
      const std::vector<uint64_t> sa = ShingleSet(texts[members[a]].text, shingles);
      for (size_t b = a + 1; b < members.size(); ++b) {
        const double j = ExactJaccard(sa, ShingleSet(texts[members[b]].text, shingles));
        (texts[members[a]].group == texts[members[b]].group ? positive : negative).push_back(j);
      }
    }
  }
  for (auto [name, values] :
       {std::pair{"labelled pairs", &positive}, {"hard negatives", &negative}}) {
    std::sort(values->begin(), values->end());
    const auto at = [&](double q) {
      return values->empty() ? 0.0 : (*values)[static_cast<size_t>(q * (values->size() - 1))];
    };
    std::printf("| %s | %zu | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name, values->size(), at(0.0),
                at(0.05), at(0.5), at(0.95), at(1.0));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: docket_near_dup_eval SET_FILE [--threshold=J] ...\n");
    return 2;
  }
  NearDuplicateOptions options;
  for (int i = 2; i < argc; ++i) {
    if (!ParseFlag(argv[i], options)) {
      std::fprintf(stderr, "unknown flag %s\n", argv[i]);
      return 2;
    }
  }
  if (const std::string e = OptionsError(options); !e.empty()) {
    std::fprintf(stderr, "bad options: %s\n", e.c_str());
    return 2;
  }
  std::string error;
  const auto texts = ReadNearDuplicateSet(argv[1], error);
  if (!texts) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::vector<std::string_view> views;
  for (const LabelledText& t : *texts) views.push_back(t.text);
  const DuplicateReport report = FindDuplicates(views, options);
  std::vector<uint32_t> canonical;
  for (const DuplicateMatch& m : report.matches) canonical.push_back(m.canonical);
  const PairScore score = ScorePairs(*texts, canonical);

  const LshBanding banding = ChooseBanding(options.num_hashes, options.threshold);
  std::printf("threshold %.2f, K %d (%s), bands %d x rows %d, words %d-%d, chars %d-%d\n",
              options.threshold, options.num_hashes,
              options.scheme == MinHashScheme::kOnePermutation ? "oph" : "multiply-shift",
              banding.bands, banding.rows, options.shingles.word_ngram_min,
              options.shingles.word_ngram_max, options.shingles.char_ngram_min,
              options.shingles.char_ngram_max);
  std::printf(
      "texts %zu, exact duplicates %llu, near duplicates %llu, candidate pairs %llu, "
      "verified %llu, exact checks %llu\n",
      texts->size(), static_cast<unsigned long long>(report.exact_duplicates),
      static_cast<unsigned long long>(report.near_duplicates),
      static_cast<unsigned long long>(report.candidate_pairs),
      static_cast<unsigned long long>(report.verified_pairs),
      static_cast<unsigned long long>(report.exact_checks));
  std::printf("pairs: labelled %llu, predicted %llu, correct %llu, hard negatives joined %llu\n",
              static_cast<unsigned long long>(score.labelled_pairs),
              static_cast<unsigned long long>(score.predicted_pairs),
              static_cast<unsigned long long>(score.correct_pairs),
              static_cast<unsigned long long>(score.hard_negative_pairs));
  std::printf("Pairwise precision %.4f recall %.4f\n", score.precision(), score.recall());

  // Recall per edit: a variant counts as found when it shares its original's canonical.
  std::map<std::string, size_t> original_of;
  for (size_t i = 0; i < texts->size(); ++i) {
    if ((*texts)[i].variant == "original") original_of[(*texts)[i].group] = i;
  }
  std::map<std::string, std::pair<int, int>> per_edit;  // found, total
  for (size_t i = 0; i < texts->size(); ++i) {
    const LabelledText& t = (*texts)[i];
    if (t.variant == "original") continue;
    const bool found = canonical[i] == canonical[original_of[t.group]];
    for (size_t begin = 0;;) {
      const size_t plus = t.variant.find('+', begin);
      auto& [hit, total] =
          per_edit[t.variant.substr(begin, plus == std::string::npos ? plus : plus - begin)];
      hit += found ? 1 : 0;
      ++total;
      if (plus == std::string::npos) break;
      begin = plus + 1;
    }
  }
  std::printf("\n| Edit | Variants | Found with original |\n| --- | ---: | ---: |\n");
  for (const auto& [edit, counts] : per_edit) {
    std::printf("| %s | %d | %.3f |\n", edit.c_str(), counts.second,
                static_cast<double>(counts.first) / counts.second);
  }
  std::printf(
      "\nExact Jaccard of shingle sets within families (min, 5%%, median, 95%%, max):\n"
      "| Pairs | n | min | p05 | p50 | p95 | max |\n| --- | ---: | ---: | ---: | ---: | ---: | "
      "---: |\n");
  PrintSimilarities(*texts, options.shingles);
  for (size_t i = 0; i < texts->size() && show_wrong > 0; ++i) {
    const DuplicateMatch& m = report.matches[i];
    if (m.kind == DuplicateKind::kCanonical || (*texts)[i].group == (*texts)[m.canonical].group) {
      continue;
    }
    --show_wrong;
    std::printf("\nwrong (estimate %.3f): %s\n  %s\n  %s\n", m.similarity,
                (*texts)[i].variant.c_str(), (*texts)[i].text.c_str(),
                (*texts)[m.canonical].text.c_str());
  }
  return 0;
}
