// Docket's built-in patterns. Every one starts with a literal or a short literal
// alternation (a key prefix, a context word, a trigger phrase), which is what keeps the
// set fast; digit-only shapes live in the hand-written number detector instead.
#include "workflows/redact/internal/pattern_set.h"

namespace docket::workflows::redact::internal {
namespace {

// A capitalised name token: "Anna", "Müller", "Jean-Luc", "O'Connor".
// Combining marks may follow any letter: text that was not NFC-normalized spells "í"
// as "i" + U+0301, and a name must not end before its accent.
#define DOCKET_NAME R"((?:(?:\p{Lu}\p{M}*['’])?\p{Lu}\p{M}*[\p{Ll}\p{M}]+(?:-\p{Lu}\p{M}*[\p{Ll}\p{M}]+)?))"
#define DOCKET_NAMES "(" DOCKET_NAME R"((?:[ \t]+)" DOCKET_NAME "){0,2})"
// A date as written in the supported regions: 04/12/1987, 1990-07-15, 4. März 1987,
// 12 de marzo de 1980, March 12th, 1953.
#define DOCKET_DATE \
  R"((\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}\.?[ \t]+\p{L}{3,10}\.?[ \t]+\d{4}\b|\d{1,2}[ \t]+de[ \t]+\p{L}{3,10}[ \t]+de[ \t]+\d{4}\b|\p{L}{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}\b))"
// Between a birth phrase and its date: punctuation and at most two short filler words
// ("date of birth, March 12, 1953", "date de naissance, le 06/05/1981", "DOB is 4/12/87").
#define DOCKET_DOB_GAP \
  R"([ \t]*[:,\-]?[ \t]*(?i:(?:is|was|ist|war|est|es|le|el|am|on|the|:)[ \t]+){0,2})"
// The separator between an id keyword and the id: "order #123", "Ticket-Nr.: 4711".
#define DOCKET_ID_TAIL \
  R"((?:[ \t]*(?:no|nr|num|number|id|nummer|número|n°))?\.?[ \t]*[:#]?[ \t]*#?[ \t]*([A-Z0-9][A-Z0-9-]{3,29})\b)"

PatternSpec Secret(const char* detector, const char* regex, Trigger trigger, double score = 0.95,
                   PostCheck check = PostCheck::kNone) {
  return {.type = EntityType::kApiKey,
          .detector = detector,
          .validator = "key.shape",
          .regex = regex,
          .group = 1,
          .score = score,
          .check = check,
          .triggers = {std::move(trigger)}};
}

// Triggers (pattern_set.h): where each pattern's matches can start. Keywords are the
// leading literal of every alternative of the pattern's opening alternation, cut before
// the first byte that is not ASCII and not caseless (keeping a shared UTF-8 lead byte),
// with '$' where the pattern requires a non-word byte next.
Trigger Keywords(std::vector<std::string> keywords, Trigger::Start start = Trigger::Start::kAtKeyword) {
  return {.kind = Trigger::Kind::kKeyword, .start = start, .keywords = std::move(keywords)};
}
Trigger ExactKeywords(std::vector<std::string> keywords) {
  return {.kind = Trigger::Kind::kKeyword, .case_sensitive = true, .keywords = std::move(keywords)};
}
Trigger Shape(Trigger::Kind kind) { return {.kind = kind}; }

// A sign-off at the start of a line or sentence, the name after it on the same or the
// next line, also in quoted replies ("> Cheers,\n> Tom").
constexpr const char* kSignOff =
    R"((?m)(?:^|[.!?][ \t]+)[ \t]*(?:>[ \t]*)*(?i:regards|best[ \t]+regards|kind[ \t]+regards|warm[ \t]+regards|best[ \t]+wishes|all[ \t]+the[ \t]+best|many[ \t]+thanks|thanks|thank[ \t]+you|cheers|best|sincerely|yours|mit[ \t]+freundlichen[ \t]+grüßen|freundliche[ \t]+grüße|herzliche[ \t]+grüße|viele[ \t]+grüße|beste[ \t]+grüße|liebe[ \t]+grüße|grüße|gruß|lg|mfg|vielen[ \t]+dank|danke[ \t]+und[ \t]+gr(?:uß|üße)|danke|cordialement|bien[ \t]+à[ \t]+vous|bonne[ \t]+journée|merci[ \t]+d['’]avance|merci[ \t]+beaucoup|merci|atentamente|un[ \t]+saludo|saludos[ \t]+cordiales|saludos|muchas[ \t]+gracias|gracias)[ \t]*[,!.]?[ \t]*\r?\n?[ \t]*(?:>[ \t]*)*-?[ \t]*)" DOCKET_NAMES
    R"([ \t]*(?:$|[.!]))";

}  // namespace

std::vector<PatternSpec> DefaultPatterns() {
  std::vector<PatternSpec> specs = {
      Secret("secret.aws", R"(\b((?:AKIA|ASIA)[0-9A-Z]{16})\b)", ExactKeywords({"AKIA", "ASIA"})),
      Secret("secret.github", R"(\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))",
             ExactKeywords({"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"})),
      Secret("secret.slack", R"(\b(xox[abposr]-[A-Za-z0-9-]{10,}))", ExactKeywords({"xox"})),
      Secret("secret.stripe", R"(\b((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}))",
             ExactKeywords({"sk_live_", "sk_test_", "rk_live_", "rk_test_"})),
      Secret("secret.google", R"(\b(AIza[0-9A-Za-z_-]{35}))", ExactKeywords({"AIza"})),
      Secret("secret.jwt", R"(\b(eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}))",
             ExactKeywords({"eyJ"})),
      Secret("secret.private_key", R"((-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----))",
             {.kind = Trigger::Kind::kLiteral, .keywords = {"-----BEGIN "}}, 0.99),
      Secret("secret.bearer", R"((?i:\bbearer)[ \t]+([A-Za-z0-9._~+/-]{16,}=*))",
             Keywords({"bearer "}), 0.9),
      Secret(
          "secret.assignment",
          R"((?i:\b(?:password|passwd|pwd|passcode|passwort|kennwort|mot de passe|contraseña|secret|client[_ -]?secret|api[_ -]?key|apikey|access[_ -]?token|auth[_ -]?token|token))[ \t]*[:=][ \t]*["']?([^\s"',;]{4,}))",
          Keywords({"pass", "pwd", "kennwort", "mot de passe", "contrase", "secret", "client", "api",
                    "access", "auth", "token"}),
          0.85, PostCheck::kSecretValue),
      Secret(
          "secret.password_is",
          R"((?i:\b(?:password|passwort|pwd|passcode|pin)[ \t]+(?:is|was|ist|est|es))[ \t]+["']?([^\s"',;]{4,}))",
          Keywords({"password ", "passwort ", "pwd ", "passcode ", "pin "}), 0.8,
          PostCheck::kSpokenSecret),
      {.type = EntityType::kUrlSecret,
       .detector = "url.query",
       .validator = "url.secret_parameter",
       .regex =
           R"([?&#](?i:token|access_token|refresh_token|id_token|api_key|apikey|key|sig|signature|password|secret|client_secret|auth)=([^&\s#"'<>]{6,}))",
       .group = 1,
       .score = 0.9,
       .check = PostCheck::kSecretValue,
       .triggers = {Keywords({"token=", "access_token=", "refresh_token=", "id_token=", "api_key=",
                              "apikey=", "key=", "sig=", "signature=", "password=", "secret=",
                              "client_secret=", "auth="},
                             Trigger::Start::kAfterQueryMark)}},

      {.type = EntityType::kOrderId,
       .detector = "order.context",
       .validator = "id.digits",
       .regex =
           R"((?i)\b(?:order|bestellung|bestellnr|bestellnummer|commande|pedido|ordine))" DOCKET_ID_TAIL,
       .group = 1,
       .score = 0.9,
       .check = PostCheck::kIdDigits,
       .triggers = {Keywords({"order", "bestell", "commande", "pedido", "ordine"})}},
      {.type = EntityType::kTicketId,
       .detector = "ticket.context",
       .validator = "id.digits",
       .regex =
           R"((?i)\b(?:ticket|case|incident|vorgang|ticketnummer|caso))" DOCKET_ID_TAIL,
       .group = 1,
       .score = 0.85,
       .check = PostCheck::kIdDigits,
       .triggers = {Keywords({"ticket", "case", "incident", "vorgang", "caso"})}},
      // "request #4711" or "request number 4711" is a ticket; "request id 9f8e…" is a
      // tracing id, which is no PII.
      {.type = EntityType::kTicketId,
       .detector = "ticket.request",
       .validator = "id.digits",
       .regex =
           R"((?i)\brequest[ \t]*(?:#|(?:no|nr|num|number|n°)\.?[ \t]*[:#]?)[ \t]*#?[ \t]*([A-Z0-9][A-Z0-9-]{3,29})\b)",
       .group = 1,
       .score = 0.85,
       .check = PostCheck::kIdDigits,
       .triggers = {Keywords({"request"})}},
      {.type = EntityType::kCustomerId,
       .detector = "customer.context",
       .validator = "id.digits",
       .regex =
           R"((?i)\b(?:customer|client|member|kunde|kunden|kundennummer|cliente))" DOCKET_ID_TAIL,
       .group = 1,
       .score = 0.85,
       .check = PostCheck::kIdDigits,
       .triggers = {Keywords({"customer", "client", "member", "kunde"})}},

      {.type = EntityType::kDateOfBirth,
       .detector = "dob.context",
       .validator = "date.range",
       .regex =
           R"((?i)\b(?:born(?:[ \t]+on)?|dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday|geburtsdatum|geburtstag|geboren(?:[ \t]+am)?|née?[ \t]+le|date[ \t]+de[ \t]+naissance|fecha[ \t]+de[ \t]+nacimiento|nac[ií]d[oa][ \t]+el|nac[ií][ \t]+el))" DOCKET_DOB_GAP
               DOCKET_DATE,
       .group = 1,
       .score = 0.9,
       .check = PostCheck::kDate,
       // "n\xC3": née, nÉe (é and É share the lead byte).
       .triggers = {Keywords({"born", "dob", "d.o.b", "date ", "birth", "geburts", "geboren",
                              "n\xC3", "fecha ", "nac"})}},
      // German puts the verb last: "Ich bin am 10.06.1958 geboren".
      {.type = EntityType::kDateOfBirth,
       .detector = "dob.context_after",
       .validator = "date.range",
       .regex = R"((?i)\b(?:am|den)[ \t]+)" DOCKET_DATE R"([ \t]+geboren\b)",
       .group = 1,
       .score = 0.9,
       .check = PostCheck::kDate,
       .triggers = {Keywords({"am ", "den "})}},

      {.type = EntityType::kStreetAddress,
       .detector = "address.en",
       .validator = "street_word",
       .regex =
           R"(\b(\d{1,5}[A-Za-z]?[ \t]+(?:\p{Lu}\p{Ll}+(?:['’]s)?\.?[ \t]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|Square|Parkway|Pkwy)\b\.?(?:,?[ \t]+(?:Apt|Suite|Unit|Flat)\.?[ \t]*[A-Za-z0-9-]+)?))",
       .group = 1,
       .score = 0.8,
       .triggers = {Shape(Trigger::Kind::kStreetNumberEn)}},
      {.type = EntityType::kStreetAddress,
       .detector = "address.de",
       .validator = "street_word",
       .regex =
           R"((\p{Lu}\p{Ll}+(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|[ -](?:Straße|Strasse|Str\.|Weg|Allee|Platz))[ \t]+\d{1,4}[ \t]?[a-z]?\b))",
       .group = 1,
       .score = 0.8,
       .triggers = {Shape(Trigger::Kind::kGermanStreet)}},
      // "Am Markt 61", "An der Alster 3": streets named by a preposition, recognised
      // only with the postcode and town that follow in an address.
      {.type = EntityType::kStreetAddress,
       .detector = "address.de_preposition",
       .validator = "postcode_follows",
       .regex =
           R"(\b((?:Am|An[ \t]+der|An[ \t]+den|Auf[ \t]+dem|Auf[ \t]+der|Im|In[ \t]+der|Zum|Zur)[ \t]+\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?[ \t]+\d{1,4}[ \t]?[a-z]?),?[ \t]+\d{5}[ \t]+\p{Lu})",
       .group = 1,
       .score = 0.8,
       .triggers = {ExactKeywords({"Am ", "An ", "Auf ", "Im ", "In ", "Zum ", "Zur "})}},
      {.type = EntityType::kStreetAddress,
       .detector = "address.fr",
       .validator = "street_word",
       .regex =
           R"(\b(\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?i:rue|avenue|boulevard|place|chemin|allée|impasse|quai)[ \t]+(?:(?:de|du|des|la|le|l'|d')[ \t]*)*\p{Lu}[\p{L}'-]+(?:[ \t]+\p{Lu}[\p{L}'-]+){0,3}))",
       .group = 1,
       .score = 0.8,
       .triggers = {Shape(Trigger::Kind::kStreetNumberFr)}},
      {.type = EntityType::kStreetAddress,
       .detector = "address.es",
       .validator = "street_word",
       .regex =
           R"(\b((?:Calle|Avenida|Avda\.|Plaza|Paseo|Carrer)[ \t]+(?:(?:de|del|la)[ \t]+)*\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2},?[ \t]+(?:n\.?º[ \t]*)?\d{1,4}))",
       .group = 1,
       .score = 0.8,
       .triggers = {ExactKeywords({"Calle ", "Avenida ", "Avda.", "Plaza ", "Paseo ", "Carrer "})}},

      {.type = EntityType::kPostcode,
       .detector = "postcode.us",
       .validator = "state_code",
       .regex =
           R"(\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC),?[ \t]+(\d{5}(?:-\d{4})?)\b)",
       .group = 1,
       .score = 0.85,
       .triggers = {ExactKeywords({"AL$", "AK$", "AZ$", "AR$", "CA$", "CO$", "CT$", "DE$", "FL$",
                                   "GA$", "HI$", "ID$", "IL$", "IN$", "IA$", "KS$", "KY$", "LA$",
                                   "ME$", "MD$", "MA$", "MI$", "MN$", "MS$", "MO$", "MT$", "NE$",
                                   "NV$", "NH$", "NJ$", "NM$", "NY$", "NC$", "ND$", "OH$", "OK$",
                                   "OR$", "PA$", "RI$", "SC$", "SD$", "TN$", "TX$", "UT$", "VT$",
                                   "VA$", "WA$", "WV$", "WI$", "WY$", "DC$"})}},
      {.type = EntityType::kPostcode,
       .detector = "postcode.uk",
       .validator = "uk.area",
       .regex = R"(\b((?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]?\d[A-Z]{2})\b)",
       .group = 1,
       .score = 0.8,
       .check = PostCheck::kUkPostcode,
       .triggers = {Shape(Trigger::Kind::kUkPostcode)}},
      {.type = EntityType::kPostcode,
       .detector = "postcode.context",
       .validator = "context",
       .regex =
           R"((?:(?i:\bpost[ \t]?code|\bpostal[ \t]+code|\bzip(?:[ \t]?code)?|\bcode[ \t]+postal|\bc[oó]digo[ \t]+postal|\bpostleitzahl)|\bPLZ|\bD-)[ \t]*[:#]?[ \t]*(\d{4,5}(?:-\d{4})?)\b)",
       .group = 1,
       .score = 0.8,
       // "c\xC3": código, cÓdigo. PLZ and D- are case-sensitive: matched folded, a superset.
       .triggers = {Keywords({"post", "zip", "code ", "codigo ", "c\xC3", "plz", "d-"})}},

      {.type = EntityType::kPersonName,
       .detector = "name.trigger",
       .validator = "not_common_word",
       .regex =
           R"((?i:\bmy[ \t]+name[ \t]+is|\bmy[ \t]+name['’]s|\bmein[ \t]+name[ \t]+ist|\bich[ \t]+hei(?:ß|ss)e|\bje[ \t]+m['’]appelle|\bme[ \t]+llamo|\bmi[ \t]+nombre[ \t]+es|\bcall[ \t]+me|\baccount[ \t]+is[ \t]+(?:under|in[ \t]+the[ \t]+name[ \t]+of)|\bau[ \t]+nom[ \t]+de|\ba[ \t]+nombre[ \t]+de|\bauf[ \t]+den[ \t]+namen)[ \t]+)" DOCKET_NAMES,
       .group = 1,
       .score = 0.9,
       .check = PostCheck::kPersonName,
       .triggers = {Keywords({"my name", "mein name ", "ich hei", "je m$", "me llamo ",
                              "mi nombre ", "call me ", "account is ", "au nom ", "a nombre ",
                              "auf den namen "})}},
      {.type = EntityType::kPersonName,
       .detector = "name.self",
       .validator = "not_common_word",
       .regex =
           R"((?i:\bi['’]m|\bi[ \t]+am|\bthis[ \t]+is|\bje[ \t]+suis|\bsoy|\bich[ \t]+bin|\bhier[ \t]+ist)[ \t]+)" DOCKET_NAMES,
       .group = 1,
       .score = 0.65,
       .check = PostCheck::kPersonName,
       .triggers = {Keywords({"i'm ", "i\xE2\x80\x99m ", "i am ", "this is ", "je suis ", "soy ",
                              "ich bin ", "hier ist "})}},
      {.type = EntityType::kPersonName,
       .detector = "name.honorific",
       .validator = "not_common_word",
       .regex = R"(\b(?:Mr|Mrs|Ms|Miss|Dr|Herr|Frau|Mme|Mlle|Sr|Sra)\.?[ \t]+)" DOCKET_NAMES,
       .group = 1,
       .score = 0.85,
       .check = PostCheck::kPersonName,
       .triggers = {ExactKeywords({"Mr$", "Mrs$", "Ms$", "Miss$", "Dr$", "Herr$", "Frau$", "Mme$",
                                   "Mlle$", "Sr$", "Sra$"})}},
      // Greetings and sign-offs at the start of a line or sentence, also in quoted
      // replies ("> Hi Anna,", "> Cheers,\n> Tom").
      {.type = EntityType::kPersonName,
       .detector = "name.greeting",
       .validator = "not_common_word",
       .regex =
           R"((?m)(?:^|[.!?][ \t]+)[ \t]*(?:>[ \t]*)*(?i:hi|hello|hey|dear|hallo|liebe|lieber|bonjour|salut|hola|ciao|buongiorno)[ \t]+)" DOCKET_NAMES
           R"([ \t]*[,!])",
       .group = 1,
       .score = 0.8,
       .check = PostCheck::kPersonName,
       .triggers = {Keywords({"hi ", "hello ", "hey ", "dear ", "hallo ", "liebe ", "lieber ",
                              "bonjour ", "salut ", "hola ", "ciao ", "buongiorno "},
                             Trigger::Start::kLineOrSentence)}},
      {.type = EntityType::kPersonName,
       .detector = "name.signoff",
       .validator = "not_common_word",
       .regex = kSignOff,
       .group = 1,
       .score = 0.75,
       .check = PostCheck::kPersonName,
       // "gr\xC3": grüße, GRÜSSE's lead byte.
       .triggers = {Keywords({"regards", "best", "kind ", "warm ", "all ", "many ", "thank",
                              "cheers", "sincerely", "yours", "mit ", "freundliche", "herzliche",
                              "viele ", "liebe ", "gr\xC3", "gru", "lg", "mfg", "vielen ", "danke",
                              "cordialement", "bien ", "bonne ", "merci", "atentamente", "un ",
                              "saludos", "muchas ", "gracias"},
                             Trigger::Start::kLineOrSentence)}},
      // Chat transcripts: the speaker label at the start of a line, after a clock time
      // or a role ("[9:44] Rhys:", "(19:20:52) Agent Maya:", "Kunde Jonas Weber:").
      {.type = EntityType::kPersonName,
       .detector = "name.speaker",
       .validator = "not_common_word",
       .regex =
           R"((?m)^[ \t]*(?:(?:[\[(][ \t]*\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?[ \t]*[\])]|\d{1,2}:\d{2}(?::\d{2})?)[ \t]*-?[ \t]*(?:(?i:agent|agente|support|customer|client|cliente|kunde|kundin|conseill(?:er|ère)|berater(?:in)?|mitarbeiter(?:in)?|operator)[ \t]+)?|(?i:agent|agente|support|customer|client|cliente|kunde|kundin|conseill(?:er|ère)|berater(?:in)?|mitarbeiter(?:in)?|operator)[ \t]+))" DOCKET_NAMES
           R"([ \t]*:)",
       .group = 1,
       .score = 0.8,
       .check = PostCheck::kPersonName,
       .triggers = {Keywords({"agent", "support", "customer", "client", "kund", "conseill",
                              "berater", "mitarbeiter", "operator"},
                             Trigger::Start::kLineStart),
                    Shape(Trigger::Kind::kClockLine)}},
      // Form fields: "Name: Anna Schmidt", "Nombre: Lucía Fernández".
      {.type = EntityType::kPersonName,
       .detector = "name.form_field",
       .validator = "not_common_word",
       .regex =
           R"((?m)^[ \t]*(?i:name|full[ \t]+name|your[ \t]+name|customer[ \t]+name|contact[ \t]+name|nombre|nombre[ \t]+completo|nom|nom[ \t]+complet|prénom|vorname|nachname|vollständiger[ \t]+name)[ \t]*:[ \t]*)" DOCKET_NAMES
           R"([ \t]*$)",
       .group = 1,
       .score = 0.85,
       .check = PostCheck::kPersonName,
       // "pr\xC3": prénom; "vollst\xC3": vollständiger.
       .triggers = {Keywords({"name", "full ", "your ", "customer ", "contact ", "nom",
                              "pr\xC3", "vorname", "nachname", "vollst\xC3"},
                             Trigger::Start::kLineStart)}},
      // RFC 5322 display name: "From: Anna Schmidt <anna@example.com>", also in the
      // "On …, Anna Schmidt <…> wrote:" line above a quoted reply.
      {.type = EntityType::kPersonName,
       .detector = "name.display_name",
       .validator = "not_common_word",
       .regex = R"((?:^|[\s:,;>"(]))" DOCKET_NAMES R"([ \t]+<[^\s<>@]{1,64}@)",
       .group = 1,
       .score = 0.8,
       .check = PostCheck::kPersonName,
       .triggers = {Shape(Trigger::Kind::kDisplayName)}},
  };
  // The name patterns are prefix + DOCKET_NAMES + suffix: split them (GroupSplit).
  static constexpr std::string_view kNames = DOCKET_NAMES;
  static constexpr std::pair<std::string_view, GroupSplit::Suffix> kSuffixes[] = {
      {"", GroupSplit::Suffix::kNone},
      {R"([ \t]*[,!])", GroupSplit::Suffix::kBlanksComma},
      {R"([ \t]*:)", GroupSplit::Suffix::kBlanksColon},
      {R"([ \t]*$)", GroupSplit::Suffix::kBlanksLineEnd},
      {R"([ \t]*(?:$|[.!]))", GroupSplit::Suffix::kBlanksEnd},
      {R"([ \t]+<[^\s<>@]{1,64}@)", GroupSplit::Suffix::kAngleAddress},
  };
  for (PatternSpec& spec : specs) {
    const size_t at = spec.regex.find(kNames);
    if (spec.group != 1 || at == std::string::npos) continue;
    const std::string_view suffix = std::string_view(spec.regex).substr(at + kNames.size());
    const std::string flags = spec.regex.starts_with("(?m)") ? "(?m)" : "";
    for (const auto& [text, kind] : kSuffixes) {
      if (suffix != text) continue;
      spec.split = GroupSplit{.prefix = spec.regex.substr(0, at),
                              .group = std::string(kNames),
                              .suffix = kind == GroupSplit::Suffix::kNone ? "" : flags + std::string(suffix),
                              .kind = kind};
    }
  }
  return specs;
}

#undef DOCKET_NAME
#undef DOCKET_NAMES
#undef DOCKET_ID_TAIL
#undef DOCKET_DATE
#undef DOCKET_DOB_GAP

}  // namespace docket::workflows::redact::internal
