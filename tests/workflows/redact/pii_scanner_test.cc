// Tests for workflows/redact/pii_scanner: per detector positives and tricky negatives,
// context, allow/deny lists, custom patterns, overlaps, pathological inputs (results
// only, no timings) and UTF-8 span boundaries.
#include "workflows/redact/pii_scanner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "workflows/redact/internal/utf8_units.h"

namespace docket::workflows::redact {
namespace {

using ::testing::HasSubstr;

struct Found {
  std::string value;
  EntityType type;
  friend bool operator==(const Found&, const Found&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Found& f) {
    return os << EntityTypeName(f.type) << "(" << f.value << ")";
  }
};

class PiiScannerTest : public ::testing::Test {
 protected:
  void SetUp() override { Reset({}); }
  void Reset(const ScannerConfig& config) {
    StatusOr<std::unique_ptr<PiiScanner>> scanner = PiiScanner::Create(config);
    ASSERT_TRUE(scanner.ok()) << scanner.status().ToString();
    scanner_ = std::move(*scanner);
  }
  std::vector<Found> Scan(std::string_view text, std::string region = "US") {
    std::vector<Found> found;
    for (const Detection& d : scanner_->Scan(text, ScanContext{.region = region})) {
      found.push_back({std::string(text.substr(d.start, d.end - d.start)), d.type});
    }
    return found;
  }
  std::unique_ptr<PiiScanner> scanner_;
};

using T = EntityType;

TEST_F(PiiScannerTest, Email) {
  EXPECT_EQ(Scan("mail me at anna.schmidt+shop@mail.example.com."),
            (std::vector<Found>{{"anna.schmidt+shop@mail.example.com", T::kEmail}}));
  EXPECT_TRUE(Scan("@@@ user@localhost a@b @home").empty());
}

TEST_F(PiiScannerTest, EmailWithNonAsciiLocalPartIsWhole) {
  // RFC 6531 local parts: the whole address, never a tail that leaves "jö" behind.
  EXPECT_EQ(Scan("Caf\xC3\xA9 \xE2\x98\x95 write to j\xC3\xB6rg@example.de please"),
            (std::vector<Found>{{"j\xC3\xB6rg@example.de", T::kEmail}}));
  // Quotes and no-break spaces before an address are not part of it.
  EXPECT_EQ(Scan("mail \xE2\x80\x9E" "anna@example.de\xE2\x80\x9C or\xC2\xA0" "bo@example.de"),
            (std::vector<Found>{{"anna@example.de", T::kEmail}, {"bo@example.de", T::kEmail}}));
}

TEST_F(PiiScannerTest, PhoneInternationalAndNational) {
  EXPECT_EQ(Scan("call me on +49 30 1234567 please"),
            (std::vector<Found>{{"+49 30 1234567", T::kPhone}}));
  EXPECT_EQ(Scan("phone (415) 555-0132"), (std::vector<Found>{{"(415) 555-0132", T::kPhone}}));
  EXPECT_EQ(Scan("Handy 0171 2345678", "DE"), (std::vector<Found>{{"0171 2345678", T::kPhone}}));
  EXPECT_EQ(Scan("ring 0044 20 7946 0958"), (std::vector<Found>{{"0044 20 7946 0958", T::kPhone}}));
}

TEST_F(PiiScannerTest, PhoneNegatives) {
  EXPECT_TRUE(Scan("upgraded to v2.3.1 and build 10.2.45.1003").empty());
  EXPECT_TRUE(Scan("it costs $19.99 or 1.234,56 € now").empty());
  EXPECT_TRUE(Scan("since 2024-01-05 and 05.01.2024 and 01/05/2024").empty());
  EXPECT_TRUE(Scan("error code E1234 and SKU AB-12345-XL").empty());
  EXPECT_TRUE(Scan("0301234567", "US").empty());      // not a NANP number
  EXPECT_TRUE(Scan("version 415 555 0132").empty());  // context lowers it below 0.5
  EXPECT_TRUE(Scan("tracking 1Z999AA10123456784").empty());
}

TEST_F(PiiScannerTest, PaymentCard) {
  EXPECT_EQ(Scan("card 4111 1111 1111 1111 exp 12/27"),
            (std::vector<Found>{{"4111 1111 1111 1111", T::kPaymentCard}}));
  EXPECT_EQ(Scan("amex 3782-822463-10005"),
            (std::vector<Found>{{"3782-822463-10005", T::kPaymentCard}}));
  EXPECT_TRUE(Scan("card 4111 1111 1111 1112").empty());  // bad Luhn
  EXPECT_TRUE(Scan("id 1234567812345670").empty());       // Luhn ok, no issuer
}

TEST_F(PiiScannerTest, Iban) {
  EXPECT_EQ(Scan("IBAN DE89 3704 0044 0532 0130 00 thanks"),
            (std::vector<Found>{{"DE89 3704 0044 0532 0130 00", T::kIban}}));
  EXPECT_EQ(Scan("GB82WEST12345698765432"),
            (std::vector<Found>{{"GB82WEST12345698765432", T::kIban}}));
  EXPECT_TRUE(Scan("IBAN DE88 3704 0044 0532 0130 00").empty());  // checksum
}

TEST_F(PiiScannerTest, RoutingAndAccountNeedContext) {
  EXPECT_EQ(Scan("routing number 021000021"), (std::vector<Found>{{"021000021", T::kBankRouting}}));
  EXPECT_EQ(Scan("Kontonummer 12345678"), (std::vector<Found>{{"12345678", T::kBankAccount}}));
  EXPECT_EQ(Scan("acct 0012-3456789"), (std::vector<Found>{{"0012-3456789", T::kBankAccount}}));
  EXPECT_TRUE(Scan("routing number 021000022").empty());  // checksum
  EXPECT_TRUE(Scan("we sold 12345678 units").empty());
}

TEST_F(PiiScannerTest, UsSsn) {
  EXPECT_EQ(Scan("SSN 536-22-1234"), (std::vector<Found>{{"536-22-1234", T::kUsSsn}}));
  EXPECT_EQ(Scan("social security 536221234"), (std::vector<Found>{{"536221234", T::kUsSsn}}));
  EXPECT_TRUE(Scan("666-12-3456 000-12-3456 912-12-3456 536-00-1234").empty());
}

TEST_F(PiiScannerTest, IpAddresses) {
  EXPECT_EQ(Scan("from 192.168.10.254."), (std::vector<Found>{{"192.168.10.254", T::kIpAddress}}));
  EXPECT_EQ(Scan("host 2001:db8::8a2e:370:7334 down"),
            (std::vector<Found>{{"2001:db8::8a2e:370:7334", T::kIpAddress}}));
  EXPECT_TRUE(Scan("v1.2.3.4 and 300.1.2.3 and 1.2.3.4.5 at 12:30:45").empty());
  EXPECT_TRUE(Scan("version 10.0.0.1").empty());
}

TEST_F(PiiScannerTest, UrlSecrets) {
  EXPECT_EQ(Scan("see https://bob:hunter22@git.example.com/repo now"),
            (std::vector<Found>{{"https://bob:hunter22@git.example.com/repo", T::kUrlSecret}}));
  EXPECT_EQ(
      Scan("link https://x.example/reset?user=1&token=abcdef123456."),
      (std::vector<Found>{{"https://x.example/reset?user=1&token=abcdef123456", T::kUrlSecret}}));
  EXPECT_TRUE(Scan("docs at https://docs.example.com/guide?page=2").empty());
}

TEST_F(PiiScannerTest, ApiKeys) {
  const std::vector<std::string> keys = {
      "AKIAIOSFODNN7EXAMPLE",
      "ghp_" + std::string(36, 'a') + "1",
      "xoxb-1234567890-abcdefghij",
      "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
      "AIzaSyA1234567890abcdefghijklmnopqrstuv",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
  };
  for (const std::string& key : keys) {
    EXPECT_EQ(Scan("key: " + key + " ok"), (std::vector<Found>{{key, T::kApiKey}})) << key;
  }
  EXPECT_EQ(Scan("password: Tr0ub4dor&3"), (std::vector<Found>{{"Tr0ub4dor&3", T::kApiKey}}));
  EXPECT_EQ(Scan("secret=s3cr3tValue"), (std::vector<Found>{{"s3cr3tValue", T::kApiKey}}));
  EXPECT_TRUE(Scan("password: ******** and token=<redacted>").empty());
}

TEST_F(PiiScannerTest, AddressesAndPostcodes) {
  EXPECT_EQ(Scan("ship to 1600 Pennsylvania Avenue, Washington, DC 20500"),
            (std::vector<Found>{{"1600 Pennsylvania Avenue", T::kStreetAddress},
                                {"20500", T::kPostcode}}));
  // Street and postcode are separate findings; the town is not PII on its own.
  EXPECT_EQ(Scan("Lieferung an Hauptstraße 12, 10115 Berlin bitte"),
            (std::vector<Found>{{"Hauptstraße 12", T::kStreetAddress}, {"10115", T::kPostcode}}));
  EXPECT_EQ(Scan("I live in SW1A 1AA now"), (std::vector<Found>{{"SW1A 1AA", T::kPostcode}}));
  EXPECT_TRUE(Scan("my PS5 1TB console and 12345 users").empty());
}

TEST_F(PiiScannerTest, DateOfBirthOnlyInContext) {
  EXPECT_EQ(Scan("DOB: 04/12/1987"), (std::vector<Found>{{"04/12/1987", T::kDateOfBirth}}));
  EXPECT_EQ(Scan("Geburtsdatum 4. März 1987"),
            (std::vector<Found>{{"4. März 1987", T::kDateOfBirth}}));
  EXPECT_EQ(Scan("I was born on 1990-07-15"),
            (std::vector<Found>{{"1990-07-15", T::kDateOfBirth}}));
  EXPECT_TRUE(Scan("released 2024-01-05, born 45/45/1990").empty());
}

TEST_F(PiiScannerTest, DefaultIds) {
  EXPECT_EQ(Scan("order #12345678 never arrived"), (std::vector<Found>{{"12345678", T::kOrderId}}));
  EXPECT_EQ(Scan("see ticket 4711"), (std::vector<Found>{{"4711", T::kTicketId}}));
  EXPECT_EQ(Scan("customer id C-123456"), (std::vector<Found>{{"C-123456", T::kCustomerId}}));
  EXPECT_TRUE(Scan("my order never arrived, ticket closed").empty());
}

TEST_F(PiiScannerTest, PersonNames) {
  EXPECT_EQ(Scan("Hi, my name is Anna Schmidt and the app crashes"),
            (std::vector<Found>{{"Anna Schmidt", T::kPersonName}}));
  EXPECT_EQ(Scan("Hi Anna, thanks"), (std::vector<Found>{{"Anna", T::kPersonName}}));
  EXPECT_EQ(Scan("App crashes.\nRegards,\nJohn Smith"),
            (std::vector<Found>{{"John Smith", T::kPersonName}}));
  EXPECT_EQ(Scan("Great update. Thanks, Maria"), (std::vector<Found>{{"Maria", T::kPersonName}}));
  EXPECT_EQ(Scan("Ich heiße Jürgen"), (std::vector<Found>{{"Jürgen", T::kPersonName}}));
  EXPECT_EQ(Scan("je m'appelle Élodie"), (std::vector<Found>{{"Élodie", T::kPersonName}}));
  EXPECT_EQ(Scan("me llamo Lucía"), (std::vector<Found>{{"Lucía", T::kPersonName}}));
  EXPECT_TRUE(Scan("I'm Happy with it. Hi Team, Thanks Again").empty());
}

TEST_F(PiiScannerTest, ContextRaisesAndLowers) {
  const auto score = [&](std::string_view text) {
    const std::vector<Detection> found = scanner_->Scan(text, {.region = "US"});
    return found.empty() ? 0.0 : found[0].score;
  };
  EXPECT_GT(score("call me 415-555-0132"), score("see 415-555-0132"));
  EXPECT_EQ(score("price 415-555-0132"), 0.0);
}

TEST_F(PiiScannerTest, AllowListSuppressesDenyListForces) {
  ScannerConfig config;
  config.allow = {"Support@Company.example", "SKU-4111111111111111"};
  config.deny = {{T::kCustomerId, "VIP-0001"}};
  Reset(config);
  EXPECT_EQ(Scan("write support@company.example or anna@company.example"),
            (std::vector<Found>{{"anna@company.example", T::kEmail}}));
  EXPECT_TRUE(Scan("item SKU-4111111111111111").empty());
  EXPECT_EQ(Scan("VIP-0001 called"), (std::vector<Found>{{"VIP-0001", T::kCustomerId}}));
}

TEST_F(PiiScannerTest, CustomPatterns) {
  ScannerConfig config;
  config.custom = {{T::kOrderId, "order.acme", "ACME-[0-9]{6}"}};
  Reset(config);
  const std::vector<Detection> found = scanner_->Scan("got ACME-123456 twice", {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].detector, "order.acme");
  EXPECT_EQ(found[0].type, T::kOrderId);
  EXPECT_EQ(found[0].start, 4u);
}

TEST_F(PiiScannerTest, BadConfigIsInvalidArgument) {
  ScannerConfig bad;
  bad.custom = {{T::kOrderId, "order.bad", "ORD-[0-9"}};
  StatusOr<std::unique_ptr<PiiScanner>> scanner = PiiScanner::Create(bad);
  ASSERT_FALSE(scanner.ok());
  EXPECT_EQ(scanner.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(scanner.status().message(), HasSubstr("order.bad"));
  ScannerConfig empty_match;
  empty_match.custom = {{T::kOrderId, "order.empty", "x*"}};
  EXPECT_EQ(PiiScanner::Create(empty_match).status().code(), StatusCode::kInvalidArgument);
  ScannerConfig empty_deny;
  empty_deny.deny = {{T::kEmail, ""}};
  EXPECT_EQ(PiiScanner::Create(empty_deny).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PiiScannerTest, OverlapsResolveToOneSpan) {
  // The email inside a credential URL loses to the longer URL; the phone reading of
  // IBAN digits loses to the IBAN.
  EXPECT_EQ(Scan("email https://anna:pw12345@mail.example.com/x"),
            (std::vector<Found>{{"https://anna:pw12345@mail.example.com/x", T::kUrlSecret}}));
  EXPECT_EQ(Scan("DE89 3704 0044 0532 0130 00"),
            (std::vector<Found>{{"DE89 3704 0044 0532 0130 00", T::kIban}}));
  const std::string text = "Anna Schmidt, card 4111-1111-1111-1111, anna@x.example";
  EXPECT_EQ(scanner_->Scan(text, {}), scanner_->Scan(text, {}));
}

TEST_F(PiiScannerTest, PathologicalInputsFinish) {
  EXPECT_TRUE(Scan(std::string(1 << 20, '@')).empty());
  EXPECT_TRUE(Scan(std::string(1 << 20, '7')).empty());
  EXPECT_TRUE(Scan(std::string(1 << 20, ':')).empty());
  std::string mixed;
  while (mixed.size() < (1 << 20)) mixed += "a@b.c 1.2 https:// my name is ";
  EXPECT_TRUE(Scan(mixed).empty());
  std::string digits_then_card(1 << 20, '1');
  digits_then_card += " 4111111111111111";
  EXPECT_EQ(Scan(digits_then_card), (std::vector<Found>{{"4111111111111111", T::kPaymentCard}}));
}

TEST_F(PiiScannerTest, InvalidUtf8SpansRespectSequences) {
  const std::string text = "\xff\xfe name: \xC3\xA9lodie \xE2\x82 anna@x.example\xC3\xA9 \x80 ";
  const std::vector<Detection> found = scanner_->Scan(text, {});
  ASSERT_FALSE(found.empty());
  for (const Detection& d : found) {
    EXPECT_TRUE(internal::IsUnitBoundary(text, d.start));
    EXPECT_TRUE(internal::IsUnitBoundary(text, d.end));
    EXPECT_LE(d.end, text.size());
  }
  // An email glued to "é" keeps the whole character outside or inside, never half.
  const std::string glued =
      "\xC3\xA9"
      "anna@x.example";
  for (const Detection& d : scanner_->Scan(glued, {})) {
    EXPECT_NE(d.start, 1u);
  }
}

// Context is read within the candidate's sentence: a price or an error code in the
// sentence before does not lower a number the sentence itself introduces.
TEST_F(PiiScannerTest, ContextStaysInsideTheSentence) {
  EXPECT_EQ(Scan("The blender was 49,00 €. Meine Handynummer: 0151 23456789.", "DE"),
            (std::vector<Found>{{"0151 23456789", T::kPhone}}));
  EXPECT_EQ(Scan("Checkout failed with error 42. Please call me at 312-555-0187."),
            (std::vector<Found>{{"312-555-0187", T::kPhone}}));
  EXPECT_EQ(Scan("Paid $35.20 twice! Refund to checking account 4410098765 please."),
            (std::vector<Found>{{"4410098765", T::kBankAccount}}));
  // "Tel. 030 ..." does not end a sentence: the phone keeps its context word (raised
  // from 0.7), and the price before "Tel." does not lower it.
  const std::vector<Detection> found =
      scanner_->Scan("Kosten 12,00 €. Tel. 030 4455667", {.region = "DE"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_GT(found[0].score, 0.8);
}

TEST_F(PiiScannerTest, VersionShapedDottedQuadNeedsIpContext) {
  EXPECT_TRUE(Scan("Since upgrading to 5.1.0.233 the login screen is blank.").empty());
  EXPECT_TRUE(Scan("Nach dem Update auf 3.2.1.18 geht nichts mehr.").empty());
  EXPECT_EQ(Scan("Someone logged in from 8.8.4.4 last night."),
            (std::vector<Found>{{"8.8.4.4", T::kIpAddress}}));
  EXPECT_EQ(Scan("Blocked at checkout, 93.184.216.34 was flagged."),
            (std::vector<Found>{{"93.184.216.34", T::kIpAddress}}));
}

TEST_F(PiiScannerTest, DateAndClockTimeAreNoPhone) {
  EXPECT_TRUE(Scan("Date: 11/04/2025 16:20\nSubject: refund").empty());
  EXPECT_TRUE(Scan("Gesendet: 03.09.2025 9:05", "DE").empty());
  EXPECT_TRUE(Scan("Sent 2025-04-11 16:20 from my phone").empty());
}

TEST_F(PiiScannerTest, DigitsOfALongerRunAreNoCardOrPhone) {
  // USPS-style tracking number: a Luhn-valid Visa-shaped tail is part of the run.
  EXPECT_TRUE(Scan("Tracking 9205 4111 1111 1111 1111 07 is stuck in Memphis.").empty());
  // A mistyped Amex: the first two groups read as a NANP number, the third is left over.
  EXPECT_TRUE(Scan("The form says 3714 496353 98432 is not a valid card.").empty());
  // A phone in a sentence that says so still stands.
  EXPECT_EQ(Scan("Call me on 0171 2345678, thanks", "DE"),
            (std::vector<Found>{{"0171 2345678", T::kPhone}}));
}

TEST_F(PiiScannerTest, MistypedIbanGroupsAreNoCardOrPhone) {
  // Wrong check digits: no IBAN, and its digit groups are neither phone nor card.
  EXPECT_TRUE(Scan("Refund to GB99 BARC 2004 1575 6213 05 please").empty());
  EXPECT_TRUE(Scan("Meine IBAN (DE12 4111 1111 1111 1111 11) ist falsch?", "DE").empty());
}

TEST_F(PiiScannerTest, WebhookUrlsCarryTheirSecretInThePath) {
  const std::string slack =
      "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBBBB/cccccccccccccccccccccccc";
  EXPECT_EQ(Scan("Our alerts post to " + slack + " since Monday."),
            (std::vector<Found>{{slack, T::kUrlSecret}}));
  const std::string discord =
      "https://discord.com/api/webhooks/112233445566778899/" + std::string(68, 'x');
  EXPECT_EQ(Scan("hook: " + discord), (std::vector<Found>{{discord, T::kUrlSecret}}));
  EXPECT_TRUE(Scan("See https://api.slack.com/messaging/webhooks for setup.").empty());
}

TEST_F(PiiScannerTest, DateOfBirthPhrasings) {
  EXPECT_EQ(Scan("Your form rejects my date of birth, July 4, 1979."),
            (std::vector<Found>{{"July 4, 1979", T::kDateOfBirth}}));
  EXPECT_EQ(Scan("Ma date de naissance est le 03/02/1984.", "FR"),
            (std::vector<Found>{{"03/02/1984", T::kDateOfBirth}}));
  EXPECT_EQ(Scan("Nací el 9 de mayo de 1990 en Sevilla.", "ES"),
            (std::vector<Found>{{"9 de mayo de 1990", T::kDateOfBirth}}));
  EXPECT_EQ(Scan("Mein Sohn ist am 21.11.2008 geboren.", "DE"),
            (std::vector<Found>{{"21.11.2008", T::kDateOfBirth}}));
  EXPECT_TRUE(Scan("Das Paket ist am 21.11.2024 angekommen.", "DE").empty());
}

TEST_F(PiiScannerTest, PostcodesByContextAndAfterAStreet) {
  EXPECT_EQ(Scan("Do you ship to zip code 30309?"), (std::vector<Found>{{"30309", T::kPostcode}}));
  EXPECT_EQ(Scan("Livrez-vous le code postal 69003 ?", "FR"),
            (std::vector<Found>{{"69003", T::kPostcode}}));
  EXPECT_EQ(
      Scan("Envíenlo a Calle Serrano, 41, 2º D, 28001 Madrid.", "ES"),
      (std::vector<Found>{{"Calle Serrano, 41", T::kStreetAddress}, {"28001", T::kPostcode}}));
  EXPECT_EQ(Scan("Adresse : 7 rue des Lilas, 33000 Bordeaux", "FR"),
            (std::vector<Found>{{"7 rue des Lilas", T::kStreetAddress}, {"33000", T::kPostcode}}));
  EXPECT_TRUE(Scan("We sold 12500 units, 40000 more next year.").empty());
}

TEST_F(PiiScannerTest, PrepositionStreetsNeedTheirPostcode) {
  EXPECT_EQ(Scan("Lieferadresse: An der Alster 7, 20099 Hamburg", "DE"),
            (std::vector<Found>{{"An der Alster 7", T::kStreetAddress}, {"20099", T::kPostcode}}));
  EXPECT_TRUE(Scan("Am Montag 12 Pakete verschickt.", "DE").empty());
  EXPECT_EQ(Scan("Send it to 14 King's Road, please"),
            (std::vector<Found>{{"14 King's Road", T::kStreetAddress}}));
}

TEST_F(PiiScannerTest, NamesInQuotedMailAndSignOffs) {
  EXPECT_EQ(Scan("> Hi Rosa,\n> the parcel is late."),
            (std::vector<Found>{{"Rosa", T::kPersonName}}));
  EXPECT_EQ(Scan("It works now.\n> Cheers,\n> Declan"),
            (std::vector<Found>{{"Declan", T::kPersonName}}));
  EXPECT_EQ(Scan("Rien reçu.\n\nBien à vous,\nGaëlle Roux", "FR"),
            (std::vector<Found>{{"Gaëlle Roux", T::kPersonName}}));
  EXPECT_EQ(Scan("Sin respuesta.\nAtentamente,\nÓscar Vidal", "ES"),
            (std::vector<Found>{{"Óscar Vidal", T::kPersonName}}));
  EXPECT_EQ(Scan("Regards,\nSean O'Brien"), (std::vector<Found>{{"Sean O'Brien", T::kPersonName}}));
  // "merci" inside a sentence is thanks, not a sign-off.
  EXPECT_TRUE(Scan("Ça marche, merci ! Réf. 12 affichée.", "FR").empty());
}

TEST_F(PiiScannerTest, NamesFromDisplayNamesAndAccountHolders) {
  EXPECT_EQ(
      Scan("From: Mateo Rossi <m.rossi@example.org>"),
      (std::vector<Found>{{"Mateo Rossi", T::kPersonName}, {"m.rossi@example.org", T::kEmail}}));
  EXPECT_EQ(Scan("The account is under Niamh Kelly, please check."),
            (std::vector<Found>{{"Niamh Kelly", T::kPersonName}}));
  EXPECT_EQ(Scan("Le contrat est au nom de Lucie Moreau.", "FR"),
            (std::vector<Found>{{"Lucie Moreau", T::kPersonName}}));
}

TEST_F(PiiScannerTest, GermanNounPhrasesAreNoNames) {
  EXPECT_TRUE(Scan("Sehr geehrte Damen und Herren, Meine Bestellung fehlt.", "DE").empty());
  EXPECT_TRUE(Scan("Betreff: Fehlerhafte Rechnung. Unsere Zahlung kam doppelt.", "DE").empty());
  EXPECT_TRUE(Scan("Wo bleibt die Lieferung? Rufen Sie zurück.", "DE").empty());
  EXPECT_TRUE(Scan("Ship to 12 Oak Lane, Apt 3, Salt Lake, UT 84101").size() == 2);
  // Capitalised nouns after verbs, times and adjectives, as German reviews write them.
  EXPECT_TRUE(Scan("Habe heute um 14:22 Uhr Wanderschuhe bestellt. Keine Ahnung, warum.", "DE")
                  .empty());
  EXPECT_TRUE(Scan("Gerade Hundefutter bekommen. Fünf Sterne, die App ist super.", "DE").empty());
}

TEST_F(PiiScannerTest, GivenNamesMakePairsNamesInAnyLanguage) {
  // German text: only a known given name makes a capitalised pair a name.
  EXPECT_EQ(Scan("Die Bestellung hat Jürgen Hartmann angenommen, aber nicht geliefert.", "DE"),
            (std::vector<Found>{{"Jürgen Hartmann", T::kPersonName}}));
  // Elsewhere an unknown pair still counts (at a lower score), a known one at a higher.
  EXPECT_EQ(Scan("The parcel was signed for by Quillon Berrow yesterday."),
            (std::vector<Found>{{"Quillon Berrow", T::kPersonName}}));
  // Adverbs, places, currencies and card brands are not names (BANKING77 phrasings).
  EXPECT_TRUE(Scan("Unfortunately Fluffy was returned. I swapped Russian Ruble for pounds.").empty());
  EXPECT_TRUE(Scan("Can I use my American Express? Delivery to the United States?").empty());
}

TEST_F(PiiScannerTest, ChatSpeakersAndFormFields) {
  EXPECT_EQ(Scan("(19:20:52) Agent Maya: Thanks for reaching out.\n[9:44] Rhys: it failed"),
            (std::vector<Found>{{"Maya", T::kPersonName}, {"Rhys", T::kPersonName}}));
  // A role or header alone is no name; nor is a bare label without a clock or a role.
  EXPECT_TRUE(Scan("Customer: the app crashes\nSubject: Refund\nDate: Monday").empty());
  EXPECT_TRUE(Scan("(23:57:50) Visitor: No puedo pagar\n(23:58:02) Bot: Un momento").empty());
  EXPECT_EQ(Scan("Name: Lucía Fernández\nMessage: the app crashes"),
            (std::vector<Found>{{"Lucía Fernández", T::kPersonName}}));
}

TEST_F(PiiScannerTest, NamesKeepTheirCombiningAccents) {
  // "Lucía" spelled with U+0301 after the "i" (text that was never NFC-normalized).
  const std::string name = "Luci\xCC\x81" "a Ferna\xCC\x81ndez";
  EXPECT_EQ(Scan("Me llamo " + name + ", mi correo falla.", "ES"),
            (std::vector<Found>{{name, T::kPersonName}}));
}

TEST_F(PiiScannerTest, RequestNumbersAreTicketsRequestIdsAreNot) {
  EXPECT_EQ(Scan("About request #48213: still broken"),
            (std::vector<Found>{{"48213", T::kTicketId}}));
  EXPECT_TRUE(Scan("Request ID: 9F8E7A6B-1234 failed with 502").empty());
}

TEST_F(PiiScannerTest, SpokenSecretsNeedASecretShape) {
  EXPECT_TRUE(Scan("My PIN was blocked, how do I unblock it?").empty());
  EXPECT_TRUE(Scan("I think my passcode was changed").empty());
  EXPECT_EQ(Scan("my password is hunter22 and it fails"),
            (std::vector<Found>{{"hunter22", T::kApiKey}}));
  EXPECT_EQ(Scan("my password is \"sunshine\" and it fails"),
            (std::vector<Found>{{"sunshine", T::kApiKey}}));
}

TEST(EntityTypeTest, NamesRoundTrip) {
  for (int i = 0; i < kEntityTypeCount; ++i) {
    const auto type = static_cast<EntityType>(i);
    EXPECT_EQ(ParseEntityType(EntityTypeName(type)), type);
  }
  EXPECT_EQ(ParseEntityType("NOPE"), std::nullopt);
}

}  // namespace
}  // namespace docket::workflows::redact
