#include "tests/golden/redaction/eval_compose.h"

#include "engine/base/check.h"

namespace docket::golden::redaction {
namespace {

constexpr std::string_view kRegions[] = {"US", "GB", "DE", "FR", "ES"};

Person PickPerson(SampleRandom& rng, const LanguagePack& pack) {
  const NamePart& first = rng.Pick(pack.first_names);
  const NamePart& last = rng.Pick(pack.last_names);
  return {std::string(first.written), std::string(last.written), std::string(first.ascii),
          std::string(last.ascii)};
}

}  // namespace

RecordComposer::RecordComposer(SampleRandom& rng, const LanguagePack& pack, std::string region)
    : rng_(rng), pack_(pack), region_(std::move(region)) {
  customer_ = PickPerson(rng_, pack_);
  agent_ = PickPerson(rng_, pack_);
  email_ = MakeEmail(rng_, customer_);
}

void RecordComposer::Span(EntityType type, std::string_view value) {
  spans_.push_back({text_.size(), text_.size() + value.size(), type});
  text_ += value;
}

void RecordComposer::Negative(std::string_view slot, std::string_view value) {
  ++negatives_[std::string(slot)];
  text_ += value;
}

void RecordComposer::Expand(std::string_view pattern) {
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
    const bool filled = FillPii(slot) || FillNegative(slot);
    DOCKET_CHECK(filled);
    at = close + 1;
  }
}

bool RecordComposer::FillPii(std::string_view slot) {
  using enum EntityType;
  if (slot == "NAME") {
    Span(kPersonName, customer_.first + " " + customer_.last);
  } else if (slot == "FIRST") {
    Span(kPersonName, customer_.first);
  } else if (slot == "LAST") {
    Span(kPersonName, customer_.last);
  } else if (slot == "AGENT") {
    Span(kPersonName, agent_.first);
  } else if (slot == "EMAIL") {
    Span(kEmail, email_);
  } else if (slot == "PHONE") {
    // Mostly the record's own region, national or international; now and then a number
    // from abroad, always international.
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
    const Address a = MakeAddress(rng_, region_);
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
  } else if (slot == "POSTCODE") {
    Span(kPostcode, MakeAddress(rng_, region_).postcode);
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

bool RecordComposer::FillNegative(std::string_view slot) {
  if (slot == "VERSION") {
    Negative(slot, MakeVersion(rng_));
  } else if (slot == "BUILD") {
    Negative(slot, MakeBuildNumber(rng_));
  } else if (slot == "ERRCODE") {
    Negative(slot, MakeErrorCode(rng_));
  } else if (slot == "PRICE") {
    Negative(slot, MakePrice(rng_, region_));
  } else if (slot == "DATE") {
    Negative(slot, MakeOrdinaryDate(rng_, region_));
  } else if (slot == "SKU") {
    Negative(slot, MakeSku(rng_));
  } else if (slot == "TRACKING") {
    Negative(slot, MakeTrackingNumber(rng_));
  } else if (slot == "BADCARD") {
    Negative(slot, MakeCard(rng_, false));
  } else if (slot == "BADIBAN") {
    Negative(slot, MakeIban(rng_, region_ == "US" ? "GB" : region_, false));
  } else if (slot == "PERCENT") {
    Negative(slot, MakePercent(rng_));
  } else if (slot == "PRODUCTCODE") {
    Negative(slot, MakeProductCode(rng_));
  } else if (slot == "SUPPORTMAIL") {
    Negative(slot, kSupportEmail);
  } else if (slot == "PLAINURL") {
    Negative(slot, MakePlainUrl(rng_));
  } else if (slot == "DEVICE") {
    Negative(slot, MakeDevice(rng_));
  } else if (slot == "TIME") {
    Negative(slot, MakeClockTime(rng_));
  } else if (slot == "N") {
    Negative(slot, std::to_string(rng_.Between(2, 6)));
  } else {
    return false;
  }
  return true;
}

}  // namespace docket::golden::redaction
