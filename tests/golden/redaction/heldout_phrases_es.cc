// Spanish phrases of the held-out PII evaluation set: chat and form Spanish, tú and
// usted mixed, often without a trigger phrase in front of the value.
#include "tests/golden/redaction/heldout_phrases.h"

namespace docket::golden::redaction {
namespace {

using enum workflows::redact::EntityType;

constexpr std::string_view kRegions[] = {"ES"};
constexpr std::string_view kAgentOpeners[] = {
    "Hola, soy {AGENT} de atención al cliente de Acme, ¿en qué te ayudo?",
    "¡Gracias por esperar! Te atiende {AGENT} 👋",
    "Buenas tardes, está hablando con {AGENT}. ¿Cuál es el problema?",
};
constexpr std::string_view kAgentQuestions[] = {
    "¿Me puedes dar el número de pedido?",
    "¿Qué correo electrónico tiene la cuenta?",
    "¿Qué dispositivo y versión de la app usas?",
    "Por seguridad necesito comprobar algunos datos.",
    "¿Ves algún código de error?",
};
constexpr std::string_view kAgentClosers[] = {
    "¿Algo más en lo que pueda ayudarte?",
    "Lo he escalado, te contestamos en {N} días laborables.",
    "¡Gracias {FIRST}, buena tarde!",
};
constexpr std::string_view kIssues[] = {
    "después de confirmar con el banco sale {ERRCODE}",
    "tengo la {VERSION} en un {DEVICE}, ya la reinstalé dos veces",
    "el total pasó de {PRICE} a {PRICE} en el último paso",
    "el repartidor dice entregado a las {TIME} pero aquí no hay nada",
    "el envío {TRACKING} no se mueve desde el {DATE}",
    "el descuento del {PERCENT} desaparece al añadir {SKU}",
    "la página de error da la referencia {UUID}",
    "id de petición: {REQID}",
    "cliente desde el {PASTDATE} y nunca tuve tantos problemas",
    "el artículo {PRODUCTCODE} sale disponible pero no deja comprarlo",
};
constexpr TypedLine kPiiLines[] = {
    {kEmail, "el correo de la cuenta es {EMAIL}"},
    {kEmail, "mandad la etiqueta de devolución a {EMAIL} porfa"},
    {kPhone, "me podéis llamar al {PHONE}"},
    {kPhone, "mi móvil {PHONE}, a partir de las 6"},
    {kPaymentCard, "me cobraron dos veces en la tarjeta {CARD}"},
    {kIban, "devolución a {IBAN} gracias"},
    {kIban, "mi cuenta IBAN: {IBAN}, a mi nombre"},
    {kBankAccount, "el reembolso fue a la cuenta {ACCOUNT} que ya cerré"},
    {kIpAddress, "el correo de seguridad habla de un acceso desde {IP}"},
    {kUrlSecret, "el enlace {URLSECRET} da error 403"},
    {kApiKey, "nuestro plugin usa la clave {APIKEY} y da 401"},
    {kStreetAddress, "enviadlo mejor a {ADDRESS}"},
    {kStreetAddress, "dirección nueva: {ADDRESS}"},
    {kPostcode, "¿no hay envío urgente a {POSTCODE}?"},
    {kDateOfBirth, "fecha de nacimiento {DOB} por si hace falta"},
    {kDateOfBirth, "la verificación de edad me bloquea y cumplo años el {DOB}, soy mayor de edad"},
    {kOrderId, "es sobre {ORDER}"},
    {kOrderId, "pedido {ORDER}, nunca llegó"},
    {kTicketId, "ya abrí {TICKET} por esto"},
    {kCustomerId, "nº de cliente {CUSTOMER}"},
    {kPersonName, "soy {NAME}"},
    {kPersonName, "{NAME}, titular de la cuenta"},
    {kPersonName, "el pedido está a nombre de mi pareja, {OTHER}"},
    {kPersonName, "SOY {NAME_UC} Y QUIERO MI DINERO"},
    {kPersonName, "en el buzón pone {LAST}"},
};
constexpr std::string_view kThanks[] = {"vale gracias", "genial, ¡muchas gracias!", "bueno.",
                                        "gracias 🙏"};
constexpr std::string_view kReviewTitles[] = {
    "Antes iba bien 😤",       "Pago roto desde la {VERSION}", "Envío genial, app fatal",
    "¿Reembolso? Nada 🙄", "Está bastante bien 👍",
};
constexpr std::string_view kReviewLines[] = {
    "Desde la {VERSION} no abre 😡",
    "Pagué {PRICE} por envío urgente y tardó {N} días 🐢",
    "En mi {DEVICE} el botón de pagar no hace nada 🤷",
    "Error {ERRCODE} en cada pago con Bizum.",
    "Las ofertas son geniales 🔥 ahorré un {PERCENT}",
};
constexpr std::string_view kDeveloperReplies[] = {
    "Hola {FIRST}, ¡lo sentimos! Escríbenos a {SUPPORTMAIL} y lo miramos. – {AGENT}, Acme",
    "Gracias por tu opinión. La versión {VERSION} lo soluciona.",
};
constexpr std::string_view kSurveyIssues[] = {
    "la app se cierra al abrir mis pedidos",
    "otra vez tarde y nadie contesta en el chat",
    "los precios subieron un {PERCENT} en un mes",
    "el pago siempre da {ERRCODE}",
    "nada que añadir",
};
constexpr TypedLine kSurveyPii[] = {
    {kPersonName, "me llamo {NAME_LC} llamadme por favor"},
    {kEmail, "respuesta a {EMAIL} porfa"},
    {kPhone, "tlf {PHONE} por la tarde"},
    {kIban, "devolved el dinero a {IBAN}"},
    {kOrderId, "pedido {ORDER} sigue sin llegar"},
    {kStreetAddress, "vivo en {ADDRESS} y el repartidor nunca lo encuentra"},
    {kDateOfBirth, "nací el {DOB} y la app dice que soy menor"},
    {kCustomerId, "número de cliente {CUSTOMER}"},
};
constexpr std::string_view kForwardNotes[] = {
    "Para que conste, esto es lo que envié a tu compañera.",
    "Os reenvío la confirmación, ver abajo.",
};
constexpr std::string_view kBugTitles[] = {
    "El pago devuelve {ERRCODE} tras 3-D Secure",
    "La app se cierra al arrancar en {VERSION}",
    "Historial vacío tras iniciar sesión",
};
constexpr std::string_view kBugSteps[] = {
    "Abrir la app e iniciar sesión",
    "Añadir {SKU} al carrito",
    "Pagar con una tarjeta guardada",
    "Pulsar «Seguir envío» para {TRACKING}",
};
constexpr NamePart kFirst[] = {
    {"Alejandro", "alejandro"}, {"Paula", "paula"},   {"Diego", "diego"}, {"Marta", "marta"},
    {"Sergio", "sergio"},       {"Begoña", "begona"}, {"Raúl", "raul"},   {"Ainhoa", "ainhoa"},
    {"Gonzalo", "gonzalo"},     {"Rocío", "rocio"},   {"Iker", "iker"},   {"Noelia", "noelia"},
    {"Jesús", "jesus"},         {"Elena", "elena"}};
constexpr NamePart kLast[] = {
    {"Gómez", "gomez"},         {"Díaz", "diaz"},       {"Moreno", "moreno"},
    {"Jiménez", "jimenez"},     {"Romero", "romero"},   {"Alonso", "alonso"},
    {"Gutiérrez", "gutierrez"}, {"Navarro", "navarro"}, {"Torres", "torres"},
    {"Vázquez", "vazquez"},     {"Ramos", "ramos"},     {"Gil", "gil"},
    {"Serrano", "serrano"},     {"Blanco", "blanco"},   {"de la Fuente", "delafuente"}};

constexpr HeldoutPack kPack = {.lang = "es",
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
                               .forward_marker = "---------- Mensaje reenviado ---------",
                               .bug_titles = kBugTitles,
                               .bug_steps = kBugSteps,
                               .steps_heading = "### Pasos para reproducir",
                               .logs_heading = "### Logs",
                               .labels = {.name = "Nombre",
                                          .email = "Correo electrónico",
                                          .phone = "Teléfono",
                                          .street = "Dirección",
                                          .postcode = "Código postal",
                                          .city = "Ciudad",
                                          .birth_date = "Fecha de nacimiento",
                                          .order = "Nº de pedido",
                                          .customer = "Nº de cliente",
                                          .message = "Mensaje",
                                          .subject = "Asunto",
                                          .from = "De",
                                          .to = "Para",
                                          .date = "Fecha"},
                               .first_names = kFirst,
                               .last_names = kLast};

}  // namespace

const HeldoutPack& HeldoutSpanishPack() { return kPack; }

}  // namespace docket::golden::redaction
