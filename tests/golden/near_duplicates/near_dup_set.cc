// Reading, writing and scoring the near-duplicate evaluation set; see near_dup_set.h.
#include "tests/golden/near_duplicates/near_dup_set.h"

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <utility>

namespace docket::golden::near_duplicates {
namespace {

uint64_t Pairs(uint64_t n) { return n * (n - 1) / 2; }

}  // namespace

std::string SerializeLabelledText(const LabelledText& t) {
  boost::json::object o;
  o["id"] = t.id;
  o["lang"] = t.lang;
  o["family"] = t.family;
  o["group"] = t.group;
  o["variant"] = t.variant;
  o["text"] = t.text;
  return boost::json::serialize(o);
}

std::optional<std::vector<LabelledText>> ReadNearDuplicateSet(const std::string& path,
                                                              std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path;
    return std::nullopt;
  }
  std::vector<LabelledText> texts;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(line, ec);
    const boost::json::object* o = ec ? nullptr : v.if_object();
    if (o == nullptr) {
      error = path + ":" + std::to_string(number) + ": not a JSON object";
      return std::nullopt;
    }
    LabelledText t;
    for (auto [key, field] : {std::pair{"id", &t.id},
                              {"lang", &t.lang},
                              {"family", &t.family},
                              {"group", &t.group},
                              {"variant", &t.variant},
                              {"text", &t.text}}) {
      const boost::json::value* value = o->if_contains(key);
      if (value == nullptr || !value->is_string()) {
        error = path + ":" + std::to_string(number) + ": missing string \"" + key + "\"";
        return std::nullopt;
      }
      *field = std::string(value->get_string());
    }
    texts.push_back(std::move(t));
  }
  return texts;
}

double PairScore::precision() const {
  return predicted_pairs == 0
             ? 1.0
             : static_cast<double>(correct_pairs) / static_cast<double>(predicted_pairs);
}

double PairScore::recall() const {
  return labelled_pairs == 0
             ? 1.0
             : static_cast<double>(correct_pairs) / static_cast<double>(labelled_pairs);
}

PairScore ScorePairs(const std::vector<LabelledText>& texts,
                     const std::vector<uint32_t>& canonical) {
  std::map<std::string, uint64_t> per_group;
  std::map<uint32_t, uint64_t> per_prediction;
  std::map<std::pair<uint32_t, std::string>, uint64_t> per_cell;         // prediction x group
  std::map<std::pair<uint32_t, std::string>, uint64_t> per_family_cell;  // prediction x family
  for (size_t i = 0; i < texts.size() && i < canonical.size(); ++i) {
    ++per_group[texts[i].group];
    ++per_prediction[canonical[i]];
    ++per_cell[{canonical[i], texts[i].group}];
    ++per_family_cell[{canonical[i], texts[i].family}];
  }
  PairScore s;
  for (const auto& [group, n] : per_group) s.labelled_pairs += Pairs(n);
  for (const auto& [prediction, n] : per_prediction) s.predicted_pairs += Pairs(n);
  for (const auto& [cell, n] : per_cell) s.correct_pairs += Pairs(n);
  uint64_t same_family = 0;
  for (const auto& [cell, n] : per_family_cell) same_family += Pairs(n);
  s.hard_negative_pairs = same_family - s.correct_pairs;
  return s;
}

}  // namespace docket::golden::near_duplicates
