#include "workflows/ingest/internal/nfc.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace docket::workflows::internal {
namespace {

constexpr utf8proc_int32_t kCodePoints = 0x110000;

std::string Encode(utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string Nfc(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string result = n < 0 ? "<error>" : std::string(reinterpret_cast<char*>(out), n);
  std::free(out);
  return result;
}

TEST(NfcTest, EveryStableCodePointIsAStarterThatNfcNeverChanges) {
  // Any character after the first in a canonical decomposition may be composed onto a
  // preceding starter; none of them may be called stable.
  std::vector<bool> composes_onto(kCodePoints);
  for (utf8proc_int32_t cp = 0; cp < kCodePoints; ++cp) {
    utf8proc_int32_t decomposed[16];
    int boundclass = 0;
    const utf8proc_ssize_t n =
        utf8proc_decompose_char(cp, decomposed, 16, UTF8PROC_DECOMPOSE, &boundclass);
    for (utf8proc_ssize_t i = 1; i < n; ++i) composes_onto[decomposed[i]] = true;
  }
  // The check itself must see the well-known cases.
  ASSERT_TRUE(composes_onto[0x0301] && composes_onto[0x3099] && composes_onto[0x11A8]);
  ASSERT_NE(Nfc(Encode(0x212B)), Encode(0x212B));
  int stable = 0;
  for (utf8proc_int32_t cp = 0; cp < kCodePoints; ++cp) {
    if (!IsNfcStableCodePoint(static_cast<char32_t>(cp))) continue;
    ++stable;
    ASSERT_TRUE(utf8proc_codepoint_valid(cp)) << std::hex << cp;
    ASSERT_EQ(utf8proc_get_property(cp)->combining_class, 0) << std::hex << cp;
    ASSERT_FALSE(composes_onto[cp]) << std::hex << cp;
    ASSERT_EQ(Nfc(Encode(cp)), Encode(cp)) << std::hex << cp;
  }
  EXPECT_GT(stable, 40000);
}

TEST(NfcTest, RecognizesCommonTextAndDefersOnCombiningMarks) {
  EXPECT_TRUE(IsCertainlyNfc("plain ASCII"));
  EXPECT_TRUE(IsCertainlyNfc("Übersicht lädt nicht, très lent, contraseña"));
  EXPECT_TRUE(IsCertainlyNfc("アップデート後にアプリが起動しません 😀"));
  EXPECT_TRUE(IsCertainlyNfc("한국어 Привет שלום مرحبا"));
  EXPECT_FALSE(IsCertainlyNfc("e\u0301"));       // combining acute
  EXPECT_FALSE(IsCertainlyNfc("\u304B\u3099"));  // か + combining voiced mark
  EXPECT_FALSE(IsCertainlyNfc("\u1100\u1161"));  // conjoining jamo
  EXPECT_FALSE(IsCertainlyNfc("\u212B"));        // Angstrom sign, a singleton
  EXPECT_FALSE(IsCertainlyNfc("\u0915\u093C"));  // Devanagari: not covered
}

TEST(NfcTest, SpanWiseNfcEqualsWholeStringNfc) {
  // Stable characters mixed with ones that compose, reorder or decompose.
  const utf8proc_int32_t pool[] = {'e',    'A',    ' ',    0x00E9, 0x0301, 0x0308,  0x0323, 0x0327,
                                   0x0345, 0x03B1, 0x0391, 0x0313, 0x304B, 0x3099,  0x309A, 0x30AB,
                                   0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x212B,  0x2126, 0x0958,
                                   0x0915, 0x093C, 0x0F73, 0x1E9B, 0x4E00, 0x1F600, 0x05D0, 0x05B4,
                                   0x0627, 0x0653, 0x0654, 0x0CC6, 0x0CC2, 0x0CD5,  0x1B05, 0x1B35};
  std::mt19937 rng(7);  // fixed seed: the same strings every run
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < length; ++i) text += Encode(pool[rng() % std::size(pool)]);
    ASSERT_EQ(ToNfc(text), Nfc(text)) << "round " << round;
    if (IsCertainlyNfc(text)) {
      ASSERT_EQ(Nfc(text), text) << "round " << round;
    }
  }
}

TEST(NfcTest, ComposesOnlyWhereNeeded) {
  EXPECT_EQ(ToNfc("Cafe\u0301 de\u0301ja\u0300 vu, \u65E5\u672C"),
            "Caf\u00E9 d\u00E9j\u00E0 vu, \u65E5\u672C");
  EXPECT_EQ(ToNfc("\u0301start"), "\u0301start");
  EXPECT_EQ(ToNfc("\uAC00\u11A8 end"), "\uAC01 end");
  EXPECT_EQ(ToNfc("plain"), "plain");
  EXPECT_EQ(ToNfc(""), "");
}

}  // namespace
}  // namespace docket::workflows::internal
