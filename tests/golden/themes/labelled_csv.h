// Labelled texts for theme-quality measurements: a minimal RFC 4180 reader for CSV
// files with `text` and `category` columns (BANKING77's layout), and a seeded
// replicator that grows a set to N texts with typos and signature noise for speed runs.
// Test-only code; not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace docket::workflows::themes {

struct LabelledTexts {
  std::vector<std::string> texts;
  std::vector<int64_t> labels;           // dense ids of `category`, in order of appearance
  std::vector<std::string> label_names;  // by id
  size_t label_count = 0;
};

// Appends the rows of `path` to `out`. False when the file cannot be read or lacks a
// `text` or `category` column.
bool ReadLabelledCsv(const std::string& path, LabelledTexts& out);

// `count` texts drawn round-robin from `data`, each copy after the first with a seeded
// mix of perturbations (dropped or swapped letters, a ticket number, a sign-off).
LabelledTexts ScaleWithNoise(const LabelledTexts& data, size_t count, uint64_t seed);

}  // namespace docket::workflows::themes
