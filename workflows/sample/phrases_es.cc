// Spanish wordings and decorations of the sample dataset (Spain and Mexico).
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr Phrase kPhrases[] = {
    // checkout
    {"checkout", "payment_failed", kProblem, "Falla el pago",
     "El pago falla al finalizar la compra, lo intenté tres veces."},
    {"checkout", "payment_failed", kProblem, "No puedo pagar",
     "Siempre sale \"No se pudo procesar el pago\" y no puedo terminar el pedido."},
    {"checkout", "card_declined", kProblem, "Tarjeta rechazada",
     "Me rechazaron la tarjeta dos veces, pero funciona en todas partes."},
    {"checkout", "crash_on_pay", kProblem, "Se cierra al pagar",
     "La aplicación se cierra cuando toco el botón Pagar."},
    {"checkout", "double_charge", kProblem, "Cobro doble",
     "Me cobraron dos veces el mismo pedido ({amount}). Pedido {order}."},
    {"checkout", "checkout_timeout", kProblem, "Tiempo de espera agotado",
     "El pago se queda cargando y al final da error de tiempo de espera."},
    {"checkout", "shipping_cost_late", kMixed, "Bien, pero...",
     "El pago funciona, pero los gastos de envío aparecen al final."},
    {"checkout", "fast_checkout", kPraise, "Pago rápido",
     "El nuevo proceso de pago es rapidísimo, ¡me encanta!"},
    {"checkout", "wallet_pay", kPraise, "Perfecto", "Pagar con Apple Pay es muy cómodo."},
    {"checkout", "payment_failed", kProblem, "Error al pagar",
     "Cada vez que intento pagar me sale un error."},
    {"checkout", "double_charge", kProblem, "Me cobraron dos veces",
     "Me han cobrado dos veces un solo pedido."},
    {"checkout", "crash_on_pay", kProblem, "Se cuelga al pagar",
     "La app se queda colgada y se cierra al pagar."},
    {"checkout", "fast_checkout", kPraise, "Pagar es fácil",
     "Pagar ahora es facilísimo, en dos toques."},
    // login
    {"login", "wrong_password", kProblem, "No puedo iniciar sesión",
     "No puedo iniciar sesión, dice que mi contraseña es incorrecta pero no lo es."},
    {"login", "otp_missing", kProblem, "No llega el código",
     "El código de verificación por SMS nunca llega."},
    {"login", "logged_out", kProblem, "Me cierra la sesión",
     "La app me cierra la sesión todos los días."},
    {"login", "code_every_time", kMixed, "Inicio de sesión",
     "El inicio de sesión funciona, pero siempre me pide un código."},
    {"login", "easy_login", kPraise, "Face ID genial", "Entrar con Face ID es rápido y sencillo."},
    {"login", "easy_login", kPraise, "Entrar es fácil", "Iniciar sesión ahora es instantáneo."},
    // search
    {"search", "no_results", kProblem, "La búsqueda no encuentra nada",
     "La búsqueda no encuentra nada aunque escribo el nombre exacto del producto."},
    {"search", "irrelevant_results", kProblem, "Resultados sin sentido",
     "Los resultados de búsqueda no tienen nada que ver con lo que busco."},
    {"search", "slow_search", kProblem, "Búsqueda lenta", "La búsqueda tarda muchísimo en cargar."},
    {"search", "typos", kMixed, "Mejor, pero...",
     "La búsqueda ha mejorado, pero con faltas de ortografía no encuentra nada."},
    {"search", "new_search", kPraise, "Me encanta la nueva búsqueda",
     "¡Me encanta la nueva búsqueda! Encuentro todo enseguida."},
    {"search", "new_search", kPraise, "Buena búsqueda",
     "La búsqueda por fin entiende lo que quiero."},
    // notifications
    {"notifications", "too_many", kProblem, "Demasiadas notificaciones",
     "Demasiadas notificaciones, tres o cuatro al día con ofertas."},
    {"notifications", "not_received", kProblem, "Sin avisos de envío",
     "Ya no recibo ninguna notificación cuando se envía mi pedido."},
    {"notifications", "promo_noise", kMixed, "Útiles a medias",
     "Los avisos de envío son útiles, la publicidad no."},
    {"notifications", "shipping_updates", kPraise, "Muy útiles",
     "Las notificaciones de envío son muy útiles."},
    {"notifications", "shipping_updates", kPraise, "Avisos útiles",
     "Me avisa siempre que mi paquete está en camino."},
    // profile
    {"profile", "save_fails", kProblem, "No guarda el perfil",
     "No puedo guardar los cambios del perfil, el botón Guardar no hace nada."},
    {"profile", "delete_account", kProblem, "Eliminar cuenta",
     "No encuentro cómo eliminar mi cuenta."},
    {"profile", "date_format", kMixed, "Perfil bien",
     "El perfil está bien, pero la fecha de nacimiento solo acepta el formato de EE. UU."},
    {"profile", "addresses", kPraise, "Fácil",
     "Gestionar las direcciones es mucho más fácil ahora."},
    {"profile", "addresses", kPraise, "Perfil claro",
     "El perfil es muy claro y cambiar la dirección es rápido."},
    // cart
    {"cart", "items_disappear", kProblem, "Se vacía el carrito",
     "Los artículos desaparecen del carrito después de unas horas."},
    {"cart", "price_mismatch", kProblem, "Precio distinto",
     "El precio en el carrito es distinto al de la página del producto."},
    {"cart", "slow_cart", kMixed, "Carrito lento",
     "El carrito funciona, pero tarda en actualizarse."},
    {"cart", "save_for_later", kPraise, "Guardar para después",
     "La opción de guardar para después en el carrito es muy práctica."},
    {"cart", "save_for_later", kPraise, "Carrito práctico",
     "Poder dejar cosas para después en el carrito es muy útil."},
    // shipping
    {"shipping", "tracking_stuck", kProblem, "Seguimiento parado",
     "El seguimiento del pedido {order} no se actualiza desde hace cinco días."},
    {"shipping", "address_rejected", kProblem, "Dirección rechazada",
     "La app rechaza mi dirección y dice que el código postal no es válido."},
    {"shipping", "moving_estimate", kMixed, "Envío correcto",
     "El envío llegó bien, pero la fecha estimada cambió tres veces."},
    {"shipping", "fast_delivery", kPraise, "Envío rápido",
     "El envío fue rapidísimo y el seguimiento, exacto."},
    {"shipping", "fast_delivery", kPraise, "Llegó antes",
     "El paquete llegó un día antes de lo previsto."},
    // onboarding
    {"onboarding", "signup_fails", kProblem, "Falla el registro",
     "El registro falla en el último paso con \"Algo salió mal\"."},
    {"onboarding", "tutorial_loop", kProblem, "Tutorial cada vez",
     "El tutorial de bienvenida aparece cada vez que abro la app."},
    {"onboarding", "birthday_field", kMixed, "Registro",
     "El registro fue fácil, pero ¿para qué necesitan mi fecha de nacimiento?"},
    {"onboarding", "quick_signup", kPraise, "Registro rápido",
     "Registrarme tardó menos de un minuto."},
    {"onboarding", "quick_signup", kPraise, "Fácil de empezar",
     "Crear la cuenta fue rápido y sencillo."},
};

constexpr std::string_view kGreetings[] = {"Hola,", "Buenos días,", "Hola, equipo de Acme:"};
constexpr std::string_view kSignoffs[] = {"Gracias", "Saludos", "Un saludo"};
constexpr std::string_view kProblemOpeners[] = {"Desde la última actualización pasa esto.",
                                                "Ya reinstalé la app y nada."};
constexpr std::string_view kProblemClosers[] = {"Por favor, arréglenlo.", "Qué frustración.",
                                                "Así no se puede comprar."};
constexpr std::string_view kMixedClosers[] = {"Por lo demás, bien."};
constexpr std::string_view kPraiseClosers[] = {"¡Sigan así!", "¡Gracias!"};
constexpr std::string_view kPii[] = {
    "Me llamo {name}, mi correo es {email}.",
    "Mi teléfono es {phone}.",
    "Mi dirección es {address}.",
};
constexpr std::string_view kNames[] = {"Sofía García", "Carlos Pérez", "Lucía Fernández"};
constexpr std::string_view kEmails[] = {"sofia.garcia@example.com", "cperez@example.org",
                                        "lucia.fdez@example.com"};
constexpr std::string_view kPhones[] = {"+34 600 000 0{NN}", "+52 55 5555 01{NN}"};
constexpr std::string_view kAddresses[] = {"Calle Mayor 5, 28013 Madrid",
                                           "Av. Ejemplo 123, Col. Centro, 06000 CDMX"};

constexpr LanguageDecor kDecor = {
    kGreetings, kSignoffs, kProblemOpeners, kProblemClosers, kMixedClosers, kPraiseClosers,
    kPii,       kNames,    kEmails,         kPhones,         kAddresses};

}  // namespace

std::span<const Phrase> SpanishPhrases() { return kPhrases; }
const LanguageDecor& SpanishDecor() { return kDecor; }

}  // namespace docket::workflows::sample
