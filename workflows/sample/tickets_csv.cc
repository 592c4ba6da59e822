// tickets.csv: a Zendesk-style support-ticket export (RFC 4180, CRLF). Email tickets
// carry greetings and paragraphs, chat tickets a short transcript, web-form tickets
// sometimes the device block the form appends.
#include <algorithm>
#include <cstdio>

#include "workflows/sample/sample_encoding.h"
#include "workflows/sample/sample_files.h"
#include "workflows/sample/sample_story.h"
#include "workflows/sample/sample_time.h"
#include "workflows/sample/text_composer.h"
#include "workflows/sample/text_slots.h"

namespace docket::workflows::sample {
namespace {

constexpr uint64_t kStream = 1;          // the story: who, when, which version, rating
constexpr uint64_t kWordingStream = 11;  // the words, so rewording keeps the story
constexpr SourceMix kMix = {.records_per_weekday = 47,
                            .problem_weight = 72,
                            .mixed_weight = 18,
                            .praise_weight = 10,
                            .incident_share_per_mille = 400};
constexpr TextShape kShape = {.opener = 200,
                              .context = 400,
                              .detail = 600,
                              .consequence = 350,
                              .closer = 350,
                              .pii = 30,
                              .bare = 20,
                              .short_praise = 0,
                              .typo = 40};
constexpr std::string_view kHeader =
    "ticket_id,created_at,channel,subject,description,app_version,feature_area,plan,"
    "satisfaction,region,locale,request_id,error_code";
constexpr std::string_view kHex = "0123456789abcdef";
constexpr std::string_view kChannels[] = {"email", "web", "chat"};
constexpr int kChannelWeights[] = {45, 35, 20};
constexpr std::string_view kPlans[] = {"free", "plus", "premium"};
constexpr int kPlanWeights[] = {60, 30, 10};
constexpr std::string_view kDevices[] = {"iPhone 15",  "iPhone 13",  "Pixel 8",
                                         "Galaxy S24", "Galaxy A54", "iPad Air"};
constexpr std::string_view kAgentReplies[] = {
    "Thanks for reaching out, I've passed this on to our engineering team.",
    "Sorry about that! I've created a ticket so our specialists can take a look.",
    "Thank you, I've added your details to the ticket."};
constexpr DefectQuota kQuotas[] = {
    {Defect::kInvalidUtf8, 3},      {Defect::kNotADate, 2},  {Defect::kNoZone, 3},
    {Defect::kRatingOutOfRange, 3}, {Defect::kEmptyText, 3}, {Defect::kTooFewFields, 3},
};

struct ErrorCodes {
  std::string_view theme;
  std::string_view codes;  // space-separated
};
constexpr ErrorCodes kErrorCodes[] = {
    {"payment_failed", "PAY-502 PSP_UNAVAILABLE"},
    {"card_declined", "PSP_DECLINED_05"},
    {"checkout_timeout", "GW_TIMEOUT_504"},
    {"crash_on_pay", "E_PAYSHEET_NIL_TOKEN"},
    {"double_charge", "CHARGE_DUPLICATE"},
    {"wrong_password", "AUTH_401"},
    {"otp_missing", "OTP_SMS_UNDELIVERED"},
    {"logged_out", "TOKEN_EXPIRED"},
    {"no_results", "SEARCH_EMPTY_INDEX"},
    {"slow_search", "SEARCH_TIMEOUT"},
    {"save_fails", "PROFILE_422"},
    {"photo_upload", "UPLOAD_413"},
    {"items_disappear", "CART_TTL_EXPIRED"},
    {"tracking_stuck", "CARRIER_NO_UPDATE"},
    {"address_rejected", "ADDR_INVALID_POSTCODE"},
    {"signup_fails", "SIGNUP_500"},
};

struct TicketRow {
  int64_t utc = 0;
  bool zulu = false;  // "2026-10-03T14:22:01Z" instead of the Zendesk spelling
  std::string channel, subject, description, app_version, area, plan, satisfaction, region, locale,
      request_id, error_code;
  bool pii = false;
  bool decomposed = false;
  bool duplicate = false;
};

std::string ErrorCode(SampleRandom& rng, const Draft& d) {
  if (d.tone != Tone::kProblem || !rng.PerMille(d.incident ? 750 : 550)) return "";
  for (const ErrorCodes& e : kErrorCodes) {
    if (e.theme != d.phrase->theme) continue;
    const size_t space = e.codes.find(' ');
    if (space == std::string_view::npos || rng.PerMille(600)) {
      return std::string(e.codes.substr(0, space));
    }
    return std::string(e.codes.substr(space + 1));
  }
  return "";
}

std::string ChatTranscript(SampleRandom& rng, const Draft& d, const std::string& core) {
  const CivilTime t = ToCivil(d.utc_seconds);
  char stamp[16];
  std::snprintf(stamp, sizeof(stamp), "(%02d:%02d:%02d)", t.hour, t.minute, t.second);
  std::string out = "Chat transcript\n" + std::string(stamp) + " Visitor: " + core;
  if (d.locale->language == Language::kEn) {
    const CivilTime r = ToCivil(d.utc_seconds + rng.Between(30, 240));
    std::snprintf(stamp, sizeof(stamp), "(%02d:%02d:%02d)", r.hour, r.minute, r.second);
    out += "\n" + std::string(stamp) + " Agent Maya: " + std::string(rng.Pick(kAgentReplies));
  }
  return out;
}

std::string Description(SampleRandom& rng, const Draft& d, std::string_view channel,
                        std::string_view device, bool& pii) {
  const FeedbackText core = ComposeFeedback(rng, d, kShape, device);
  pii = core.has_pii;
  if (channel == "chat") return ChatTranscript(rng, d, core.text);
  if (channel == "web") {
    if (!rng.PerMille(300)) return core.text;
    return core.text + "\n\nDevice: " + std::string(device) +
           "\nApp version: " + std::string(d.version);
  }
  const LanguageDecor& decor = DecorFor(d.locale->language);
  if (!rng.PerMille(550)) return core.text;
  const std::string greeting(rng.Pick(decor.greetings));
  const std::string signoff = rng.PerMille(700) ? std::string(rng.Pick(decor.signoffs)) : "";
  return JoinNonEmpty({greeting, core.text, signoff}, "\n\n");
}

TicketRow ComposeTicket(SampleRandom& rng, SampleRandom& wording, const Draft& d) {
  TicketRow row;
  row.utc = d.utc_seconds;
  row.zulu = rng.PerMille(120);
  row.channel = kChannels[rng.Weighted(kChannelWeights)];
  const std::string_view device = rng.Pick(kDevices);
  row.subject = d.phrase->subject;
  if (wording.PerMille(40)) row.subject = "Re: " + row.subject;
  if (d.tone == Tone::kProblem && wording.PerMille(30)) row.subject = "URGENT: " + row.subject;
  row.description = Description(wording, d, row.channel, device, row.pii);
  row.decomposed = MaybeDecompose(wording, row.description, 120);
  const bool web_without_version = row.channel == "web" && !d.incident && rng.PerMille(50);
  row.app_version = web_without_version ? "" : std::string(d.version);
  row.area = !d.incident && rng.PerMille(30) ? "" : std::string(d.area);
  row.plan = kPlans[rng.Weighted(kPlanWeights)];
  const bool rated = rng.PerMille(d.tone == Tone::kProblem ? 750 : 600);
  const int rating = StarRating(rng, d);
  row.satisfaction = rated ? std::to_string(rating) : "";
  row.region = d.locale->region;
  row.locale = d.locale->bcp47_tag;
  if (d.tone == Tone::kProblem && rng.PerMille(550)) {
    row.request_id = "req_" + RandomToken(rng, kHex, 16);
  }
  row.error_code = ErrorCode(rng, d);
  return row;
}

// Six customers re-submit a problem ticket a few minutes later, word for word.
void AddResubmissions(SampleRandom& rng, std::vector<TicketRow>& rows) {
  for (int added = 0; added < 6;) {
    const TicketRow& original = rows[rng.Below(rows.size())];
    if (original.duplicate || original.request_id.empty()) continue;
    TicketRow copy = original;
    copy.utc += rng.Between(120, 1500);
    copy.duplicate = true;
    rows.push_back(copy);
    ++added;
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const TicketRow& a, const TicketRow& b) { return a.utc < b.utc; });
}

std::string CreatedAt(const TicketRow& row, Defect defect, int variant) {
  if (defect == Defect::kNotADate) return std::string(NotADate(variant));
  if (defect == Defect::kNoZone) return FormatZendeskNoZone(row.utc);
  return row.zulu ? FormatUtcZ(row.utc) : FormatZendesk(row.utc);
}

std::string Line(const TicketRow& row, uint64_t id, Defect defect, int variant) {
  std::string subject = row.subject;
  std::string description = row.description;
  std::string satisfaction = row.satisfaction;
  if (defect == Defect::kInvalidUtf8) description = WithInvalidUtf8(description, variant);
  if (defect == Defect::kEmptyText) subject = description = "";
  if (defect == Defect::kRatingOutOfRange) satisfaction = "7";
  const std::string fields[] = {std::to_string(id), CreatedAt(row, defect, variant),
                                row.channel,        subject,
                                description,        row.app_version,
                                row.area,           row.plan,
                                satisfaction,       row.region,
                                row.locale,         row.request_id,
                                row.error_code};
  // A row cut short keeps ticket_id .. feature_area at most.
  const size_t count = defect == Defect::kTooFewFields ? 5 + variant % 3 : std::size(fields);
  std::string line;
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) line.push_back(',');
    line += CsvField(fields[i]);
  }
  return line + "\r\n";
}

}  // namespace

SampleFile BuildTicketsCsv(const PhraseBook& book) {
  SampleRandom rng(kSampleSeed, kStream);
  SampleRandom wording(kSampleSeed, kWordingStream);
  std::vector<TicketRow> rows;
  for (const Draft& d : DraftFeedback(rng, book, kMix)) {
    rows.push_back(ComposeTicket(rng, wording, d));
  }
  AddResubmissions(rng, rows);
  std::vector<bool> eligible;
  eligible.reserve(rows.size());
  for (const TicketRow& row : rows) eligible.push_back(!row.duplicate);
  const std::vector<Defect> defects = PlanDefects(rng, kQuotas, eligible);

  SampleFile file{.name = "tickets.csv", .bytes = std::string(kHeader) + "\r\n", .report = {}};
  uint64_t id = 48213;
  std::map<Defect, int> seen;
  for (size_t i = 0; i < rows.size(); ++i) {
    id += rng.PerMille(900) ? 1 : rng.Between(2, 4);  // other brands share the id space
    const int variant = defects[i] == Defect::kNone ? 0 : seen[defects[i]]++;
    file.bytes += Line(rows[i], id, defects[i], variant);
    FileReport& r = file.report;
    ++r.rows;
    if (defects[i] != Defect::kNone) ++r.defects[defects[i]];
    r.duplicates += rows[i].duplicate;
    r.with_pii += rows[i].pii;
    r.decomposed += rows[i].decomposed;
  }
  return file;
}

}  // namespace docket::workflows::sample
