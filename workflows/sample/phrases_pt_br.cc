// Brazilian Portuguese wordings and decorations of the sample dataset.
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr Phrase kPhrases[] = {
    // checkout
    {"checkout", "payment_failed", kProblem, "Pagamento falhou",
     "O pagamento falha na finalização da compra, tentei três vezes."},
    {"checkout", "payment_failed", kProblem, "Pix não funciona",
     "O pagamento com Pix não gera o código e o pedido fica \"aguardando pagamento\"."},
    {"checkout", "card_declined", kProblem, "Cartão recusado",
     "Meu cartão foi recusado duas vezes, mas funciona em qualquer outro lugar."},
    {"checkout", "crash_on_pay", kProblem, "App fecha ao pagar",
     "O aplicativo fecha quando toco em Pagar."},
    {"checkout", "double_charge", kProblem, "Cobrança em dobro",
     "Fui cobrado duas vezes pelo mesmo pedido ({amount}). Pedido {order}."},
    {"checkout", "checkout_timeout", kProblem, "Tempo esgotado",
     "A tela de pagamento fica carregando e depois dá tempo esgotado."},
    {"checkout", "shipping_cost_late", kMixed, "Funciona, mas...",
     "O pagamento funciona, mas o frete só aparece no final."},
    {"checkout", "fast_checkout", kPraise, "Pagamento rápido",
     "O novo checkout é muito rápido, adorei!"},
    {"checkout", "wallet_pay", kPraise, "Ótimo", "Pagar com Pix ficou muito prático."},
    {"checkout", "payment_failed", kProblem, "Erro no pagamento",
     "Toda vez que tento pagar aparece um erro."},
    {"checkout", "double_charge", kProblem, "Cobrado duas vezes",
     "Cobraram duas vezes o mesmo pedido no meu cartão."},
    {"checkout", "fast_checkout", kPraise, "Checkout fácil", "Finalizar a compra ficou facílimo."},
    // login
    {"login", "wrong_password", kProblem, "Não consigo entrar",
     "Não consigo fazer login, diz que a senha está errada, mas está certa."},
    {"login", "otp_missing", kProblem, "Código não chega",
     "O código de verificação por SMS nunca chega."},
    {"login", "code_every_time", kMixed, "Login", "O login funciona, mas toda vez pede um código."},
    {"login", "easy_login", kPraise, "Login fácil", "Entrar com a biometria é rápido e fácil."},
    {"login", "easy_login", kPraise, "Entrar é rápido", "O login agora é instantâneo."},
    // search
    {"search", "no_results", kProblem, "Busca não encontra nada",
     "A busca não encontra nada, mesmo digitando o nome exato do produto."},
    {"search", "slow_search", kProblem, "Busca lenta", "A busca demora muito para carregar."},
    {"search", "typos", kMixed, "Melhorou, mas...",
     "A busca melhorou, mas com erro de digitação não aparece nada."},
    {"search", "new_search", kPraise, "Busca nova ótima",
     "Adorei a nova busca, encontro tudo na hora."},
    {"search", "new_search", kPraise, "Busca boa", "A busca finalmente entende o que eu quero."},
    // notifications
    {"notifications", "too_many", kProblem, "Notificações demais",
     "Notificações demais, três por dia só com promoção."},
    {"notifications", "not_received", kProblem, "Sem aviso de envio",
     "Não recebo mais notificação quando o pedido é enviado."},
    {"notifications", "promo_noise", kMixed, "Úteis, mas...",
     "Os avisos de entrega são úteis, as promoções não."},
    {"notifications", "shipping_updates", kPraise, "Notificações úteis",
     "As notificações de entrega são muito úteis."},
    {"notifications", "shipping_updates", kPraise, "Avisos ótimos",
     "Sempre recebo aviso quando o pacote sai para entrega."},
    // profile
    {"profile", "save_fails", kProblem, "Perfil não salva",
     "Não consigo salvar as alterações do perfil."},
    {"profile", "delete_account", kProblem, "Excluir conta",
     "Não encontro onde excluir minha conta."},
    {"profile", "date_format", kMixed, "Perfil ok",
     "O perfil está bom, mas a data de nascimento só aceita o formato americano."},
    {"profile", "addresses", kPraise, "Endereços fácil",
     "Gerenciar endereços ficou muito mais fácil."},
    {"profile", "addresses", kPraise, "Perfil claro",
     "O perfil é claro e mudar o endereço é rápido."},
    // cart
    {"cart", "items_disappear", kProblem, "Carrinho esvazia",
     "Os itens somem do carrinho depois de algumas horas."},
    {"cart", "price_mismatch", kProblem, "Preço diferente",
     "O preço no carrinho é diferente do preço na página do produto."},
    {"cart", "slow_cart", kMixed, "Carrinho lento",
     "O carrinho funciona, mas demora para atualizar."},
    {"cart", "save_for_later", kPraise, "Carrinho prático",
     "Gostei de poder salvar itens para depois no carrinho."},
    {"cart", "save_for_later", kPraise, "Salvar para depois",
     "Poder deixar itens para depois no carrinho é ótimo."},
    // shipping
    {"shipping", "tracking_stuck", kProblem, "Rastreamento parado",
     "O rastreamento não atualiza há cinco dias."},
    {"shipping", "address_rejected", kProblem, "CEP inválido",
     "O app recusa meu endereço dizendo que o CEP é inválido."},
    {"shipping", "moving_estimate", kMixed, "Entrega ok",
     "Chegou tudo certo, mas a previsão de entrega mudou três vezes."},
    {"shipping", "fast_delivery", kPraise, "Entrega rápida",
     "A entrega foi rápida e o rastreamento, preciso."},
    {"shipping", "fast_delivery", kPraise, "Chegou antes",
     "O pacote chegou um dia antes do previsto."},
    // onboarding
    {"onboarding", "signup_fails", kProblem, "Cadastro falha",
     "O cadastro falha na última etapa com \"Algo deu errado\"."},
    {"onboarding", "tutorial_loop", kProblem, "Tutorial repetido",
     "O tutorial de boas-vindas aparece toda vez que abro o app."},
    {"onboarding", "birthday_field", kMixed, "Cadastro",
     "O cadastro foi fácil, mas por que vocês precisam da minha data de nascimento?"},
    {"onboarding", "quick_signup", kPraise, "Cadastro rápido",
     "O cadastro levou menos de um minuto."},
    {"onboarding", "quick_signup", kPraise, "Começo fácil", "Criar a conta foi rápido e simples."},
};

constexpr std::string_view kGreetings[] = {"Olá,", "Oi,", "Bom dia,"};
constexpr std::string_view kSignoffs[] = {"Obrigado", "Obrigada", "Att."};
constexpr std::string_view kProblemOpeners[] = {"Depois da última atualização começou isso.",
                                                "Já reinstalei o app e nada."};
constexpr std::string_view kProblemClosers[] = {"Por favor, corrijam.", "Muito frustrante.",
                                                "Assim não dá."};
constexpr std::string_view kMixedClosers[] = {"No geral, é bom."};
constexpr std::string_view kPraiseClosers[] = {"Parabéns!", "Obrigado!"};
constexpr std::string_view kPii[] = {
    "Meu nome é {name}, meu e-mail é {email}.",
    "Meu telefone: {phone}.",
    "Endereço de entrega: {address}.",
};
constexpr std::string_view kNames[] = {"João Silva", "Ana Souza", "Luíza Conceição"};
constexpr std::string_view kEmails[] = {"joao.silva@example.com", "ana.souza@example.org",
                                        "luiza.c@example.com"};
constexpr std::string_view kPhones[] = {"+55 11 90000-00{NN}", "(11) 90000-01{NN}"};
constexpr std::string_view kAddresses[] = {"Rua Exemplo, 123, São Paulo - SP, 01310-100",
                                           "Av. Teste, 45, Rio de Janeiro - RJ, 20040-002"};

constexpr LanguageDecor kDecor = {
    kGreetings, kSignoffs, kProblemOpeners, kProblemClosers, kMixedClosers, kPraiseClosers,
    kPii,       kNames,    kEmails,         kPhones,         kAddresses};

}  // namespace

std::span<const Phrase> BrazilianPortuguesePhrases() { return kPhrases; }
const LanguageDecor& BrazilianPortugueseDecor() { return kDecor; }

}  // namespace docket::workflows::sample
