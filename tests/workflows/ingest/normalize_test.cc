#include "workflows/ingest/normalize.h"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>

#include "workflows/ingest/utf8.h"

namespace docket::workflows {
namespace {

FeedbackRecord Normalized(FeedbackRecord record) {
  NormalizeRecord(record);
  return record;
}

TEST(NormalizeTest, TextIsComposedToNfc) {
  EXPECT_EQ(NormalizeText("caf"
                          "e\u0301"),
            "caf\u00E9");
  EXPECT_EQ(NormalizeText("\u1100\u1161"), "\uAC00");  // Hangul jamo compose
  EXPECT_EQ(NormalizeText("A\u030A"), "\u00C5");       // Å
  EXPECT_EQ(NormalizeText("\u212B"), "\u00C5");        // Angstrom sign is not NFC
  EXPECT_EQ(NormalizeText("\uFB01"), "\uFB01");        // compatibility only: kept
  EXPECT_EQ(NormalizeText("\u65E5\u672C\u8A9E"), "\u65E5\u672C\u8A9E");
}

TEST(NormalizeTest, TextLineBreaksAndControlCharacters) {
  EXPECT_EQ(NormalizeText("a\r\nb\rc\nd"), "a\nb\nc\nd");
  EXPECT_EQ(NormalizeText("tab\there\x01\x7F\x1B"), "tab\there");
  EXPECT_EQ(NormalizeText("c1\u0085control\u009F"), "c1control");
  EXPECT_EQ(NormalizeText("e\x01\u0301"), "\u00E9");  // control removed before composing
}

TEST(NormalizeTest, TextIsTrimmedOfAsciiAndUnicodeSpaces) {
  EXPECT_EQ(NormalizeText("  \t\nhello world \n"), "hello world");
  EXPECT_EQ(NormalizeText("\u00A0\u3000\uFEFFhola\u2009"), "hola");
  EXPECT_EQ(NormalizeText("   "), "");
}

TEST(NormalizeTest, OnlyWholeUnicodeSpacesAreTrimmed) {
  EXPECT_EQ(TrimWhiteSpace("\u2009x\u2009"), "x");
  // A cut-off space sequence followed by ASCII is not a space (found by timestamp_fuzz).
  EXPECT_EQ(TrimWhiteSpace("\xE2\x80_x"), "\xE2\x80_x");
  EXPECT_EQ(TrimWhiteSpace("x\xE2\x80_"), "x\xE2\x80_");
  FeedbackRecord r;
  r.set_feature_area("\xE2\x80\u2009\x06-:");
  const FeedbackRecord once = Normalized(r);
  EXPECT_EQ(Normalized(once).feature_area(), once.feature_area());
}

TEST(NormalizeTest, InvalidUtf8BecomesReplacementCharacters) {
  const std::string out = NormalizeText(
      "bad\xFF"
      "byte");
  EXPECT_EQ(out, "bad\uFFFDbyte");
  EXPECT_TRUE(IsValidUtf8(out));
}

TEST(NormalizeTest, LatinAndLatin1TextIsLeftAlone) {
  std::string all;  // every code point from U+0080 to U+02FF: NFC-stable already
  for (int cp = 0xA0; cp < 0x300; ++cp) {
    all.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    all.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  // Leading NBSP is trimmed; the rest must survive unchanged.
  EXPECT_EQ(NormalizeText(all), all.substr(2));
}

TEST(NormalizeTest, CategoricalFieldsAreTrimmedAndLowercased) {
  FeedbackRecord r;
  r.set_source(" Zendesk ");
  r.set_channel("TICKET");
  r.set_customer_tier(" Enterprise");
  r.set_feature_area("  Check Out \t Flow ");
  r.set_region(" de ");
  r.set_release_version(" v4.2.0 ");
  r.set_product(" Docket App ");
  const FeedbackRecord n = Normalized(r);
  EXPECT_EQ(n.source(), "zendesk");
  EXPECT_EQ(n.channel(), "ticket");
  EXPECT_EQ(n.customer_tier(), "enterprise");
  EXPECT_EQ(n.feature_area(), "check_out_flow");
  EXPECT_EQ(n.region(), "DE");
  EXPECT_EQ(n.release_version(), "4.2.0");
  EXPECT_EQ(n.product(), "Docket App");
}

TEST(NormalizeTest, FeatureAreaLowercasesBeyondAscii) {
  FeedbackRecord r;
  r.set_feature_area("ÜBERSICHT Seite");
  EXPECT_EQ(Normalized(r).feature_area(), "übersicht_seite");
}

TEST(NormalizeTest, ReleaseVersionDropsOnlyAVBeforeADigit) {
  FeedbackRecord r;
  r.set_release_version("V10.1");
  EXPECT_EQ(Normalized(r).release_version(), "10.1");
  r.set_release_version("vnext");
  EXPECT_EQ(Normalized(r).release_version(), "vnext");
  r.set_release_version("vv1");
  EXPECT_EQ(Normalized(r).release_version(), "vv1");
}

TEST(NormalizeTest, LanguageTagsGetBcp47Shape) {
  EXPECT_EQ(NormalizeLanguageTag("pt_br"), "pt-BR");
  EXPECT_EQ(NormalizeLanguageTag("EN"), "en");
  EXPECT_EQ(NormalizeLanguageTag(" en-us "), "en-US");
  EXPECT_EQ(NormalizeLanguageTag("ZH_hant_TW"), "zh-Hant-TW");
  EXPECT_EQ(NormalizeLanguageTag("es-419"), "es-419");
  EXPECT_EQ(NormalizeLanguageTag(""), "");
}

TEST(NormalizeTest, UntouchedFieldsStayAsTheyAre) {
  FeedbackRecord r;
  r.set_id(" Keep-Me ");
  r.set_rating(4);
  r.set_created_at_us(123);
  (*r.mutable_extras())["Plan"] = " Pro ";
  const FeedbackRecord n = Normalized(r);
  EXPECT_EQ(n.id(), " Keep-Me ");
  EXPECT_EQ(n.rating(), 4);
  EXPECT_EQ(n.created_at_us(), 123);
  EXPECT_EQ(n.extras().at("Plan"), " Pro ");
}

TEST(NormalizeTest, NormalizingTwiceEqualsNormalizingOnce) {
  const char* texts[] = {"  Cafe\u0301 \r\n\r\nok\x01 ",
                         "\u1100\u1161\u11A8 x",
                         "bad\xC3 utf\xED\xA0\x80",
                         "\u0301leading mark",
                         "\u00A0\u0301 space then mark",
                         "plain",
                         "\r\r\n\t"};
  const char* tags[] = {"pt_br", "ZH_hant_tw", "x-Private", "en--US", "İ", "_"};
  for (const char* text : texts) {
    for (const char* tag : tags) {
      FeedbackRecord r;
      r.set_text(text);
      r.set_language(tag);
      r.set_feature_area(std::string(" Mixed  Case ") + tag);
      r.set_release_version(std::string("v") + tag);
      r.set_region(tag);
      const FeedbackRecord once = Normalized(r);
      const FeedbackRecord twice = Normalized(once);
      EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(once, twice))
          << once.DebugString() << "\nvs\n"
          << twice.DebugString();
      EXPECT_TRUE(IsValidUtf8(once.text()));
    }
  }
}

}  // namespace
}  // namespace docket::workflows
