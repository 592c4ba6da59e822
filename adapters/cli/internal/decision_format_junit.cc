// JUnit XML as GitLab, Jenkins and most CI test reporters read it (the Ant/Surefire
// dialect): <testsuites> with one <testsuite> for the policy and one <testcase> per rule
// instance. Text is XML 1.0-escaped, including characters XML cannot carry at all.
#include "adapters/cli/internal/decision_format_values.h"
#include "adapters/cli/internal/decision_format_writers.h"

namespace docket::adapters::internal {
namespace {

using policies::Outcome;

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes give U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || i + static_cast<size_t>(length) > s.size()) {
    ++i;
    return 0xfffd;
  }
  char32_t cp = length == 1 ? c : c & (0x7f >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + static_cast<size_t>(k)) & 0xc0) != 0x80) {
      ++i;
      return 0xfffd;
    }
    cp = (cp << 6) | (byte(i + static_cast<size_t>(k)) & 0x3f);
  }
  i += static_cast<size_t>(length);
  constexpr char32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};  // shorter forms are overlong
  return cp < kLeast[length] || cp > 0x10ffff ? 0xfffd : cp;
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool IsXmlChar(char32_t cp) {
  return cp == 0x9 || cp == 0xa || cp == 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
         (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

// Escapes `text` for XML character data, or for an attribute value when `attribute`
// (there tab and line breaks become references so that parsers keep them).
std::string Xml(std::string_view text, bool attribute) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t cp = NextCodePoint(text, i);
    switch (cp) {
      case '&':
        out += "&amp;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '"':
        out += attribute ? "&quot;" : "\"";
        continue;
      case '\'':
        out += attribute ? "&apos;" : "'";
        continue;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        continue;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      default:
        break;
    }
    if (cp == 0xfffd && text.substr(start, i - start) != "\xef\xbf\xbd") {
      out += "\xef\xbf\xbd";  // an invalid byte
    } else if (!IsXmlChar(cp)) {
      out += "\xef\xbf\xbd";  // a code point XML 1.0 cannot carry, even as a reference
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string Attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + Xml(value, true) + "\"";
}

struct Totals {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
};

// Dry runs are recorded only, and an inconclusive instance is neither pass nor fail:
// both are skipped, with the reason as the message.
bool Skipped(const RuleInstanceView& r) {
  return r.mode == policies::RuleMode::kDryRun || r.outcome == Outcome::kInconclusive;
}

Totals Count(const DecisionView& d) {
  Totals t;
  for (const RuleInstanceView& r : d.rules) {
    ++t.tests;
    if (Skipped(r)) {
      ++t.skipped;
    } else if (r.outcome == Outcome::kFail) {
      ++t.failures;
    } else if (r.outcome == Outcome::kError) {
      ++t.errors;
    }
  }
  return t;
}

std::string TotalsAttrs(const Totals& t) {
  return Attr("tests", std::to_string(t.tests)) + Attr("failures", std::to_string(t.failures)) +
         Attr("errors", std::to_string(t.errors)) + Attr("skipped", std::to_string(t.skipped)) +
         Attr("time", "0");
}

// What the CI page shows under a failed, errored or skipped case.
std::string Details(const RuleInstanceView& r) {
  std::string out = "outcome: " + std::string(policies::OutcomeName(r.outcome)) +
                    (r.key ? " (key rule, " : " (") + std::string(policies::RuleModeName(r.mode)) +
                    ") -> " + std::string(policies::VerdictName(r.contribution)) + "\n";
  out += "reason: " + r.reason + "\n";
  if (r.where) out += "where: " + *r.where + "\n";
  if (r.fail) out += "fail: " + *r.fail + "\n";
  if (r.warn) out += "warn: " + *r.warn + "\n";
  out += "on_missing_data: " + r.on_missing_data + "\n";
  if (!r.evidence.empty()) out += "evidence: " + EvidenceLine(r) + "\n";
  return out;
}

std::string Testcase(const RuleInstanceView& r) {
  std::string out = "    <testcase" + Attr("classname", r.id) +
                    Attr("name", r.instance.empty() ? r.id : r.instance) + Attr("time", "0");
  const std::string message =
      (r.mode == policies::RuleMode::kDryRun ? "dry_run, " : "") + OutcomeAndReason(r);
  if (Skipped(r)) {
    return out + ">\n      <skipped" + Attr("message", message) + "/>\n" + "      <system-out>" +
           Xml(Details(r), false) + "</system-out>\n    </testcase>\n";
  }
  if (r.outcome == Outcome::kFail || r.outcome == Outcome::kError) {
    const char* element = r.outcome == Outcome::kFail ? "failure" : "error";
    return out + ">\n      <" + element + Attr("message", message) +
           Attr("type", policies::OutcomeName(r.outcome)) + ">" + Xml(Details(r), false) + "</" +
           element + ">\n    </testcase>\n";
  }
  if (r.outcome == Outcome::kWarn) {
    return out + ">\n      <system-out>" + Xml(Details(r), false) +
           "</system-out>\n    </testcase>\n";
  }
  return out + "/>\n";
}

std::string Properties(const DecisionView& d) {
  const auto property = [](std::string_view name, std::string_view value) {
    return "      <property" + Attr("name", name) + Attr("value", value) + "/>\n";
  };
  std::string out = "    <properties>\n";
  out += property("verdict", policies::VerdictName(d.verdict));
  out += property("effective_verdict", policies::VerdictName(d.effective_verdict));
  if (!d.decision_id.empty()) out += property("decision_id", d.decision_id);
  out += property("score", d.score ? FixedNumber(*d.score, 1) : "none");
  out += property("confidence", FixedNumber(d.confidence, 2));
  out += property("policy", d.policy_name + " v" + std::to_string(d.policy_version));
  out += property("policy_file", d.policy_file);
  out += property("policy_digest", d.policy_digest);
  out += property("release", HumanValue(d.release_id));
  out += property("evaluated_at", d.evaluated_at);
  out += property("decision_digest", d.decision_digest);
  for (const GuardView& g : d.guards) {
    out += property("guard." + g.guard, (g.violated ? "violated: " : "held: ") + g.detail);
  }
  return out + "    </properties>\n";
}

}  // namespace

std::string FormatJunit(const DecisionView& d) {
  const Totals t = Count(d);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + Attr("name", "docket") + TotalsAttrs(t) + ">\n";
  out += "  <testsuite" + Attr("name", "docket policy " + d.policy_name) + TotalsAttrs(t) + ">\n";
  out += Properties(d);
  for (const RuleInstanceView& r : d.rules) out += Testcase(r);
  out += "    <system-out>" +
         Xml("verdict: " + std::string(policies::VerdictName(d.effective_verdict)) + "\n", false);
  for (const std::string& reason : d.reasons) out += Xml("- " + reason + "\n", false);
  out += "</system-out>\n  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace docket::adapters::internal
