// French parts the sample texts are composed from (see phrase_parts_en.cc).
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr DetailSentence kDetails[] = {
    {"", kProblem, "C'est encore arrivé {when}."},
    {"", kProblem, "J'utilise un {device} avec la version {version}."},
    {"", kMixed, "Utilisée {when} sur mon {device}."},
    {"", kPraise, "Commandé {product} {when}, aucun souci."},
    {"checkout", kProblem, "Le total était de {amount}."},
    {"checkout", kProblem, "Je voulais acheter {product} pour {amount}."},
    {"checkout", kProblem, "Ça bloque à la dernière étape, juste après la confirmation."},
    {"checkout", kProblem, "J'ai essayé {tries} fois de suite."},
    {"checkout", kMixed, "Ma dernière commande de {amount} est passée au final."},
    {"checkout", kPraise, "Payé {amount} pour {product} en quelques secondes."},
    {"login", kProblem, "J'ai essayé {tries} fois {when}."},
    {"login", kProblem, "Je suis bloqué depuis {days} jours."},
    {"login", kPraise, "Ça marche parfaitement sur mon {device}, encore {when}."},
    {"search", kProblem, "Je cherchais {product}."},
    {"search", kProblem, "J'ai parcouru {count} pages avant d'abandonner."},
    {"search", kPraise, "Trouvé {product} en {tries} secondes."},
    {"notifications", kProblem, "Rien qu'hier, j'en ai reçu {count}."},
    {"notifications", kProblem, "La dernière est arrivée {when}."},
    {"notifications", kPraise, "Je savais exactement quand ma commande ({product}) arrivait."},
    {"profile", kProblem, "J'ai essayé {tries} fois sur mon {device}."},
    {"profile", kPraise, "Adresse changée {when} en une minute sur mon {device}."},
    {"cart", kProblem, "J'avais {count} articles, dont {product}."},
    {"cart", kProblem, "Le panier affichait {amount}."},
    {"cart", kPraise, "J'ai {count} articles de côté, dont {product}."},
    {"shipping", kProblem, "Il s'agit de la commande {order}."},
    {"shipping", kProblem, "J'ai commandé {product} il y a {days} jours."},
    {"shipping", kProblem, "Dernière mise à jour : {when}."},
    {"shipping", kPraise, "Commandé {product}, reçu en {days} jours."},
    {"onboarding", kProblem, "J'ai essayé {tries} fois sur le {device}."},
    {"onboarding", kPraise, "Installée {when}, et j'ai tout de suite commandé {product}."},
};

constexpr std::string_view kProblemContexts[] = {
    "J'ai essayé {when} sur mon {device}.",
    "J'ai un {device} avec la version {version}.",
    "J'ai ouvert l'appli {when} pour acheter {product}.",
    "Je suis client depuis {months} mois.",
    "Je ne sais pas si c'est déjà connu.",
    "Je l'ai remarqué {when}.",
};
constexpr std::string_view kConsequences[] = {
    "J'ai perdu {minutes} minutes avec ça.",        "J'ai abandonné après {tries} essais.",
    "J'ai fini par acheter {product} ailleurs.",    "En attendant, je passe par le site web.",
    "Redémarrer le téléphone n'a rien changé.",     "Pareil en wifi et en 4G.",
    "Cache vidé, appli réinstallée, rien à faire.",
};
constexpr std::string_view kPraiseContexts[] = {
    "J'utilise l'appli depuis {months} mois.",
    "J'ai commandé {product} {when}.",
    "Client depuis {year}.",
    "Je viens de recevoir {product}.",
    "Deuxième commande cette semaine.",
    "Sur mon {device}, version {version}.",
};
constexpr std::string_view kShortPraise[] = {
    "J'adore !",           "Très bonne appli.",   "Parfait",         "Rien à redire.", "Top !",
    "Super appli",         "Simple et efficace.", "Je recommande !", "Très pratique.", "Impeccable",
    "Aucun souci, merci.",
};
constexpr std::string_view kProducts[] = {
    "des chaussures de course",
    "une coque de téléphone",
    "un moulin à café",
    "des écouteurs",
    "une veste de pluie",
    "deux t-shirts",
    "une lampe de bureau",
    "des livres",
    "des croquettes pour le chien",
    "un sac à dos",
    "des serviettes",
    "un chargeur",
    "un manteau",
    "une bouilloire",
    "une gourde",
    "des draps",
};
constexpr std::string_view kWhens[] = {
    "ce matin",
    "hier soir",
    "hier",
    "tout à l'heure",
    "à {clock}",
    "aujourd'hui à {clock}",
    "hier vers {clock}",
    "dimanche",
    "ce week-end",
    "à la pause déjeuner",
    "lundi matin",
    "cette nuit",
};

constexpr LanguageParts kParts = {kDetails,     kProblemContexts, kConsequences, kPraiseContexts,
                                  kShortPraise, kProducts,        kWhens};

}  // namespace

const LanguageParts& FrenchParts() { return kParts; }

}  // namespace docket::workflows::sample
