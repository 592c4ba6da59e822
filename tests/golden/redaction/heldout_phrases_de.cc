// German phrases of the held-out PII evaluation set: chat and form German, du and Sie
// mixed, often without a trigger phrase in front of the value.
#include "tests/golden/redaction/heldout_phrases.h"

namespace docket::golden::redaction {
namespace {

using enum workflows::redact::EntityType;

constexpr std::string_view kRegions[] = {"DE"};
constexpr std::string_view kAgentOpeners[] = {
    "Hallo, hier ist {AGENT} vom Acme-Kundenservice. Wie kann ich helfen?",
    "Guten Tag, Sie schreiben mit {AGENT}. Worum geht es?",
    "Hi 👋 {AGENT} hier, danke fürs Warten!",
};
constexpr std::string_view kAgentQuestions[] = {
    "Können Sie mir die Bestellnummer nennen?",
    "Welche E-Mail-Adresse ist im Konto hinterlegt?",
    "Welche App-Version nutzen Sie?",
    "Zur Sicherheit brauche ich noch ein paar Angaben.",
    "Sehen Sie einen Fehlercode?",
};
constexpr std::string_view kAgentClosers[] = {
    "Kann ich sonst noch etwas für Sie tun?",
    "Ich habe das weitergeleitet, Sie hören in {N} Werktagen von uns.",
    "Danke für den Chat, {FIRST}, schönen Abend noch!",
};
constexpr std::string_view kIssues[] = {
    "nach dem TAN-Schritt kommt nur {ERRCODE}",
    "hab {VERSION} auf dem {DEVICE}, schon zweimal neu installiert",
    "an der Kasse stand plötzlich {PRICE} statt {PRICE}",
    "laut Zusteller um {TIME} geliefert, hier ist aber nix",
    "Sendung {TRACKING} bewegt sich seit dem {DATE} nicht",
    "der {PERCENT}-Gutschein verschwindet, sobald {SKU} im Korb liegt",
    "Fehlerseite zeigt Referenz {UUID}",
    "Anfrage-ID laut App: {REQID}",
    "Kunde seit {PASTDATE}, so schlimm war es noch nie",
    "Artikel {PRODUCTCODE} ist angeblich vorrätig, lässt sich aber nicht kaufen",
    "die Karte {BADCARD} hab ich mich vertippt, klar abgelehnt, aber die richtige geht auch nicht",
};
constexpr TypedLine kPiiLines[] = {
    {kEmail, "hinterlegt ist {EMAIL}"},
    {kEmail, "bitte die Rechnung an {EMAIL} schicken, nicht an die alte Adresse"},
    {kPhone, "erreichbar unter {PHONE}"},
    {kPhone, "Rückruf bitte auf {PHONE}, ab 17 Uhr"},
    {kPaymentCard, "abgebucht wurde von meiner Mastercard {CARD}, zweimal!"},
    {kPaymentCard, "Karte {CARD} wird ständig abgelehnt"},
    {kIban, "Erstattung bitte auf {IBAN}"},
    {kIban, "meine Bankverbindung: {IBAN}, Kontoinhaber bin ich"},
    {kBankAccount, "das Geld ging auf Konto {ACCOUNT}, das gibt es nicht mehr"},
    {kIpAddress, "laut Sicherheitsmail kam der Login von {IP}"},
    {kIpAddress, "meine öffentliche IP ist {IP}, ist die gesperrt?"},
    {kUrlSecret, "der Link {URLSECRET} bringt nur 403"},
    {kUrlSecret, "das ist der Link aus der Mail: {URLSECRET}"},
    {kApiKey, "unser Shop-Plugin nutzt {APIKEY} und bekommt trotzdem 401"},
    {kStreetAddress, "bitte an {ADDRESS} liefern, nicht ins Büro"},
    {kStreetAddress, "bin umgezogen, neu: {ADDRESS}"},
    {kPostcode, "warum keine Expresslieferung nach {POSTCODE}?"},
    {kDateOfBirth, "Geburtsdatum {DOB}, falls Sie das zur Prüfung brauchen"},
    {kDateOfBirth, "die Altersprüfung sagt zu jung, ich hab am {DOB} Geburtstag und bin über 18"},
    {kOrderId, "es geht um {ORDER}"},
    {kOrderId, "Bestellung {ORDER} von letzter Woche ist nie angekommen"},
    {kTicketId, "hab dazu schon {TICKET} aufgemacht"},
    {kCustomerId, "Kundennr. {CUSTOMER}"},
    {kPersonName, "hier schreibt {NAME}"},
    {kPersonName, "{NAME}, Kontoinhaberin"},
    {kPersonName, "die Bestellung läuft auf meinen Mann, {OTHER}"},
    {kPersonName, "ICH BIN {NAME_UC} UND WILL MEIN GELD ZURÜCK"},
    {kPersonName, "auf dem Klingelschild steht {LAST}"},
};
constexpr std::string_view kThanks[] = {"ok danke", "super, vielen Dank!", "na gut.", "danke 🙏"};
constexpr std::string_view kReviewTitles[] = {
    "War mal gut 😤",           "Kasse kaputt seit {VERSION}",
    "Lieferung top, App flop", "Erstattung? Fehlanzeige 🙄",
    "Eigentlich ganz gut 👍",
};
constexpr std::string_view kReviewLines[] = {
    "Seit {VERSION} öffnet sich gar nichts mehr 😡",
    "{PRICE} für Express bezahlt und {N} Tage gewartet 🐢",
    "Auf dem {DEVICE} reagiert der Bezahlen-Knopf nicht 🤷",
    "Fehler {ERRCODE} bei jeder PayPal-Zahlung.",
    "Die Angebote sind klasse 🔥 {PERCENT} gespart",
    "Mit {BUILD} geht der Dunkelmodus wieder 💯",
};
constexpr std::string_view kDeveloperReplies[] = {
    "Hallo {FIRST}, das tut uns leid! Schreib uns an {SUPPORTMAIL}, wir kümmern uns. – {AGENT}, "
    "Acme",
    "Danke für dein Feedback. Version {VERSION} behebt das Problem.",
};
constexpr std::string_view kSurveyIssues[] = {
    "app stürzt ab wenn ich meine bestellungen öffne",
    "lieferung schon wieder zu spät und im chat antwortet keiner",
    "preise um {PERCENT} gestiegen echt nicht ok",
    "kasse zeigt immer {ERRCODE}",
    "kunde seit {PASTDATE} und so schlecht wars noch nie",
    "passt alles",
};
constexpr TypedLine kSurveyPii[] = {
    {kPersonName, "ich bin {NAME_LC} bitte ruft mich an"},
    {kEmail, "antwort bitte an {EMAIL}"},
    {kPhone, "tel {PHONE} ab 17 uhr"},
    {kIban, "geld zurück auf {IBAN}"},
    {kOrderId, "bestellung {ORDER} fehlt immer noch"},
    {kStreetAddress, "wohne in der {ADDRESS} und der fahrer findet das nie"},
    {kDateOfBirth, "geb. {DOB} und die app sagt ich bin minderjährig"},
    {kPaymentCard, "karte {CARD} doppelt belastet"},
    {kCustomerId, "kundennummer {CUSTOMER}"},
    {kPostcode, "für {POSTCODE} gibts nie lieferfenster"},
};
constexpr std::string_view kForwardNotes[] = {
    "Zur Info, das hatte ich Ihrer Kollegin schon geschickt.",
    "Leite die Bestätigung weiter, siehe unten.",
};
constexpr std::string_view kBugTitles[] = {
    "Kasse liefert {ERRCODE} nach 3-D Secure",
    "Absturz beim Start in {VERSION}",
    "Bestellhistorie nach Login leer",
};
constexpr std::string_view kBugSteps[] = {
    "App öffnen und anmelden",
    "{SKU} in den Warenkorb legen",
    "Mit gespeicherter Karte zahlen",
    "\"Sendung verfolgen\" für {TRACKING} antippen",
};
constexpr NamePart kFirst[] = {{"Dieter", "dieter"},    {"Ursula", "ursula"},
                               {"Kai", "kai"},          {"Henrike", "henrike"},
                               {"Moritz", "moritz"},    {"Svenja", "svenja"},
                               {"Günther", "guenther"}, {"Elif", "elif"},
                               {"Jannik", "jannik"},    {"Friederike", "friederike"},
                               {"Till", "till"},        {"Merle", "merle"},
                               {"Ömer", "oemer"},       {"Annika", "annika"}};
constexpr NamePart kLast[] = {
    {"Bauer", "bauer"},           {"Koch", "koch"},          {"Richter", "richter"},
    {"Klein", "klein"},           {"Wolf", "wolf"},          {"Schröder", "schroeder"},
    {"Zimmermann", "zimmermann"}, {"Braun", "braun"},        {"Hartmann", "hartmann"},
    {"Lange", "lange"},           {"Krause", "krause"},      {"Köhler", "koehler"},
    {"Öztürk", "oeztuerk"},       {"von Bülow", "vonbuelow"}};

constexpr HeldoutPack kPack = {.lang = "de",
                               .regions = kRegions,
                               .agent_openers = kAgentOpeners,
                               .agent_questions = kAgentQuestions,
                               .agent_closers = kAgentClosers,
                               .issues = kIssues,
                               .pii_lines = kPiiLines,
                               .thanks = kThanks,
                               .review_titles = kReviewTitles,
                               .review_lines = kReviewLines,
                               .developer_replies = kDeveloperReplies,
                               .survey_issues = kSurveyIssues,
                               .survey_pii = kSurveyPii,
                               .forward_notes = kForwardNotes,
                               .forward_marker = "---------- Weitergeleitete Nachricht ----------",
                               .bug_titles = kBugTitles,
                               .bug_steps = kBugSteps,
                               .steps_heading = "### Schritte zum Reproduzieren",
                               .logs_heading = "### Logs",
                               .labels = {.name = "Name",
                                          .email = "E-Mail",
                                          .phone = "Telefon",
                                          .street = "Straße",
                                          .postcode = "PLZ",
                                          .city = "Ort",
                                          .birth_date = "Geburtsdatum",
                                          .order = "Bestellnummer",
                                          .customer = "Kundennummer",
                                          .message = "Nachricht",
                                          .subject = "Betreff",
                                          .from = "Von",
                                          .to = "An",
                                          .date = "Datum"},
                               .first_names = kFirst,
                               .last_names = kLast};

}  // namespace

const HeldoutPack& HeldoutGermanPack() { return kPack; }

}  // namespace docket::golden::redaction
