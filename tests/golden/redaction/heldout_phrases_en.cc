// English phrases (US and GB customers) of the held-out PII evaluation set. Written
// without reference to eval_phrases_en.cc: chat-style, terse, often without a trigger
// phrase in front of the value.
#include "tests/golden/redaction/heldout_phrases.h"

namespace docket::golden::redaction {
namespace {

using enum workflows::redact::EntityType;

constexpr std::string_view kRegions[] = {"US", "US", "US", "GB", "GB"};
constexpr std::string_view kAgentOpeners[] = {
    "Hi, you're chatting with {AGENT} from Acme. How can I help today?",
    "Thanks for waiting! {AGENT} here 👋 what can I do for you?",
    "Hello, I'm {AGENT} and I'll be looking after you today.",
    "Good afternoon, {AGENT} from the Acme team. What seems to be the problem?",
};
constexpr std::string_view kAgentQuestions[] = {
    "Could you share the order number?",
    "Can you confirm the email address on the account?",
    "Which device and app version are you on?",
    "For security, could you confirm a few details first?",
    "Do you see an error code on the screen?",
    "What's the best way to reach you if we get disconnected?",
};
constexpr std::string_view kAgentClosers[] = {
    "Is there anything else I can help with?",
    "I've escalated this, you'll hear from us within {N} business days.",
    "Thanks for chatting with Acme, {FIRST}!",
    "I've added a note to the case. Have a good evening.",
};
constexpr std::string_view kIssues[] = {
    "the app shows {ERRCODE} right after I enter the code from my bank",
    "I'm on {VERSION} on a {DEVICE}, reinstalled twice already",
    "the total jumped from {PRICE} to {PRICE} at the very last step??",
    "courier app says delivered at {TIME} but there's nothing at my door",
    "tracking {TRACKING} hasn't moved since {DATE}",
    "the {PERCENT} off code disappears as soon as I add {SKU} to the basket",
    "the error page gave me a reference: {UUID}",
    "it says something went wrong, request id {REQID}",
    "I mistyped my card as {BADCARD} and it was rejected, fine, but the real one fails too",
    "been with you since {PASTDATE} and never had this much trouble",
    "the item {PRODUCTCODE} shows in stock but checkout says sold out",
    "status page at {PLAINURL} says all green, it is not",
};
constexpr TypedLine kPiiLines[] = {
    {kEmail, "the email on file is {EMAIL}"},
    {kEmail, "pls change my email to {EMAIL}, the old one is dead"},
    {kEmail, "Can you send the return label to {EMAIL}? Nothing arrived so far."},
    {kPhone, "best number to reach me: {PHONE}"},
    {kPhone, "text me at {PHONE} when the driver is close"},
    {kPhone, "I'm on {PHONE} until 6pm"},
    {kPaymentCard, "it was charged to my Visa {CARD}, twice"},
    {kPaymentCard, "full card number is {CARD} (I know, I know, shouldn't post it here)"},
    {kIban, "you can wire the refund to {IBAN}"},
    {kIban, "IBAN {IBAN}, the account is in my name"},
    {kBankRouting, "ABA {ROUTING}, acct {ACCOUNT}"},
    {kBankRouting, "my bank's routing # is {ROUTING} if that helps the ACH thing"},
    {kBankAccount, "the refund went to acct no. {ACCOUNT} which I closed last year"},
    {kBankAccount, "please use my savings account number {ACCOUNT} instead"},
    {kUsSsn, "the verification form wants my social, it's {SSN}"},
    {kUsSsn, "SSN {SSN} - is it even safe to share that here?"},
    {kIpAddress, "the security email said someone signed in from {IP}"},
    {kIpAddress, "my router shows {IP} as the public address, is it blocked?"},
    {kUrlSecret, "clicking {URLSECRET} just gives me a 403"},
    {kUrlSecret, "this is the exact link I got: {URLSECRET}"},
    {kApiKey, "our shop plugin is set up with {APIKEY} and still gets unauthorized"},
    {kApiKey, "I already rotated it, the new key is {APIKEY}"},
    {kStreetAddress, "the parcel should go to {ADDRESS}, not to my office"},
    {kStreetAddress, "I moved! new address {ADDRESS}"},
    {kPostcode, "why can't I get next-day delivery to {POSTCODE}?"},
    {kPostcode, "checkout rejects my zip {POSTCODE} every time"},
    {kDateOfBirth, "DOB {DOB} if you need it for the check"},
    {kDateOfBirth, "the age check says I'm too young, my birthday is {DOB}"},
    {kOrderId, "it's about {ORDER}"},
    {kOrderId, "ref {ORDER}, ordered last week, still nothing"},
    {kTicketId, "I already opened {TICKET} about this"},
    {kTicketId, "you closed {TICKET} without fixing anything"},
    {kCustomerId, "customer no {CUSTOMER}"},
    {kCustomerId, "my account id is {CUSTOMER} if you need it"},
    {kPersonName, "this is {NAME}"},
    {kPersonName, "{NAME} here, the account holder"},
    {kPersonName, "the order is under my partner's name, {OTHER}"},
    {kPersonName, "THIS IS {NAME_UC} AND I WANT MY MONEY BACK"},
    {kPersonName, "please ask for {LAST} when the courier calls, that's the name on the bell"},
};
constexpr std::string_view kThanks[] = {"ok thanks", "great, thank you!", "fine. whatever.",
                                        "cheers 🙏", "thx"};
constexpr std::string_view kReviewTitles[] = {
    "Was great, now broken 😤", "Checkout dead since {VERSION}", "5 stars delivery, 1 star app",
    "Refund nightmare 🙄",   "Actually pretty good 👍",        "MEH",
};
constexpr std::string_view kReviewLines[] = {
    "Updated to {VERSION} yesterday and now it won't even open 😡",
    "Paid {PRICE} for express shipping and it took {N} days 🐢",
    "On my {DEVICE} the pay button does nothing 🤷",
    "Error {ERRCODE} every time I try Apple Pay.",
    "Love the deals 🔥 saved {PERCENT} on my last order",
    "Support replied within {N} minutes, impressive 🙌",
    "{BUILD} fixed the dark mode, thanks devs 💯",
    "Would be 5⭐ if the search worked offline.",
};
constexpr std::string_view kDeveloperReplies[] = {
    "Hi {FIRST}, sorry about this! Please write to {SUPPORTMAIL} and we'll sort it out. – {AGENT}, "
    "Acme Support",
    "Thanks for the feedback {FIRST}. Version {VERSION} fixes the payment screen, please update.",
    "We're sorry to hear that. Our team will contact you shortly. – Acme",
};
constexpr std::string_view kSurveyIssues[] = {
    "app crashes every time i open my orders on {VERSION}",
    "delivery late again and nobody answers the chat",
    "prices went up like {PERCENT} in a month not happy",
    "checkout says {ERRCODE} every single time",
    "customer since {PASTDATE} this is the worst its ever been",
    "love the app but search is slow on my {DEVICE}",
    "nothing to add",
};
constexpr TypedLine kSurveyPii[] = {
    {kPersonName, "my name is {NAME_LC} please call me back"},
    {kPersonName, "{NAME_LC} from {CITY_LC} if anyone reads this"},
    {kEmail, "email me at {EMAIL} i never got a reply"},
    {kPhone, "call {PHONE} after 5"},
    {kIban, "refund to {IBAN} please"},
    {kOrderId, "order {ORDER} still not here"},
    {kStreetAddress, "i live at {ADDRESS} and the driver never finds it"},
    {kDateOfBirth, "born {DOB} and the app says im under 18"},
    {kUsSsn, "why did signup ask for my ssn {SSN}"},
    {kPaymentCard, "card {CARD} was charged twice"},
    {kIpAddress, "ip {IP} got blocked by your firewall"},
    {kCustomerId, "customer id {CUSTOMER} for reference"},
    {kTicketId, "ticket {TICKET} no answer yet"},
    {kBankRouting, "acct {ACCOUNT} routing {ROUTING} for the refund"},
    {kPostcode, "no delivery slots for {POSTCODE} ever"},
};
constexpr std::string_view kForwardNotes[] = {
    "FYI, this is what I sent your colleague last week.",
    "Forwarding the confirmation, see below.",
    "See the thread below. Still not fixed.",
};
constexpr std::string_view kBugTitles[] = {
    "Checkout returns {ERRCODE} after 3-D Secure",
    "Crash on launch in {VERSION} ({BUILD})",
    "Order history empty after login",
    "Push notifications arrive twice",
};
constexpr std::string_view kBugSteps[] = {
    "Open the app and sign in",
    "Add {SKU} to the cart",
    "Pay with a saved card",
    "Tap \"Track parcel\" for {TRACKING}",
    "Rotate the phone on the pay sheet",
    "Wait {N} seconds",
};
constexpr NamePart kFirst[] = {
    {"Ethan", "ethan"},   {"Madison", "madison"}, {"Tyler", "tyler"}, {"Brianna", "brianna"},
    {"Connor", "connor"}, {"Aaliyah", "aaliyah"}, {"Rhys", "rhys"},   {"Imogen", "imogen"},
    {"Callum", "callum"}, {"Niamh", "niamh"},     {"Jamal", "jamal"}, {"Leah", "leah"},
    {"Dylan", "dylan"},   {"Freya", "freya"},     {"Ravi", "ravi"},   {"Mei", "mei"}};
constexpr NamePart kLast[] = {
    {"Anderson", "anderson"}, {"Robinson", "robinson"}, {"Wright", "wright"},
    {"Mitchell", "mitchell"}, {"Hall", "hall"},         {"Young", "young"},
    {"King", "king"},         {"Scott", "scott"},       {"Green", "green"},
    {"Baker", "baker"},       {"Carter", "carter"},     {"Okafor", "okafor"},
    {"Kowalski", "kowalski"}, {"MacLeod", "macleod"},   {"Fitzgerald", "fitzgerald"}};

constexpr HeldoutPack kPack = {.lang = "en",
                               .regions = kRegions,
                               .agent_openers = kAgentOpeners,
                               .agent_questions = kAgentQuestions,
                               .agent_closers = kAgentClosers,
                               .issues = kIssues,
                               .pii_lines = kPiiLines,
                               .thanks = kThanks,
                               .review_titles = kReviewTitles,
                               .review_lines = kReviewLines,
                               .developer_replies = kDeveloperReplies,
                               .survey_issues = kSurveyIssues,
                               .survey_pii = kSurveyPii,
                               .forward_notes = kForwardNotes,
                               .forward_marker = "---------- Forwarded message ---------",
                               .bug_titles = kBugTitles,
                               .bug_steps = kBugSteps,
                               .steps_heading = "### Steps to reproduce",
                               .logs_heading = "### Logs",
                               .labels = {.name = "Name",
                                          .email = "Email",
                                          .phone = "Phone",
                                          .street = "Street",
                                          .postcode = "ZIP / Postcode",
                                          .city = "City",
                                          .birth_date = "Date of birth",
                                          .order = "Order number",
                                          .customer = "Customer number",
                                          .message = "Message",
                                          .subject = "Subject",
                                          .from = "From",
                                          .to = "To",
                                          .date = "Date"},
                               .first_names = kFirst,
                               .last_names = kLast};

}  // namespace

const HeldoutPack& HeldoutEnglishPack() { return kPack; }

}  // namespace docket::golden::redaction
