// LoadJunitDocument: the XML half of the JUnit report reader. Loads a report's bytes
// into a pugixml document and applies the well-formedness checks pugixml leaves out,
// plus the caps, so that the report reader only deals with JUnit's own rules.
//
// Parse flags: pugi::parse_default (CDATA, the five predefined entities and character
// references, attribute whitespace and end-of-line normalization) | parse_declaration |
// parse_doctype | parse_fragment. pugixml has no DTD processing at all: it never loads an
// external DTD or entity, and it expands no entity declared in a DTD (a reference such
// as &xxe; stays literal text), whatever the flags. parse_doctype only makes a
// <!DOCTYPE> visible, so that it is refused rather than skipped; parse_fragment keeps
// text outside the root element and extra root elements visible, so that they are
// refused too. Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <pugixml.hpp>
#include <string_view>

#include "engine/base/status.h"
#include "workflows/signals/junit_report.h"

namespace docket::workflows::signals::internal {

// Loads `bytes` into `doc` and checks: size and UTF-8; well-formed XML; an optional XML
// declaration first, naming UTF-8 if it names an encoding; no DOCTYPE; exactly one root
// element and no text outside it; no element with a repeated attribute; at most
// `limits.max_elements` elements, nested at most `limits.max_depth` deep.
// Errors: kInvalidArgument "file:line:column: ...".
[[nodiscard]] Status LoadJunitDocument(std::string_view file_name, std::string_view bytes,
                                       const JunitLimits& limits, pugi::xml_document& doc);

// The byte offset in the source of `node`'s markup ('<' of an element or declaration),
// or of its text; 0 when pugixml does not know it.
size_t NodeOffset(std::string_view bytes, pugi::xml_node node);

}  // namespace docket::workflows::signals::internal
