// Checks the checked-in evaluation set (pii_eval.jsonl) against its README: enough
// texts in the promised languages, every entity type present, well-formed spans, valid
// checksums inside card / IBAN / routing spans, and no PII-shaped value left unlabelled
// outside the spans (no stray '@' but the support address, no Luhn-valid 13-19 digit
// run). Reads the file on its own, independently of the generator.
#include "tests/golden/redaction/pii_eval_set.h"

#include <gtest/gtest.h>

#include <array>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "tests/golden/redaction/pii_checksums.h"

namespace docket::golden::redaction {
namespace {

using enum EntityType;

constexpr std::string_view kSupportEmail = "support@acmeshop.com";

const std::vector<EvalRecord>& Records() {
  static const std::vector<EvalRecord>* records = [] {
    auto loaded =
        LoadEvalSet(std::string(DOCKET_SOURCE_DIR) + "/tests/golden/redaction/pii_eval.jsonl");
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

TEST(PiiEvalSetTest, SizeLanguagesAndRegions) {
  const auto& records = Records();
  ASSERT_GE(records.size(), 2000u);
  std::set<std::string> ids, langs, kinds;
  for (const EvalRecord& r : records) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
    langs.insert(r.lang);
    kinds.insert(r.kind);
    EXPECT_TRUE(r.region == "US" || r.region == "GB" || r.region == "DE" || r.region == "FR" ||
                r.region == "ES")
        << r.id << " region " << r.region;
  }
  EXPECT_EQ(langs, (std::set<std::string>{"de", "en", "es", "fr"}));
  EXPECT_EQ(kinds, (std::set<std::string>{"nps", "review", "ticket", "ticket_quoted_email"}));
}

TEST(PiiEvalSetTest, EveryEntityTypeIsWellRepresented) {
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

TEST(PiiEvalSetTest, ChecksummedSpansAreValid) {
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
      EXPECT_NE(value.front(), ' ') << r.id;
      EXPECT_NE(value.back(), ' ') << r.id;
    }
  }
}

TEST(PiiEvalSetTest, NoUnlabelledEmailsOrCards) {
  for (const EvalRecord& r : Records()) {
    const std::string& text = r.text;
    for (size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
      if (Covered(r, at, at + 1)) continue;
      const size_t start = text.rfind(kSupportEmail.substr(0, 8), at);
      EXPECT_TRUE(start != std::string::npos &&
                  text.compare(start, kSupportEmail.size(), kSupportEmail) == 0)
          << r.id << ": unlabelled '@' at " << at;
    }
    // Digit runs joined by single spaces or dashes, as cards are written.
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
      // A run glued to letters (the BBAN of an IBAN, a tracking number) is not a card.
      const bool glued = (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) ||
                         (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])));
      if (digits.size() >= 13 && digits.size() <= 19 && !glued && !Covered(r, start, i)) {
        EXPECT_FALSE(LuhnValid(digits)) << r.id << ": unlabelled Luhn-valid run at " << start;
      }
    }
  }
}

TEST(PiiEvalSetTest, BadChecksumNegativesArePresent) {
  int invalid_cards = 0;
  for (const EvalRecord& r : Records()) {
    if (r.text.find("invalid") != std::string::npos ||
        r.text.find("ungültig") != std::string::npos) {
      ++invalid_cards;
    }
  }
  EXPECT_GT(invalid_cards, 10);
}

TEST(PiiEvalSetTest, RoundTripsThroughTheWriter) {
  for (const EvalRecord& r : Records()) {
    auto again = ParseEvalRecord(SerializeEvalRecord(r));
    ASSERT_TRUE(again.ok()) << r.id;
    EXPECT_EQ(again->text, r.text);
    EXPECT_EQ(again->spans, r.spans);
  }
}

TEST(PiiEvalSetTest, ParserRejectsBadSpans) {
  EXPECT_FALSE(ParseEvalRecord(R"({"id":"x","region":"US","lang":"en","kind":"nps",)"
                               R"("text":"abc","spans":[{"start":1,"end":9,"type":"EMAIL"}]})")
                   .ok());
  EXPECT_FALSE(ParseEvalRecord(R"({"id":"x","region":"US","lang":"en","kind":"nps",)"
                               R"("text":"abc","spans":[{"start":0,"end":1,"type":"EMAIL_X"}]})")
                   .ok());
  EXPECT_FALSE(ParseEvalRecord("{\"id\":\"x\",\"region\":\"DE\",\"lang\":\"de\",\"kind\":\"nps\","
                               "\"text\":\"\xC3\xBC\",\"spans\":[{\"start\":1,\"end\":2,"
                               "\"type\":\"EMAIL\"}]}")
                   .ok());
  EXPECT_TRUE(ParseEvalRecord(R"({"id":"x","region":"US","lang":"en","kind":"nps",)"
                              R"("text":"abc","spans":[{"start":0,"end":3,"type":"EMAIL"}]})")
                  .ok());
}

}  // namespace
}  // namespace docket::golden::redaction
