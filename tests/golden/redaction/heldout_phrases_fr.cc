// French phrases of the held-out PII evaluation set: chat and form French, tu and vous
// mixed, often without a trigger phrase in front of the value.
#include "tests/golden/redaction/heldout_phrases.h"

namespace docket::golden::redaction {
namespace {

using enum workflows::redact::EntityType;

constexpr std::string_view kRegions[] = {"FR"};
constexpr std::string_view kAgentOpeners[] = {
    "Bonjour, {AGENT} du service client Acme, que puis-je faire pour vous ?",
    "Merci de votre patience ! C'est {AGENT} 👋",
    "Bonsoir, vous discutez avec {AGENT}. Quel est le souci ?",
};
constexpr std::string_view kAgentQuestions[] = {
    "Pouvez-vous me donner le numéro de commande ?",
    "Quelle adresse e-mail est liée au compte ?",
    "Sur quel appareil et quelle version de l'appli ?",
    "Par sécurité, j'ai besoin de vérifier quelques informations.",
    "Voyez-vous un code d'erreur ?",
};
constexpr std::string_view kAgentClosers[] = {
    "Puis-je vous aider pour autre chose ?",
    "J'ai transmis le dossier, réponse sous {N} jours ouvrés.",
    "Merci {FIRST}, bonne soirée !",
};
constexpr std::string_view kIssues[] = {
    "après la validation 3-D Secure j'ai juste {ERRCODE}",
    "je suis en {VERSION} sur un {DEVICE}, déjà réinstallé deux fois",
    "le total est passé de {PRICE} à {PRICE} à la dernière étape",
    "le livreur dit livré à {TIME} mais rien devant ma porte",
    "le colis {TRACKING} ne bouge plus depuis le {DATE}",
    "le code de {PERCENT} saute dès que j'ajoute {SKU} au panier",
    "la page d'erreur affiche la référence {UUID}",
    "identifiant de requête : {REQID}",
    "cliente depuis le {PASTDATE}, jamais eu autant de problèmes",
    "l'article {PRODUCTCODE} est en stock mais impossible à commander",
};
constexpr TypedLine kPiiLines[] = {
    {kEmail, "l'adresse du compte c'est {EMAIL}"},
    {kEmail, "merci d'envoyer l'étiquette retour à {EMAIL}"},
    {kPhone, "joignable au {PHONE}"},
    {kPhone, "rappelez-moi sur {PHONE} après 18h svp"},
    {kPaymentCard, "débité deux fois sur ma carte {CARD}"},
    {kIban, "remboursement sur {IBAN} merci"},
    {kIban, "mon RIB : {IBAN}, titulaire moi-même"},
    {kBankAccount, "le virement est parti sur le compte {ACCOUNT} que j'ai fermé"},
    {kIpAddress, "le mail de sécurité parle d'une connexion depuis {IP}"},
    {kUrlSecret, "le lien {URLSECRET} renvoie une erreur 403"},
    {kApiKey, "notre module boutique utilise {APIKEY} et reçoit des 401"},
    {kStreetAddress, "livrez plutôt au {ADDRESS} svp"},
    {kStreetAddress, "nouvelle adresse : {ADDRESS}"},
    {kPostcode, "pas de livraison express pour {POSTCODE} ?"},
    {kDateOfBirth, "date de naissance {DOB} si besoin pour la vérification"},
    {kDateOfBirth, "le contrôle d'âge me bloque alors que je suis née le {DOB}"},
    {kOrderId, "c'est pour {ORDER}"},
    {kOrderId, "commande {ORDER}, jamais reçue"},
    {kTicketId, "j'ai déjà ouvert {TICKET} à ce sujet"},
    {kCustomerId, "n° client {CUSTOMER}"},
    {kPersonName, "ici {NAME}"},
    {kPersonName, "{NAME}, titulaire du compte"},
    {kPersonName, "la commande est au nom de mon conjoint, {OTHER}"},
    {kPersonName, "JE SUIS {NAME_UC} ET JE VEUX ÊTRE REMBOURSÉE"},
    {kPersonName, "sur l'interphone c'est marqué {LAST}"},
};
constexpr std::string_view kThanks[] = {"ok merci", "super, merci beaucoup !", "bon.", "merci 🙏"};
constexpr std::string_view kReviewTitles[] = {
    "C'était bien avant 😤",       "Paiement cassé depuis la {VERSION}",
    "Livraison top, appli nulle", "Remboursement introuvable 🙄",
    "Plutôt pas mal 👍",
};
constexpr std::string_view kReviewLines[] = {
    "Depuis la {VERSION} l'appli ne s'ouvre plus 😡",
    "Payé {PRICE} pour l'express et attendu {N} jours 🐢",
    "Sur mon {DEVICE} le bouton payer ne réagit pas 🤷",
    "Erreur {ERRCODE} à chaque paiement.",
    "Les promos sont top 🔥 {PERCENT} d'économie",
};
constexpr std::string_view kDeveloperReplies[] = {
    "Bonjour {FIRST}, désolés ! Écrivez-nous à {SUPPORTMAIL}, on s'en occupe. – {AGENT}, Acme",
    "Merci pour votre retour. La version {VERSION} corrige le problème.",
};
constexpr std::string_view kSurveyIssues[] = {
    "l'appli plante quand j'ouvre mes commandes",
    "encore en retard et personne ne répond au chat",
    "les prix ont pris {PERCENT} en un mois",
    "le paiement affiche toujours {ERRCODE}",
    "rien à signaler",
};
constexpr TypedLine kSurveyPii[] = {
    {kPersonName, "je m appelle {NAME_LC} rappelez moi"},
    {kEmail, "réponse à {EMAIL} svp"},
    {kPhone, "tel {PHONE} après 18h"},
    {kIban, "rembourser sur {IBAN}"},
    {kOrderId, "commande {ORDER} toujours pas là"},
    {kStreetAddress, "j habite au {ADDRESS} le livreur trouve jamais"},
    {kDateOfBirth, "née le {DOB} et l appli dit que je suis mineure"},
    {kCustomerId, "numéro client {CUSTOMER}"},
};
constexpr std::string_view kForwardNotes[] = {
    "Pour info, voici ce que j'avais envoyé à votre collègue.",
    "Je vous transfère la confirmation ci-dessous.",
};
constexpr std::string_view kBugTitles[] = {
    "Le paiement renvoie {ERRCODE} après 3-D Secure",
    "Plantage au lancement en {VERSION}",
    "Historique vide après connexion",
};
constexpr std::string_view kBugSteps[] = {
    "Ouvrir l'appli et se connecter",
    "Ajouter {SKU} au panier",
    "Payer avec une carte enregistrée",
    "Appuyer sur « Suivre le colis » pour {TRACKING}",
};
constexpr NamePart kFirst[] = {
    {"Mathilde", "mathilde"}, {"Baptiste", "baptiste"}, {"Océane", "oceane"},
    {"Théo", "theo"},         {"Margaux", "margaux"},   {"Cédric", "cedric"},
    {"Anaïs", "anais"},       {"Loïc", "loic"},         {"Manon", "manon"},
    {"Rémi", "remi"},         {"Yasmine", "yasmine"},   {"Gaëlle", "gaelle"},
    {"Hugo", "hugo"}};
constexpr NamePart kLast[] = {
    {"Lambert", "lambert"}, {"Fontaine", "fontaine"}, {"Roux", "roux"},     {"Vincent", "vincent"},
    {"Blanc", "blanc"},     {"Garnier", "garnier"},   {"Perrin", "perrin"}, {"Lemaire", "lemaire"},
    {"Bonnet", "bonnet"},   {"Gauthier", "gauthier"}, {"Caron", "caron"},   {"Haddad", "haddad"},
    {"Le Gall", "legall"}};

constexpr HeldoutPack kPack = {.lang = "fr",
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
                               .forward_marker = "---------- Message transféré ---------",
                               .bug_titles = kBugTitles,
                               .bug_steps = kBugSteps,
                               .steps_heading = "### Étapes pour reproduire",
                               .logs_heading = "### Journaux",
                               .labels = {.name = "Nom",
                                          .email = "E-mail",
                                          .phone = "Téléphone",
                                          .street = "Adresse",
                                          .postcode = "Code postal",
                                          .city = "Ville",
                                          .birth_date = "Date de naissance",
                                          .order = "N° de commande",
                                          .customer = "N° client",
                                          .message = "Message",
                                          .subject = "Objet",
                                          .from = "De",
                                          .to = "À",
                                          .date = "Date"},
                               .first_names = kFirst,
                               .last_names = kLast};

}  // namespace

const HeldoutPack& HeldoutFrenchPack() { return kPack; }

}  // namespace docket::golden::redaction
