#include "engine/workflow_parser.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "engine/schedule.h"

namespace docket::engine {
namespace {

using Kind = ConfigNode::Kind;
constexpr int kMaxDepth = 64;
// Aliases share nodes, so a small file can expand exponentially ("billion laughs").
// Without aliases a node takes at least a byte, so the budget scales with the file.
constexpr size_t kMaxNodes = 1'000'000;
size_t NodeBudget(size_t file_bytes) { return std::min(kMaxNodes, 16 * file_bytes + 10'000); }

SourcePos PosOf(std::string_view path, const YAML::Mark& mark) {
  return SourcePos{std::string(path), mark.line + 1, mark.column + 1};
}

bool Convert(std::string_view path, const YAML::Node& node, int depth, size_t& budget,
             ConfigNode& out, std::vector<Diagnostic>& diags) {
  out.pos = PosOf(path, node.Mark());
  if (depth > kMaxDepth) {
    diags.push_back({out.pos, "nesting deeper than 64 levels", "flatten the structure"});
    return false;
  }
  if (budget == 0) {
    diags.push_back({out.pos, "document expands to too many values",
                     "do aliases (*name) repeat a large anchored subtree?"});
    return false;
  }
  --budget;
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out.kind = Kind::kNull;
      return true;
    case YAML::NodeType::Scalar:
      out.kind = Kind::kScalar;
      out.scalar = node.Scalar();
      out.quoted = node.Tag() == "!";
      return true;
    case YAML::NodeType::Sequence:
      out.kind = Kind::kList;
      for (const YAML::Node& child : node) {
        out.list.emplace_back();
        if (!Convert(path, child, depth + 1, budget, out.list.back(), diags)) return false;
      }
      return true;
    case YAML::NodeType::Map: {
      out.kind = Kind::kMap;
      std::set<std::string> seen;
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) {
          diags.push_back({PosOf(path, it->first.Mark()), "map keys must be plain strings", ""});
          return false;
        }
        const std::string key = it->first.Scalar();
        if (!seen.insert(key).second) {
          diags.push_back({PosOf(path, it->first.Mark()), "duplicate key `" + key + "`",
                           "each key may appear once in a map"});
          return false;
        }
        ConfigNode child;
        if (!Convert(path, it->second, depth + 1, budget, child, diags)) return false;
        // Null values carry no mark of their own: point at the key instead.
        if (child.kind == Kind::kNull) child.pos = PosOf(path, it->first.Mark());
        out.map.emplace_back(key, std::move(child));
      }
      return true;
    }
  }
  return false;
}

// Structural checks over the ConfigNode tree, collecting diagnostics.
class Parser {
 public:
  Parser(std::string_view path, std::vector<Diagnostic>& diags) : path_(path), diags_(diags) {}

  void Parse(const ConfigNode& root, WorkflowDefinition& def) {
    if (root.kind != Kind::kMap) {
      Error(root.pos, "a workflow file must be a YAML map", "start with `version: 1`");
      return;
    }
    CheckKeys(root, {"version", "name", "description", "params", "inputs", "steps", "outputs",
                     "schedule"});
    ParseVersion(root, def);
    def.name = Scalar(root, "name", /*required=*/true);
    if (!def.name.empty() && !IsIdentifier(def.name, /*allow_dash=*/true)) {
      Error(root.KeyPos("name"), "workflow name `" + def.name + "` is not a valid name",
            "use lowercase letters, digits, '_' or '-'");
    }
    def.description = Scalar(root, "description", false);
    if (const ConfigNode* n = root.Find("params")) ParseParams(*n, def);
    if (const ConfigNode* n = root.Find("inputs")) ParseInputs(*n, def);
    if (const ConfigNode* n = root.Find("steps")) {
      ParseSteps(*n, def);
    } else {
      Error(root.pos, "missing `steps`", "list at least one step under `steps:`");
    }
    if (const ConfigNode* n = root.Find("outputs")) ParseOutputs(*n, def);
    if (const ConfigNode* n = root.Find("schedule")) ParseSchedule(*n, def);
  }

 private:
  void Error(const SourcePos& pos, std::string message, std::string hint = {}) {
    diags_.push_back({pos, std::move(message), std::move(hint)});
  }

  static bool IsIdentifier(std::string_view s, bool allow_dash = false) {
    if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (char c : s) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                      (allow_dash && c == '-');
      if (!ok) return false;
    }
    return true;
  }

  void CheckKeys(const ConfigNode& node, std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : node.map) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        Error(value.pos, "unknown key `" + key + "`", "known keys here: " + list);
      }
    }
  }

  std::string Scalar(const ConfigNode& map, std::string_view key, bool required) {
    const ConfigNode* n = map.Find(key);
    if (n == nullptr || n->kind == Kind::kNull) {
      if (required) Error(map.pos, "missing `" + std::string(key) + "`");
      return "";
    }
    if (n->kind != Kind::kScalar) {
      Error(n->pos, "`" + std::string(key) + "` must be a scalar, found " +
                        std::string(n->KindName()));
      return "";
    }
    // `type: ""` or a bare tag would otherwise pass as present yet skip every check.
    if (required && n->scalar.empty()) Error(n->pos, "`" + std::string(key) + "` must not be empty");
    return n->scalar;
  }

  void ParseVersion(const ConfigNode& root, WorkflowDefinition& def) {
    const std::string v = Scalar(root, "version", true);
    if (v.empty()) return;
    if (v != "1") {
      Error(root.KeyPos("version"), "unsupported workflow format version `" + v + "`",
            "this build reads version 1");
      return;
    }
    def.version = 1;
  }

  void ParseParams(const ConfigNode& node, WorkflowDefinition& def) {
    if (node.kind != Kind::kMap) return Error(node.pos, "`params` must be a map of name: {...}");
    for (const auto& [name, value] : node.map) {
      ParamDefinition p{.name = name, .pos = value.pos};
      if (!IsIdentifier(name)) {
        Error(value.pos, "param name `" + name + "` is not valid",
              "use lowercase letters, digits and '_', starting with a letter");
      }
      if (value.kind == Kind::kMap) {
        CheckKeys(value, {"default", "required", "doc"});
        if (value.Find("default") != nullptr) p.default_value = Scalar(value, "default", false);
        const std::string required = Scalar(value, "required", false);
        if (!required.empty() && required != "true" && required != "false") {
          Error(value.KeyPos("required"), "`required` must be true or false");
        }
        p.required = required == "true";
        p.doc = Scalar(value, "doc", false);
      } else if (value.kind != Kind::kNull) {
        Error(value.pos, "param `" + name + "` must be a map with default/required/doc");
      }
      def.params.push_back(std::move(p));
    }
  }

  void ParseInputs(const ConfigNode& node, WorkflowDefinition& def) {
    if (node.kind != Kind::kMap) return Error(node.pos, "`inputs` must be a map of name: {...}");
    for (const auto& [name, value] : node.map) {
      WorkflowInputDefinition in{.name = name, .pos = value.pos};
      if (!IsIdentifier(name)) Error(value.pos, "input name `" + name + "` is not valid");
      if (value.kind != Kind::kMap) {
        Error(value.pos, "input `" + name + "` must be a map with kind/default/doc");
        continue;
      }
      CheckKeys(value, {"kind", "default", "doc"});
      in.kind = Scalar(value, "kind", true);
      in.doc = Scalar(value, "doc", false);
      if (const ConfigNode* d = value.Find("default")) {
        if (d->kind == Kind::kScalar) {
          in.defaults.push_back(d->scalar);
        } else if (d->kind == Kind::kList) {
          for (const ConfigNode& item : d->list) {
            if (item.kind != Kind::kScalar) {
              Error(item.pos, "default files must be paths");
            } else {
              in.defaults.push_back(item.scalar);
            }
          }
        } else if (d->kind != Kind::kNull) {
          Error(d->pos, "`default` must be a path or a list of paths");
        }
      }
      def.inputs.push_back(std::move(in));
    }
  }

  std::optional<InputRef> ParseRef(const ConfigNode& node) {
    if (node.kind != Kind::kScalar) {
      Error(node.pos, "an input reference must be a string like `step.port` or `inputs.name`");
      return std::nullopt;
    }
    const std::string& s = node.scalar;
    const size_t dot = s.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == s.size() ||
        s.find('.', dot + 1) != std::string::npos) {
      Error(node.pos, "bad input reference `" + s + "`",
            "write `STEP.PORT` for a step's output or `inputs.NAME` for a workflow input");
      return std::nullopt;
    }
    return InputRef{s.substr(0, dot), s.substr(dot + 1), node.pos};
  }

  std::vector<InputRef> ParseRefs(const ConfigNode& node) {
    std::vector<InputRef> refs;
    if (node.kind == Kind::kList) {
      for (const ConfigNode& item : node.list) {
        if (auto r = ParseRef(item)) refs.push_back(*r);
      }
    } else if (auto r = ParseRef(node)) {
      refs.push_back(*r);
    }
    return refs;
  }

  std::optional<Duration> DurationAt(const ConfigNode& map, std::string_view key) {
    const std::string text = Scalar(map, key, false);
    if (text.empty()) return std::nullopt;
    auto d = ParseDuration(text);
    if (!d || d->count() <= 0) {
      Error(map.KeyPos(key), "`" + std::string(key) + "`: \"" + text +
                                 "\" is not a positive duration",
            "write e.g. 250ms, 30s, 5m, 2h");
    }
    return d;
  }

  void ParseRetry(const ConfigNode& node, RetryPolicy& retry) {
    if (node.kind != Kind::kMap) return Error(node.pos, "`retry` must be a map");
    CheckKeys(node, {"max_attempts", "initial_backoff", "max_backoff", "multiplier"});
    const std::string attempts = Scalar(node, "max_attempts", false);
    if (!attempts.empty()) {
      int n = 0;
      auto [p, ec] = std::from_chars(attempts.data(), attempts.data() + attempts.size(), n);
      if (ec != std::errc() || p != attempts.data() + attempts.size() || n < 1 || n > 10) {
        Error(node.KeyPos("max_attempts"), "`max_attempts` must be an integer from 1 to 10");
      } else {
        retry.max_attempts = n;
      }
    }
    if (auto d = DurationAt(node, "initial_backoff")) retry.initial_backoff = *d;
    if (auto d = DurationAt(node, "max_backoff")) retry.max_backoff = *d;
    const std::string mult = Scalar(node, "multiplier", false);
    if (!mult.empty()) {
      double m = 0;
      auto [p, ec] = std::from_chars(mult.data(), mult.data() + mult.size(), m);
      if (ec != std::errc() || p != mult.data() + mult.size() || m < 1.0 || m > 10.0) {
        Error(node.KeyPos("multiplier"), "`multiplier` must be a number from 1 to 10");
      } else {
        retry.multiplier = m;
      }
    }
  }

  void ParseSteps(const ConfigNode& node, WorkflowDefinition& def) {
    if (node.kind != Kind::kList || node.list.empty()) {
      return Error(node.pos, "`steps` must be a non-empty list", "add `- id: ...` entries");
    }
    for (const ConfigNode& item : node.list) {
      if (item.kind != Kind::kMap) {
        Error(item.pos, "each step must be a map with id, type, inputs and config");
        continue;
      }
      CheckKeys(item, {"id", "type", "inputs", "config", "retry", "timeout", "doc"});
      StepDefinition step;
      step.pos = item.pos;
      step.id = Scalar(item, "id", true);
      step.type = Scalar(item, "type", true);
      step.type_pos = item.KeyPos("type");
      if (!step.id.empty() && (!IsIdentifier(step.id) || step.id == "inputs")) {
        Error(item.KeyPos("id"), "step id `" + step.id + "` is not valid",
              "use lowercase letters, digits and '_', starting with a letter; `inputs` is "
              "reserved");
      }
      if (const ConfigNode* in = item.Find("inputs")) {
        if (in->kind == Kind::kMap) {
          for (const auto& [port, refs] : in->map) step.inputs.emplace_back(port, ParseRefs(refs));
        } else if (in->kind != Kind::kNull) {
          Error(in->pos, "`inputs` must be a map of port: reference");
        }
      }
      if (const ConfigNode* c = item.Find("config")) step.config = *c;
      step.config.pos = item.KeyPos("config");
      if (const ConfigNode* r = item.Find("retry")) ParseRetry(*r, step.retry);
      step.timeout = DurationAt(item, "timeout");
      def.steps.push_back(std::move(step));
    }
  }

  void ParseOutputs(const ConfigNode& node, WorkflowDefinition& def) {
    if (node.kind != Kind::kMap) return Error(node.pos, "`outputs` must be a map of name: step.port");
    for (const auto& [name, value] : node.map) {
      if (!IsIdentifier(name, true)) Error(value.pos, "output name `" + name + "` is not valid");
      if (auto r = ParseRef(value)) def.outputs.push_back({name, *r});
    }
  }

  void ParseSchedule(const ConfigNode& node, WorkflowDefinition& def) {
    if (node.kind != Kind::kMap) return Error(node.pos, "`schedule` must be a map");
    CheckKeys(node, {"cron", "timezone", "params"});
    ScheduleDefinition s{.pos = node.pos};
    s.cron = Scalar(node, "cron", true);
    if (!s.cron.empty()) {
      if (Status st = ValidateCron(s.cron); !st.ok()) {
        Error(node.KeyPos("cron"), st.message(),
              "five fields: minute hour day-of-month month day-of-week, e.g. \"0 6 * * 1-5\"");
      }
    }
    const std::string tz = Scalar(node, "timezone", false);
    if (!tz.empty()) {
      if (!ParseFixedZone(tz).has_value()) {
        Error(node.KeyPos("timezone"), "unsupported timezone `" + tz + "`",
              "use UTC or a fixed offset such as +02:00 (named zones are not supported yet)");
      }
      s.timezone = tz;
    }
    if (const ConfigNode* p = node.Find("params")) {
      if (p->kind != Kind::kMap) {
        Error(p->pos, "schedule `params` must be a map of name: value");
      } else {
        for (const auto& [k, v] : p->map) {
          if (v.kind != Kind::kScalar) {
            Error(v.pos, "schedule param `" + k + "` must be a scalar");
          } else {
            s.params.emplace_back(k, v.scalar);
          }
        }
      }
    }
    def.schedule = std::move(s);
  }

  std::string_view path_;
  std::vector<Diagnostic>& diags_;
};

}  // namespace

std::optional<ConfigNode> ParseYamlTree(std::string_view path, std::string_view bytes,
                                        std::vector<Diagnostic>& diags) {
  const SourcePos file_pos{std::string(path), 0, 0};
  if (bytes.size() > kMaxWorkflowFileBytes) {
    diags.push_back({file_pos, "file is " + std::to_string(bytes.size()) + " bytes",
                     "definition files are limited to 4 MiB"});
    return std::nullopt;
  }
  if (bytes.find('\0') != std::string_view::npos) {
    diags.push_back({file_pos, "file contains NUL bytes", "is this a YAML text file?"});
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(bytes));
  } catch (const YAML::Exception& e) {
    diags.push_back({PosOf(path, e.mark), "YAML syntax error: " + e.msg,
                     "check indentation and quoting near this position"});
    return std::nullopt;
  }
  ConfigNode tree;
  size_t budget = NodeBudget(bytes.size());
  if (!Convert(path, root, 0, budget, tree, diags)) return std::nullopt;
  if (tree.kind == Kind::kNull) tree.pos = {std::string(path), 1, 1};
  return tree;
}

std::optional<WorkflowDefinition> ParseWorkflow(std::string_view path, std::string_view bytes,
                                                std::vector<Diagnostic>& diags) {
  const size_t before = diags.size();
  std::optional<ConfigNode> tree = ParseYamlTree(path, bytes, diags);
  if (!tree) return std::nullopt;
  WorkflowDefinition def;
  def.path = std::string(path);
  def.bytes = std::string(bytes);
  def.digest = Sha256(bytes);
  Parser(path, diags).Parse(*tree, def);
  if (diags.size() != before) return std::nullopt;
  return def;
}

}  // namespace docket::engine
