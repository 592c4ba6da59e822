#include "workflows/synthesize/answer_validator.h"

#include <boost/json.hpp>
#include <cctype>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "engine/json_exact.h"

namespace docket::workflows::synthesize {
namespace {

namespace json = boost::json;

constexpr size_t kMaxAnswerBytes = 256 * 1024;
constexpr size_t kMaxDepth = 32;

// The strict subset: every object schema closes its properties and requires them all.
Status CheckStrictObject(const json::object& schema, const std::string& where, size_t depth) {
  if (depth > kMaxDepth) return InvalidArgumentError(where + ": nested too deeply");
  const json::value* type = schema.if_contains("type");
  const json::value* props = schema.if_contains("properties");
  if ((type != nullptr && *type == "object") || props != nullptr) {
    if (props == nullptr || !props->is_object()) {
      return InvalidArgumentError(where + ": an object schema must list `properties`");
    }
    const json::value* extra = schema.if_contains("additionalProperties");
    if (extra == nullptr || *extra != false) {
      return InvalidArgumentError(where + ": `additionalProperties` must be false");
    }
    const json::value* required = schema.if_contains("required");
    if (required == nullptr || !required->is_array() ||
        required->get_array().size() != props->get_object().size()) {
      return InvalidArgumentError(where + ": `required` must list every property");
    }
    for (const auto& kv : props->get_object()) {
      bool listed = false;
      for (const json::value& r : required->get_array()) listed = listed || r == kv.key();
      if (!listed) {
        return InvalidArgumentError(where + ": property `" + std::string(kv.key()) +
                                    "` is not required");
      }
      if (!kv.value().is_object()) return InvalidArgumentError(where + ": bad property schema");
      DOCKET_RETURN_IF_ERROR(CheckStrictObject(kv.value().get_object(),
                                               where + "." + std::string(kv.key()), depth + 1));
    }
  }
  if (const json::value* items = schema.if_contains("items"); items && items->is_object()) {
    DOCKET_RETURN_IF_ERROR(CheckStrictObject(items->get_object(), where + "[]", depth + 1));
  }
  return Status::Ok();
}

bool IsNumberEqual(const json::value& a, const json::value& b) {
  if (a.is_number() && b.is_number()) return a.to_number<double>() == b.to_number<double>();
  return a == b;
}

void CheckCitedIds(const json::value& v, const AnswerFacts& facts, size_t depth,
                   std::vector<std::string>& problems) {
  if (depth > kMaxDepth) return;
  if (const json::object* o = v.if_object()) {
    for (const auto& kv : *o) {
      if (kv.key() == "cited_ids" && kv.value().is_array()) {
        for (const json::value& id : kv.value().get_array()) {
          if (id.is_string() && facts.citable_ids.count(std::string(id.get_string())) == 0) {
            problems.push_back("cited_ids: feedback id `" + std::string(id.get_string()) +
                               "` is not in the evidence given");
          }
        }
      } else {
        CheckCitedIds(kv.value(), facts, depth + 1, problems);
      }
    }
  } else if (const json::array* a = v.if_array()) {
    for (const json::value& item : *a) CheckCitedIds(item, facts, depth + 1, problems);
  }
}

void CheckAllowed(const json::object& answer, const std::string& path,
                  const std::set<std::string>& allowed, std::vector<std::string>& problems) {
  const size_t bracket = path.find("[].");
  const std::string field = path.substr(0, bracket);
  const json::value* v = answer.if_contains(field);
  if (v == nullptr) return;
  std::vector<const json::value*> values;
  if (bracket == std::string::npos && v->is_array()) {
    for (const json::value& item : v->get_array()) values.push_back(&item);
  } else if (bracket == std::string::npos) {
    values.push_back(v);
  } else if (v->is_array()) {
    const std::string member = path.substr(bracket + 3);
    for (const json::value& item : v->get_array()) {
      if (const json::object* o = item.if_object(); o && o->contains(member)) {
        values.push_back(&o->at(member));
      }
    }
  }
  for (const json::value* value : values) {
    if (value->is_string() && allowed.count(std::string(value->get_string())) == 0) {
      problems.push_back(path + ": `" + std::string(value->get_string()) +
                         "` is not one of the evidence's values");
    }
  }
}

void CheckSegments(const json::object& answer, const AnswerFacts& facts,
                   std::vector<std::string>& problems) {
  const json::value* segments = answer.if_contains("affected_segments");
  if (segments == nullptr || !segments->is_array()) return;
  for (const json::value& s : segments->get_array()) {
    const json::object* o = s.if_object();
    if (o == nullptr || !o->contains("segment") || !o->at("segment").is_string()) continue;
    const std::string name(o->at("segment").get_string());
    const auto it = facts.segment_counts.find(name);
    if (it == facts.segment_counts.end()) {
      problems.push_back("affected_segments: segment `" + name + "` is not in the evidence");
    } else if (!o->contains("count") || !IsNumberEqual(o->at("count"), json::value(it->second))) {
      problems.push_back("affected_segments: count of `" + name + "` must be " +
                         std::to_string(it->second));
    }
  }
}

void CheckContacts(const json::value& v, const AnswerFacts& facts, size_t depth,
                   std::vector<std::string>& problems) {
  if (depth > kMaxDepth) return;
  if (const json::string* s = v.if_string()) {
    for (const std::string& found : FindContactDetails(*s)) {
      if (facts.input_text.find(found) == std::string::npos) {
        problems.push_back("`" + found + "` (a URL, email address or phone number) is not in " +
                           "the evidence given; do not add contact details or links");
      }
    }
  } else if (const json::object* o = v.if_object()) {
    for (const auto& kv : *o) CheckContacts(kv.value(), facts, depth + 1, problems);
  } else if (const json::array* a = v.if_array()) {
    for (const json::value& item : *a) CheckContacts(item, facts, depth + 1, problems);
  }
}

}  // namespace

struct AnswerSchema::Compiled {
  json::value document;
  valijson::Schema schema;
};

AnswerSchema::AnswerSchema(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
AnswerSchema::~AnswerSchema() = default;

StatusOr<std::unique_ptr<AnswerSchema>> AnswerSchema::Compile(std::string_view name,
                                                              std::string_view schema_json) {
  StatusOr<json::value> doc = engine::ParseJsonExact(schema_json, kMaxDepth);
  if (!doc.ok())
    return InvalidArgumentError("schema " + std::string(name) + ": " + doc.status().message());
  if (!doc->is_object())
    return InvalidArgumentError("schema " + std::string(name) + ": not a JSON object");
  DOCKET_RETURN_IF_ERROR(CheckStrictObject(doc->get_object(), "schema " + std::string(name), 0));
  auto compiled = std::make_unique<Compiled>();
  compiled->document = std::move(*doc);
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::BoostJsonAdapter(compiled->document),
                          compiled->schema);
  } catch (const std::exception& e) {
    return InvalidArgumentError("schema " + std::string(name) + ": " + e.what());
  }
  return std::unique_ptr<AnswerSchema>(new AnswerSchema(std::move(compiled)));
}

std::vector<std::string> AnswerSchema::Violations(const json::value& answer) const {
  valijson::Validator validator;
  valijson::ValidationResults results;
  std::vector<std::string> out;
  if (validator.validate(compiled_->schema, valijson::adapters::BoostJsonAdapter(answer),
                         &results)) {
    return out;
  }
  valijson::ValidationResults::Error error;
  while (results.popError(error) && out.size() < 20) {
    std::string path;
    for (const std::string& p : error.context) path += p;
    out.push_back("schema: " + path + ": " + error.description);
  }
  if (out.empty()) out.push_back("schema: the answer does not match the response schema");
  return out;
}

AnswerCheck CheckAnswer(std::string_view content, const AnswerSchema& schema,
                        const AnswerFacts& facts) {
  AnswerCheck check;
  if (content.size() > kMaxAnswerBytes) {
    check.problems.push_back("the answer is longer than " + std::to_string(kMaxAnswerBytes) +
                             " bytes");
    return check;
  }
  StatusOr<json::value> parsed = engine::ParseJsonExact(content, kMaxDepth);
  if (!parsed.ok() || !parsed->is_object()) {
    check.problems.push_back("the answer is not one JSON object" +
                             (parsed.ok() ? std::string() : ": " + parsed.status().message()));
    return check;
  }
  check.answer = std::move(*parsed);
  check.problems = schema.Violations(check.answer);
  if (!check.problems.empty()) return check;
  const json::object& answer = check.answer.get_object();
  for (const auto& [field, expected] : facts.exact) {
    const json::value* v = answer.if_contains(field);
    if (v == nullptr || !IsNumberEqual(*v, expected)) {
      check.problems.push_back(field + ": must be " + json::serialize(expected) +
                               " as in the evidence");
    }
  }
  for (const auto& [path, allowed] : facts.allowed) {
    CheckAllowed(answer, path, allowed, check.problems);
  }
  CheckSegments(answer, facts, check.problems);
  CheckCitedIds(check.answer, facts, 0, check.problems);
  CheckContacts(check.answer, facts, 0, check.problems);
  return check;
}

namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsUrlStop(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '\'' || c == '<' ||
         c == '>' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '`';
}
bool IsEmailLocal(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool IsEmailDomain(char c) { return IsAlnum(c) || c == '.' || c == '-'; }

std::string TrimTrailingPunctuation(std::string s) {
  while (!s.empty() && std::string_view(".,;:!?").find(s.back()) != std::string_view::npos) {
    s.pop_back();
  }
  return s;
}

// Length of a URL starting at `i` ("scheme://..." or "www."), or 0.
size_t UrlAt(std::string_view text, size_t i) {
  if (i > 0 && IsAlnum(text[i - 1])) return 0;
  size_t j = i;
  while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
  const bool scheme = j > i && text.substr(j, 3) == "://";
  const bool www = text.substr(i, 4) == "www." || text.substr(i, 4) == "WWW.";
  if (!scheme && !www) return 0;
  j = i;
  while (j < text.size() && !IsUrlStop(text[j])) ++j;
  return j - i;
}

// Length of an email address whose '@' is at `at`, and where it starts; 0 if none.
size_t EmailAt(std::string_view text, size_t at, size_t& start) {
  size_t s = at;
  while (s > 0 && IsEmailLocal(text[s - 1])) --s;
  size_t e = at + 1;
  while (e < text.size() && IsEmailDomain(text[e])) ++e;
  while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
  const std::string_view domain = text.substr(at + 1, e - at - 1);
  const size_t dot = domain.rfind('.');
  if (s == at || dot == std::string_view::npos || dot == 0 || domain.size() - dot < 3) return 0;
  start = s;
  return e - s;
}

// "2026-11-01": a date, not a phone number.
bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// Length of a phone-like run starting at `i`: 7 to 15 digits with separators.
size_t PhoneAt(std::string_view text, size_t i) {
  if (i > 0 && (IsAlnum(text[i - 1]) || text[i - 1] == '+')) return 0;
  if (text[i] != '+' && !std::isdigit(static_cast<unsigned char>(text[i]))) return 0;
  size_t digits = 0;
  size_t end = i;
  for (size_t j = i; j < text.size(); ++j) {
    const char c = text[j];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
      end = j + 1;
    } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' ||
                 (c == '+' && j == i))) {
      break;
    }
  }
  if (end < text.size() && IsAlnum(text[end])) return 0;
  if (IsIsoDate(text.substr(i, end - i))) return 0;
  return digits >= 7 && digits <= 15 ? end - i : 0;
}

}  // namespace

std::vector<std::string> FindContactDetails(std::string_view text) {
  std::vector<std::string> found;
  size_t i = 0;
  while (i < text.size()) {
    if (const size_t n = UrlAt(text, i); n > 0) {
      found.push_back(TrimTrailingPunctuation(std::string(text.substr(i, n))));
      i += n;
      continue;
    }
    if (text[i] == '@') {
      size_t start = 0;
      if (const size_t n = EmailAt(text, i, start); n > 0) {
        found.push_back(std::string(text.substr(start, n)));
        i = start + n;
        continue;
      }
    }
    if (const size_t n = PhoneAt(text, i); n > 0) {
      found.push_back(std::string(text.substr(i, n)));
      i += n;
      continue;
    }
    ++i;
  }
  return found;
}

}  // namespace docket::workflows::synthesize
