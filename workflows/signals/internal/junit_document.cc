#include "workflows/signals/internal/junit_document.h"

#include <algorithm>
#include <string>
#include <vector>

#include "workflows/ingest/utf8.h"
#include "workflows/signals/internal/text_position.h"

namespace docket::workflows::signals::internal {
namespace {

constexpr std::string_view kKind = "JUnit report";
constexpr unsigned kParseFlags =
    pugi::parse_default | pugi::parse_declaration | pugi::parse_doctype | pugi::parse_fragment;

Status Error(std::string_view file_name, std::string_view bytes, size_t offset, std::string what) {
  return InvalidArgumentError(WhereOffset(file_name, bytes, offset) + ": " + what);
}

bool IsUtf8Name(std::string_view encoding) {
  std::string lower(encoding);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "utf-8" || lower == "utf8";
}

// The document-level nodes: one optional declaration first, no DOCTYPE, no text, one
// element.
Status CheckTopLevel(std::string_view file_name, std::string_view bytes,
                     const pugi::xml_document& doc) {
  size_t elements = 0;
  bool first = true;
  for (pugi::xml_node node : doc.children()) {
    const size_t offset = NodeOffset(bytes, node);
    switch (node.type()) {
      case pugi::node_declaration:
        if (!first) {
          return Error(file_name, bytes, offset,
                       "the XML declaration <?xml ...?> must come first in the file");
        }
        if (pugi::xml_attribute encoding = node.attribute("encoding");
            encoding && !IsUtf8Name(encoding.value())) {
          return Error(file_name, bytes, offset,
                       "the report declares encoding=\"" + SafeUtf8Excerpt(encoding.value(), 32) +
                           "\"; Docket reads UTF-8 reports only: re-encode it as UTF-8");
        }
        break;
      case pugi::node_doctype:
        return Error(file_name, bytes, offset,
                     "a <!DOCTYPE> declaration is not accepted in a JUnit report; remove it");
      case pugi::node_pcdata:
      case pugi::node_cdata:
        return Error(file_name, bytes, offset,
                     "text outside the root element; a report holds one root element and "
                     "nothing else");
      case pugi::node_element:
        if (++elements > 1) {
          return Error(file_name, bytes, offset,
                       "a second root element <" + SafeUtf8Excerpt(node.name(), 64) +
                           ">; a report holds exactly one root element");
        }
        break;
      default:
        break;
    }
    first = false;
  }
  if (elements == 0) {
    return Error(file_name, bytes, bytes.size(),
                 "no root element; expected <testsuites> or <testsuite>");
  }
  return Status::Ok();
}

// The first attribute name `element` repeats, or "".
std::string RepeatedAttribute(pugi::xml_node element) {
  pugi::xml_attribute first = element.first_attribute();
  if (!first || !first.next_attribute()) return "";
  std::vector<std::string_view> names;
  for (pugi::xml_attribute a : element.attributes()) names.emplace_back(a.name());
  std::sort(names.begin(), names.end());
  auto it = std::adjacent_find(names.begin(), names.end());
  return it == names.end() ? "" : std::string(*it);
}

// Every element under `root`, without recursion: count, depth, repeated attributes.
Status CheckElements(std::string_view file_name, std::string_view bytes, const JunitLimits& limits,
                     pugi::xml_node root) {
  uint64_t count = 0;
  uint32_t depth = 1;
  pugi::xml_node node = root;
  for (;;) {
    if (node.type() == pugi::node_element) {
      if (++count > limits.max_elements) {
        return Error(file_name, bytes, NodeOffset(bytes, node),
                     "the report has more than " + std::to_string(limits.max_elements) +
                         " elements; split it or raise the limit");
      }
      if (depth > limits.max_depth) {
        return Error(file_name, bytes, NodeOffset(bytes, node),
                     "elements are nested more than " + std::to_string(limits.max_depth) + " deep");
      }
      if (const std::string name = RepeatedAttribute(node); !name.empty()) {
        return Error(file_name, bytes, NodeOffset(bytes, node),
                     "<" + SafeUtf8Excerpt(node.name(), 64) + "> repeats the attribute \"" +
                         SafeUtf8Excerpt(name, 64) + "\"; keep only one");
      }
    }
    if (pugi::xml_node child = node.first_child()) {
      node = child;
      ++depth;
      continue;
    }
    while (node != root && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node == root) return Status::Ok();
    node = node.next_sibling();
  }
}

}  // namespace

size_t NodeOffset(std::string_view bytes, pugi::xml_node node) {
  const ptrdiff_t at = node.offset_debug();
  if (at < 0 || static_cast<size_t>(at) > bytes.size()) return 0;
  const size_t offset = static_cast<size_t>(at);
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) return offset;
  // The name (or a DOCTYPE's value) follows "<", "<?" or "<!DOCTYPE ".
  const size_t open = bytes.rfind('<', offset);
  return open == std::string_view::npos ? offset : open;
}

Status LoadJunitDocument(std::string_view file_name, std::string_view bytes,
                         const JunitLimits& limits, pugi::xml_document& doc) {
  DOCKET_RETURN_IF_ERROR(CheckSignalBytes(file_name, bytes, limits.max_bytes, kKind));
  const pugi::xml_parse_result result =
      doc.load_buffer(bytes.data(), bytes.size(), kParseFlags, pugi::encoding_utf8);
  if (!result) {
    return Error(file_name, bytes, static_cast<size_t>(std::max<ptrdiff_t>(result.offset, 0)),
                 std::string("not well-formed XML: ") + result.description());
  }
  DOCKET_RETURN_IF_ERROR(CheckTopLevel(file_name, bytes, doc));
  return CheckElements(file_name, bytes, limits, doc.document_element());
}

}  // namespace docket::workflows::signals::internal
