#include "engine/source_pos.h"

namespace docket::engine {

std::string SourcePos::ToString() const {
  std::string out = file.empty() ? "<input>" : file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

std::string Diagnostic::ToString() const {
  std::string out = pos.ToString() + ": error: " + message;
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

Status DiagnosticsToStatus(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return Status::Ok();
  std::string message;
  for (const Diagnostic& d : diagnostics) {
    if (!message.empty()) message += '\n';
    message += d.ToString();
  }
  return InvalidArgumentError(std::move(message));
}

}  // namespace docket::engine
