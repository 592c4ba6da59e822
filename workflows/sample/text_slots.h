// Fills the slots of sample texts ({amount}, {order}, {when}, ...) with per-record
// values spelled for the customer's locale, builds PII sentences, and makes ids. Pure
// functions of their arguments and the caller's SampleRandom; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "workflows/sample/sample_locale.h"
#include "workflows/sample/sample_random.h"

namespace docket::workflows::sample {

// What the slots of one customer's text refer to. Every use of {device}, {product} or
// {amount} in the text means the same thing.
struct SlotContext {
  const SampleLocale* locale = nullptr;
  std::string version;  // {version}
  std::string device;   // {device}
  std::string product;  // {product}: "running shoes"
  std::string amount;   // {amount}: a price in the locale's currency, "$42.99", "42,99 €"
};

// Draws a product and an amount, and a common phone unless `device` is given.
SlotContext DrawSlotContext(SampleRandom& rng, const SampleLocale& locale, std::string_view version,
                            std::string_view device);

// Fills every slot of `text`:
//   {version}, {device}, {product}, {amount} from `context`
//   {order}    "ORD-" plus six digits, fresh per use; sets *has_order (if non-null),
//              since an order id counts as PII
//   {when}     from the language's LanguageParts, fresh per use (may hold {clock})
//   {clock}    a time of day ("9:41 pm" in English, "21:41" elsewhere)
//   {tries} 2..5, {minutes} 3..55, {days} 2..9, {months} 2..40, {count} 2..12,
//   {year} 2016..2025, fresh per use
// Unknown slots are left as they are.
std::string FillSlots(SampleRandom& rng, std::string_view text, const SlotContext& context,
                      bool* has_order = nullptr);

// One sentence with fake personal data (example.com mail, 555 phone, test card number,
// order id, street address or "my name is ...") in the locale's language.
std::string PiiSentence(SampleRandom& rng, const SampleLocale& locale);

// `count` characters drawn from `alphabet`.
std::string RandomToken(SampleRandom& rng, std::string_view alphabet, int count);

}  // namespace docket::workflows::sample
