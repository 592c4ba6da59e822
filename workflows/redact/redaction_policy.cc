// Redaction policy files; see redaction_policy.h.
#include "workflows/redact/redaction_policy.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <vector>

#include "engine/base/closest_name.h"
#include "engine/config_node.h"
#include "engine/config_reader.h"
#include "engine/workflow_parser.h"

namespace docket::workflows::redact {
namespace {

using engine::ConfigNode;
using engine::Diagnostic;

constexpr std::array<std::string_view, 5> kOperatorNames = {"placeholder", "pseudonym", "token",
                                                            "mask", "drop"};

constexpr std::string_view kDefaultPolicy = R"yaml(# Docket's bundled redaction policy (version 1).
# Every detected entity is replaced; nothing raw reaches a model, a log or a report.
version: 1
region: US
default_operator: placeholder
operators:
  PERSON_NAME: pseudonym    # trends can count the same customer without knowing who
  CUSTOMER_ID: pseudonym
  PAYMENT_CARD: mask        # keeps the last four digits
  API_KEY: drop
  URL_SECRET: drop
mask:
  keep_last: 4
  char: "*"
min_score: 0.5
)yaml";

class PolicyReader {
 public:
  explicit PolicyReader(std::vector<Diagnostic>& diagnostics) : reader_(diagnostics) {}

  void Read(const ConfigNode& root, RedactionPolicy& policy) {
    if (root.kind != ConfigNode::Kind::kMap) {
      reader_.Error(root, "a redaction policy is a YAML map", "start with `version: 1`");
      return;
    }
    reader_.CheckKeys(root, {"version", "region", "default_operator", "operators", "mask",
                             "min_score", "allow", "deny", "custom"});
    const ConfigNode* version = root.Find("version");
    if (version == nullptr) {
      reader_.Error(root, "missing `version`", "add `version: 1`");
    } else if (version->scalar != "1") {
      reader_.Error(*version, "unsupported policy version `" + version->scalar + "`",
                    "this Docket reads version 1");
    }
    if (const ConfigNode* region = root.Find("region")) policy.region = Region(*region);
    Operator fallback = Operator::kPlaceholder;
    if (const ConfigNode* op = root.Find("default_operator")) fallback = OperatorOf(*op);
    policy.operators.fill(fallback);
    if (const ConfigNode* ops = root.Find("operators")) ReadOperators(*ops, policy);
    if (const ConfigNode* mask = root.Find("mask")) ReadMask(*mask, policy);
    if (const ConfigNode* score = root.Find("min_score")) {
      policy.scanner.min_score = Fraction(*score);
    }
    if (const ConfigNode* allow = root.Find("allow")) {
      for (const ConfigNode& item : reader_.List(*allow))
        policy.scanner.allow.push_back(reader_.Text(item));
    }
    if (const ConfigNode* deny = root.Find("deny")) {
      for (const ConfigNode& item : reader_.List(*deny)) ReadDeny(item, policy);
    }
    if (const ConfigNode* custom = root.Find("custom")) {
      for (const ConfigNode& item : reader_.List(*custom)) ReadCustom(item, policy);
    }
  }

 private:
  std::optional<EntityType> Type(const ConfigNode& at, const std::string& name) {
    if (std::optional<EntityType> type = ParseEntityType(name)) return type;
    std::vector<std::string> names;
    for (int i = 0; i < kEntityTypeCount; ++i) {
      names.emplace_back(EntityTypeName(static_cast<EntityType>(i)));
    }
    std::optional<std::string> close = ClosestName(name, names);
    reader_.Error(at, "unknown entity type `" + name + "`",
                  close ? "did you mean `" + *close + "`?" : "see docs/redaction.md for the types");
    return std::nullopt;
  }

  Operator OperatorOf(const ConfigNode& node) {
    const std::string name = reader_.Text(node);
    for (size_t i = 0; i < kOperatorNames.size(); ++i) {
      if (name == kOperatorNames[i]) return static_cast<Operator>(i);
    }
    if (!name.empty()) {
      reader_.Error(node, "unknown operator `" + name + "`",
                    "one of placeholder, pseudonym, token, mask, drop");
    }
    return Operator::kPlaceholder;
  }

  std::string Region(const ConfigNode& node) {
    const std::string region = reader_.Text(node);
    const bool ok = region.size() == 2 && std::isupper(static_cast<unsigned char>(region[0])) &&
                    std::isupper(static_cast<unsigned char>(region[1]));
    if (!ok && !region.empty()) {
      reader_.Error(node, "region `" + region + "` is not an ISO 3166-1 alpha-2 code",
                    "two capital letters, e.g. US, DE");
    }
    return ok ? region : "US";
  }

  double Fraction(const ConfigNode& node) {
    const std::string text = reader_.Text(node);
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !(value >= 0 && value <= 1)) {
      reader_.Error(node, "`" + text + "` is not a number between 0 and 1");
      return 0.5;
    }
    return value;
  }

  void ReadOperators(const ConfigNode& node, RedactionPolicy& policy) {
    if (node.kind != ConfigNode::Kind::kMap) {
      reader_.Error(node, "`operators` maps entity types to operators",
                    "e.g. `EMAIL: placeholder`");
      return;
    }
    for (const auto& entry : node.map) {
      if (std::optional<EntityType> type = Type(entry.second, entry.first)) {
        policy.operators[static_cast<int>(*type)] = OperatorOf(entry.second);
      }
    }
  }

  void ReadMask(const ConfigNode& node, RedactionPolicy& policy) {
    if (node.kind != ConfigNode::Kind::kMap) {
      reader_.Error(node, "`mask` is a map", "e.g. `mask: {keep_last: 4, char: \"*\"}`");
      return;
    }
    reader_.CheckKeys(node, {"keep_last", "char"});
    if (const ConfigNode* keep = node.Find("keep_last")) {
      const std::string text = reader_.Text(*keep);
      if (text.empty() || text.size() > 2 ||
          text.find_first_not_of("0123456789") != std::string::npos) {
        reader_.Error(*keep, "`keep_last` must be a whole number from 0 to 99");
      } else {
        policy.mask_keep_last = std::stoul(text);
      }
    }
    if (const ConfigNode* c = node.Find("char")) {
      const std::string text = reader_.Text(*c);
      if (text.size() != 1 || static_cast<unsigned char>(text[0]) < 0x20 ||
          static_cast<unsigned char>(text[0]) > 0x7e) {
        reader_.Error(*c, "`char` must be one printable ASCII character");
      } else {
        policy.mask_char = text;
      }
    }
  }

  void ReadDeny(const ConfigNode& item, RedactionPolicy& policy) {
    if (item.kind != ConfigNode::Kind::kMap) {
      reader_.Error(item, "a deny entry is a map",
                    "e.g. `- {type: EMAIL, value: ceo@example.com}`");
      return;
    }
    reader_.CheckKeys(item, {"type", "value"});
    const ConfigNode* type = item.Find("type");
    const ConfigNode* value = item.Find("value");
    if (type == nullptr || value == nullptr) {
      reader_.Error(item, "a deny entry needs `type` and `value`");
      return;
    }
    if (std::optional<EntityType> t = Type(*type, reader_.Text(*type))) {
      policy.scanner.deny.emplace_back(*t, reader_.Text(*value));
    }
  }

  void ReadCustom(const ConfigNode& item, RedactionPolicy& policy) {
    if (item.kind != ConfigNode::Kind::kMap) {
      reader_.Error(item, "a custom pattern is a map",
                    "e.g. `- {type: ORDER_ID, name: order.acme, pattern: 'ORD-[0-9]{8}'}`");
      return;
    }
    reader_.CheckKeys(item, {"type", "name", "pattern"});
    const ConfigNode* type = item.Find("type");
    const ConfigNode* name = item.Find("name");
    const ConfigNode* pattern = item.Find("pattern");
    if (type == nullptr || name == nullptr || pattern == nullptr) {
      reader_.Error(item, "a custom pattern needs `type`, `name` and `pattern`");
      return;
    }
    if (std::optional<EntityType> t = Type(*type, reader_.Text(*type))) {
      policy.scanner.custom.push_back(
          {.type = *t, .name = reader_.Text(*name), .pattern = reader_.Text(*pattern)});
    }
  }

  engine::ConfigReader reader_;
};

}  // namespace

std::string_view OperatorName(Operator op) { return kOperatorNames[static_cast<size_t>(op)]; }

StatusOr<RedactionPolicy> ParseRedactionPolicy(std::string_view path, std::string_view bytes) {
  std::vector<Diagnostic> diagnostics;
  if (bytes.size() > kMaxPolicyFileBytes) {
    return InvalidArgumentError(std::string(path) + ": a policy file of " +
                                std::to_string(bytes.size()) + " bytes; the limit is 1 MiB");
  }
  std::optional<ConfigNode> root = engine::ParseYamlTree(path, bytes, diagnostics);
  RedactionPolicy policy;
  policy.source = std::string(path);
  if (root.has_value()) PolicyReader(diagnostics).Read(*root, policy);
  if (!diagnostics.empty()) return engine::DiagnosticsToStatus(diagnostics);
  return policy;
}

std::string_view DefaultRedactionPolicyYaml() { return kDefaultPolicy; }

StatusOr<RedactionPolicy> DefaultRedactionPolicy() {
  DOCKET_ASSIGN_OR_RETURN(RedactionPolicy policy,
                          ParseRedactionPolicy("<bundled default policy>", kDefaultPolicy));
  return policy;
}

}  // namespace docket::workflows::redact
