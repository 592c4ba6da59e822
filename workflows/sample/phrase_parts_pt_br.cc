// Brazilian Portuguese parts the sample texts are composed from (see phrase_parts_en.cc).
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr DetailSentence kDetails[] = {
    {"", kProblem, "Aconteceu de novo {when}."},
    {"", kProblem, "Uso um {device} com a versão {version}."},
    {"", kMixed, "Usei {when} no meu {device}."},
    {"", kPraise, "Comprei {product} {when}, tudo certo."},
    {"checkout", kProblem, "O total era {amount}."},
    {"checkout", kProblem, "Eu queria comprar {product} por {amount}."},
    {"checkout", kProblem, "Falha na última etapa, logo depois de confirmar."},
    {"checkout", kProblem, "Tentei {tries} vezes seguidas."},
    {"checkout", kMixed, "Meu último pedido foi de {amount} e no fim passou."},
    {"checkout", kPraise, "Paguei {amount} por {product} em segundos."},
    {"login", kProblem, "Tentei {tries} vezes {when}."},
    {"login", kProblem, "Estou há {days} dias sem conseguir entrar."},
    {"login", kPraise, "No meu {device} funciona perfeitamente, usei {when}."},
    {"search", kProblem, "Eu estava procurando {product}."},
    {"search", kProblem, "Passei por {count} páginas e desisti."},
    {"search", kPraise, "Achei {product} em {tries} segundos."},
    {"notifications", kProblem, "Só ontem recebi {count}."},
    {"notifications", kProblem, "A última chegou {when}."},
    {"notifications", kPraise, "Eu sabia exatamente quando o pedido ({product}) ia chegar."},
    {"profile", kProblem, "Tentei {tries} vezes no meu {device}."},
    {"profile", kPraise, "Mudei o endereço {when} em um minuto pelo {device}."},
    {"cart", kProblem, "Eu tinha {count} itens, incluindo {product}."},
    {"cart", kProblem, "O carrinho mostrava {amount}."},
    {"cart", kPraise, "Tenho {count} itens salvos, entre eles {product}."},
    {"shipping", kProblem, "É o pedido {order}."},
    {"shipping", kProblem, "Comprei {product} há {days} dias."},
    {"shipping", kProblem, "A última atualização foi {when}."},
    {"shipping", kPraise, "Comprei {product} e chegou em {days} dias."},
    {"onboarding", kProblem, "Tentei {tries} vezes no {device}."},
    {"onboarding", kPraise, "Instalei {when} e já comprei {product}."},
};

constexpr std::string_view kProblemContexts[] = {
    "Testei {when} no meu {device}.",
    "Tenho um {device} com a versão {version}.",
    "Abri o app {when} para comprar {product}.",
    "Sou cliente há {months} meses.",
    "Não sei se vocês já sabem disso.",
    "Percebi {when}.",
};
constexpr std::string_view kConsequences[] = {
    "Perdi uns {minutes} minutos com isso.",     "Tentei {tries} vezes e desisti.",
    "Acabei comprando {product} em outra loja.", "Por enquanto estou usando o site.",
    "Reiniciar o celular não adiantou.",         "Acontece no wi-fi e no 4G.",
    "Limpei o cache e reinstalei, nada.",
};
constexpr std::string_view kPraiseContexts[] = {
    "Uso o app há {months} meses.", "Comprei {product} {when}.",
    "Cliente desde {year}.",        "Acabei de receber {product}.",
    "Segundo pedido nesta semana.", "No meu {device}, versão {version}.",
};
constexpr std::string_view kShortPraise[] = {
    "Amei!",           "App muito bom.", "Excelente", "Tudo certo.",      "Top demais!",
    "Recomendo!",      "Muito prático",  "Nota 10",   "Sem reclamações.", "Melhor app de compras.",
    "Rápido e fácil.",
};
constexpr std::string_view kProducts[] = {
    "um tênis de corrida",
    "uma capinha de celular",
    "um moedor de café",
    "fones de ouvido",
    "uma capa de chuva",
    "duas camisetas",
    "uma luminária",
    "livros",
    "ração para o cachorro",
    "uma mochila",
    "toalhas",
    "um carregador",
    "um casaco",
    "um liquidificador",
    "uma garrafinha",
    "lençóis",
};
constexpr std::string_view kWhens[] = {
    "hoje de manhã",
    "ontem à noite",
    "ontem",
    "agora há pouco",
    "às {clock}",
    "hoje às {clock}",
    "ontem por volta das {clock}",
    "no domingo",
    "no fim de semana",
    "na hora do almoço",
    "na segunda de manhã",
    "de madrugada",
};

constexpr LanguageParts kParts = {kDetails,     kProblemContexts, kConsequences, kPraiseContexts,
                                  kShortPraise, kProducts,        kWhens};

}  // namespace

const LanguageParts& BrazilianPortugueseParts() { return kParts; }

}  // namespace docket::workflows::sample
