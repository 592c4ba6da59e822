// Spanish phrases of the PII evaluation set.
#include "tests/golden/redaction/eval_phrases.h"

namespace docket::golden::redaction {
namespace {

using enum workflows::redact::EntityType;

constexpr std::string_view kRegions[] = {"ES"};
constexpr std::string_view kComplaints[] = {
    "Desde la actualización a {VERSION} la app se cierra al pagar.",
    "El pago falla con el error {ERRCODE}, lo he intentado {N} veces.",
    "¡Me han cobrado {PRICE} dos veces!",
    "La app se queda colgada en el carrito en mi {DEVICE}.",
    "El buscador no encuentra nada desde el {DATE}.",
    "El cupón del {PERCENT} no se aplicó.",
    "Mi paquete lleva una semana parado, número de seguimiento {TRACKING}.",
    "Tras la actualización ({BUILD}) el inicio de sesión vuelve a la portada.",
    "El hervidor ({SKU}) llegó roto y el formulario de devolución no carga.",
    "Las notificaciones llegan a las {TIME} de la madrugada.",
};
constexpr std::string_view kPraise[] = {
    "Muy buena app, el nuevo buscador es rapidísimo.",
    "Pagar en mi {DEVICE} fue cuestión de segundos.",
    "Desde {VERSION} ya no se cierra, ¡gracias!",
    "Ahorré {PRICE} con la oferta del fin de semana.",
    "El reembolso llegó el {DATE}, perfecto.",
};
constexpr std::string_view kNegatives[] = {
    "Versión {VERSION} ({BUILD}) en Windows {VERSION}.",
    "El número de tarjeta {BADCARD} sale como no válido, con razón.",
    "Me equivoqué al escribir el IBAN ({BADIBAN}) y el formulario lo detectó.",
    "Ref. {PRODUCTCODE} estaba a {PRICE}, ahora a {PRICE}.",
    "Soporte ({SUPPORTMAIL}) me mandó a {PLAINURL}.",
    "Número de seguimiento {TRACKING}, pedido del {DATE} a las {TIME}.",
    "La batería baja un {PERCENT} por hora, error {ERRCODE}.",
};
constexpr PiiSentence kPii[] = {
    {kEmail, "Podéis escribirme a {EMAIL}."},
    {kEmail, "Mandad la factura a {EMAIL}, por favor."},
    {kPhone, "Llamadme al {PHONE}, por favor."},
    {kPhone, "Mi teléfono es {PHONE}."},
    {kPaymentCard, "Pagué con la tarjeta {CARD} y me cobraron."},
    {kPaymentCard, "La tarjeta {CARD} fue cargada dos veces."},
    {kIban, "Devolvedme el dinero a mi IBAN {IBAN}."},
    {kIban, "Datos bancarios para el reembolso: {IBAN}"},
    {kBankAccount, "Mi número de cuenta es {ACCOUNT}."},
    {kIpAddress, "El antifraude me bloqueó, mi IP es {IP}."},
    {kIpAddress, "En el historial hay un acceso desde {IP} que no fui yo."},
    {kUrlSecret, "El enlace {URLSECRET} dice que ha caducado."},
    {kApiKey, "Nuestra integración usa la clave {APIKEY} y recibe 401."},
    {kStreetAddress, "Enviadlo a {ADDRESS}, por favor."},
    {kStreetAddress, "Mi dirección: {ADDRESS}."},
    {kPostcode, "¿No hay envíos al código postal {POSTCODE}?"},
    {kDateOfBirth, "El formulario no acepta mi fecha de nacimiento, {DOB}."},
    {kDateOfBirth, "Nací el {DOB}, soy mayor de edad."},
    {kOrderId, "El pedido {ORDER} nunca llegó."},
    {kTicketId, "Es sobre la incidencia {TICKET}, sin respuesta."},
    {kCustomerId, "Mi número de cliente es {CUSTOMER}."},
    {kPersonName, "Me llamo {NAME} y soy cliente desde hace años."},
    {kPersonName, "Mi nombre es {NAME}, la cuenta está a mi nombre."},
};
constexpr std::string_view kSubjects[] = {
    "Asunto: Pago fallido",     "Asunto: Cobro duplicado",     "Asunto: RE: [{TICKET}] reembolso",
    "Asunto: La app se cierra", "Asunto: Artículo equivocado",
};
constexpr std::string_view kGreetings[] = {"Hola,", "Hola {AGENT},", "Buenos días,",
                                           "Estimados señores:"};
constexpr std::string_view kSignoffs[] = {"Saludos,\n{NAME}", "Un saludo,\n{NAME}",
                                          "Gracias,\n{FIRST}", "Atentamente,\n{NAME}",
                                          "Enviado desde mi {DEVICE}"};
constexpr std::string_view kQuoteHeaders[] = {"El {DATE} a las {TIME}, {NAME} <{EMAIL}> escribió:",
                                              "De: {NAME} <{EMAIL}>\nEnviado: {DATE} {TIME}",
                                              "-----Mensaje original-----\nDe: {EMAIL}"};
constexpr std::string_view kFollowups[] = {"¿Alguna novedad? Sigo esperando.",
                                           "Reenvío mi correo, nadie contestó.",
                                           "Por favor, responded sobre {ORDER}."};
constexpr NamePart kFirst[] = {
    {"Carlos", "carlos"}, {"Lucía", "lucia"}, {"Javier", "javier"}, {"María José", "mariajose"},
    {"Álvaro", "alvaro"}, {"Sofía", "sofia"}, {"Íñigo", "inigo"},   {"Carmen", "carmen"},
    {"Andrés", "andres"}, {"Nuria", "nuria"}, {"Pablo", "pablo"}};
constexpr NamePart kLast[] = {{"García", "garcia"},     {"Fernández", "fernandez"},
                              {"López", "lopez"},       {"Martínez", "martinez"},
                              {"Sánchez", "sanchez"},   {"Muñoz", "munoz"},
                              {"Ibáñez", "ibanez"},     {"Ruiz", "ruiz"},
                              {"Castillo", "castillo"}, {"Ortega", "ortega"}};

constexpr LanguagePack kPack = {.lang = "es",
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

const LanguagePack& SpanishPack() { return kPack; }

}  // namespace docket::golden::redaction
