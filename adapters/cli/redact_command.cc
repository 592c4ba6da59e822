#include "adapters/cli/redact_command.h"

#include <boost/json.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "adapters/cli/exit_codes.h"
#include "adapters/store/file_artifact_store.h"
#include "workflows/ingest/utf8.h"
#include "workflows/redact/pii_scanner.h"
#include "workflows/redact/redaction_policy.h"
#include "workflows/redact/redactor.h"
#include "workflows/steps/redact_step.h"

namespace docket::adapters {
namespace {

namespace json = boost::json;
namespace rd = workflows::redact;

StatusOr<rd::RedactionPolicy> LoadPolicy(const std::filesystem::path& path) {
  if (path.empty()) return rd::DefaultRedactionPolicy();
  StatusOr<std::string> bytes = ReadFile(path, rd::kMaxPolicyFileBytes);
  if (!bytes.ok()) return bytes.status().WithContext("--policy");
  return rd::ParseRedactionPolicy(path.string(), *bytes);
}

// The entity types of `policy` that use `op`, comma-separated ("" if none).
std::string TypesUsing(const rd::RedactionPolicy& policy, rd::Operator op) {
  std::string types;
  for (int t = 0; t < rd::kEntityTypeCount; ++t) {
    if (policy.operators[static_cast<size_t>(t)] != op) continue;
    types += (types.empty() ? "" : ", ") +
             std::string(rd::EntityTypeName(static_cast<rd::EntityType>(t)));
  }
  return types;
}

// Refuses, before reading any input, what this command cannot do with `policy`.
Status CheckOperators(const rd::RedactionPolicy& policy, bool have_key) {
  if (std::string types = TypesUsing(policy, rd::Operator::kToken); !types.empty()) {
    return FailedPreconditionError(
        policy.source + ": the token operator (" + types +
        ") keeps raw values in a ledger vault, and `docket redact` runs without a ledger; "
        "try the policy with placeholder, pseudonym, mask or drop for these types, and use "
        "tokens in a workflow run (`docket run`)");
  }
  if (std::string types = TypesUsing(policy, rd::Operator::kPseudonym);
      !types.empty() && !have_key) {
    return FailedPreconditionError(
        policy.source + ": the pseudonym operator (" + types +
        ") needs the tenant key: set DOCKET_REDACTION_KEY (any secret string; the same key "
        "gives the same pseudonyms), or use placeholder for these types");
  }
  return Status::Ok();
}

// Reads one line of at most kMaxRedactRecordBytes, without holding more: the rest of an
// oversized line is consumed and counted in `length`. False at end of input.
bool ReadBoundedLine(std::streambuf& in, std::string& line, size_t& length) {
  line.clear();
  length = 0;
  bool any = false;
  for (int c = in.sbumpc(); c != std::char_traits<char>::eof(); c = in.sbumpc()) {
    any = true;
    if (c == '\n') break;
    if (length++ < kMaxRedactRecordBytes) line.push_back(static_cast<char>(c));
  }
  if (length <= kMaxRedactRecordBytes && !line.empty() && line.back() == '\r') {
    line.pop_back();
    --length;
  }
  return any;
}

json::array RedactionList(const rd::RedactedText& redacted) {
  json::array list;
  for (const rd::AppliedRedaction& a : redacted.redactions) {
    json::object r;
    r["start"] = a.detection.start;
    r["end"] = a.detection.end;
    r["type"] = rd::EntityTypeName(a.detection.type);
    r["operator"] = rd::OperatorName(a.op);
    list.push_back(std::move(r));
  }
  return list;
}

std::string StringField(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::string IdText(const json::value& id) {
  return id.is_string() ? std::string(id.get_string()) : json::serialize(id);
}

class LineRedactor {
 public:
  explicit LineRedactor(const rd::Redactor& redactor) : redactor_(redactor) {}

  // The output line for input line `number`, or an error naming what is wrong with it.
  StatusOr<std::string> Redact(const std::string& line, uint64_t number) const {
    if (std::optional<size_t> bad = workflows::FindInvalidUtf8(line)) {
      return InvalidArgumentError("invalid UTF-8 at byte " + std::to_string(*bad + 1) +
                                  " of the line; fix the encoding (the record is skipped)");
    }
    json::object record;
    std::string text = line;
    if (std::optional<json::object> object = AsObject(line)) {
      record = std::move(*object);
      const json::value* t = record.if_contains("text");
      if (t == nullptr || !t->is_string()) {
        return InvalidArgumentError("a JSON record needs a string `text` field");
      }
      text = std::string(t->get_string());
      if (!record.contains("id")) record["id"] = number;
    } else {
      record["id"] = number;
    }
    const rd::RecordContext context{
        .region = workflows::RegionHintOf(StringField(record, "region"),
                                          StringField(record, "language")),
        .data_subject = IdText(record.at("id"))};
    StatusOr<rd::RedactedText> redacted = redactor_.Redact(text, context);
    if (!redacted.ok()) return redacted.status();
    record["text"] = redacted->text;
    record["redactions"] = RedactionList(*redacted);
    return json::serialize(record);
  }

 private:
  static std::optional<json::object> AsObject(const std::string& line) {
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] != '{') return std::nullopt;
    boost::system::error_code ec;
    json::value v = json::parse(line, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return std::move(v.as_object());
  }

  const rd::Redactor& redactor_;
};

struct Tally {
  uint64_t redacted = 0;
  uint64_t skipped = 0;
};

Tally RedactLines(const LineRedactor& redactor, std::streambuf& in, std::ostream& out,
                  std::ostream& err, const std::string& input_name) {
  Tally tally;
  std::string line;
  size_t length = 0;
  for (uint64_t number = 1; ReadBoundedLine(in, line, length); ++number) {
    if (length == 0) continue;
    const std::string where = input_name + ":" + std::to_string(number) + ": ";
    if (length > kMaxRedactRecordBytes) {
      err << where << "record of " << length << " bytes is over the 1 MiB limit; split it "
          << "(the record is skipped)\n";
      ++tally.skipped;
      continue;
    }
    StatusOr<std::string> redacted = redactor.Redact(line, number);
    if (!redacted.ok()) {
      err << where << redacted.status().message() << "\n";
      ++tally.skipped;
      continue;
    }
    out << *redacted << "\n";
    ++tally.redacted;
  }
  return tally;
}

}  // namespace

int RedactCommand(const RedactCommandOptions& opts, std::istream& stdin_stream,
                  std::ostream& stdout_stream, std::ostream& err) {
  StatusOr<rd::RedactionPolicy> policy = LoadPolicy(opts.policy);
  if (!policy.ok()) {
    err << "docket redact: " << policy.status().message() << "\n";
    return kExitUsage;
  }
  const bool have_key = opts.pseudonym_key.has_value() && !opts.pseudonym_key->empty();
  if (Status s = CheckOperators(*policy, have_key); !s.ok()) {
    err << "docket redact: " << s.message() << "\n";
    return kExitUsage;
  }
  StatusOr<std::unique_ptr<rd::PiiScanner>> scanner = rd::PiiScanner::Create(policy->scanner);
  if (!scanner.ok()) {
    err << "docket redact: " << policy->source << ": " << scanner.status().message() << "\n";
    return kExitUsage;
  }
  const rd::Redactor redactor(*policy, scanner->get(), have_key ? *opts.pseudonym_key : "",
                              /*vault=*/nullptr);
  std::ifstream file;
  std::istream* in = &stdin_stream;
  if (opts.input != "-") {
    file.open(opts.input, std::ios::binary);
    if (!file) {
      err << "docket redact: cannot read --input " << opts.input << "\n";
      return kExitUsage;
    }
    in = &file;
  }
  std::ostringstream buffered;  // --out is written atomically, once every line is done
  std::ostream& out = opts.out.empty() ? stdout_stream : buffered;
  const Tally tally = RedactLines(LineRedactor(redactor), *in->rdbuf(), out, err,
                                  opts.input == "-" ? "<stdin>" : opts.input);
  if (!opts.out.empty()) {
    if (Status s = WriteFileAtomically(opts.out, buffered.str()); !s.ok()) {
      err << "docket redact: writing --out: " << s.message() << "\n";
      return kExitUsage;
    }
  }
  if (tally.skipped > 0) {
    err << "docket redact: " << tally.skipped << " record(s) skipped, " << tally.redacted
        << " redacted\n";
    return 1;
  }
  return kExitApprove;
}

}  // namespace docket::adapters
