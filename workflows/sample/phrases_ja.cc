// Japanese wordings and decorations of the sample dataset.
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr Phrase kPhrases[] = {
    // checkout
    {"checkout", "payment_failed", kProblem, "決済エラー",
     "購入手続きで支払いが毎回失敗します。3回試しましたが同じエラーです。"},
    {"checkout", "crash_on_pay", kProblem, "支払いで落ちる",
     "「支払う」をタップするとアプリが落ちます。"},
    {"checkout", "double_charge", kProblem, "二重請求",
     "同じ注文で二重に請求されました（{amount}）。返金をお願いします。"},
    {"checkout", "card_declined", kProblem, "カードが拒否される",
     "他では使えるカードなのに、2回も決済を拒否されました。"},
    {"checkout", "shipping_cost_late", kMixed, "まあまあ",
     "支払いはできますが、送料が最後まで表示されないのが不便です。"},
    {"checkout", "fast_checkout", kPraise, "決済が速い",
     "新しい決済画面はとても速くて使いやすいです。"},
    {"checkout", "payment_failed", kProblem, "支払いできない",
     "支払いボタンを押すとエラーになり、注文できません。"},
    {"checkout", "fast_checkout", kPraise, "支払いが簡単",
     "支払いがワンタップで終わるので助かります。"},
    // login
    {"login", "otp_missing", kProblem, "認証コードが届かない",
     "SMSの認証コードがいつまで経っても届きません。"},
    {"login", "code_every_time", kMixed, "ログイン",
     "ログインはできますが、毎回コードの入力が必要なのが面倒です。"},
    {"login", "easy_login", kPraise, "ログインが簡単", "Face IDでのログインが速くて便利です。"},
    {"login", "easy_login", kPraise, "すぐログインできる", "ログインが一瞬で終わります。"},
    // search
    {"search", "no_results", kProblem, "検索で見つからない",
     "商品名を正確に入力しても検索結果が出ません。"},
    {"search", "typos", kMixed, "検索",
     "検索は良くなりましたが、入力ミスがあると何も出てきません。"},
    {"search", "new_search", kPraise, "検索が良くなった",
     "新しい検索機能がとても良いです。すぐに見つかります。"},
    {"search", "new_search", kPraise, "検索が便利",
     "検索の精度が上がって、欲しい物がすぐ見つかります。"},
    // notifications
    {"notifications", "too_many", kProblem, "通知が多すぎる",
     "セールの通知が多すぎます。1日に何回も来ます。"},
    {"notifications", "promo_noise", kMixed, "通知",
     "配送の通知は便利ですが、広告の通知はいりません。"},
    {"notifications", "shipping_updates", kPraise, "通知が便利", "発送通知がとても便利です。"},
    // profile
    {"profile", "save_fails", kProblem, "プロフィールが保存できない",
     "プロフィールの変更が保存されません。"},
    {"profile", "date_format", kMixed, "プロフィール",
     "プロフィール画面は見やすいですが、生年月日の形式がわかりにくいです。"},
    {"profile", "addresses", kPraise, "住所管理が楽", "住所の管理がとても楽になりました。"},
    // cart
    {"cart", "items_disappear", kProblem, "カートの商品が消える",
     "数時間たつとカートの商品が消えてしまいます。"},
    {"cart", "slow_cart", kMixed, "カート", "カートは使えますが、更新が少し遅いです。"},
    {"cart", "save_for_later", kPraise, "カートが便利", "「あとで買う」機能がとても便利です。"},
    {"cart", "save_for_later", kPraise, "あとで買うが便利",
     "気になる商品をカートに残しておけるのが良いです。"},
    // shipping
    {"shipping", "tracking_stuck", kProblem, "追跡が更新されない",
     "配送状況が5日間更新されていません。"},
    {"shipping", "moving_estimate", kMixed, "配送",
     "無事に届きましたが、お届け予定日が何度も変わりました。"},
    {"shipping", "fast_delivery", kPraise, "配送が早い", "配送が早く、追跡情報も正確でした。"},
    {"shipping", "fast_delivery", kPraise, "早く届いた", "予定より1日早く届きました。"},
    // onboarding
    {"onboarding", "signup_fails", kProblem, "登録できない",
     "会員登録の最後のステップでエラーになります。"},
    {"onboarding", "birthday_field", kMixed, "登録",
     "登録は簡単でしたが、なぜ生年月日が必要なのでしょうか。"},
    {"onboarding", "quick_signup", kPraise, "登録が簡単", "会員登録が1分もかからず終わりました。"},
};

constexpr std::string_view kGreetings[] = {"お世話になっております。", "こんにちは。"};
constexpr std::string_view kSignoffs[] = {"よろしくお願いします。"};
constexpr std::string_view kProblemOpeners[] = {"アップデート後からこの問題が起きています。",
                                                "アプリを再インストールしましたが直りません。"};
constexpr std::string_view kProblemClosers[] = {"早く直してください。", "とても困っています。"};
constexpr std::string_view kMixedClosers[] = {"それ以外は満足しています。"};
constexpr std::string_view kPraiseClosers[] = {"これからも頑張ってください！",
                                               "ありがとうございます。"};
constexpr std::string_view kPii[] = {
    "{name}と申します。連絡先は{email}です。",
    "電話番号は{phone}です。",
};
constexpr std::string_view kNames[] = {"田中ゆき", "佐藤健"};
constexpr std::string_view kEmails[] = {"yuki.tanaka@example.com", "k.sato@example.org"};
constexpr std::string_view kPhones[] = {"+81 3-0000-00{NN}"};
constexpr std::string_view kAddresses[] = {"東京都千代田区丸の内1-1-1"};

constexpr LanguageDecor kDecor = {
    kGreetings, kSignoffs, kProblemOpeners, kProblemClosers, kMixedClosers, kPraiseClosers,
    kPii,       kNames,    kEmails,         kPhones,         kAddresses};

}  // namespace

std::span<const Phrase> JapanesePhrases() { return kPhrases; }
const LanguageDecor& JapaneseDecor() { return kDecor; }

}  // namespace docket::workflows::sample
