// reviews.jsonl: App Store and Google Play reviews, one JSON object per line, local
// timestamps with the reviewer's UTC offset. Play reviews have no title; a few lines
// escape all non-ASCII as \uXXXX like some export tools do.
#include <algorithm>

#include "workflows/sample/sample_encoding.h"
#include "workflows/sample/sample_files.h"
#include "workflows/sample/sample_story.h"
#include "workflows/sample/sample_time.h"
#include "workflows/sample/text_composer.h"
#include "workflows/sample/text_slots.h"

namespace docket::workflows::sample {
namespace {

constexpr uint64_t kStream = 2;          // the story: who, when, which version, rating
constexpr uint64_t kWordingStream = 12;  // the words, so rewording keeps the story
constexpr SourceMix kMix = {.records_per_weekday = 47,
                            .problem_weight = 32,
                            .mixed_weight = 13,
                            .praise_weight = 55,
                            .incident_share_per_mille = 450};
constexpr TextShape kShape = {.opener = 150,
                              .context = 250,
                              .detail = 550,
                              .consequence = 250,
                              .closer = 300,
                              .pii = 22,
                              .bare = 25,
                              .short_praise = 30,
                              .typo = 50};
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kIosVersions[] = {"iOS 26.1", "iOS 26.0.1", "iOS 18.7.1", "iOS 18.6.2",
                                             "iOS 17.7"};
constexpr int kIosWeights[] = {30, 25, 20, 15, 10};
constexpr std::string_view kIphones[] = {
    "iPhone 17 Pro", "iPhone 17", "iPhone 16 Pro",  "iPhone 16",
    "iPhone 15",     "iPhone 14", "iPhone 13 mini", "iPhone SE (3rd generation)",
    "iPad Air (M2)"};
constexpr std::string_view kAndroidVersions[] = {"Android 16", "Android 15", "Android 14",
                                                 "Android 13"};
constexpr int kAndroidWeights[] = {25, 40, 25, 10};
constexpr std::string_view kAndroids[] = {"Pixel 9",    "Pixel 8a",   "Galaxy S25",
                                          "Galaxy S23", "Galaxy A55", "Redmi Note 13 Pro",
                                          "moto g84",   "OnePlus 12"};
constexpr std::string_view kAngryEmoji[] = {"\U0001F621", "\U0001F44E", "\U0001F644"};
constexpr std::string_view kHappyEmoji[] = {"\U0001F44D", "\u2764\uFE0F", "\U0001F64C",
                                            "\u2B50\u2B50\u2B50\u2B50\u2B50"};
constexpr std::string_view kNotObjects[] = {"[1,2,3]", "null", "\"review unavailable\""};
constexpr DefectQuota kQuotas[] = {
    {Defect::kInvalidUtf8, 3},      {Defect::kNotADate, 2},  {Defect::kNoZone, 3},
    {Defect::kRatingOutOfRange, 2}, {Defect::kEmptyText, 3}, {Defect::kNotAnObject, 3},
    {Defect::kBrokenJson, 3},
};

struct ReviewRow {
  int64_t utc = 0;
  int offset_minutes = 0;
  std::string review_id, store, title, body, version, locale, country, os, model, area;
  int rating = 0;
  bool ascii_only = false;
  bool pii = false;
  bool decomposed = false;
  bool duplicate = false;  // a copy, or the original of a copy
};

std::string Body(SampleRandom& rng, const Draft& d, std::string_view model, bool& pii) {
  FeedbackText core = ComposeFeedback(rng, d, kShape, model);
  pii = core.has_pii;
  if (rng.PerMille(120)) {
    const std::string_view emoji =
        d.tone == Tone::kPraise ? rng.Pick(kHappyEmoji) : rng.Pick(kAngryEmoji);
    core.text += " " + std::string(emoji);
  }
  if (rng.PerMille(30)) {
    const size_t stop = core.text.find(". ");
    if (stop != std::string::npos) core.text[stop + 1] = '\n';
  }
  return core.text;
}

ReviewRow ComposeReview(SampleRandom& rng, SampleRandom& wording, const Draft& d) {
  ReviewRow row;
  row.utc = d.utc_seconds;
  row.offset_minutes = UtcOffsetMinutes(d.locale->zone, d.utc_seconds);
  const bool apple = rng.PerMille(d.locale->language == Language::kJa ? 700 : 520);
  row.store = apple ? "appstore" : "play";
  row.review_id =
      apple ? "1" + RandomToken(rng, kDigits, 10) : "gp:AOqpTO" + RandomToken(rng, kBase64Url, 40);
  row.os = apple ? kIosVersions[rng.Weighted(kIosWeights)]
                 : kAndroidVersions[rng.Weighted(kAndroidWeights)];
  row.model = apple ? rng.Pick(kIphones) : rng.Pick(kAndroids);
  row.rating = StarRating(rng, d);
  row.title = apple && rng.PerMille(900) ? std::string(d.phrase->subject) : "";
  row.body = Body(wording, d, row.model, row.pii);
  row.decomposed = MaybeDecompose(wording, row.body, 120);
  row.version = d.version;
  row.locale = d.locale->posix_tag;
  row.country = d.locale->country;
  row.area = rng.PerMille(d.incident ? 50 : 90) ? "" : std::string(d.area);
  row.ascii_only = rng.PerMille(30);
  return row;
}

// Two reviewers post the same text twice; three lines repeat where export pages overlap.
void AddDuplicates(SampleRandom& rng, std::vector<ReviewRow>& rows) {
  for (int added = 0; added < 2;) {
    ReviewRow& original = rows[rng.Below(rows.size())];
    if (original.duplicate) continue;
    original.duplicate = true;
    ReviewRow copy = original;
    copy.utc += rng.Between(60, 3600);
    copy.review_id = copy.store == "appstore" ? "1" + RandomToken(rng, kDigits, 10)
                                              : "gp:AOqpTO" + RandomToken(rng, kBase64Url, 40);
    rows.push_back(copy);
    ++added;
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ReviewRow& a, const ReviewRow& b) { return a.utc < b.utc; });
  for (int added = 0; added < 3;) {
    const size_t at = rows.size() / 10 + rng.Below(rows.size() * 8 / 10);
    if (rows[at].duplicate) continue;
    rows[at].duplicate = true;
    const ReviewRow copy = rows[at];
    rows.insert(rows.begin() + static_cast<ptrdiff_t>(at + rng.Between(1, 4)), copy);
    ++added;
  }
}

std::string SubmittedAt(const ReviewRow& row, Defect defect, int variant) {
  if (defect == Defect::kNotADate) return std::string(NotADate(variant));
  if (defect == Defect::kNoZone) {
    return FormatRfc3339NoZone(row.utc + int64_t{row.offset_minutes} * 60);
  }
  return FormatRfc3339Offset(row.utc, row.offset_minutes);
}

std::string Line(const ReviewRow& row, Defect defect, int variant) {
  if (defect == Defect::kNotAnObject) {
    return std::string(kNotObjects[static_cast<size_t>(variant) % std::size(kNotObjects)]) + "\n";
  }
  std::string title = row.title;
  std::string body = row.body;
  if (defect == Defect::kInvalidUtf8) body = WithInvalidUtf8(body, variant);
  if (defect == Defect::kEmptyText) title = body = "";
  const bool ascii = row.ascii_only && defect == Defect::kNone;
  std::string body_json = JsonString(body, ascii);
  if (defect == Defect::kBrokenJson && variant % 3 == 2) {
    body_json = "\"" + body + " (screenshot: \"error.png\")\"";  // quotes left unescaped
  }
  const int rating = defect == Defect::kRatingOutOfRange ? 6 : row.rating;
  std::string line =
      "{\"review_id\": " + JsonString(row.review_id) + ", \"store\": " + JsonString(row.store) +
      ", \"submitted_at\": " + JsonString(SubmittedAt(row, defect, variant)) +
      ", \"rating\": " + std::to_string(rating) + ", \"title\": " + JsonString(title, ascii) +
      ", \"body\": " + body_json + ", \"app_version\": " + JsonString(row.version) +
      ", \"locale\": " + JsonString(row.locale) + ", \"country\": " + JsonString(row.country) +
      ", \"device\": {\"os\": " + JsonString(row.os) + ", \"model\": " + JsonString(row.model) +
      "}, \"area\": " + JsonString(row.area) + "}";
  if (defect == Defect::kBrokenJson && variant % 3 == 0) {
    size_t cut = line.size() * 3 / 5;
    while ((static_cast<uint8_t>(line[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    line.resize(cut);
  }
  if (defect == Defect::kBrokenJson && variant % 3 == 1) line.pop_back();  // no closing brace
  return line + "\n";
}

}  // namespace

SampleFile BuildReviewsJsonl(const PhraseBook& book) {
  SampleRandom rng(kSampleSeed, kStream);
  SampleRandom wording(kSampleSeed, kWordingStream);
  std::vector<ReviewRow> rows;
  for (const Draft& d : DraftFeedback(rng, book, kMix)) {
    rows.push_back(ComposeReview(rng, wording, d));
  }
  AddDuplicates(rng, rows);
  std::vector<bool> eligible;
  eligible.reserve(rows.size());
  for (const ReviewRow& row : rows) eligible.push_back(!row.duplicate);
  const std::vector<Defect> defects = PlanDefects(rng, kQuotas, eligible);

  SampleFile file{.name = "reviews.jsonl", .bytes = "", .report = {}};
  std::map<Defect, int> seen;
  std::map<std::string, int> copies;
  for (size_t i = 0; i < rows.size(); ++i) {
    const int variant = defects[i] == Defect::kNone ? 0 : seen[defects[i]]++;
    file.bytes += Line(rows[i], defects[i], variant);
    FileReport& r = file.report;
    ++r.rows;
    if (defects[i] != Defect::kNone) ++r.defects[defects[i]];
    if (rows[i].duplicate && copies[rows[i].body]++ > 0) ++r.duplicates;
    r.with_pii += rows[i].pii;
    r.decomposed += rows[i].decomposed;
  }
  return file;
}

}  // namespace docket::workflows::sample
