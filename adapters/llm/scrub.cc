// Scrubbing; see scrub.h.
#include "adapters/llm/scrub.h"

#include <algorithm>

namespace docket::adapters::llm {

std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') return std::string(rest.substr(0, rest.find(']') + 1));
  return std::string(rest.substr(0, rest.find(':')));
}

std::vector<std::string> SecretNeedles(std::string_view secret, std::string_view url) {
  std::vector<std::string> needles = {std::string(secret), std::string(url), HostOf(url)};
  if (const size_t colon = secret.find(':'); colon != std::string_view::npos) {
    needles.emplace_back(secret.substr(0, colon));
    needles.emplace_back(secret.substr(colon + 1));
  }
  std::erase_if(needles, [](const std::string& n) { return n.size() < 4; });
  // Longest first, so a URL is replaced whole before its host is looked for.
  std::sort(needles.begin(), needles.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return needles;
}

void Scrub(std::string& text, const std::vector<std::string>& needles) {
  for (const std::string& needle : needles) {
    for (size_t at = text.find(needle); at != std::string::npos;
         at = text.find(needle, at + kRedacted.size())) {
      text.replace(at, needle.size(), kRedacted);
    }
  }
}

}  // namespace docket::adapters::llm
