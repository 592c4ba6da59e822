#include "workflows/redact/internal/context_words.h"

#include <algorithm>

#include "workflows/redact/internal/utf8_units.h"

namespace docket::workflows::redact::internal {
namespace {

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         u >= 0x80;
}

// Calls `emit` with each word and each symbol that matters for numbers, in order.
// "€" and "£" are their own tokens even when glued to digits or letters.
template <typename Emit>
void ForEachToken(std::string_view text, Emit emit) {
  size_t word_start = 0;
  size_t word_size = 0;
  const auto flush = [&] {
    if (word_size > 0) emit(text.substr(word_start, word_size));
    word_size = 0;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (text.substr(i, 3) == "\xE2\x82\xAC" || text.substr(i, 2) == "\xC2\xA3") {
      flush();
      const size_t length = text[i] == '\xE2' ? 3 : 2;
      emit(text.substr(i, length));
      i += length - 1;
    } else if (IsWordByte(c)) {
      if (word_size == 0) word_start = i;
      ++word_size;
    } else {
      flush();
      if (c == '$' || c == '#') emit(text.substr(i, 1));
    }
  }
  flush();
}

// True if `token` (original case) equals the next word of the lower-case `phrase`
// once ASCII letters are folded; then drops that word and its space from `phrase`.
bool ConsumeWord(std::string_view token, std::string_view& phrase) {
  if (token.size() > phrase.size()) return false;
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c) != phrase[i]) return false;
  }
  if (token.size() == phrase.size()) {
    phrase = {};
    return true;
  }
  if (phrase[token.size()] != ' ') return false;
  phrase.remove_prefix(token.size() + 1);
  return true;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// True if a new sentence starts at `pos` (a non-space byte): the text before it, past
// at most a few bytes of whitespace and e-mail quote markers, ends in '.', '!' or '?'
// and `pos` is not a digit or lower-case letter ("Tel. 030 ...", "No. 5" and "e.g. this"
// continue the sentence), or a blank line separates it from the text before.
bool SentenceStartsAt(std::string_view text, size_t pos) {
  constexpr size_t kMaxGap = 12;
  const char first = text[pos];
  size_t i = pos;
  int newlines = 0;
  while (i > 0 && pos - i < kMaxGap && (IsSpace(text[i - 1]) || text[i - 1] == '>')) {
    if (text[i - 1] == '\n') ++newlines;
    --i;
  }
  if (i == pos) return false;  // no gap: inside a token
  if (newlines >= 2) return true;
  if (i == 0) return false;
  const char end = text[i - 1];
  if (end != '.' && end != '!' && end != '?') return false;
  return !((first >= '0' && first <= '9') || (first >= 'a' && first <= 'z'));
}

}  // namespace

ContextWindow::ContextWindow(std::string_view text, size_t start, size_t end, size_t before,
                             size_t after) {
  size_t from = start > before ? start - before : 0;
  // Context is the candidate's own sentence: a price or "error" in the sentence before
  // says nothing about "Meine Telefonnummer: 030 1234567".
  for (size_t i = start + 1; i-- > from;) {
    if (i < text.size() && !IsSpace(text[i]) && text[i] != '>' && SentenceStartsAt(text, i)) {
      from = i;
      break;
    }
  }
  from = UnitBoundaryAtOrAfter(text, from);
  // Drop a partial first word: whole words only.
  if (from > 0 && from < start && IsWordByte(text[from - 1])) {
    while (from < start && IsWordByte(text[from])) ++from;
  }
  size_t to = std::min(text.size(), end + after);
  for (size_t i = end; i < to; ++i) {
    if (!IsSpace(text[i]) && text[i] != '>' && SentenceStartsAt(text, i)) {
      to = i;
      break;
    }
  }
  to = UnitBoundaryAtOrBefore(text, to);
  if (to < text.size() && to > end && IsWordByte(text[to])) {
    while (to > end && IsWordByte(text[to - 1])) --to;
  }
  before_.Assign(text.substr(from, start - from));
  after_.Assign(text.substr(end, to - end));
}

void ContextWindow::Tokens::Assign(std::string_view text) {
  size_ = 0;
  heap_.clear();
  if (text.size() <= kInline) {
    ForEachToken(text, [&](std::string_view token) { inline_[size_++] = token; });
  } else {
    ForEachToken(text, [&](std::string_view token) { heap_.push_back(token); });
    size_ = heap_.size();
  }
}

bool ContextWindow::Contains(const Tokens& tokens, std::initializer_list<std::string_view> words) {
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (std::string_view phrase : words) {
      // A phrase is words separated by one space, matched against consecutive tokens.
      std::string_view rest = phrase;
      for (size_t index = i; index < tokens.size() && ConsumeWord(tokens[index], rest); ++index) {
        if (rest.empty()) return true;
      }
    }
  }
  return false;
}

bool ContextWindow::Before(std::initializer_list<std::string_view> words) const {
  return Contains(before_, words);
}

bool ContextWindow::After(std::initializer_list<std::string_view> words) const {
  return Contains(after_, words);
}

double AdjustScore(EntityType type, const ContextWindow& context, double score) {
  bool raise = false;
  bool lower = false;
  const bool numeric = type == EntityType::kPhone || type == EntityType::kPaymentCard ||
                       type == EntityType::kUsSsn || type == EntityType::kIpAddress ||
                       type == EntityType::kBankAccount || type == EntityType::kBankRouting;
  if (numeric) {
    lower =
        context.Before({"version", "ver",   "v",     "build", "release",  "error",   "err", "code",
                        "sku",     "price", "total", "cost",  "$",        "€",       "£",   "usd",
                        "eur",     "model", "part",  "item",  "firmware", "tracking"}) ||
        context.After({"usd", "eur", "€", "$", "dollars", "euro", "euros"});
  }
  switch (type) {
    case EntityType::kPhone:
      raise =
          context.Around({"phone",    "call",     "call me", "tel",       "telephone", "mobile",
                          "cell",     "whatsapp", "sms",     "text me",   "reach me",  "contact",
                          "fax",      "handy",    "telefon", "rufnummer", "anrufen",   "téléphone",
                          "portable", "teléfono", "móvil",   "llámame"});
      lower = lower ||
              context.Before({"order", "ticket", "invoice", "ref", "reference", "case", "customer",
                              "id", "#", "sn", "serial", "imei", "iban", "sku", "tracking"});
      break;
    case EntityType::kPaymentCard:
      raise = context.Around({"card", "credit", "debit", "visa", "mastercard", "amex", "cc",
                              "karte", "kreditkarte", "carte", "tarjeta"});
      break;
    case EntityType::kEmail:
      raise = context.Around({"email", "e-mail", "mail", "contact", "write"});
      break;
    case EntityType::kIpAddress:
      raise = context.Around({"ip", "ips", "address", "adresse", "dirección", "server", "host",
                              "from", "addr", "client", "login", "logged", "connexion",
                              "connection", "connected", "acceso", "anmeldung"});
      // A dotted quad right after an update is a version, whatever its syntax.
      lower = lower || context.Before({"update", "updated", "updating", "upgrade", "upgraded",
                                       "upgrading", "versión", "versione", "actualización",
                                       "mise à jour", "aktualisierung", "patch"});
      break;
    case EntityType::kUsSsn:
      raise = context.Around({"ssn", "social security", "social"});
      break;
    case EntityType::kIban:
      raise = context.Around({"iban", "bank", "account", "konto", "sepa", "transfer"});
      break;
    default:
      break;
  }
  if (raise) score += 0.15;
  if (lower) score -= 0.4;
  // Context alone never reaches 1.0, which is reserved for the deny list.
  return std::clamp(score, 0.0, 0.99);
}

}  // namespace docket::workflows::redact::internal
