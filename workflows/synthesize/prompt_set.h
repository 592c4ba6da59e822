// PromptSet: the versioned prompt files of a run (workflows/prompts/, docs/synthesis.md):
// a manifest (manifest.yaml) naming each prompt's id, version, Mustache file, the
// SHA-256 digest of that file's bytes and its response schema (id and JSON Schema
// file), plus the repair prompt. The files arrive as one multi-file workflow input, so
// their bytes are snapshotted with the run. Loading checks every digest and compiles
// every schema; rendering a prompt is pure and fails on a missing variable. Immutable
// after Load; safe to share between threads.
#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/artifact.h"
#include "engine/base/status.h"
#include "workflows/synthesize/answer_validator.h"
#include "workflows/synthesize/chat_call.h"

namespace docket::workflows::synthesize {

inline constexpr char kManifestFile[] = "manifest.yaml";
// A prompt file holds the system message, then this line, then the user message.
inline constexpr char kUserMarker[] = "{{! user }}";

struct Prompt {
  PromptRef ref;            // id, version, "sha256:<hex>" of the file's bytes
  std::string file;         // the template's file name
  std::string system_text;  // Mustache, before kUserMarker
  std::string user_text;    // Mustache, after it
  std::string schema_id;    // empty for the repair prompt
  std::string schema_json;
  std::shared_ptr<const AnswerSchema> schema;
};

class PromptSet {
 public:
  // `files`: the manifest and every file it names, matched by file name. Errors:
  // kInvalidArgument naming the file: no manifest, a file it names is missing, a digest
  // that does not match the file's bytes, a schema outside the strict subset, a prompt
  // without the user marker, or a manifest field missing.
  [[nodiscard]] static StatusOr<PromptSet> Load(const std::vector<engine::Artifact>& files);

  // Errors: kInvalidArgument if the manifest has no prompt `id`.
  [[nodiscard]] StatusOr<const Prompt*> Find(const std::string& id) const;
  const Prompt& repair() const { return repair_; }

 private:
  std::map<std::string, Prompt> prompts_;
  Prompt repair_;
};

// The chat messages of `prompt` for `model` (system, if any, then user). Errors:
// kInvalidArgument naming the prompt file and the variables the model lacks.
[[nodiscard]] StatusOr<std::vector<ChatMessage>> RenderPrompt(const Prompt& prompt,
                                                              const boost::json::value& model);

}  // namespace docket::workflows::synthesize
