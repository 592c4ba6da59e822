// Spanish parts the sample texts are composed from (see phrase_parts_en.cc).
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr DetailSentence kDetails[] = {
    {"", kProblem, "Me volvió a pasar {when}."},
    {"", kProblem, "Uso un {device} con la versión {version}."},
    {"", kMixed, "La usé {when} en mi {device}."},
    {"", kPraise, "Pedí {product} {when} y todo perfecto."},
    {"checkout", kProblem, "El total era de {amount}."},
    {"checkout", kProblem, "Quería comprar {product} por {amount}."},
    {"checkout", kProblem, "Falla en el último paso, justo después de confirmar."},
    {"checkout", kProblem, "Lo intenté {tries} veces seguidas."},
    {"checkout", kMixed, "Mi último pedido fue de {amount} y al final pasó."},
    {"checkout", kPraise, "Pagué {amount} por {product} en segundos."},
    {"login", kProblem, "Lo intenté {tries} veces {when}."},
    {"login", kProblem, "Llevo {days} días sin poder entrar."},
    {"login", kPraise, "En mi {device} funciona perfecto, la usé {when}."},
    {"search", kProblem, "Estaba buscando {product}."},
    {"search", kProblem, "Revisé {count} páginas y me rendí."},
    {"search", kPraise, "Encontré {product} en {tries} segundos."},
    {"notifications", kProblem, "Solo ayer recibí {count}."},
    {"notifications", kProblem, "La última llegó {when}."},
    {"notifications", kPraise, "Supe exactamente cuándo llegaba mi pedido ({product})."},
    {"profile", kProblem, "Lo intenté {tries} veces en mi {device}."},
    {"profile", kPraise, "Cambié mi dirección {when} en un minuto desde el {device}."},
    {"cart", kProblem, "Tenía {count} artículos, entre ellos {product}."},
    {"cart", kProblem, "El carrito marcaba {amount}."},
    {"cart", kPraise, "Tengo {count} artículos guardados, entre ellos {product}."},
    {"shipping", kProblem, "Es el pedido {order}."},
    {"shipping", kProblem, "Pedí {product} hace {days} días."},
    {"shipping", kProblem, "La última actualización fue {when}."},
    {"shipping", kPraise, "Pedí {product} y llegó en {days} días."},
    {"onboarding", kProblem, "Lo intenté {tries} veces en el {device}."},
    {"onboarding", kPraise, "Instalé la app {when} y pedí {product} enseguida."},
};

constexpr std::string_view kProblemContexts[] = {
    "Lo probé {when} en mi {device}.",
    "Tengo un {device} con la versión {version}.",
    "Abrí la app {when} para comprar {product}.",
    "Soy cliente desde hace {months} meses.",
    "No sé si ya lo saben.",
    "Me di cuenta {when}.",
};
constexpr std::string_view kConsequences[] = {
    "Perdí unos {minutes} minutos con esto.",    "Lo intenté {tries} veces y me rendí.",
    "Al final compré {product} en otra tienda.", "De momento uso la página web.",
    "Reiniciar el móvil no sirvió de nada.",     "Pasa igual con wifi y con datos.",
    "Borré la caché y reinstalé, nada.",
};
constexpr std::string_view kPraiseContexts[] = {
    "Uso la app desde hace {months} meses.",
    "Pedí {product} {when}.",
    "Cliente desde {year}.",
    "Acabo de recibir {product}.",
    "Segundo pedido esta semana.",
    "En mi {device} con la versión {version}.",
};
constexpr std::string_view kShortPraise[] = {
    "¡Me encanta!",
    "Muy buena app.",
    "Excelente",
    "Todo perfecto.",
    "¡Genial!",
    "Muy práctica",
    "Funciona de maravilla.",
    "Recomendada 100%",
    "Sin quejas.",
    "La mejor app de compras.",
    "Fácil y rápida.",
};
constexpr std::string_view kProducts[] = {
    "unas zapatillas de correr",
    "una funda para el móvil",
    "un molinillo de café",
    "unos auriculares",
    "una chaqueta impermeable",
    "dos camisetas",
    "una lámpara de escritorio",
    "unos libros",
    "comida para el perro",
    "una mochila",
    "unas toallas",
    "un cargador",
    "un abrigo",
    "una licuadora",
    "una botella de agua",
    "unas sábanas",
};
constexpr std::string_view kWhens[] = {
    "esta mañana",
    "anoche",
    "ayer",
    "ayer por la tarde",
    "hace un rato",
    "a las {clock}",
    "hoy a las {clock}",
    "ayer sobre las {clock}",
    "el domingo",
    "el fin de semana",
    "a la hora de comer",
    "el lunes por la mañana",
};

constexpr LanguageParts kParts = {kDetails,     kProblemContexts, kConsequences, kPraiseContexts,
                                  kShortPraise, kProducts,        kWhens};

}  // namespace

const LanguageParts& SpanishParts() { return kParts; }

}  // namespace docket::workflows::sample
