// English phrases (US and GB customers) of the PII evaluation set.
#include "tests/golden/redaction/eval_phrases.h"

namespace docket::golden::redaction {
namespace {

using enum workflows::redact::EntityType;

constexpr std::string_view kRegions[] = {"US", "US", "US", "GB", "GB"};
constexpr std::string_view kComplaints[] = {
    "Since the update to {VERSION} the app crashes every time I tap Pay.",
    "Checkout keeps failing with error {ERRCODE}, tried {N} times.",
    "I was charged {PRICE} twice for the same order.",
    "The app freezes on the cart screen on my {DEVICE}.",
    "Search returns nothing since {DATE}, even for products I bought before.",
    "Got a {PERCENT} discount code but it was never applied.",
    "My parcel has been stuck for a week, tracking {TRACKING} shows no movement.",
    "Login loops back to the start screen after the {BUILD} update.",
    "The kettle ({SKU}) arrived broken and the return form won't load.",
    "Notifications arrive at {TIME} in the middle of the night.",
    "Payment sheet shows {ERRCODE} and then just closes.",
    "Way too slow since {VERSION}, takes ages to open the order history.",
    "I tried to pay {PRICE} and got a blank screen.",
};
constexpr std::string_view kPraise[] = {
    "Love the new search, finds things instantly.",
    "Great app, checkout took seconds on my {DEVICE}.",
    "Delivery was fast and the tracking worked perfectly.",
    "Much better since {VERSION}, no more crashes.",
    "Saved {PRICE} with the weekend deal, thanks!",
    "Easy returns, refund arrived on {DATE}.",
};
constexpr std::string_view kNegatives[] = {
    "Running {VERSION} ({BUILD}) on Windows {VERSION}.",
    "The card number field rejects {BADCARD}, which the app says is invalid anyway.",
    "I typed {BADIBAN} by mistake and the form flagged it, fair enough.",
    "Item {PRODUCTCODE} was listed at {PRICE}, now it's {PRICE}.",
    "Support at {SUPPORTMAIL} told me to check {PLAINURL}.",
    "Tracking number {TRACKING}, order placed {DATE} at {TIME}.",
    "Battery drops {PERCENT} in an hour with the app open, error {ERRCODE}.",
    "Part no. {PRODUCTCODE} ({SKU}) is out of stock again.",
};
constexpr PiiSentence kPii[] = {
    {kEmail, "You can reach me at {EMAIL}."},
    {kEmail, "Please send the invoice to {EMAIL}, not the old address."},
    {kPhone, "Call me back on {PHONE}, I'm free after 5."},
    {kPhone, "My phone number is {PHONE}."},
    {kPaymentCard, "The card I used is {CARD}, it was declined twice."},
    {kPaymentCard, "I paid with {CARD} and the money left my account."},
    {kIban, "Please refund to my IBAN {IBAN}."},
    {kIban, "Bank details for the refund: {IBAN}"},
    {kBankRouting, "Routing number {ROUTING}, account number {ACCOUNT}."},
    {kBankRouting, "The ACH refund should go to routing {ROUTING}."},
    {kBankAccount, "My checking account number is {ACCOUNT}."},
    {kBankAccount, "Refund it to account {ACCOUNT} please."},
    {kUsSsn, "Why does the app ask for my SSN? I entered {SSN} and it still fails."},
    {kUsSsn, "For the credit check I gave my social security number {SSN}."},
    {kIpAddress, "Your fraud system blocked me, my IP is {IP}."},
    {kIpAddress, "The log says login from {IP}, that wasn't me."},
    {kUrlSecret, "The reset link {URLSECRET} says expired."},
    {kUrlSecret, "Here is the link from the email: {URLSECRET}"},
    {kApiKey, "Our integration uses key {APIKEY} and gets 401s."},
    {kApiKey, "API key: {APIKEY}"},
    {kStreetAddress, "Ship it to {ADDRESS} instead."},
    {kStreetAddress, "My address is {ADDRESS}."},
    {kPostcode, "Delivery isn't offered for postcode {POSTCODE}?"},
    {kDateOfBirth, "The form rejects my date of birth, {DOB}."},
    {kDateOfBirth, "I was born on {DOB} so I'm definitely over 18."},
    {kOrderId, "Order {ORDER} never arrived."},
    {kOrderId, "Refund for {ORDER} still pending."},
    {kTicketId, "This is about ticket {TICKET}, nobody answered."},
    {kCustomerId, "My customer number is {CUSTOMER}."},
    {kPersonName, "My name is {NAME} and I've been a customer for years."},
    {kPersonName, "The account is under {NAME}."},
};
constexpr std::string_view kSubjects[] = {
    "Subject: Payment failed",        "Subject: Double charge on my card",
    "Subject: Re: [{TICKET}] refund", "Subject: App crashes at checkout",
    "Subject: Wrong item delivered",  "Subject: Can't log in",
};
constexpr std::string_view kGreetings[] = {
    "Hi,", "Hello,", "Hi {AGENT},", "Hello {AGENT},", "Dear Acme support,", "Hey there,"};
constexpr std::string_view kSignoffs[] = {"Thanks,\n{NAME}",   "Best regards,\n{NAME}",
                                          "Cheers,\n{FIRST}",  "Kind regards,\n{NAME}",
                                          "Thanks in advance", "Sent from my {DEVICE}"};
constexpr std::string_view kQuoteHeaders[] = {
    "On {DATE}, {NAME} <{EMAIL}> wrote:", "From: {NAME} <{EMAIL}>\nSent: {DATE} {TIME}",
    "-----Original Message-----\nFrom: {EMAIL}"};
constexpr std::string_view kFollowups[] = {
    "Any update on this? Still waiting.", "Forwarding my earlier email, nothing happened.",
    "Third time asking. See below.", "Please see my message below, order {ORDER}."};
constexpr NamePart kFirst[] = {{"James", "james"},   {"Emily", "emily"},     {"Michael", "michael"},
                               {"Sarah", "sarah"},   {"David", "david"},     {"Olivia", "olivia"},
                               {"Daniel", "daniel"}, {"Chloe", "chloe"},     {"Aiden", "aiden"},
                               {"Priya", "priya"},   {"Kevin", "kevin"},     {"Hannah", "hannah"},
                               {"Oliver", "oliver"}, {"Grace", "grace"},     {"Marcus", "marcus"},
                               {"Zoe", "zoe"},       {"Siobhan", "siobhan"}, {"Wei", "wei"}};
constexpr NamePart kLast[] = {
    {"Smith", "smith"},       {"Johnson", "johnson"}, {"Brown", "brown"},      {"Taylor", "taylor"},
    {"Williams", "williams"}, {"Patel", "patel"},     {"O'Connor", "oconnor"}, {"Nguyen", "nguyen"},
    {"Davies", "davies"},     {"Miller", "miller"},   {"Walker", "walker"},    {"Hughes", "hughes"},
    {"Thompson", "thompson"}, {"Clarke", "clarke"},   {"Garcia", "garcia"},    {"Evans", "evans"}};

constexpr LanguagePack kPack = {.lang = "en",
                                .regions = kRegions,
                                .complaints = kComplaints,
                                .praise = kPraise,
                                .negatives = kNegatives,
                                .pii = kPii,
                                .subjects = kSubjects,
                                .greetings = kGreetings,
                                .signoffs = kSignoffs,
                                .quote_headers = kQuoteHeaders,
                                .followups = kFollowups,
                                .first_names = kFirst,
                                .last_names = kLast};

}  // namespace

const LanguagePack& EnglishPack() { return kPack; }

}  // namespace docket::golden::redaction
