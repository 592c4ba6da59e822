#include "adapters/sinks/jsonl_event_sink.h"

#include <google/protobuf/util/json_util.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace docket::adapters {

StatusOr<std::unique_ptr<JsonlEventSink>> JsonlEventSink::Open(const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return UnavailableError("creating " + path.parent_path().string() + ": " + ec.message());
  std::FILE* file = std::fopen(path.c_str(), "ab");
  if (file == nullptr) {
    return UnavailableError("opening event log " + path.string() + ": " + std::strerror(errno));
  }
  return std::unique_ptr<JsonlEventSink>(new JsonlEventSink(file, path));
}

JsonlEventSink::~JsonlEventSink() {
  if (file_ != nullptr) std::fclose(file_);
}

Status JsonlEventSink::Emit(const engine::RunEvent& event) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string line;
  if (!google::protobuf::util::MessageToJsonString(event, &line, options).ok()) {
    return InternalError("cannot encode a run event as JSON");
  }
  line += '\n';
  std::lock_guard<std::mutex> guard(mu_);
  if (file_ == nullptr) return FailedPreconditionError("event log is closed");
  if (std::fwrite(line.data(), 1, line.size(), file_) != line.size() || std::fflush(file_) != 0) {
    return UnavailableError("writing event log " + path_.string() + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Status JsonlEventSink::Close() {
  std::lock_guard<std::mutex> guard(mu_);
  if (file_ == nullptr) return Status::Ok();
  const bool synced = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!synced || !closed) {
    return UnavailableError("closing event log " + path_.string() + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace docket::adapters
