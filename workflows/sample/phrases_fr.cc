// French wordings and decorations of the sample dataset (France and Canada).
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr Phrase kPhrases[] = {
    // checkout
    {"checkout", "payment_failed", kProblem, "Paiement échoué",
     "Le paiement échoue à chaque fois au moment de valider la commande."},
    {"checkout", "payment_failed", kProblem, "Impossible de payer",
     "J'ai toujours le message « Le paiement n'a pas pu être traité »."},
    {"checkout", "card_declined", kProblem, "Carte refusée",
     "Ma carte a été refusée deux fois alors qu'elle fonctionne partout ailleurs."},
    {"checkout", "crash_on_pay", kProblem, "Plantage au paiement",
     "L'application plante dès que j'appuie sur \"Payer\"."},
    {"checkout", "double_charge", kProblem, "Débité deux fois",
     "J'ai été débité deux fois pour la même commande ({amount}), commande {order}."},
    {"checkout", "checkout_timeout", kProblem, "Délai dépassé",
     "La page de paiement charge sans fin puis affiche « Délai d'attente dépassé »."},
    {"checkout", "shipping_cost_late", kMixed, "Correct",
     "Le paiement fonctionne, mais les frais de livraison n'apparaissent qu'à la fin."},
    {"checkout", "fast_checkout", kPraise, "Paiement rapide",
     "Le nouveau paiement est très rapide, bravo !"},
    {"checkout", "wallet_pay", kPraise, "Parfait", "Payer avec Apple Pay est un vrai plaisir."},
    {"checkout", "payment_failed", kProblem, "Erreur de paiement",
     "À chaque paiement, j'ai une erreur."},
    {"checkout", "double_charge", kProblem, "Prélevé deux fois",
     "On m'a prélevé deux fois pour une seule commande."},
    {"checkout", "wallet_pay", kPraise, "Paiement facile",
     "Payer avec le téléphone, c'est simple et rapide."},
    // login
    {"login", "wrong_password", kProblem, "Connexion impossible",
     "Impossible de me connecter, le mot de passe serait incorrect alors qu'il est bon."},
    {"login", "otp_missing", kProblem, "Code SMS jamais reçu",
     "Le code de vérification par SMS n'arrive jamais."},
    {"login", "logged_out", kProblem, "Déconnecté sans arrêt",
     "L'appli me déconnecte tous les jours."},
    {"login", "code_every_time", kMixed, "Connexion",
     "La connexion marche, mais il faut saisir un code à chaque fois."},
    {"login", "easy_login", kPraise, "Face ID rapide",
     "La connexion avec Face ID est rapide et pratique."},
    {"login", "easy_login", kPraise, "Connexion facile",
     "La connexion est instantanée maintenant."},
    // search
    {"search", "no_results", kProblem, "Recherche vide",
     "La recherche ne trouve rien, même avec le nom exact du produit."},
    {"search", "irrelevant_results", kProblem, "Résultats hors sujet",
     "Les résultats de recherche n'ont aucun rapport avec ce que je cherche."},
    {"search", "filters_reset", kProblem, "Filtres perdus",
     "Les filtres se réinitialisent dès que je reviens à la liste."},
    {"search", "typos", kMixed, "Mieux",
     "La recherche est meilleure, mais la moindre faute de frappe ne donne aucun résultat."},
    {"search", "new_search", kPraise, "Super recherche",
     "J'adore la nouvelle recherche, je trouve tout tout de suite."},
    {"search", "new_search", kPraise, "Recherche efficace",
     "La recherche comprend enfin ce que je veux."},
    // notifications
    {"notifications", "too_many", kProblem, "Trop de notifications",
     "Beaucoup trop de notifications publicitaires, plusieurs par jour."},
    {"notifications", "cant_disable", kProblem, "Impossible de désactiver",
     "J'ai désactivé les notifications marketing mais je les reçois toujours."},
    {"notifications", "promo_noise", kMixed, "Utile mais trop",
     "Les notifications de livraison sont utiles, la publicité beaucoup moins."},
    {"notifications", "shipping_updates", kPraise, "Notifications utiles",
     "Les notifications d'expédition sont très utiles."},
    {"notifications", "shipping_updates", kPraise, "Bien informé",
     "Je suis toujours prévenu quand mon colis part."},
    // profile
    {"profile", "save_fails", kProblem, "Profil non enregistré",
     "Les modifications du profil ne sont pas enregistrées."},
    {"profile", "language_reset", kProblem, "Langue réinitialisée",
     "La langue de l'appli repasse toujours en anglais."},
    {"profile", "date_format", kMixed, "Profil correct",
     "Le profil est bien, mais la date de naissance n'accepte que le format américain."},
    {"profile", "addresses", kPraise, "Adresses faciles",
     "Gérer mes adresses est beaucoup plus simple maintenant."},
    {"profile", "addresses", kPraise, "Profil clair",
     "Le profil est clair et changer d'adresse est rapide."},
    // cart
    {"cart", "items_disappear", kProblem, "Panier vidé",
     "Les articles disparaissent de mon panier au bout de quelques heures."},
    {"cart", "quantity", kProblem, "Quantité bloquée",
     "Impossible de modifier la quantité dans le panier."},
    {"cart", "slow_cart", kMixed, "Panier lent",
     "Le panier fonctionne, mais il met du temps à se mettre à jour."},
    {"cart", "save_for_later", kPraise, "Panier pratique",
     "La fonction « Mettre de côté » dans le panier est très pratique."},
    {"cart", "save_for_later", kPraise, "Pratique",
     "Pouvoir garder des articles pour plus tard, c'est top."},
    // shipping
    {"shipping", "tracking_stuck", kProblem, "Suivi bloqué",
     "Le suivi de ma commande n'a pas bougé depuis cinq jours."},
    {"shipping", "late_estimate", kProblem, "Date de livraison fausse",
     "La date de livraison estimée était fausse d'une semaine."},
    {"shipping", "moving_estimate", kMixed, "Livraison correcte",
     "Colis bien reçu, mais la date prévue a changé trois fois."},
    {"shipping", "fast_delivery", kPraise, "Livraison rapide",
     "Livraison rapide et suivi précis, très satisfait."},
    {"shipping", "fast_delivery", kPraise, "Colis en avance",
     "Le colis est arrivé un jour plus tôt que prévu."},
    // onboarding
    {"onboarding", "signup_fails", kProblem, "Inscription impossible",
     "L'inscription échoue à la dernière étape avec « Une erreur est survenue »."},
    {"onboarding", "permission_prompts", kProblem, "Trop d'autorisations",
     "L'appli demande la localisation et les contacts avant même d'afficher un produit."},
    {"onboarding", "birthday_field", kMixed, "Inscription",
     "Inscription facile, mais pourquoi ma date de naissance ?"},
    {"onboarding", "quick_signup", kPraise, "Inscription rapide",
     "Inscription en moins d'une minute, c'est très clair."},
    {"onboarding", "quick_signup", kPraise, "Démarrage simple",
     "Créer le compte a été rapide et simple."},
};

constexpr std::string_view kGreetings[] = {"Bonjour,", "Bonjour à l'équipe Acme,"};
constexpr std::string_view kSignoffs[] = {"Merci", "Cordialement", "Bonne journée"};
constexpr std::string_view kProblemOpeners[] = {
    "Depuis la dernière mise à jour, ça ne marche plus.", "J'ai déjà réinstallé l'appli."};
constexpr std::string_view kProblemClosers[] = {"Merci de corriger ça.", "Très agaçant.",
                                                "Je suis déçu."};
constexpr std::string_view kMixedClosers[] = {"Sinon, rien à redire."};
constexpr std::string_view kPraiseClosers[] = {"Continuez comme ça !", "Merci !"};
constexpr std::string_view kPii[] = {
    "Je m'appelle {name}, mon e-mail est {email}.",
    "Vous pouvez me joindre au {phone}.",
    "Mon adresse : {address}.",
};
constexpr std::string_view kNames[] = {"Camille Dubois", "Élodie Lefèvre", "Hélène Girard"};
constexpr std::string_view kEmails[] = {"camille.dubois@example.com", "elodie.l@example.org",
                                        "h.girard@example.com"};
constexpr std::string_view kPhones[] = {"+33 1 99 00 {NN} 12", "+1 514 555-01{NN}"};
constexpr std::string_view kAddresses[] = {"12 rue de l'Exemple, 75011 Paris",
                                           "8 avenue des Tests, 69003 Lyon"};

constexpr LanguageDecor kDecor = {
    kGreetings, kSignoffs, kProblemOpeners, kProblemClosers, kMixedClosers, kPraiseClosers,
    kPii,       kNames,    kEmails,         kPhones,         kAddresses};

}  // namespace

std::span<const Phrase> FrenchPhrases() { return kPhrases; }
const LanguageDecor& FrenchDecor() { return kDecor; }

}  // namespace docket::workflows::sample
