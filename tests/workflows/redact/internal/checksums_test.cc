// Tests for workflows/redact/internal: validators against published test values, the
// phone numbering-plan table, and UTF-8 unit boundaries.
#include "workflows/redact/internal/checksums.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "workflows/redact/internal/detectors.h"
#include "workflows/redact/internal/given_names.h"
#include "workflows/redact/internal/phone_numbers.h"
#include "workflows/redact/internal/utf8_units.h"

namespace docket::workflows::redact::internal {
namespace {

TEST(ChecksumsTest, Luhn) {
  EXPECT_TRUE(LuhnValid("4111111111111111"));
  EXPECT_TRUE(LuhnValid("378282246310005"));
  EXPECT_FALSE(LuhnValid("4111111111111112"));
  EXPECT_TRUE(CardIssuerKnown("4111111111111111"));
  EXPECT_TRUE(CardIssuerKnown("5555555555554444"));
  EXPECT_TRUE(CardIssuerKnown("2223003122003222"));
  EXPECT_FALSE(CardIssuerKnown("1234567812345670"));
  EXPECT_FALSE(CardIssuerKnown("411111111111111"));  // Visa has no 15-digit numbers
}

TEST(ChecksumsTest, Iban) {
  EXPECT_TRUE(IbanValid("DE89370400440532013000"));
  EXPECT_TRUE(IbanValid("GB82WEST12345698765432"));
  EXPECT_TRUE(IbanValid("fr1420041010050500013m02606"));
  EXPECT_FALSE(IbanValid("DE88370400440532013000"));
  EXPECT_FALSE(IbanValid("DE8937040044053201300"));  // one short for DE
  EXPECT_FALSE(IbanValid("XX89370400440532013000"));
}

TEST(ChecksumsTest, AbaAndSsn) {
  EXPECT_TRUE(AbaRoutingValid("021000021"));
  EXPECT_TRUE(AbaRoutingValid("011401533"));
  EXPECT_FALSE(AbaRoutingValid("021000022"));
  EXPECT_FALSE(AbaRoutingValid("000000000"));
  EXPECT_TRUE(SsnValid("536", "22", "1234"));
  EXPECT_FALSE(SsnValid("666", "12", "3456"));
  EXPECT_FALSE(SsnValid("000", "12", "3456"));
  EXPECT_FALSE(SsnValid("912", "12", "3456"));
  EXPECT_FALSE(SsnValid("536", "00", "1234"));
  EXPECT_FALSE(SsnValid("536", "22", "0000"));
}

TEST(ChecksumsTest, IpSyntax) {
  EXPECT_TRUE(Ipv4Valid("192.168.0.1"));
  EXPECT_FALSE(Ipv4Valid("256.1.1.1"));
  EXPECT_FALSE(Ipv4Valid("01.1.1.1"));
  EXPECT_FALSE(Ipv4Valid("1.2.3"));
  EXPECT_TRUE(Ipv6Valid("2001:db8::1"));
  EXPECT_TRUE(Ipv6Valid("2001:0db8:0000:0000:0000:ff00:0042:8329"));
  EXPECT_TRUE(Ipv6Valid("::ffff:192.0.2.1"));
  EXPECT_FALSE(Ipv6Valid("12:30:45"));
  EXPECT_FALSE(Ipv6Valid("1::2::3"));
  EXPECT_FALSE(Ipv6Valid("::"));
}

TEST(PhoneNumbersTest, NumberingPlans) {
  EXPECT_TRUE(InternationalPhoneValid("49301234567"));
  EXPECT_TRUE(
      InternationalPhoneValid("4930"
                              "1234567"));
  EXPECT_TRUE(InternationalPhoneValid("442079460958"));
  EXPECT_TRUE(InternationalPhoneValid("14155550132"));
  EXPECT_FALSE(InternationalPhoneValid("11555550132"));  // NPA starts with 1
  EXPECT_FALSE(InternationalPhoneValid("4412"));
  EXPECT_TRUE(NationalPhoneValid("4155550132", "US"));
  EXPECT_TRUE(NationalPhoneValid("4155550132", ""));
  EXPECT_TRUE(NationalPhoneValid("01712345678", "DE"));
  EXPECT_FALSE(NationalPhoneValid("1712345678", "DE"));  // no trunk prefix
  EXPECT_TRUE(NationalPhoneValid("612345678", "ES"));
  EXPECT_FALSE(NationalPhoneValid("4155550132", "ZZ"));
}

TEST(NameDetectorTest, GivenNamesAreSortedAndFoldCase) {
  const auto names = GivenNames();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_TRUE(std::adjacent_find(names.begin(), names.end()) == names.end());
  EXPECT_TRUE(IsGivenName("Anna"));
  EXPECT_TRUE(IsGivenName("JÜRGEN"));
  EXPECT_TRUE(IsGivenName("Élodie"));
  EXPECT_FALSE(IsGivenName("Kaffeebohnen"));
  EXPECT_FALSE(IsGivenName("A"));
  EXPECT_FALSE(IsGivenName(std::string(100, 'a')));
}

TEST(NameDetectorTest, CommonWordsAreSortedAndFound) {
  EXPECT_TRUE(IsCommonWord("Thanks"));
  EXPECT_TRUE(IsCommonWord("TEAM"));
  EXPECT_FALSE(IsCommonWord("Anna"));
}

TEST(Utf8UnitsTest, Boundaries) {
  const std::string text =
      "a\xC3\xA9"
      "b\xE2\x82\xAC\xff\x80";
  EXPECT_TRUE(IsUnitBoundary(text, 1));
  EXPECT_FALSE(IsUnitBoundary(text, 2));
  EXPECT_TRUE(IsUnitBoundary(text, 3));
  EXPECT_FALSE(IsUnitBoundary(text, 5));
  EXPECT_FALSE(IsUnitBoundary(text, 6));
  EXPECT_TRUE(IsUnitBoundary(text, 7));  // before the stray 0xFF
  EXPECT_TRUE(IsUnitBoundary(text, 8));  // before the stray continuation byte
  EXPECT_EQ(UnitBoundaryAtOrBefore(text, 6), 4u);
  EXPECT_EQ(UnitBoundaryAtOrAfter(text, 5), 7u);
}

}  // namespace
}  // namespace docket::workflows::redact::internal
