#include "workflows/synthesize/prompt_set.h"

#include <boost/json.hpp>

#include "engine/base/sha256.h"
#include "engine/workflow_parser.h"
#include "workflows/synthesize/strict_render.h"

namespace docket::workflows::synthesize {
namespace {

using engine::ConfigNode;

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Digest(const std::string& bytes) { return "sha256:" + Sha256(bytes).Hex(); }

using FileMap = std::map<std::string, const engine::Artifact*>;

StatusOr<std::string> Field(const ConfigNode& entry, const char* key, const std::string& where) {
  const ConfigNode* v = entry.Find(key);
  if (v == nullptr || v->kind != ConfigNode::Kind::kScalar || v->scalar.empty()) {
    return InvalidArgumentError(where + ": field `" + key + "` is missing");
  }
  return v->scalar;
}

StatusOr<const engine::Artifact*> FileNamed(const FileMap& files, const std::string& name,
                                            const std::string& where) {
  const auto it = files.find(BaseName(name));
  if (it == files.end()) {
    return InvalidArgumentError(where + ": file " + name +
                                " is not among the `prompts` input files");
  }
  return it->second;
}

// Reads one manifest entry: id, version, file and digest (checked), and with
// `with_schema` the schema id and file (compiled).
StatusOr<Prompt> LoadPrompt(const ConfigNode& entry, const FileMap& files, bool with_schema) {
  const std::string where = "prompt manifest " + entry.pos.ToString();
  Prompt p;
  DOCKET_ASSIGN_OR_RETURN(p.ref.id, Field(entry, "id", where));
  DOCKET_ASSIGN_OR_RETURN(p.ref.version, Field(entry, "version", where));
  DOCKET_ASSIGN_OR_RETURN(p.file, Field(entry, "file", where));
  DOCKET_ASSIGN_OR_RETURN(const std::string declared, Field(entry, "digest", where));
  DOCKET_ASSIGN_OR_RETURN(const engine::Artifact* file, FileNamed(files, p.file, where));
  p.ref.digest = Digest(file->data());
  if (p.ref.digest != declared) {
    return InvalidArgumentError("prompt file " + p.file + " does not match the manifest: its " +
                                "digest is " + p.ref.digest + ", the manifest says " + declared +
                                " (review the change, then update the digest and version)");
  }
  const std::string marker = std::string("\n") + kUserMarker + "\n";
  const std::string& data = file->data();
  if (data.rfind(marker.substr(1), 0) == 0) {  // no system message
    p.user_text = data.substr(marker.size() - 1);
  } else if (const size_t split = data.find(marker); split != std::string::npos) {
    p.system_text = data.substr(0, split + 1);
    p.user_text = data.substr(split + marker.size());
  } else {
    return InvalidArgumentError("prompt file " + p.file + ": no `" + kUserMarker +
                                "` line between the system and the user message");
  }
  if (!with_schema) return p;
  DOCKET_ASSIGN_OR_RETURN(p.schema_id, Field(entry, "schema_id", where));
  DOCKET_ASSIGN_OR_RETURN(const std::string schema_file, Field(entry, "schema_file", where));
  DOCKET_ASSIGN_OR_RETURN(const engine::Artifact* schema, FileNamed(files, schema_file, where));
  p.schema_json = schema->data();
  DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<AnswerSchema> compiled,
                          AnswerSchema::Compile(schema_file, p.schema_json));
  p.schema = std::move(compiled);
  return p;
}

}  // namespace

StatusOr<PromptSet> PromptSet::Load(const std::vector<engine::Artifact>& files) {
  FileMap by_name;
  for (const engine::Artifact& f : files) {
    if (!by_name.emplace(BaseName(f.name), &f).second) {
      return InvalidArgumentError("two `prompts` input files are named " + BaseName(f.name));
    }
  }
  const auto manifest = by_name.find(kManifestFile);
  if (manifest == by_name.end()) {
    return InvalidArgumentError(std::string("the `prompts` input has no ") + kManifestFile);
  }
  std::vector<engine::Diagnostic> diagnostics;
  std::optional<ConfigNode> root =
      engine::ParseYamlTree(kManifestFile, manifest->second->data(), diagnostics);
  if (!root) return engine::DiagnosticsToStatus(diagnostics);
  const ConfigNode* prompts = root->Find("prompts");
  const ConfigNode* repair = root->Find("repair");
  if (prompts == nullptr || prompts->kind != ConfigNode::Kind::kList || repair == nullptr) {
    return InvalidArgumentError(std::string(kManifestFile) +
                                ": expected a `prompts` list and a `repair` entry");
  }
  PromptSet set;
  for (const ConfigNode& entry : prompts->list) {
    DOCKET_ASSIGN_OR_RETURN(Prompt p, LoadPrompt(entry, by_name, /*with_schema=*/true));
    const std::string id = p.ref.id;
    if (!set.prompts_.emplace(id, std::move(p)).second) {
      return InvalidArgumentError(std::string(kManifestFile) + ": prompt `" + id + "` twice");
    }
  }
  DOCKET_ASSIGN_OR_RETURN(set.repair_, LoadPrompt(*repair, by_name, /*with_schema=*/false));
  return set;
}

StatusOr<const Prompt*> PromptSet::Find(const std::string& id) const {
  const auto it = prompts_.find(id);
  if (it == prompts_.end()) {
    return InvalidArgumentError(std::string(kManifestFile) + " has no prompt `" + id + "`");
  }
  return &it->second;
}

StatusOr<std::vector<ChatMessage>> RenderPrompt(const Prompt& prompt,
                                                const boost::json::value& model) {
  DOCKET_ASSIGN_OR_RETURN(std::string system, RenderStrict(prompt.file, prompt.system_text, model));
  DOCKET_ASSIGN_OR_RETURN(std::string user, RenderStrict(prompt.file, prompt.user_text, model));
  std::vector<ChatMessage> messages;
  if (!prompt.system_text.empty()) messages.push_back({"system", std::move(system)});
  messages.push_back({"user", std::move(user)});
  return messages;
}

}  // namespace docket::workflows::synthesize
