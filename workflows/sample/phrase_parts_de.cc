// German parts the sample texts are composed from (see phrase_parts_en.cc).
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr DetailSentence kDetails[] = {
    {"", kProblem, "Ist mir {when} wieder passiert."},
    {"", kProblem, "Ich nutze ein {device} mit App-Version {version}."},
    {"", kMixed, "Zuletzt {when} auf meinem {device} benutzt."},
    {"", kPraise, "Habe {when} {product} bestellt, alles problemlos."},
    {"checkout", kProblem, "Es ging um {amount}."},
    {"checkout", kProblem, "Ich wollte {product} für {amount} kaufen."},
    {"checkout", kProblem, "Passiert im letzten Schritt, direkt nach dem Bestätigen."},
    {"checkout", kProblem, "{tries} Versuche hintereinander, immer dasselbe."},
    {"checkout", kMixed, "Meine letzte Bestellung über {amount} ging am Ende durch."},
    {"checkout", kPraise, "{amount} für {product} in wenigen Sekunden bezahlt."},
    {"login", kProblem, "Ich habe es {when} {tries}-mal probiert."},
    {"login", kProblem, "Ich bin seit {days} Tagen ausgesperrt."},
    {"login", kPraise, "Klappt auf meinem {device} ohne Probleme, zuletzt {when}."},
    {"search", kProblem, "Ich habe „{product}“ gesucht."},
    {"search", kProblem, "Habe {count} Seiten durchgeblättert und dann aufgegeben."},
    {"search", kPraise, "Habe {product} in {tries} Sekunden gefunden."},
    {"notifications", kProblem, "Allein gestern waren es {count} Stück."},
    {"notifications", kProblem, "Die letzte kam {when}."},
    {"notifications", kPraise, "Ich wusste genau, wann das Paket ({product}) ankommt."},
    {"profile", kProblem, "Ich habe es {tries}-mal auf meinem {device} versucht."},
    {"profile", kPraise, "Adresse {when} in einer Minute geändert, auf dem {device}."},
    {"cart", kProblem, "Ich hatte {count} Artikel drin, unter anderem {product}."},
    {"cart", kProblem, "Im Warenkorb stand {amount}."},
    {"cart", kPraise, "Ich habe {count} Artikel gemerkt, zuletzt {product}."},
    {"shipping", kProblem, "Es geht um Bestellung {order}."},
    {"shipping", kProblem, "Ich habe {product} vor {days} Tagen bestellt."},
    {"shipping", kProblem, "Das letzte Update war {when}."},
    {"shipping", kPraise, "Meine Bestellung ({product}) war nach {days} Tagen da."},
    {"onboarding", kProblem, "Ich habe es {tries}-mal auf dem {device} probiert."},
    {"onboarding", kPraise, "Habe die App {when} installiert und gleich {product} bestellt."},
};

constexpr std::string_view kProblemContexts[] = {
    "Habe es {when} auf meinem {device} probiert.",
    "Ich nutze ein {device}, Version {version}.",
    "Wollte {when} {product} bestellen.",
    "Ich bin seit {months} Monaten Kunde.",
    "Keine Ahnung, ob das schon bekannt ist.",
    "Ich schreibe vom {device} aus.",
    "Zum ersten Mal aufgefallen ist es mir {when}.",
};
constexpr std::string_view kConsequences[] = {
    "Habe dafür {minutes} Minuten verschwendet.",
    "Nach {tries} Versuchen habe ich aufgegeben.",
    "Habe {product} dann woanders gekauft.",
    "Ich nutze jetzt erst mal die Website.",
    "Neustart des Handys hat nichts gebracht.",
    "Im WLAN und mit mobilen Daten dasselbe.",
    "Cache geleert und neu installiert, hilft nichts.",
};
constexpr std::string_view kPraiseContexts[] = {
    "Ich nutze die App seit {months} Monaten.",
    "Habe {when} {product} bestellt.",
    "Kunde seit {year}.",
    "Gerade {product} bekommen.",
    "Schon die zweite Bestellung diese Woche.",
    "Auf meinem {device} mit Version {version}.",
};
constexpr std::string_view kShortPraise[] = {
    "Super App!",
    "Top",
    "Alles bestens.",
    "Sehr gut",
    "Klasse!",
    "Gefällt mir.",
    "Läuft super.",
    "Einfach toll",
    "Nichts zu meckern.",
    "Gerne wieder!",
    "Sehr zufrieden.",
    "Beste Shopping-App.",
};
constexpr std::string_view kProducts[] = {
    "Laufschuhe", "Kopfhörer",  "Handtücher",  "Hundefutter",  "Kinderschuhe", "Kaffeebohnen",
    "Socken",     "Bettwäsche", "Bücher",      "Wanderschuhe", "Ladekabel",    "Kerzen",
    "Gläser",     "Sneaker",    "Spielsachen", "Vitamine",
};
constexpr std::string_view kWhens[] = {
    "heute Morgen",
    "gestern Abend",
    "gestern",
    "vorhin",
    "um {clock} Uhr",
    "heute um {clock} Uhr",
    "gestern gegen {clock} Uhr",
    "am Sonntag",
    "am Wochenende",
    "in der Mittagspause",
    "am Montagmorgen",
    "letzte Nacht",
};

constexpr LanguageParts kParts = {kDetails,     kProblemContexts, kConsequences, kPraiseContexts,
                                  kShortPraise, kProducts,        kWhens};

}  // namespace

const LanguageParts& GermanParts() { return kParts; }

}  // namespace docket::workflows::sample
