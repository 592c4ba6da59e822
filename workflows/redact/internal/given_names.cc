// The given-name list; see given_names.h.
#include "workflows/redact/internal/given_names.h"

#include <algorithm>
#include <iterator>

namespace docket::workflows::redact::internal {
namespace {

// Lower-case, sorted by bytes (UTF-8 byte order is code point order).
constexpr std::string_view kGivenNames[] = {
    "aaron",     "abigail",    "adam",       "adrián",     "agnès",       "alain",      "alan",
    "alba",      "albert",     "alberto",    "alejandro",  "alexander",   "alexandre",  "alexis",
    "alice",     "alicia",     "alonso",     "amanda",     "amandine",    "amber",      "amy",
    "ana",       "anaïs",      "andrea",     "andreas",    "andrew",      "andrés",     "angela",
    "anja",      "ann",        "anna",       "annika",     "anthony",     "antje",      "antoine",
    "anton",     "antonio",    "aria",       "arthur",     "ashley",      "audrey",     "aurélie",
    "austin",    "ava",        "baptiste",   "barbara",    "beatriz",     "ben",        "benjamin",
    "benoît",    "bernard",    "bernd",      "betty",      "beverly",     "bill",       "billy",
    "birgit",    "björn",      "bob",        "bobby",      "brandon",     "brenda",     "brian",
    "brigitte",  "brittany",   "bruce",      "bryan",      "camille",     "carina",     "carl",
    "carla",     "carlos",     "carmen",     "carol",      "caroline",    "carolyn",    "catherine",
    "chantal",   "charles",    "charlotte",  "cheryl",     "chloe",       "chloé",      "chris",
    "christian", "christina",  "christine",  "christophe", "christopher", "claire",     "clara",
    "claudia",   "clément",    "concepción", "connor",     "cristina",    "cynthia",    "céline",
    "dan",       "daniel",     "daniela",    "danielle",   "dave",        "david",      "deborah",
    "debra",     "denise",     "dennis",     "diana",      "diane",       "diego",      "dieter",
    "dirk",      "dolores",    "dominik",    "donald",     "donna",       "doris",      "dorothy",
    "douglas",   "dylan",      "edward",     "elena",      "elias",       "elijah",     "elizabeth",
    "elke",      "ella",       "emil",       "emilia",     "emily",       "emma",       "enrique",
    "enzo",      "eric",       "esther",     "ethan",      "eugene",      "eva",        "evan",
    "evelyn",    "fabian",     "felix",      "fernando",   "finn",        "florian",    "frances",
    "francisco", "frank",      "franziska",  "françois",   "françoise",   "frieda",     "friedrich",
    "frédéric",  "gabriel",    "gabriele",   "gary",       "george",      "gerald",     "gisela",
    "gloria",    "gonzalo",    "grace",      "gregory",    "greta",       "guillaume",  "gérard",
    "günter",    "hannah",     "hans",       "harold",     "harper",      "heather",    "heike",
    "heinz",     "helen",      "helga",      "helmut",     "henrik",      "henry",      "holly",
    "horst",     "hugo",       "hélène",     "ian",        "ida",         "ignacio",    "ines",
    "ingrid",    "inmaculada", "inès",       "irene",      "isaac",       "isabel",     "isabella",
    "isabelle",  "iván",       "jack",       "jacob",      "jacqueline",  "jacques",    "jade",
    "jaime",     "james",      "jan",        "jana",       "jane",        "janet",      "janice",
    "jannik",    "jason",      "javier",     "jean",       "jeffrey",     "jennifer",   "jenny",
    "jens",      "jeremy",     "jerry",      "jesse",      "jessica",     "jesús",      "jim",
    "joan",      "joaquín",    "joe",        "johanna",    "johannes",    "john",       "jonas",
    "jonathan",  "jordan",     "jorge",      "jose",       "josefa",      "joseph",     "joshua",
    "josé",      "joyce",      "juan",       "judith",     "judy",        "jules",      "julia",
    "julian",    "julie",      "julien",     "juliette",   "justin",      "jutta",      "jérôme",
    "jörg",      "jürgen",     "kai",        "karen",      "karin",       "karl",       "kate",
    "katharina", "katherine",  "kathleen",   "kathryn",    "katrin",      "kayla",      "keith",
    "kelly",     "kenneth",    "kerstin",    "kevin",      "kimberly",    "klaus",      "kyle",
    "lara",      "larry",      "lars",       "laura",      "laure",       "lauren",     "laurent",
    "lawrence",  "lea",        "lena",       "lennard",    "leo",         "leon",       "leonie",
    "liam",      "lily",       "lina",       "linda",      "lisa",        "logan",      "lorena",
    "lori",      "louis",      "louise",     "lucas",      "lucie",       "lucy",       "lucía",
    "luis",      "luisa",      "lukas",      "luke",       "léa",         "léo",        "madison",
    "maike",     "manfred",    "manon",      "manuel",     "manuela",     "marcel",     "marcos",
    "margaret",  "margaux",    "maria",      "marie",      "marilyn",     "mario",      "marion",
    "mark",      "markus",     "marta",      "martha",     "martin",      "martina",    "martine",
    "martín",    "mary",       "maría",      "mason",      "mateo",       "mathieu",    "mathilde",
    "matt",      "matthew",    "matthias",   "max",        "maxime",      "maximilian", "megan",
    "melanie",   "melissa",    "mercedes",   "mia",        "michael",     "michel",     "michelle",
    "miguel",    "mike",       "mila",       "monika",     "monique",     "montserrat", "moritz",
    "mélanie",   "nancy",      "natalia",    "natalie",    "nathalie",    "nathan",     "nathaniel",
    "nele",      "nicholas",   "nick",       "nicolas",    "nicole",      "niklas",     "noah",
    "noelia",    "nuria",      "océane",     "oliver",     "olivia",      "olivier",    "oskar",
    "owen",      "pablo",      "pamela",     "pascal",     "patricia",    "patrick",    "paul",
    "paula",     "pauline",    "pedro",      "peter",      "petra",       "philip",     "philipp",
    "philippe",  "pierre",     "pilar",      "quentin",    "rachel",      "rafael",     "ralf",
    "ralph",     "ramón",      "randy",      "raphaël",    "raquel",      "raymond",    "raúl",
    "rebecca",   "renate",     "rené",       "richard",    "robert",      "rocío",      "roger",
    "romain",    "ronald",     "rosa",       "roy",        "rubén",       "russell",    "ruth",
    "ryan",      "sabine",     "sam",        "samantha",   "samuel",      "sandra",     "sandrine",
    "santiago",  "sara",       "sarah",      "scott",      "sean",        "sebastian",  "sergio",
    "sharon",    "shirley",    "silke",      "silvia",     "simon",       "sofía",      "sophia",
    "sophie",    "stefan",     "stefanie",   "stephanie",  "stephen",     "steve",      "steven",
    "stéphane",  "stéphanie",  "susan",      "susanne",    "sven",        "svenja",     "sylvie",
    "sébastien", "tanja",      "teresa",     "terry",      "theresa",     "thierry",    "thomas",
    "théo",      "tim",        "timothy",    "tobias",     "tom",         "torsten",    "tyler",
    "ulrike",    "ursula",     "uwe",        "valeria",    "valérie",     "vanessa",    "vicente",
    "victoria",  "vincent",    "virginie",   "véronique",  "víctor",      "walter",     "wayne",
    "werner",    "william",    "willie",     "wolfgang",   "yves",        "zachary",    "zoe",
    "álvaro",    "ángel",      "élodie",     "émilie",     "éric",        "óscar",
};

}  // namespace

std::span<const std::string_view> GivenNames() { return kGivenNames; }

bool IsGivenName(std::string_view token) {
  constexpr size_t kLongest = 24;
  if (token.size() < 2 || token.size() > kLongest) return false;
  char buffer[kLongest];
  for (size_t i = 0; i < token.size(); ++i) {
    const auto c = static_cast<unsigned char>(token[i]);
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : token[i];
    // Latin-1 capitals in UTF-8 ("É" is C3 89, "é" is C3 A9), except "×" (C3 97).
    if (c == 0xC3 && i + 1 < token.size()) {
      const auto next = static_cast<unsigned char>(token[i + 1]);
      buffer[i + 1] = (next >= 0x80 && next <= 0x9E && next != 0x97)
                          ? static_cast<char>(next + 0x20)
                          : token[i + 1];
      ++i;
    }
  }
  return std::binary_search(std::begin(kGivenNames), std::end(kGivenNames),
                            std::string_view(buffer, token.size()));
}

}  // namespace docket::workflows::redact::internal
