// Enforces the module map of BRIEF §3: every include of a Docket header must point
// inward, and each module may use only the third-party libraries it is allowed. Scans
// the source tree under DOCKET_SOURCE_DIR; fails with every violating file:line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct ModuleRule {
  std::string prefix;                 // path prefix of the module's files
  std::vector<std::string> may_include;  // Docket path prefixes it may include
  std::vector<std::string> forbidden_system;  // <...> include prefixes it must not use
};

// Most specific prefix first.
const std::vector<ModuleRule>& Rules() {
  static const std::vector<ModuleRule> rules = {
      {"engine/base/", {"engine/base/"}, {"boost/", "yaml-cpp/", "rocksdb/", "curl/", "google/"}},
      {"engine/", {"engine/"}, {"rocksdb/", "curl/", "boost/beast", "CLI/"}},
      {"ledger/", {"engine/base/", "ledger/"}, {"curl/", "boost/beast", "CLI/", "yaml-cpp/"}},
      {"policies/", {"engine/", "policies/"}, {"rocksdb/", "curl/", "boost/beast", "CLI/"}},
      {"workflows/", {"engine/", "policies/", "workflows/"},
       {"rocksdb/", "curl/", "boost/beast", "CLI/"}},
      {"replay/", {"engine/", "ledger/", "workflows/", "policies/", "replay/"},
       {"curl/", "boost/beast", "CLI/"}},
      {"adapters/", {"engine/", "ledger/", "workflows/", "policies/", "replay/", "adapters/"}, {}},
  };
  return rules;
}

const ModuleRule* RuleFor(const std::string& path) {
  for (const ModuleRule& rule : Rules()) {
    if (path.rfind(rule.prefix, 0) == 0) return &rule;
  }
  return nullptr;
}

bool StartsWithAny(const std::string& s, const std::vector<std::string>& prefixes) {
  for (const std::string& p : prefixes) {
    if (s.rfind(p, 0) == 0) return true;
  }
  return false;
}

// Returns "path:line: why" for each include in `text` that breaks `path`'s rule.
std::vector<std::string> Violations(const std::string& path, const std::string& text) {
  std::vector<std::string> out;
  const ModuleRule* rule = RuleFor(path);
  if (rule == nullptr) return out;
  static const std::regex include_re(R"re(^\s*#\s*include\s*([<"])([^>"]+)[>"])re");
  static const std::vector<std::string> modules = {"engine/", "ledger/", "policies/",
                                                   "workflows/", "replay/", "adapters/"};
  std::istringstream lines(text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    std::smatch m;
    if (!std::regex_search(line, m, include_re)) continue;
    const std::string target = m[2];
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (m[1] == "\"") {
      if (StartsWithAny(target, modules) && !StartsWithAny(target, rule->may_include)) {
        out.push_back(where + "includes " + target + ", outside what " + rule->prefix +
                      " may depend on");
      }
    } else if (StartsWithAny(target, rule->forbidden_system)) {
      out.push_back(where + "uses <" + target + ">, a library " + rule->prefix +
                    " must not depend on");
    }
  }
  return out;
}

TEST(LayeringCheckerTest, FlagsOutwardIncludes) {
  EXPECT_EQ(Violations("engine/executor.cc", "#include \"workflows/steps/emit_step.h\"\n").size(), 1u);
  EXPECT_EQ(Violations("ledger/log.cc", "#include \"engine/executor.h\"\n").size(), 1u);
  EXPECT_EQ(Violations("replay/verify.cc", "#include \"adapters/cli/run_command.h\"\n").size(), 1u);
  EXPECT_EQ(Violations("engine/base/sha256.cc", "#include <boost/asio.hpp>\n").size(), 1u);
  EXPECT_EQ(Violations("workflows/x.cc", "  #  include <rocksdb/db.h>\n").size(), 1u);
}

TEST(LayeringCheckerTest, AcceptsInwardIncludes) {
  EXPECT_TRUE(Violations("ledger/log.cc", "#include \"engine/base/status.h\"\n").empty());
  EXPECT_TRUE(Violations("workflows/x.cc", "#include \"engine/step.h\"\n#include <vector>\n").empty());
  EXPECT_TRUE(Violations("adapters/cli/main.cc", "#include \"workflows/steps/register.h\"\n").empty());
}

TEST(LayeringTest, SourceTreeRespectsTheModuleMap) {
  const std::filesystem::path root = DOCKET_SOURCE_DIR;
  std::vector<std::string> problems;
  size_t scanned = 0;
  for (const char* module : {"engine", "ledger", "policies", "workflows", "replay", "adapters"}) {
    if (!std::filesystem::exists(root / module)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / module)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".h" && ext != ".cc")) continue;
      std::ifstream in(entry.path());
      const std::string text((std::istreambuf_iterator<char>(in)), {});
      const std::string rel = std::filesystem::relative(entry.path(), root).generic_string();
      for (std::string& v : Violations(rel, text)) problems.push_back(std::move(v));
      ++scanned;
    }
  }
  EXPECT_GT(scanned, 20u) << "the scan found almost no sources; is DOCKET_SOURCE_DIR right?";
  std::string all;
  for (const std::string& p : problems) all += p + "\n";
  EXPECT_TRUE(problems.empty()) << all;
}

}  // namespace
