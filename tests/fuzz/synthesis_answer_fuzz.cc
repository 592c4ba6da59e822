// Fuzz target for workflows/synthesize/answer_validator: a model's answer is outside
// bytes. Any content is checked against every task schema without crashing; an answer
// with no problems is a JSON object valid against the schema whose cited ids are all
// citable; the check is deterministic; contact details found are substrings of the text.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_check.h"
#include "workflows/synthesize/answer_validator.h"

namespace {

using docket::workflows::synthesize::AnswerCheck;
using docket::workflows::synthesize::AnswerFacts;
using docket::workflows::synthesize::AnswerSchema;

const std::vector<std::unique_ptr<AnswerSchema>>& Schemas() {
  static const std::vector<std::unique_ptr<AnswerSchema>> schemas = [] {
    std::vector<std::unique_ptr<AnswerSchema>> out;
    for (const char* task :
         {"theme_summary", "release_notes", "triage_ticket", "rollback_guidance"}) {
      std::ifstream in(std::string(DOCKET_SOURCE_DIR) + "/workflows/prompts/schemas/" + task +
                       ".schema.json");
      const std::string text((std::istreambuf_iterator<char>(in)), {});
      auto schema = AnswerSchema::Compile(task, text);
      FUZZ_CHECK(schema.ok());
      out.push_back(std::move(*schema));
    }
    return out;
  }();
  return schemas;
}

AnswerFacts Facts() {
  AnswerFacts f;
  f.citable_ids = {"z-101", "z-102"};
  f.exact = {{"group", boost::json::value("checkout")}};
  f.allowed["evidence[].rule"] = {"area-spike"};
  f.allowed["target"] = {"rc-9"};
  f.segment_counts = {{"tier:pro", 2}};
  f.input_text = "z-101 https://shop.example/help req-a1 2026-11-01";
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  static const AnswerFacts facts = Facts();
  for (const auto& schema : Schemas()) {
    const AnswerCheck check = docket::workflows::synthesize::CheckAnswer(content, *schema, facts);
    const AnswerCheck again = docket::workflows::synthesize::CheckAnswer(content, *schema, facts);
    FUZZ_CHECK(check.problems == again.problems);
    if (!check.problems.empty()) continue;
    FUZZ_CHECK(check.answer.is_object());
    FUZZ_CHECK(schema->Violations(check.answer).empty());
    const boost::json::value* cited = check.answer.as_object().if_contains("cited_ids");
    FUZZ_CHECK(cited != nullptr && cited->is_array());
    for (const boost::json::value& id : cited->as_array()) {
      FUZZ_CHECK(id.is_string() && facts.citable_ids.count(std::string(id.as_string())) == 1);
    }
  }
  for (const std::string& found : docket::workflows::synthesize::FindContactDetails(content)) {
    FUZZ_CHECK(!found.empty() && content.find(found) != std::string_view::npos);
  }
  return 0;
}
