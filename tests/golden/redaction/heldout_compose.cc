// Slot filling of the held-out set. PII values come from the shared makers of
// pii_values.h; only the texts around them are new.
#include "tests/golden/redaction/heldout_compose.h"

#include "engine/base/check.h"
#include "tests/golden/redaction/heldout_values.h"

namespace docket::golden::redaction {
namespace {

using enum EntityType;

constexpr std::string_view kRegions[] = {"US", "GB", "DE", "FR", "ES"};

Person PickPerson(SampleRandom& rng, const HeldoutPack& pack) {
  const NamePart& first = rng.Pick(pack.first_names);
  const NamePart& last = rng.Pick(pack.last_names);
  return {std::string(first.written), std::string(last.written), std::string(first.ascii),
          std::string(last.ascii)};
}

// In the Latin-1 supplement (0xC3 xx) upper and lower case letters are 0x20 apart, as in
// ASCII; × (0xC3 0x97) and ÷ (0xC3 0xB7) are not letters, ß (0xC3 0x9F) stays.
std::string ShiftCase(std::string_view text, bool lower) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (lower && c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
      if (!lower && c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (lower && d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 32);
      if (!lower && d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 32);
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string LowerLatin(std::string_view text) { return ShiftCase(text, true); }
std::string UpperLatin(std::string_view text) { return ShiftCase(text, false); }

HeldoutComposer::HeldoutComposer(SampleRandom& rng, const HeldoutPack& pack, std::string region)
    : rng_(rng), pack_(pack), region_(std::move(region)) {
  agent_ = PickPerson(rng_, pack_);
  other_ = PickPerson(rng_, pack_);
  NextCustomer();
}

void HeldoutComposer::NextCustomer() {
  // The customer's first name differs from the agent's, so a chat is readable.
  do {
    customer_ = PickPerson(rng_, pack_);
  } while (customer_.first == agent_.first);
  email_ = MakeEmail(rng_, customer_);
  address_.reset();
}

const Address& HeldoutComposer::CustomerAddress() {
  if (!address_) address_ = MakeAddress(rng_, region_);
  return *address_;
}

void HeldoutComposer::Span(EntityType type, std::string_view value) {
  spans_.push_back({text_.size(), text_.size() + value.size(), type});
  text_ += value;
}

void HeldoutComposer::Negative(std::string_view slot, std::string_view value) {
  ++negatives_[std::string(slot)];
  text_ += value;
}

void HeldoutComposer::Expand(std::string_view pattern) {
  size_t at = 0;
  while (at < pattern.size()) {
    const size_t open = pattern.find('{', at);
    if (open == std::string_view::npos) {
      text_ += pattern.substr(at);
      return;
    }
    text_ += pattern.substr(at, open - at);
    const size_t close = pattern.find('}', open);
    DOCKET_CHECK(close != std::string_view::npos);
    const std::string_view slot = pattern.substr(open + 1, close - open - 1);
    const bool filled = FillName(slot) || FillPii(slot) || FillNegative(slot);
    DOCKET_CHECK(filled);
    at = close + 1;
  }
}

bool HeldoutComposer::FillName(std::string_view slot) {
  const std::string full = customer_.first + " " + customer_.last;
  if (slot == "NAME") {
    Span(kPersonName, full);
  } else if (slot == "FIRST") {
    Span(kPersonName, customer_.first);
  } else if (slot == "LAST") {
    Span(kPersonName, customer_.last);
  } else if (slot == "OTHER") {
    Span(kPersonName, other_.first + " " + other_.last);
  } else if (slot == "AGENT") {
    Span(kPersonName, agent_.first);
  } else if (slot == "NAME_LC") {
    Span(kPersonName, LowerLatin(full));
  } else if (slot == "FIRST_LC") {
    Span(kPersonName, LowerLatin(customer_.first));
  } else if (slot == "NAME_UC") {
    Span(kPersonName, UpperLatin(full));
  } else {
    return false;
  }
  return true;
}

bool HeldoutComposer::FillPii(std::string_view slot) {
  if (slot == "EMAIL") {
    Span(kEmail, email_);
  } else if (slot == "PHONE") {
    // Mostly the record's region, national or international; sometimes from abroad.
    if (rng_.PerMille(150)) {
      Span(kPhone, MakePhone(rng_, rng_.Pick(kRegions), true));
    } else {
      Span(kPhone, MakePhone(rng_, region_, rng_.PerMille(400)));
    }
  } else if (slot == "CARD") {
    Span(kPaymentCard, MakeCard(rng_, true));
  } else if (slot == "IBAN") {
    Span(kIban, MakeIban(rng_, region_ == "US" ? "GB" : region_, true));
  } else if (slot == "ROUTING") {
    Span(kBankRouting, MakeRoutingNumber(rng_));
  } else if (slot == "ACCOUNT") {
    Span(kBankAccount, MakeBankAccount(rng_));
  } else if (slot == "SSN") {
    Span(kUsSsn, MakeSsn(rng_));
  } else if (slot == "IP") {
    Span(kIpAddress, MakeIpAddress(rng_));
  } else if (slot == "URLSECRET") {
    Span(kUrlSecret, MakeUrlSecret(rng_));
  } else if (slot == "APIKEY") {
    Span(kApiKey, MakeApiKey(rng_));
  } else if (slot == "ADDRESS") {
    const Address a = CustomerAddress();
    Span(kStreetAddress, a.street);
    if (region_ == "US") {
      text_ += ", " + a.city + ", " + a.state + " ";
      Span(kPostcode, a.postcode);
    } else if (region_ == "GB") {
      text_ += ", " + a.city + " ";
      Span(kPostcode, a.postcode);
    } else {
      text_ += ", ";
      Span(kPostcode, a.postcode);
      text_ += " " + a.city;
    }
  } else if (slot == "STREET") {
    Span(kStreetAddress, CustomerAddress().street);
  } else if (slot == "POSTCODE") {
    Span(kPostcode, CustomerAddress().postcode);
  } else if (slot == "CITY") {
    text_ += CustomerAddress().city;
  } else if (slot == "CITY_LC") {
    text_ += LowerLatin(CustomerAddress().city);
  } else if (slot == "DOB") {
    Span(kDateOfBirth, MakeBirthDate(rng_, region_));
  } else if (slot == "ORDER") {
    Span(kOrderId, MakeOrderId(rng_));
  } else if (slot == "TICKET") {
    Span(kTicketId, MakeTicketId(rng_));
  } else if (slot == "CUSTOMER") {
    Span(kCustomerId, MakeCustomerId(rng_));
  } else {
    return false;
  }
  return true;
}

bool HeldoutComposer::FillNegative(std::string_view slot) {
  std::string value;
  if (slot == "VERSION")
    value = MakeVersion(rng_);
  else if (slot == "BUILD")
    value = MakeBuildNumber(rng_);
  else if (slot == "ERRCODE")
    value = MakeErrorCode(rng_);
  else if (slot == "PRICE")
    value = MakePrice(rng_, region_);
  else if (slot == "DATE")
    value = MakeOrdinaryDate(rng_, region_);
  else if (slot == "SKU")
    value = MakeSku(rng_);
  else if (slot == "TRACKING")
    value = MakeTrackingNumber(rng_);
  else if (slot == "BADCARD")
    value = MakeCard(rng_, false);
  else if (slot == "BADIBAN")
    value = MakeIban(rng_, region_ == "US" ? "GB" : region_, false);
  else if (slot == "PERCENT")
    value = MakePercent(rng_);
  else if (slot == "PRODUCTCODE")
    value = MakeProductCode(rng_);
  else if (slot == "SUPPORTMAIL")
    value = kSupportEmail;
  else if (slot == "PLAINURL")
    value = MakePlainUrl(rng_);
  else if (slot == "DEVICE")
    value = MakeDevice(rng_);
  else if (slot == "TIME")
    value = MakeClockTime(rng_);
  else if (slot == "N")
    value = std::to_string(rng_.Between(2, 6));
  else if (slot == "UUID")
    value = MakeUuid(rng_);
  else if (slot == "HEXSHA")
    value = MakeHexSha(rng_);
  else if (slot == "REQID")
    value = MakeRequestId(rng_);
  else if (slot == "TIMESTAMP")
    value = MakeIsoTimestamp(rng_);
  else if (slot == "CSVTIME")
    value = MakeCsvTimestamp(rng_);
  else if (slot == "PRIVATEIP")
    value = MakePrivateEndpoint(rng_);
  else if (slot == "STACKFRAME")
    value = MakeStackFrame(rng_);
  else if (slot == "PASTDATE")
    value = MakePastDate(rng_, region_);
  else
    return false;
  Negative(slot, value);
  return true;
}

}  // namespace docket::golden::redaction
