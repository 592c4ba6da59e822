// ReadLabelledCsv and ScaleWithNoise; see labelled_csv.h.
#include "tests/golden/themes/labelled_csv.h"

#include <fstream>
#include <sstream>

namespace docket::workflows::themes {
namespace {

// Splits RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes, newlines).
std::vector<std::vector<std::string>> ParseCsv(const std::string& bytes) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string Perturb(std::string text, uint64_t& state) {
  static const char* const kSignOffs[] = {" Thanks", " Sent from my phone", " Regards, J.",
                                          " -- help asap", " thx"};
  const uint64_t kind = SplitMix(state) % 4;
  if (kind == 0 && text.size() > 8) {
    text.erase(SplitMix(state) % text.size(), 1);  // a dropped character
  } else if (kind == 1 && text.size() > 8) {
    const size_t at = SplitMix(state) % (text.size() - 1);
    std::swap(text[at], text[at + 1]);  // a transposition
  } else if (kind == 2) {
    text += " ticket " + std::to_string(SplitMix(state) % 1000000);
  } else {
    text += kSignOffs[SplitMix(state) % 5];
  }
  return text;
}

}  // namespace

bool ReadLabelledCsv(const std::string& path, LabelledTexts& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::vector<std::vector<std::string>> rows = ParseCsv(buffer.str());
  if (rows.empty()) return false;
  size_t text_col = SIZE_MAX;
  size_t label_col = SIZE_MAX;
  for (size_t c = 0; c < rows[0].size(); ++c) {
    if (rows[0][c] == "text") text_col = c;
    if (rows[0][c] == "category") label_col = c;
  }
  if (text_col == SIZE_MAX || label_col == SIZE_MAX) return false;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() <= std::max(text_col, label_col)) continue;
    size_t id = 0;
    while (id < out.label_names.size() && out.label_names[id] != rows[r][label_col]) ++id;
    if (id == out.label_names.size()) out.label_names.push_back(rows[r][label_col]);
    out.texts.push_back(rows[r][text_col]);
    out.labels.push_back(static_cast<int64_t>(id));
  }
  out.label_count = out.label_names.size();
  return true;
}

LabelledTexts ScaleWithNoise(const LabelledTexts& data, size_t count, uint64_t seed) {
  LabelledTexts out;
  out.label_names = data.label_names;
  out.label_count = data.label_count;
  if (data.texts.empty()) return out;
  uint64_t state = seed;
  for (size_t i = 0; i < count; ++i) {
    const size_t source = i % data.texts.size();
    out.texts.push_back(i < data.texts.size() ? data.texts[source]
                                              : Perturb(data.texts[source], state));
    out.labels.push_back(data.labels[source]);
  }
  return out;
}

}  // namespace docket::workflows::themes
