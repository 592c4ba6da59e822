// Structured shapes of the held-out set: web-form submissions, CSV export rows,
// markdown bug reports with log excerpts and stack traces, and forwarded emails.
#include <array>

#include "tests/golden/redaction/heldout_shapes.h"

namespace docket::golden::redaction {
namespace {

// Log lines of a bug report: most carry only negatives (timestamps, trace ids, private
// endpoints, hashes); some carry the reporter's data as apps really log it.
constexpr std::string_view kLogLines[] = {
    "{TIMESTAMP} INFO  [checkout] trace_id={UUID} POST /v2/checkout",
    "{TIMESTAMP} INFO  [checkout] customer={CUSTOMER} order={ORDER} items=2",
    "{TIMESTAMP} WARN  [payments] upstream {PRIVATEIP} timed out after 3000 ms",
    "{TIMESTAMP} ERROR [payments] req={REQID} client_ip={IP} user={EMAIL} status=502 "
    "code={ERRCODE}",
    "{TIMESTAMP} DEBUG [auth] Authorization: Bearer {APIKEY}",
    "{TIMESTAMP} INFO  [http] GET {URLSECRET} -> 401",
    "{TIMESTAMP} INFO  [http] GET {PLAINURL} -> 200 in 182 ms",
    "{TIMESTAMP} DEBUG [db] connected to {PRIVATEIP} schema={HEXSHA}",
    "{TIMESTAMP} INFO  [session] login from {IP} session={UUID}",
    "{TIMESTAMP} INFO  [support] linked {TICKET} to trace {REQID}",
    "{TIMESTAMP} ERROR [app] request {REQID} failed with {ERRCODE}",
};

void Field(HeldoutComposer& c, std::string_view label, std::string_view pattern) {
  c.Plain(label);
  c.Plain(": ");
  c.Expand(pattern);
  c.Plain("\n");
}

std::string_view NamePattern(SampleRandom& rng) {
  switch (rng.Weighted(std::array<int, 3>{75, 15, 10})) {
    case 0:
      return "{NAME}";
    case 1:
      return "{NAME_LC}";
    default:
      return "{NAME_UC}";
  }
}

}  // namespace

void ComposeWebForm(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c) {
  const FormLabels& l = pack.labels;
  if (rng.PerMille(400)) c.Plain("New submission: Contact form (acmeshop.com)\n\n");
  Field(c, l.name, NamePattern(rng));
  Field(c, l.email, "{EMAIL}");
  if (rng.PerMille(600)) Field(c, l.phone, "{PHONE}");
  if (rng.PerMille(450)) Field(c, l.order, "{ORDER}");
  if (rng.PerMille(200)) Field(c, l.customer, "{CUSTOMER}");
  if (rng.PerMille(250)) {
    Field(c, l.street, "{STREET}");
    Field(c, l.postcode, "{POSTCODE}");
    Field(c, l.city, "{CITY}");
  }
  if (rng.PerMille(120)) Field(c, l.birth_date, "{DOB}");
  // US refund forms ask for ACH details.
  if (c.region() == "US" && rng.PerMille(250)) {
    Field(c, "Routing number (for refunds)", "{ROUTING}");
    Field(c, "Account number", "{ACCOUNT}");
  }
  if (rng.PerMille(300)) Field(c, l.subject, rng.Pick(pack.bug_titles));
  c.Plain(l.message);
  c.Plain(": ");
  c.Expand(rng.Pick(pack.issues));
  if (rng.PerMille(500)) {
    c.Plain(rng.PerMille(500) ? "\n" : ". ");
    c.Expand(PickTypedLine(rng, pack.pii_lines, c.region()));
  }
}

void ComposeCsvExport(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c) {
  static constexpr std::string_view kChannels[] = {"ios", "android", "web"};
  const std::string d = pack.lang != "en" && rng.PerMille(500) ? ";" : ",";
  c.Plain("created_at" + d + "channel" + d + "app_version" + d + "rating" + d + "email" + d +
          "comment");
  const int rows = rng.Between(1, 3);
  for (int i = 0; i < rows; ++i) {
    if (i > 0) c.NextCustomer();
    c.Plain("\n");
    c.Expand("{CSVTIME}");
    c.Plain(d + std::string(rng.Pick(kChannels)) + d);
    c.Expand("{VERSION}");
    c.Plain(d + std::to_string(rng.Between(1, 5)) + d);
    if (rng.PerMille(650)) c.Expand("{EMAIL}");
    c.Plain(d + "\"");
    c.Expand(rng.Pick(pack.issues));
    if (rng.PerMille(550)) {
      c.Plain(". ");
      c.Expand(PickTypedLine(rng, pack.pii_lines, c.region()));
    }
    c.Plain("\"");
  }
}

void ComposeBugReport(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c) {
  c.Plain("## ");
  c.Expand(rng.Pick(pack.bug_titles));
  c.Plain("\n\n");
  c.Expand("**App:** {VERSION} ({BUILD}) · **Device:** {DEVICE} · **Commit:** {HEXSHA}\n");
  if (rng.PerMille(450)) c.Expand("**Reporter:** {NAME} <{EMAIL}>\n");
  c.Plain("\n");
  c.Plain(pack.steps_heading);
  const int steps = rng.Between(2, 4);
  const size_t first = rng.Below(pack.bug_steps.size());
  for (int i = 1; i <= steps; ++i) {
    c.Plain("\n" + std::to_string(i) + ". ");
    c.Expand(pack.bug_steps[(first + static_cast<size_t>(i)) % pack.bug_steps.size()]);
  }
  c.Plain("\n\n");
  c.Plain(pack.logs_heading);
  c.Plain("\n```\n");
  const int lines = rng.Between(3, 6);
  for (int i = 0; i < lines; ++i) {
    c.Expand(rng.Pick(kLogLines));
    c.Plain("\n");
  }
  if (rng.PerMille(600)) {
    c.Plain("java.lang.IllegalStateException: payment sheet closed\n");
    const int frames = rng.Between(2, 3);
    for (int i = 0; i < frames; ++i) c.Expand("    {STACKFRAME}\n");
  }
  c.Plain("```");
  if (rng.PerMille(300)) {
    c.Plain("\n\n");
    c.Expand(PickTypedLine(rng, pack.pii_lines, c.region()));
  }
}

void ComposeForwardedEmail(SampleRandom& rng, const HeldoutPack& pack, HeldoutComposer& c) {
  const FormLabels& l = pack.labels;
  c.Expand(rng.Pick(pack.forward_notes));
  if (rng.PerMille(500)) c.Expand("\n{FIRST}");
  c.Plain("\n\n");
  c.Plain(pack.forward_marker);
  c.Plain("\n");
  Field(c, l.from, rng.PerMille(800) ? "{NAME} <{EMAIL}>" : "{EMAIL}");
  Field(c, l.date, "{DATE} {TIME}");
  Field(c, l.subject, rng.Pick(pack.bug_titles));
  Field(c, l.to, "Acme Support <{SUPPORTMAIL}>");
  c.Plain("\n");
  c.Expand(rng.Pick(pack.issues));
  const int pii = 1 + static_cast<int>(rng.Below(2));
  std::string_view previous;
  for (int i = 0; i < pii; ++i) {
    std::string_view line = PickTypedLine(rng, pack.pii_lines, c.region());
    if (line == previous) line = PickTypedLine(rng, pack.pii_lines, c.region());
    previous = line;
    c.Plain(rng.PerMille(500) ? "\n" : ". ");
    c.Expand(line);
  }
  switch (rng.Weighted(std::array<int, 3>{45, 35, 20})) {
    case 0:
      c.Expand("\n\n-- \n{NAME}\n{PHONE}");
      break;
    case 1:
      c.Expand("\n\n{NAME}");
      break;
    default:
      break;
  }
}

}  // namespace docket::golden::redaction
