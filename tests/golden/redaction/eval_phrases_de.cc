// German phrases of the PII evaluation set.
#include "tests/golden/redaction/eval_phrases.h"

namespace docket::golden::redaction {
namespace {

using enum workflows::redact::EntityType;

constexpr std::string_view kRegions[] = {"DE"};
constexpr std::string_view kComplaints[] = {
    "Seit dem Update auf {VERSION} stürzt die App beim Bezahlen ab.",
    "Die Zahlung schlägt immer fehl, Fehlercode {ERRCODE}, schon {N} Mal versucht.",
    "Mir wurden {PRICE} doppelt abgebucht!",
    "Die App hängt im Warenkorb auf meinem {DEVICE}.",
    "Die Suche findet seit dem {DATE} gar nichts mehr.",
    "Der Gutschein über {PERCENT} wurde nicht angerechnet.",
    "Paket hängt seit einer Woche fest, Sendungsnummer {TRACKING}.",
    "Nach dem Update ({BUILD}) lande ich beim Login immer wieder auf der Startseite.",
    "Der Wasserkocher ({SKU}) kam kaputt an und das Rücksendeformular lädt nicht.",
    "Push-Nachrichten kommen um {TIME} Uhr nachts.",
    "Beim Bezahlen erscheint {ERRCODE} und dann schließt sich alles.",
};
constexpr std::string_view kPraise[] = {
    "Super App, die neue Suche ist richtig schnell.", "Bezahlen ging auf dem {DEVICE} in Sekunden.",
    "Seit {VERSION} keine Abstürze mehr, danke!",     "Mit dem Wochenendangebot {PRICE} gespart.",
    "Rückerstattung kam schon am {DATE}, top.",
};
constexpr std::string_view kNegatives[] = {
    "Version {VERSION} ({BUILD}), Windows {VERSION}.",
    "Die Kartennummer {BADCARD} wird als ungültig abgelehnt, stimmt ja auch.",
    "Ich hatte mich bei der IBAN vertippt ({BADIBAN}), das Formular hat es gemerkt.",
    "Art.-Nr. {PRODUCTCODE} kostete {PRICE}, jetzt {PRICE}.",
    "Der Support ({SUPPORTMAIL}) hat mich auf {PLAINURL} verwiesen.",
    "Sendungsnummer {TRACKING}, bestellt am {DATE} um {TIME}.",
    "Akku verliert {PERCENT} pro Stunde, Fehler {ERRCODE}.",
};
constexpr PiiSentence kPii[] = {
    {kEmail, "Sie erreichen mich unter {EMAIL}."},
    {kEmail, "Bitte die Rechnung an {EMAIL} schicken."},
    {kPhone, "Rufen Sie mich bitte unter {PHONE} zurück."},
    {kPhone, "Meine Telefonnummer: {PHONE}."},
    {kPaymentCard, "Ich habe mit der Karte {CARD} bezahlt und das Geld ist weg."},
    {kPaymentCard, "Kreditkarte {CARD} wurde zweimal belastet."},
    {kIban, "Bitte das Geld auf meine IBAN {IBAN} überweisen."},
    {kIban, "Bankverbindung für die Erstattung: {IBAN}"},
    {kBankAccount, "Meine Kontonummer ist {ACCOUNT}."},
    {kBankAccount, "Erstattung bitte auf Konto {ACCOUNT}."},
    {kIpAddress, "Ihr Betrugsschutz hat mich gesperrt, meine IP ist {IP}."},
    {kIpAddress, "Im Protokoll steht ein Login von {IP}, das war ich nicht."},
    {kUrlSecret, "Der Link {URLSECRET} ist angeblich abgelaufen."},
    {kUrlSecret, "Hier der Link aus der Mail: {URLSECRET}"},
    {kApiKey, "Unsere Anbindung nutzt den Schlüssel {APIKEY} und bekommt 401."},
    {kStreetAddress, "Bitte an {ADDRESS} liefern."},
    {kStreetAddress, "Meine Adresse: {ADDRESS}."},
    {kPostcode, "Für die PLZ {POSTCODE} gibt es angeblich keine Lieferung?"},
    {kDateOfBirth, "Das Formular akzeptiert mein Geburtsdatum {DOB} nicht."},
    {kDateOfBirth, "Ich bin am {DOB} geboren, also volljährig."},
    {kOrderId, "Bestellung {ORDER} ist nie angekommen."},
    {kOrderId, "Die Erstattung für {ORDER} fehlt noch."},
    {kTicketId, "Es geht um das Ticket {TICKET}, keine Antwort bisher."},
    {kCustomerId, "Meine Kundennummer ist {CUSTOMER}."},
    {kPersonName, "Mein Name ist {NAME}, ich bin seit Jahren Kunde."},
    {kPersonName, "Ich heiße {NAME} und das Konto läuft auf mich."},
};
constexpr std::string_view kSubjects[] = {
    "Betreff: Zahlung fehlgeschlagen",     "Betreff: Doppelte Abbuchung",
    "Betreff: AW: [{TICKET}] Erstattung",  "Betreff: App stürzt ab",
    "Betreff: Falscher Artikel geliefert",
};
constexpr std::string_view kGreetings[] = {"Hallo,", "Guten Tag,", "Hallo {AGENT},",
                                           "Sehr geehrte Damen und Herren,", "Moin,"};
constexpr std::string_view kSignoffs[] = {"Viele Grüße\n{NAME}", "Mit freundlichen Grüßen\n{NAME}",
                                          "LG {FIRST}", "Danke und Gruß\n{NAME}",
                                          "Von meinem {DEVICE} gesendet"};
constexpr std::string_view kQuoteHeaders[] = {
    "Am {DATE} schrieb {NAME} <{EMAIL}>:", "Von: {NAME} <{EMAIL}>\nGesendet: {DATE} {TIME}",
    "-----Ursprüngliche Nachricht-----\nVon: {EMAIL}"};
constexpr std::string_view kFollowups[] = {
    "Gibt es hierzu etwas Neues?", "Ich warte immer noch, siehe unten.",
    "Zum dritten Mal: siehe meine Mail unten.", "Bitte um Rückmeldung zu {ORDER}."};
constexpr NamePart kFirst[] = {
    {"Jürgen", "juergen"},        {"Anna", "anna"},   {"Lukas", "lukas"},   {"Sophie", "sophie"},
    {"Maximilian", "maximilian"}, {"Lena", "lena"},   {"Jörg", "joerg"},    {"Katrin", "katrin"},
    {"Fabian", "fabian"},         {"Ümit", "uemit"},  {"Sabine", "sabine"}, {"Tobias", "tobias"},
    {"Mareike", "mareike"},       {"Björn", "bjoern"}};
constexpr NamePart kLast[] = {
    {"Müller", "mueller"},   {"Schmidt", "schmidt"},   {"Schneider", "schneider"},
    {"Fischer", "fischer"},  {"Weber", "weber"},       {"Becker", "becker"},
    {"Schäfer", "schaefer"}, {"Hoffmann", "hoffmann"}, {"Yılmaz", "yilmaz"},
    {"Krüger", "krueger"},   {"Wagner", "wagner"},     {"Neumann", "neumann"}};

constexpr LanguagePack kPack = {.lang = "de",
                                .regions = kRegions,
                                .complaints = kComplaints,
                                .praise = kPraise,
                                .negatives = kNegatives,
                                .pii = kPii,
                                .subjects = kSubjects,
                                .greetings = kGreetings,
                                .signoffs = kSignoffs,
                                .quote_headers = kQuoteHeaders,
                                .followups = kFollowups,
                                .first_names = kFirst,
                                .last_names = kLast};

}  // namespace

const LanguagePack& GermanPack() { return kPack; }

}  // namespace docket::golden::redaction
