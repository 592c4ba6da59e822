// French phrases of the PII evaluation set.
#include "tests/golden/redaction/eval_phrases.h"

namespace docket::golden::redaction {
namespace {

using enum workflows::redact::EntityType;

constexpr std::string_view kRegions[] = {"FR"};
constexpr std::string_view kComplaints[] = {
    "Depuis la mise à jour {VERSION}, l'appli plante dès que je paie.",
    "Le paiement échoue avec l'erreur {ERRCODE}, essayé {N} fois.",
    "J'ai été débité deux fois de {PRICE} !",
    "L'appli se fige sur le panier sur mon {DEVICE}.",
    "La recherche ne trouve plus rien depuis le {DATE}.",
    "Le code promo de {PERCENT} n'a jamais été appliqué.",
    "Mon colis est bloqué depuis une semaine, numéro de suivi {TRACKING}.",
    "Après la mise à jour ({BUILD}) la connexion me renvoie à l'accueil.",
    "La bouilloire ({SKU}) est arrivée cassée et le formulaire de retour ne charge pas.",
    "Les notifications arrivent à {TIME} en pleine nuit.",
};
constexpr std::string_view kPraise[] = {
    "Super appli, la nouvelle recherche est très rapide.",
    "Paiement en quelques secondes sur mon {DEVICE}.",
    "Plus aucun plantage depuis {VERSION}, merci !",
    "J'ai économisé {PRICE} avec l'offre du week-end.",
    "Remboursement reçu le {DATE}, parfait.",
};
constexpr std::string_view kNegatives[] = {
    "Version {VERSION} ({BUILD}) sous Windows {VERSION}.",
    "Le numéro de carte {BADCARD} est refusé comme invalide, normal.",
    "Je m'étais trompé d'IBAN ({BADIBAN}), le formulaire l'a vu.",
    "Réf. {PRODUCTCODE} affichée à {PRICE}, maintenant {PRICE}.",
    "Le support ({SUPPORTMAIL}) m'a renvoyé vers {PLAINURL}.",
    "Numéro de suivi {TRACKING}, commande passée le {DATE} à {TIME}.",
    "La batterie perd {PERCENT} par heure, erreur {ERRCODE}.",
};
constexpr PiiSentence kPii[] = {
    {kEmail, "Vous pouvez me joindre à {EMAIL}."},
    {kEmail, "Merci d'envoyer la facture à {EMAIL}."},
    {kPhone, "Rappelez-moi au {PHONE} s'il vous plaît."},
    {kPhone, "Mon numéro de téléphone : {PHONE}."},
    {kPaymentCard, "J'ai payé avec la carte {CARD} et l'argent a été prélevé."},
    {kPaymentCard, "Carte bancaire {CARD} débitée deux fois."},
    {kIban, "Merci de rembourser sur mon IBAN {IBAN}."},
    {kIban, "Coordonnées bancaires pour le remboursement : {IBAN}"},
    {kBankAccount, "Mon numéro de compte est {ACCOUNT}."},
    {kIpAddress, "Votre anti-fraude m'a bloqué, mon IP est {IP}."},
    {kIpAddress, "Connexion depuis {IP} dans l'historique, ce n'était pas moi."},
    {kUrlSecret, "Le lien {URLSECRET} est soi-disant expiré."},
    {kApiKey, "Notre intégration utilise la clé {APIKEY} et reçoit des 401."},
    {kApiKey, "Clé API : {APIKEY}"},
    {kStreetAddress, "Merci de livrer au {ADDRESS}."},
    {kStreetAddress, "Mon adresse : {ADDRESS}."},
    {kPostcode, "Pas de livraison pour le code postal {POSTCODE} ?"},
    {kDateOfBirth, "Le formulaire refuse ma date de naissance, le {DOB}."},
    {kDateOfBirth, "Je suis né le {DOB}, donc majeur."},
    {kOrderId, "La commande {ORDER} n'est jamais arrivée."},
    {kTicketId, "C'est au sujet du ticket {TICKET}, toujours sans réponse."},
    {kCustomerId, "Mon numéro client est {CUSTOMER}."},
    {kPersonName, "Je m'appelle {NAME} et je suis client depuis des années."},
    {kPersonName, "Le compte est au nom de {NAME}."},
};
constexpr std::string_view kSubjects[] = {
    "Objet : Paiement refusé",
    "Objet : Double prélèvement",
    "Objet : RE: [{TICKET}] remboursement",
    "Objet : L'appli plante",
    "Objet : Mauvais article livré",
};
constexpr std::string_view kGreetings[] = {"Bonjour,", "Bonjour {AGENT},", "Madame, Monsieur,",
                                           "Salut,"};
constexpr std::string_view kSignoffs[] = {"Cordialement,\n{NAME}", "Bien à vous,\n{NAME}",
                                          "Merci d'avance,\n{FIRST}", "Bonne journée",
                                          "Envoyé de mon {DEVICE}"};
constexpr std::string_view kQuoteHeaders[] = {"Le {DATE} à {TIME}, {NAME} <{EMAIL}> a écrit :",
                                              "De : {NAME} <{EMAIL}>\nEnvoyé : {DATE} {TIME}",
                                              "-----Message d'origine-----\nDe : {EMAIL}"};
constexpr std::string_view kFollowups[] = {"Des nouvelles ? J'attends toujours.",
                                           "Je relance, voir mon message ci-dessous.",
                                           "Merci de me répondre au sujet de {ORDER}."};
constexpr NamePart kFirst[] = {
    {"Marie", "marie"},   {"Élodie", "elodie"}, {"François", "francois"}, {"Camille", "camille"},
    {"Jérôme", "jerome"}, {"Chloé", "chloe"},   {"Nicolas", "nicolas"},   {"Inès", "ines"},
    {"Thomas", "thomas"}, {"Hélène", "helene"}, {"Karim", "karim"},       {"Léa", "lea"}};
constexpr NamePart kLast[] = {
    {"Dubois", "dubois"},   {"Martin", "martin"},      {"Lefèvre", "lefevre"},
    {"Bernard", "bernard"}, {"Moreau", "moreau"},      {"Girard", "girard"},
    {"Benali", "benali"},   {"Rousseau", "rousseau"},  {"Faure", "faure"},
    {"Mercier", "mercier"}, {"Chevalier", "chevalier"}};

constexpr LanguagePack kPack = {.lang = "fr",
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

const LanguagePack& FrenchPack() { return kPack; }

}  // namespace docket::golden::redaction
