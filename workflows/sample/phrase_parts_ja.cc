// Japanese parts the sample texts are composed from (see phrase_parts_en.cc). Every
// part is a whole sentence ending in 。 or ！, since Japanese joins them without spaces.
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr DetailSentence kDetails[] = {
    {"", kProblem, "{when}もまた起きました。"},
    {"", kProblem, "{device}でバージョン{version}を使っています。"},
    {"", kMixed, "{when}、{device}で使いました。"},
    {"", kPraise, "{when}{product}を注文しましたが、問題ありませんでした。"},
    {"checkout", kProblem, "合計は{amount}でした。"},
    {"checkout", kProblem, "{product}を{amount}で買おうとしていました。"},
    {"checkout", kProblem, "{tries}回続けて同じエラーでした。"},
    {"checkout", kPraise, "{product}の支払い（{amount}）が数秒で終わりました。"},
    {"login", kProblem, "{when}{tries}回試しました。"},
    {"login", kPraise, "{when}、{device}で問題なく使えました。"},
    {"search", kProblem, "{product}を探していました。"},
    {"search", kPraise, "{product}が{tries}秒で見つかりました。"},
    {"notifications", kProblem, "昨日だけで{count}件来ました。"},
    {"notifications", kPraise, "{product}がいつ届くかすぐわかりました。"},
    {"profile", kProblem, "{device}で{tries}回試しました。"},
    {"cart", kProblem, "{product}など{count}点入れていました。"},
    {"cart", kPraise, "{product}など{count}点を「あとで買う」に入れています。"},
    {"shipping", kProblem, "注文番号は{order}です。"},
    {"shipping", kProblem, "{days}日前に{product}を注文しました。"},
    {"shipping", kPraise, "{product}が{days}日で届きました。"},
    {"onboarding", kProblem, "{device}で{tries}回試しました。"},
    {"onboarding", kPraise, "{when}インストールして、すぐに{product}を買いました。"},
};

constexpr std::string_view kProblemContexts[] = {
    "{when}、{device}で試しました。",
    "{device}、バージョン{version}です。",
    "{when}、{product}を買おうとアプリを開きました。",
    "{months}か月ほど利用しています。",
    "{when}気づきました。",
};
constexpr std::string_view kConsequences[] = {
    "{minutes}分も無駄になりました。",     "{tries}回試して諦めました。",
    "結局{product}は別の店で買いました。", "今はウェブサイトを使っています。",
    "スマホを再起動しても直りません。",
};
constexpr std::string_view kPraiseContexts[] = {
    "{months}か月使っています。",
    "{when}{product}を注文しました。",
    "{year}年から利用しています。",
    "{product}が届いたばかりです。",
};
constexpr std::string_view kShortPraise[] = {
    "最高です！",           "とても便利です。", "使いやすい！",   "満足しています。",
    "いつも使っています。", "おすすめです。",   "文句なしです。", "快適です！",
};
constexpr std::string_view kProducts[] = {
    "ランニングシューズ", "スマホケース", "コーヒーミル", "イヤホン", "レインコート", "Tシャツ",
    "デスクライト",       "本",           "ドッグフード", "リュック", "タオル",       "充電器",
};
constexpr std::string_view kWhens[] = {
    "今朝",     "昨夜",   "昨日",     "さっき", "{clock}頃", "今日の{clock}頃", "昨日の{clock}頃",
    "日曜日に", "週末に", "昼休みに",
};

constexpr LanguageParts kParts = {kDetails,     kProblemContexts, kConsequences, kPraiseContexts,
                                  kShortPraise, kProducts,        kWhens};

}  // namespace

const LanguageParts& JapaneseParts() { return kParts; }

}  // namespace docket::workflows::sample
