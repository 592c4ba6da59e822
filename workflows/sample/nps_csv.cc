// nps.csv: NPS survey verbatims as the survey tool exports them: UTF-8 with a BOM, LF
// line ends, RFC 2822 timestamps (quoted, they contain a comma), score 0..10.
#include <algorithm>
#include <cctype>

#include "workflows/sample/sample_encoding.h"
#include "workflows/sample/sample_files.h"
#include "workflows/sample/sample_story.h"
#include "workflows/sample/sample_time.h"
#include "workflows/sample/text_composer.h"
#include "workflows/sample/text_slots.h"

namespace docket::workflows::sample {
namespace {

constexpr uint64_t kStream = 3;          // the story: who, when, which version, score
constexpr uint64_t kWordingStream = 13;  // the words, so rewording keeps the story
constexpr SourceMix kMix = {.records_per_weekday = 20,
                            .problem_weight = 25,
                            .mixed_weight = 30,
                            .praise_weight = 45,
                            .incident_share_per_mille = 150};
constexpr TextShape kShape = {.opener = 60,
                              .context = 200,
                              .detail = 500,
                              .consequence = 200,
                              .closer = 180,
                              .pii = 25,
                              .bare = 30,
                              .short_praise = 40,
                              .typo = 50};
constexpr std::string_view kHeader =
    "\xEF\xBB\xBFresponse_id,responded_at,score,comment,plan,version,area,lang\n";
constexpr std::string_view kAlnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kPlans[] = {"Free", "Plus", "Premium"};
constexpr int kPlanWeights[] = {55, 33, 12};
constexpr DefectQuota kQuotas[] = {
    {Defect::kInvalidUtf8, 2},      {Defect::kNotADate, 1},  {Defect::kNoZone, 2},
    {Defect::kRatingOutOfRange, 2}, {Defect::kEmptyText, 1}, {Defect::kTooFewFields, 1},
};

struct NpsRow {
  int64_t utc = 0;
  int offset_minutes = 0;  // most responses are stamped in UTC
  std::string response_id, comment, plan, version, area, lang;
  int score = 0;
  bool pii = false;
  bool decomposed = false;
  bool duplicate = false;
};

// Some English verbatims are typed in a hurry: lower case, no final period.
void MaybeCasual(SampleRandom& rng, const Draft& d, std::string& text) {
  if (d.locale->language != Language::kEn || !rng.PerMille(100)) return;
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!text.empty() && text.back() == '.') text.pop_back();
}

NpsRow ComposeResponse(SampleRandom& rng, SampleRandom& wording, const Draft& d) {
  NpsRow row;
  row.utc = d.utc_seconds;
  row.offset_minutes = rng.PerMille(150) ? UtcOffsetMinutes(d.locale->zone, d.utc_seconds) : 0;
  row.response_id = "R_" + RandomToken(rng, kAlnum, 15);
  row.score = NpsScore(rng, d);
  FeedbackText text = ComposeFeedback(wording, d, kShape, "");
  MaybeCasual(wording, d, text.text);
  if (wording.PerMille(25)) {
    text.text += "\n" + std::string(wording.Pick(DecorFor(d.locale->language).signoffs));
  }
  row.comment = text.text;
  row.pii = text.has_pii;
  row.decomposed = MaybeDecompose(wording, row.comment, 120);
  row.plan = kPlans[rng.Weighted(kPlanWeights)];
  row.version = d.version;
  row.area = rng.PerMille(d.incident ? 60 : 100) ? "" : std::string(d.area);
  row.lang = d.locale->survey_lang;
  return row;
}

// Three respondents submit the survey form twice.
void AddDoubleSubmits(SampleRandom& rng, std::vector<NpsRow>& rows) {
  for (int added = 0; added < 3;) {
    NpsRow& original = rows[rng.Below(rows.size())];
    if (original.duplicate) continue;
    original.duplicate = true;
    NpsRow copy = original;
    copy.utc += rng.Between(1, 20);
    copy.response_id = "R_" + RandomToken(rng, kAlnum, 15);
    rows.push_back(copy);
    ++added;
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const NpsRow& a, const NpsRow& b) { return a.utc < b.utc; });
}

std::string RespondedAt(const NpsRow& row, Defect defect, int variant) {
  if (defect == Defect::kNotADate) return std::string(NotADate(variant));
  if (defect == Defect::kNoZone) return FormatRfc2822NoZone(row.utc);
  return FormatRfc2822(row.utc, row.offset_minutes);
}

std::string Line(const NpsRow& row, Defect defect, int variant) {
  std::string comment = row.comment;
  if (defect == Defect::kInvalidUtf8) comment = WithInvalidUtf8(comment, variant + 1);
  if (defect == Defect::kEmptyText) comment = "";
  const int score = defect == Defect::kRatingOutOfRange ? 11 : row.score;
  const std::string fields[] = {row.response_id,
                                RespondedAt(row, defect, variant),
                                std::to_string(score),
                                comment,
                                row.plan,
                                row.version,
                                row.area,
                                row.lang};
  const size_t count = defect == Defect::kTooFewFields ? 4 : std::size(fields);
  std::string line;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) line.push_back(',');
    line += CsvField(fields[i]);
  }
  return line + "\n";
}

}  // namespace

SampleFile BuildNpsCsv(const PhraseBook& book) {
  SampleRandom rng(kSampleSeed, kStream);
  SampleRandom wording(kSampleSeed, kWordingStream);
  std::vector<NpsRow> rows;
  for (const Draft& d : DraftFeedback(rng, book, kMix)) {
    rows.push_back(ComposeResponse(rng, wording, d));
  }
  AddDoubleSubmits(rng, rows);
  std::vector<bool> eligible;
  eligible.reserve(rows.size());
  for (const NpsRow& row : rows) eligible.push_back(!row.duplicate);
  const std::vector<Defect> defects = PlanDefects(rng, kQuotas, eligible);

  SampleFile file{.name = "nps.csv", .bytes = std::string(kHeader), .report = {}};
  std::map<Defect, int> seen;
  for (size_t i = 0; i < rows.size(); ++i) {
    const int variant = defects[i] == Defect::kNone ? 0 : seen[defects[i]]++;
    file.bytes += Line(rows[i], defects[i], variant);
    FileReport& r = file.report;
    ++r.rows;
    if (defects[i] != Defect::kNone) ++r.defects[defects[i]];
    r.with_pii += rows[i].pii;
    r.decomposed += rows[i].decomposed;
  }
  file.report.duplicates = 3;
  return file;
}

}  // namespace docket::workflows::sample
