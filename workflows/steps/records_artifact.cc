#include "workflows/steps/records_artifact.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "engine/base/check.h"
#include "engine/json_exact.h"
#include "workflows/steps/artifact_kinds.h"

namespace docket::workflows {
namespace json = boost::json;

engine::Artifact MakeRecordsArtifact(const FeedbackBatch& batch) {
  // Sized once up front: growing a string through StringOutputStream re-copies a
  // large batch several times.
  std::string bytes(batch.ByteSizeLong(), '\0');
  {
    google::protobuf::io::ArrayOutputStream stream(bytes.data(), static_cast<int>(bytes.size()));
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);  // sorts `extras` map keys
    batch.SerializeWithCachedSizes(&out);
    DOCKET_CHECK(!out.HadError() && out.ByteCount() == static_cast<int64_t>(bytes.size()));
  }
  return engine::Artifact::Make(kKindRecords, kMediaRecords, "records.pb", std::move(bytes));
}

StatusOr<std::unique_ptr<RecordBatch>> ParseRecordsBatch(const engine::Artifact& artifact) {
  auto batch = std::make_unique<RecordBatch>();
  if (artifact.kind != kKindRecords || !batch->batch().ParseFromString(artifact.data())) {
    return InvalidArgumentError("artifact " + artifact.digest.Hex() +
                                " is not a feedback.records batch");
  }
  return batch;
}

StatusOr<FeedbackBatch> ParseRecordsArtifact(const engine::Artifact& artifact) {
  FeedbackBatch batch;
  if (artifact.kind != kKindRecords || !batch.ParseFromString(artifact.data())) {
    return InvalidArgumentError("artifact " + artifact.digest.Hex() +
                                " is not a feedback.records batch");
  }
  return batch;
}

std::string JsonToString(const json::value& value) { return json::serialize(value); }

namespace {
void Pretty(const json::value& v, std::string& out, int indent) {
  const std::string pad(indent * 2, ' ');
  const std::string inner((indent + 1) * 2, ' ');
  if (v.is_object()) {
    const json::object& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& kv : o) {
      if (!first) out += ",\n";
      first = false;
      out += inner + json::serialize(json::value(kv.key())) + ": ";
      Pretty(kv.value(), out, indent + 1);
    }
    out += "\n" + pad + "}";
  } else if (v.is_array()) {
    const json::array& a = v.get_array();
    if (a.empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (size_t i = 0; i < a.size(); ++i) {
      if (i != 0) out += ",\n";
      out += inner;
      Pretty(a[i], out, indent + 1);
    }
    out += "\n" + pad + "]";
  } else {
    out += json::serialize(v);
  }
}
}  // namespace

std::string JsonToPrettyString(const json::value& value) {
  std::string out;
  Pretty(value, out, 0);
  out += '\n';
  return out;
}

StatusOr<json::value> ParseJson(std::string_view bytes, std::string_view what) {
  // Exact numbers: JSON that Docket wrote reads back to the same doubles.
  StatusOr<json::value> v = engine::ParseJsonExact(bytes, 64);
  if (!v.ok()) {
    return InvalidArgumentError(std::string(what) + " is not valid JSON: " + v.status().message());
  }
  return v;
}

}  // namespace docket::workflows
