// RenderStrict: Mustache rendering for prompts and fallback text that refuses a template
// naming a variable the model does not hold (kainjow renders missing names as empty,
// which would silently send or publish a hole). Absence must be spelled out in the model
// as false or an empty list. No HTML escaping: the output is prompt text, Markdown or a
// JSON string value, never HTML. RenderStrict is pure and thread-safe; a StrictTemplate
// belongs to one thread.
#pragma once

#include <boost/json/value.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::workflows::synthesize {

// kText: variables are not escaped (prompt text, Markdown). kJson: for fallback
// templates that write a JSON document: variables are escaped as JSON string content,
// and every list item gets `sep` ("," except for the last, "") with scalar items wrapped
// as {"value": item, "sep": ...}, so a template can write `[{{#l}}"{{value}}"{{sep}}{{/l}}]`.
enum class RenderMode { kText, kJson };

// A parsed template, rendered any number of times. Not thread-safe: one thread renders.
class StrictTemplate {
 public:
  // Errors: kInvalidArgument naming the template and its syntax error.
  [[nodiscard]] static StatusOr<StrictTemplate> Parse(std::string_view name, std::string_view text,
                                                      RenderMode mode);
  StrictTemplate(StrictTemplate&&) noexcept;
  StrictTemplate& operator=(StrictTemplate&&) noexcept;
  ~StrictTemplate();

  // Renders with `model` as the context. Numbers render as JSON writes them, except
  // doubles with four significant digits. Null renders as false (a section test).
  // Errors: kInvalidArgument naming the template and every variable or section it uses
  // that the model does not define.
  [[nodiscard]] StatusOr<std::string> Render(const boost::json::value& model);

 private:
  struct Parsed;
  explicit StrictTemplate(std::unique_ptr<Parsed> parsed);
  std::unique_ptr<Parsed> parsed_;
};

// Parses and renders once (StrictTemplate::Parse, then Render).
[[nodiscard]] StatusOr<std::string> RenderStrict(std::string_view name, std::string_view text,
                                                 const boost::json::value& model,
                                                 RenderMode mode = RenderMode::kText);

// A double as people read it in generated text: whole numbers without a fraction, others
// with four significant digits ("3.7", "0.0003"); deterministic.
std::string DisplayNumber(double value);

}  // namespace docket::workflows::synthesize
