// ParseLexicon and Lexicon; see lexicon.h.
#include "workflows/themes/lexicon.h"

#include <optional>
#include <utility>

#include "engine/config_node.h"
#include "engine/config_reader.h"
#include "engine/source_pos.h"
#include "engine/workflow_parser.h"
#include "workflows/themes/tokens.h"

namespace docket::workflows::themes {

using engine::ConfigNode;
using engine::Diagnostic;

// Reads the YAML tree into a Lexicon, collecting every problem rather than the first.
class LexiconReader {
 public:
  explicit LexiconReader(std::vector<Diagnostic>& diagnostics) : reader_(diagnostics) {}

  void Read(const ConfigNode& root, Lexicon& lexicon) {
    if (!reader_.ExpectMap(root, "a lexicon")) return;
    reader_.CheckVersion(root, "1");
    reader_.CheckKeys(root, {"version", "terms"});
    const ConfigNode* terms = root.Find("terms");
    if (terms == nullptr) {
      Error(root, "missing `terms`", "add `terms:` mapping canonical terms to synonym lists");
      return;
    }
    if (terms->kind != ConfigNode::Kind::kMap) {
      Error(*terms, "`terms` must be a map of canonical term -> list of synonyms");
      return;
    }
    for (const auto& [key, synonyms] : terms->map) ReadTerm(key, synonyms, lexicon);
  }

 private:
  void ReadTerm(const std::string& key, const ConfigNode& synonyms, Lexicon& lexicon) {
    const std::optional<std::string> canonical = OneToken(key, synonyms);
    if (synonyms.kind != ConfigNode::Kind::kList) {
      Error(synonyms, "the synonyms of `" + key + "` must be a list",
            "write `" + key + ": [a, b]`");
      return;
    }
    if (!canonical.has_value()) return;
    for (const ConfigNode& synonym : synonyms.list) {
      if (synonym.kind != ConfigNode::Kind::kScalar) {
        Error(synonym, "a synonym must be a word");
        continue;
      }
      const std::optional<std::string> token = OneToken(synonym.scalar, synonym);
      if (!token.has_value() || *token == *canonical) continue;
      const auto [it, inserted] = lexicon.canonical_.emplace(*token, *canonical);
      if (!inserted && it->second != *canonical) {
        Error(synonym,
              "synonym `" + *token + "` is claimed by both `" + it->second + "` and `" +
                  *canonical + "`",
              "keep it under one term");
      }
    }
  }

  std::optional<std::string> OneToken(const std::string& text, const ConfigNode& at) {
    std::vector<std::string> tokens = Tokenize(text);
    if (tokens.size() != 1) {
      Error(at,
            "`" + text + "` is " + std::to_string(tokens.size()) +
                " tokens; lexicon terms are single words",
            "split it into separate synonyms");
      return std::nullopt;
    }
    return std::move(tokens.front());
  }

  void Error(const ConfigNode& at, std::string message, std::string hint = {}) {
    reader_.Error(at, std::move(message), std::move(hint));
  }

  engine::ConfigReader reader_;
};

std::string_view Lexicon::Canonical(std::string_view token) const {
  const auto it = canonical_.find(token);
  return it == canonical_.end() ? token : std::string_view(it->second);
}

void Lexicon::Apply(std::vector<std::string>& tokens) const {
  if (canonical_.empty()) return;
  for (std::string& token : tokens) {
    const auto it = canonical_.find(token);
    if (it != canonical_.end()) token = it->second;
  }
}

std::string Lexicon::CanonicalBytes() const {
  std::string out;
  for (const auto& [synonym, canonical] : canonical_) {
    out += synonym;
    out += '\0';
    out += canonical;
    out += '\n';
  }
  return out;
}

StatusOr<Lexicon> ParseLexicon(std::string_view path, std::string_view bytes) {
  if (bytes.size() > kMaxLexiconFileBytes) {
    return InvalidArgumentError(std::string(path) + ": a lexicon file of " +
                                std::to_string(bytes.size()) + " bytes; the limit is 4 MiB");
  }
  std::vector<Diagnostic> diagnostics;
  std::optional<ConfigNode> root = engine::ParseYamlTree(path, bytes, diagnostics);
  Lexicon lexicon;
  if (root.has_value()) LexiconReader(diagnostics).Read(*root, lexicon);
  if (!diagnostics.empty()) return engine::DiagnosticsToStatus(diagnostics);
  return lexicon;
}

}  // namespace docket::workflows::themes
