// RenderStrict: Mustache rendering for prompts and fallback text that refuses a template
// naming a variable the model does not hold (kainjow renders missing names as empty,
// which would silently send or publish a hole). Absence must be spelled out in the model
// as false or an empty list. No HTML escaping: the output is prompt text, Markdown or a
// JSON string value, never HTML. Pure; thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "engine/base/status.h"

namespace docket::workflows::synthesize {

// How variables are escaped: not at all (prompt text, Markdown), or as the inside of a
// JSON string (fallback templates that write JSON documents).
enum class TextEscape { kNone, kJsonString };

// Renders `text` (the template named `name`, for errors) with `model` as the context.
// Numbers render as JSON writes them, except doubles with four significant digits.
// Null renders as false (a section test), so absence must be spelled out.
// Errors: kInvalidArgument naming the template and every variable or section it uses
// that the model does not define, or the template's syntax error.
[[nodiscard]] StatusOr<std::string> RenderStrict(std::string_view name, std::string_view text,
                                                 const boost::json::value& model,
                                                 TextEscape escape = TextEscape::kNone);

// A double as people read it in generated text: whole numbers without a fraction, others
// with four significant digits ("3.7", "0.0003"); deterministic.
std::string DisplayNumber(double value);

}  // namespace docket::workflows::synthesize
