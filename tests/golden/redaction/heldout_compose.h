// HeldoutComposer builds one held-out evaluation text: it appends plain text and expands
// line templates of heldout_phrases.h, turning PII slots into annotated spans (byte
// offsets into the UTF-8 text) and negative slots into plain text, and counts what it
// planted. The customer, a second person (partner), the agent and the customer's
// address are fixed per record until NextCustomer() (a CSV export holds several
// customers). Not thread-safe; one composer per record.
//
// PII slots: NAME FIRST LAST OTHER AGENT, the lower-case NAME_LC FIRST_LC and the
// upper-case NAME_UC, EMAIL PHONE CARD IBAN ROUTING ACCOUNT SSN IP URLSECRET APIKEY,
// ADDRESS (street, postcode, city as the region writes them) or its parts STREET and
// POSTCODE (CITY and the lower-case CITY_LC are plain text), DOB ORDER TICKET CUSTOMER.
// Negative slots: those of eval_compose (VERSION BUILD ERRCODE PRICE DATE SKU TRACKING
// BADCARD BADIBAN PERCENT PRODUCTCODE SUPPORTMAIL PLAINURL DEVICE TIME N) and UUID HEXSHA
// REQID TIMESTAMP CSVTIME PRIVATEIP STACKFRAME PASTDATE.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/golden/redaction/heldout_phrases.h"
#include "tests/golden/redaction/pii_eval_set.h"
#include "tests/golden/redaction/pii_values.h"

namespace docket::golden::redaction {

class HeldoutComposer {
 public:
  HeldoutComposer(SampleRandom& rng, const HeldoutPack& pack, std::string region);

  void Plain(std::string_view text) { text_ += text; }
  // Appends `pattern` with every {SLOT} filled. An unknown slot is a bug in the phrase
  // tables and aborts the generator (DOCKET_CHECK).
  void Expand(std::string_view pattern);
  // Draws a new customer (name, email, address) for the next rows of an export.
  void NextCustomer();

  const std::string& text() const { return text_; }
  const std::string& region() const { return region_; }
  std::vector<GoldSpan> TakeSpans() { return std::move(spans_); }
  // Tricky negatives planted, by slot name ("UUID", "VERSION", ...).
  const std::map<std::string, int>& negatives() const { return negatives_; }

 private:
  void Span(EntityType type, std::string_view value);
  void Negative(std::string_view slot, std::string_view value);
  const Address& CustomerAddress();
  bool FillName(std::string_view slot);
  bool FillPii(std::string_view slot);
  bool FillNegative(std::string_view slot);

  SampleRandom& rng_;
  const HeldoutPack& pack_;
  std::string region_;
  Person customer_;
  Person other_;
  Person agent_;
  std::string email_;
  std::optional<Address> address_;
  std::string text_;
  std::vector<GoldSpan> spans_;
  std::map<std::string, int> negatives_;
};

// `text` with Latin letters (ASCII and the Latin-1 supplement: é, Ö, ñ, ...) lowered or
// raised; other bytes unchanged.
std::string LowerLatin(std::string_view text);
std::string UpperLatin(std::string_view text);

}  // namespace docket::golden::redaction
