// Checks the checked-in HELD-OUT evaluation set (pii_heldout.jsonl) against its README:
// enough texts in every language and shape, every entity type present, lower- and
// upper-case names, the new tricky negatives (UUIDs, private endpoints, timestamps)
// planted, valid checksums inside card / IBAN / routing spans, and no '@' or Luhn-valid
// digit run left unlabelled. Reads the file on its own, independently of the generator.
#include <gtest/gtest.h>

#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "tests/golden/redaction/pii_checksums.h"
#include "tests/golden/redaction/pii_eval_set.h"

namespace docket::golden::redaction {
namespace {

using enum EntityType;

constexpr std::string_view kSupportEmail = "support@acmeshop.com";

const std::vector<EvalRecord>& Records() {
  static const std::vector<EvalRecord>* records = [] {
    auto loaded =
        LoadEvalSet(std::string(DOCKET_SOURCE_DIR) + "/tests/golden/redaction/pii_heldout.jsonl");
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return new std::vector<EvalRecord>(loaded.ok() ? std::move(loaded).value()
                                                   : std::vector<EvalRecord>{});
  }();
  return *records;
}

bool Covered(const EvalRecord& r, size_t start, size_t end) {
  for (const GoldSpan& s : r.spans) {
    if (start < s.end && s.start < end) return true;
  }
  return false;
}

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// True if `text` holds an 8-4-4-4-12 hex UUID.
bool HasUuid(std::string_view text) {
  static constexpr std::array<size_t, 5> kGroups = {8, 4, 4, 4, 12};
  for (size_t at = 0; at + 36 <= text.size(); ++at) {
    size_t i = at;
    bool ok = true;
    for (size_t g = 0; g < kGroups.size() && ok; ++g) {
      for (size_t k = 0; k < kGroups[g] && ok; ++k) ok = IsHex(text[i++]);
      if (ok && g + 1 < kGroups.size()) ok = text[i++] == '-';
    }
    if (ok) return true;
  }
  return false;
}

TEST(PiiHeldoutSetTest, SizeLanguagesRegionsAndShapes) {
  const auto& records = Records();
  ASSERT_GE(records.size(), 1500u);
  std::set<std::string> ids, langs;
  std::map<std::string, int> kinds;
  for (const EvalRecord& r : records) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
    EXPECT_EQ(r.id.rfind("ho-", 0), 0u) << r.id;
    langs.insert(r.lang);
    ++kinds[r.kind];
    EXPECT_TRUE(r.region == "US" || r.region == "GB" || r.region == "DE" || r.region == "FR" ||
                r.region == "ES")
        << r.id << " region " << r.region;
  }
  EXPECT_EQ(langs, (std::set<std::string>{"de", "en", "es", "fr"}));
  const std::set<std::string> expected = {"bug_report",      "chat",           "csv_export",
                                          "forwarded_email", "mixed_language", "store_review",
                                          "survey",          "web_form"};
  std::set<std::string> seen;
  for (const auto& [kind, count] : kinds) {
    seen.insert(kind);
    EXPECT_GE(count, 80) << kind;
  }
  EXPECT_EQ(seen, expected);
}

TEST(PiiHeldoutSetTest, EveryEntityTypeIsWellRepresented) {
  std::array<int, kEntityTypeCount> counts{};
  int without_pii = 0;
  for (const EvalRecord& r : Records()) {
    for (const GoldSpan& s : r.spans) ++counts[static_cast<size_t>(s.type)];
    if (r.spans.empty()) ++without_pii;
  }
  for (int t = 0; t < kEntityTypeCount; ++t) {
    EXPECT_GE(counts[t], 40) << GoldTypeName(static_cast<EntityType>(t));
  }
  EXPECT_GE(without_pii, 100) << "texts without PII keep precision honest";
}

TEST(PiiHeldoutSetTest, NamesAppearInLowerAndUpperCase) {
  int lower = 0, upper = 0;
  for (const EvalRecord& r : Records()) {
    for (const GoldSpan& s : r.spans) {
      if (s.type != kPersonName) continue;
      const std::string_view name = std::string_view(r.text).substr(s.start, s.end - s.start);
      bool has_lower = false, has_upper = false;
      for (const char c : name) {
        has_lower |= std::islower(static_cast<unsigned char>(c)) != 0;
        has_upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
      }
      lower += has_lower && !has_upper ? 1 : 0;
      upper += has_upper && !has_lower && name.size() > 3 ? 1 : 0;
    }
  }
  EXPECT_GE(lower, 60);
  EXPECT_GE(upper, 30);
}

TEST(PiiHeldoutSetTest, NewTrickyNegativesArePlanted) {
  int uuids = 0, private_endpoints = 0, timestamps = 0, stars = 0;
  for (const EvalRecord& r : Records()) {
    uuids += HasUuid(r.text) ? 1 : 0;
    private_endpoints += r.text.find("192.168.") != std::string::npos ||
                                 r.text.find("127.0.0.1:") != std::string::npos ||
                                 r.text.find("localhost:") != std::string::npos
                             ? 1
                             : 0;
    timestamps += r.text.find("Z INFO") != std::string::npos ? 1 : 0;
    stars += r.text.find("\u2605") != std::string::npos ? 1 : 0;
  }
  EXPECT_GE(uuids, 50);
  EXPECT_GE(private_endpoints, 20);
  EXPECT_GE(timestamps, 50);
  EXPECT_GE(stars, 50);
}

TEST(PiiHeldoutSetTest, ChecksummedSpansAreValid) {
  for (const EvalRecord& r : Records()) {
    for (const GoldSpan& s : r.spans) {
      const std::string_view value = std::string_view(r.text).substr(s.start, s.end - s.start);
      if (s.type == kPaymentCard) {
        EXPECT_TRUE(LuhnValid(value)) << r.id << " " << value;
      } else if (s.type == kIban) {
        EXPECT_TRUE(IbanValid(value)) << r.id << " " << value;
      } else if (s.type == kBankRouting) {
        EXPECT_TRUE(AbaRoutingValid(value)) << r.id << " " << value;
      } else if (s.type == kEmail) {
        EXPECT_NE(value.find('@'), std::string_view::npos) << r.id;
      }
      EXPECT_FALSE(std::isspace(static_cast<unsigned char>(value.front()))) << r.id;
      EXPECT_FALSE(std::isspace(static_cast<unsigned char>(value.back()))) << r.id;
    }
  }
}

TEST(PiiHeldoutSetTest, NoUnlabelledEmailsOrCards) {
  for (const EvalRecord& r : Records()) {
    const std::string& text = r.text;
    for (size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
      if (Covered(r, at, at + 1)) continue;
      const size_t start = text.rfind(kSupportEmail.substr(0, 8), at);
      EXPECT_TRUE(start != std::string::npos &&
                  text.compare(start, kSupportEmail.size(), kSupportEmail) == 0)
          << r.id << ": unlabelled '@' at " << at;
    }
    size_t i = 0;
    while (i < text.size()) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
        ++i;
        continue;
      }
      const size_t start = i;
      std::string digits;
      while (i < text.size()) {
        if (std::isdigit(static_cast<unsigned char>(text[i]))) {
          digits += text[i++];
        } else if ((text[i] == ' ' || text[i] == '-') && i + 1 < text.size() &&
                   std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
          ++i;
        } else {
          break;
        }
      }
      // A run glued to letters (a BBAN, a tracking number, a hex id) is not a card.
      const bool glued = (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) ||
                         (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])));
      if (digits.size() >= 13 && digits.size() <= 19 && !glued && !Covered(r, start, i)) {
        EXPECT_FALSE(LuhnValid(digits)) << r.id << ": unlabelled Luhn-valid run at " << start;
      }
    }
  }
}

TEST(PiiHeldoutSetTest, RoundTripsThroughTheWriter) {
  for (const EvalRecord& r : Records()) {
    auto again = ParseEvalRecord(SerializeEvalRecord(r));
    ASSERT_TRUE(again.ok()) << r.id;
    EXPECT_EQ(again->text, r.text);
    EXPECT_EQ(again->spans, r.spans);
  }
}

}  // namespace
}  // namespace docket::golden::redaction
