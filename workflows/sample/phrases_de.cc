// German wordings and decorations of the sample dataset.
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr Phrase kPhrases[] = {
    // checkout
    {"checkout", "payment_failed", kProblem, "Zahlung fehlgeschlagen",
     "Die Zahlung schlägt beim Bezahlen jedes Mal fehl, ich habe es dreimal versucht."},
    {"checkout", "payment_failed", kProblem, "Bezahlen nicht möglich",
     "Beim Checkout kommt immer „Zahlung konnte nicht verarbeitet werden“."},
    {"checkout", "card_declined", kProblem, "Karte abgelehnt",
     "Meine Karte wurde zweimal abgelehnt, obwohl sie überall sonst funktioniert."},
    {"checkout", "crash_on_pay", kProblem, "Absturz beim Bezahlen",
     "Die App stürzt ab, sobald ich auf \"Bezahlen\" tippe."},
    {"checkout", "crash_on_pay", kProblem, "App schließt sich",
     "Auf meinem {device} schließt sich die App beim Bezahlen einfach."},
    {"checkout", "double_charge", kProblem, "Doppelt abgebucht",
     "Mir wurden {amount} doppelt abgebucht, Bestellung {order}. Bitte erstatten!"},
    {"checkout", "checkout_timeout", kProblem, "Checkout hängt",
     "Der Checkout lädt ewig und bricht dann mit einer Zeitüberschreitung ab."},
    {"checkout", "shipping_cost_late", kMixed, "Geht, aber umständlich",
     "Bezahlen klappt, aber die Versandkosten sieht man erst ganz am Ende."},
    {"checkout", "fast_checkout", kPraise, "Schneller Checkout",
     "Der neue Checkout ist super schnell, zwei Klicks und fertig."},
    {"checkout", "wallet_pay", kPraise, "Top", "Bezahlen mit PayPal funktioniert einwandfrei."},
    {"checkout", "fast_checkout", kPraise, "Bezahlen geht fix",
     "Das Bezahlen geht jetzt richtig fix."},
    {"checkout", "card_declined", kProblem, "Karte geht nicht",
     "Meine Kreditkarte wird ständig abgelehnt, bei der Bank ist alles in Ordnung."},
    {"checkout", "payment_failed", kProblem, "Zahlung bricht ab",
     "Die Zahlung bricht nach dem Bestätigen einfach ab."},
    {"checkout", "double_charge", kProblem, "Zweimal bezahlt",
     "Ich habe für eine einzige Bestellung zweimal bezahlt."},
    // login
    {"login", "wrong_password", kProblem, "Login geht nicht",
     "Ich kann mich nicht anmelden, angeblich ist mein Passwort falsch."},
    {"login", "otp_missing", kProblem, "Kein SMS-Code",
     "Der Bestätigungscode per SMS kommt nie an."},
    {"login", "logged_out", kProblem, "Ständig abgemeldet",
     "Die App meldet mich jeden Tag ab, sehr nervig."},
    {"login", "code_every_time", kMixed, "Login okay",
     "Die Anmeldung funktioniert, aber ich muss jedes Mal einen Code eingeben."},
    {"login", "easy_login", kPraise, "Face ID top",
     "Anmelden mit Face ID geht schnell und problemlos."},
    {"login", "easy_login", kPraise, "Passkey!", "Die Anmeldung mit Passkey ist großartig."},
    {"login", "easy_login", kPraise, "Login klappt", "Die Anmeldung klappt jetzt immer sofort."},
    // search
    {"search", "no_results", kProblem, "Suche findet nichts",
     "Die Suche findet nichts, obwohl ich den genauen Produktnamen eingebe."},
    {"search", "irrelevant_results", kProblem, "Suchergebnisse unbrauchbar",
     "Die Suchergebnisse passen überhaupt nicht zu dem, was ich suche."},
    {"search", "filters_reset", kProblem, "Filter weg",
     "Die Filter werden jedes Mal zurückgesetzt, wenn ich zurückgehe."},
    {"search", "typos", kMixed, "Suche besser",
     "Die Suche ist besser geworden, aber bei Tippfehlern kommt gar nichts."},
    {"search", "new_search", kPraise, "Neue Suche super",
     "Die neue Suche ist klasse, ich finde alles sofort."},
    {"search", "new_search", kPraise, "Gute Vorschläge",
     "Die Suchvorschläge sind jetzt richtig gut."},
    {"search", "filters", kPraise, "Filter top",
     "Mit den neuen Filtern finde ich viel schneller, was ich suche."},
    // notifications
    {"notifications", "too_many", kProblem, "Zu viele Benachrichtigungen",
     "Viel zu viele Push-Nachrichten, drei am Tag und nur Werbung."},
    {"notifications", "not_received", kProblem, "Keine Versandinfo",
     "Ich bekomme keine Benachrichtigung mehr, wenn meine Bestellung verschickt wird."},
    {"notifications", "cant_disable", kProblem, "Werbung lässt sich nicht abschalten",
     "Ich habe Werbe-Benachrichtigungen deaktiviert und bekomme sie trotzdem."},
    {"notifications", "promo_noise", kMixed, "Teils nützlich",
     "Die Versand-Updates sind nützlich, die Werbung nicht."},
    {"notifications", "shipping_updates", kPraise, "Praktisch",
     "Die Versandbenachrichtigungen sind sehr praktisch."},
    {"notifications", "shipping_updates", kPraise, "Gute Benachrichtigungen",
     "Ich werde immer informiert, wenn mein Paket unterwegs ist."},
    // profile
    {"profile", "save_fails", kProblem, "Profil speichert nicht",
     "Änderungen am Profil werden nicht gespeichert, der Speichern-Button tut nichts."},
    {"profile", "delete_account", kProblem, "Konto löschen?",
     "Ich finde nirgends, wie ich mein Konto löschen kann."},
    {"profile", "language_reset", kProblem, "Sprache springt zurück",
     "Die Sprache der App springt immer wieder auf Englisch zurück."},
    {"profile", "date_format", kMixed, "Profil ok",
     "Das Profil ist okay, aber das Geburtsdatum nimmt nur das US-Format."},
    {"profile", "addresses", kPraise, "Adressen einfach",
     "Adressen verwalten ist jetzt viel einfacher."},
    {"profile", "addresses", kPraise, "Profil übersichtlich",
     "Das Profil ist übersichtlich und Adressen sind schnell geändert."},
    // cart
    {"cart", "items_disappear", kProblem, "Warenkorb leert sich",
     "Artikel verschwinden nach ein paar Stunden aus meinem Warenkorb."},
    {"cart", "quantity", kProblem, "Menge ändern geht nicht",
     "Die Menge im Warenkorb lässt sich nicht ändern."},
    {"cart", "price_mismatch", kProblem, "Falscher Preis",
     "Im Warenkorb steht ein anderer Preis als auf der Produktseite."},
    {"cart", "slow_cart", kMixed, "Warenkorb langsam",
     "Der Warenkorb funktioniert, ist aber ziemlich langsam."},
    {"cart", "save_for_later", kPraise, "Merkliste",
     "Die Funktion „Für später speichern“ im Warenkorb ist sehr praktisch."},
    {"cart", "save_for_later", kPraise, "Praktischer Warenkorb",
     "Dass ich Artikel für später zurücklegen kann, ist super."},
    // shipping
    {"shipping", "tracking_stuck", kProblem, "Sendungsverfolgung hängt",
     "Die Sendungsverfolgung hat sich seit fünf Tagen nicht aktualisiert."},
    {"shipping", "address_rejected", kProblem, "Adresse abgelehnt",
     "Die App lehnt meine Adresse ab, die Postleitzahl sei ungültig. Ist sie nicht."},
    {"shipping", "late_estimate", kProblem, "Lieferzeit falsch",
     "Die angezeigte Lieferzeit lag eine ganze Woche daneben."},
    {"shipping", "moving_estimate", kMixed, "Lieferung okay",
     "Die Lieferung kam an, aber das Lieferdatum hat sich dreimal geändert."},
    {"shipping", "fast_delivery", kPraise, "Schnelle Lieferung",
     "Die Lieferung war schnell und die Sendungsverfolgung genau."},
    {"shipping", "fast_delivery", kPraise, "Paket früher da",
     "Das Paket kam einen Tag früher als angekündigt."},
    {"shipping", "live_tracking", kPraise, "Tracking super",
     "Die Live-Verfolgung auf der Karte ist super."},
    // onboarding
    {"onboarding", "tutorial_loop", kProblem, "Tutorial nervt",
     "Das Einführungs-Tutorial erscheint bei jedem Start der App."},
    {"onboarding", "signup_fails", kProblem, "Registrierung schlägt fehl",
     "Die Registrierung bricht im letzten Schritt mit „Etwas ist schiefgelaufen“ ab."},
    {"onboarding", "birthday_field", kMixed, "Warum Geburtstag?",
     "Die Registrierung war okay, aber wozu braucht ihr mein Geburtsdatum?"},
    {"onboarding", "quick_signup", kPraise, "Schnell registriert",
     "Die Registrierung hat weniger als eine Minute gedauert."},
    {"onboarding", "quick_signup", kPraise, "Einfacher Start",
     "Konto anlegen ging schnell und unkompliziert."},
};

constexpr std::string_view kGreetings[] = {"Hallo,", "Guten Tag,", "Hallo Acme-Team,"};
constexpr std::string_view kSignoffs[] = {"Danke", "Viele Grüße", "Mit freundlichen Grüßen"};
constexpr std::string_view kProblemOpeners[] = {"Seit dem letzten Update geht das nicht mehr.",
                                                "Ich habe die App schon neu installiert.",
                                                "Seit Version {version} ist das kaputt."};
constexpr std::string_view kProblemClosers[] = {"Bitte beheben!", "Sehr ärgerlich.",
                                                "So macht das keinen Spaß."};
constexpr std::string_view kMixedClosers[] = {"Sonst alles gut.", "Ansonsten eine gute App."};
constexpr std::string_view kPraiseClosers[] = {"Weiter so!", "Danke!", "Fünf Sterne."};
constexpr std::string_view kPii[] = {
    "Mein Name ist {name}, E-Mail: {email}.",
    "Bitte rufen Sie mich an: {phone}.",
    "Meine Adresse: {address}.",
    "Bestellnummer {order}, Kartennummer {card}.",
};
constexpr std::string_view kNames[] = {"Maria Schmidt", "Lukas Weber", "Jürgen Müller"};
constexpr std::string_view kEmails[] = {"maria.schmidt@example.com", "l.weber@example.org",
                                        "juergen.mueller@example.com"};
constexpr std::string_view kPhones[] = {"+49 30 901820{NN}", "+49 30 1234 56{NN}"};
constexpr std::string_view kAddresses[] = {"Musterstraße 12, 10115 Berlin",
                                           "Beispielweg 3a, 80331 München"};

constexpr LanguageDecor kDecor = {
    kGreetings, kSignoffs, kProblemOpeners, kProblemClosers, kMixedClosers, kPraiseClosers,
    kPii,       kNames,    kEmails,         kPhones,         kAddresses};

}  // namespace

std::span<const Phrase> GermanPhrases() { return kPhrases; }
const LanguageDecor& GermanDecor() { return kDecor; }

}  // namespace docket::workflows::sample
