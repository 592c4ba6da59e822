// Validation of a model's answer (bytes from outside) before any of it is used: the
// content must be one JSON object, valid against the task's response schema (compiled
// once per prompt set), and true to the evidence the prompt showed: cited feedback ids
// exist there, group keys, counts and rule references are the evidence's, and no URL,
// email address or phone-like number appears that the prompt did not contain.
// AnswerSchema is immutable after Compile and safe to share between threads; the free
// functions are pure.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace docket::workflows::synthesize {

class AnswerSchema {
 public:
  ~AnswerSchema();
  // Parses `schema_json` and checks it keeps to the strict subset providers accept
  // (every object lists all its properties as required and sets additionalProperties
  // false). Errors: kInvalidArgument naming `name` and the first offending place.
  [[nodiscard]] static StatusOr<std::unique_ptr<AnswerSchema>> Compile(
      std::string_view name, std::string_view schema_json);
  // Schema violations of `answer`, as "path: message" lines; empty when valid.
  std::vector<std::string> Violations(const boost::json::value& answer) const;

 private:
  struct Compiled;
  explicit AnswerSchema(std::unique_ptr<Compiled> compiled);
  std::unique_ptr<Compiled> compiled_;
};

// What the prompt showed, against which an answer is checked.
struct AnswerFacts {
  std::set<std::string> citable_ids;  // feedback ids rendered into the prompt
  // Top-level fields whose value must equal the evidence's (e.g. "group", "observed").
  std::map<std::string, boost::json::value> exact;
  // "field" or "field[].member": the only string values allowed there.
  std::map<std::string, std::set<std::string>> allowed;
  // For "affected_segments": segment -> count the evidence holds.
  std::map<std::string, int64_t> segment_counts;
  std::string input_text;  // everything the prompt said, for contact details
};

struct AnswerCheck {
  boost::json::value answer;          // the parsed content (null if it did not parse)
  std::vector<std::string> problems;  // empty: the answer may be used as is
};

// Parses and checks `content`. Problems name the field and what is wrong, so they can be
// sent back to the model in a repair attempt.
AnswerCheck CheckAnswer(std::string_view content, const AnswerSchema& schema,
                        const AnswerFacts& facts);

// URLs (scheme:// or www.), email addresses and phone-like digit runs (7+ digits with
// + ( ) - . / space between; not an ISO date) found in `text`, in order of appearance.
std::vector<std::string> FindContactDetails(std::string_view text);

}  // namespace docket::workflows::synthesize
