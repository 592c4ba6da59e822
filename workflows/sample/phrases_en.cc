// English wordings and decorations of the sample dataset. Several phrasings per theme,
// so that theme clustering downstream has near-duplicates to group.
#include "workflows/sample/phrase_book.h"

namespace docket::workflows::sample {
namespace {

using enum Tone;

constexpr Phrase kPhrases[] = {
    // checkout
    {"checkout", "payment_failed", kProblem, "Payment failed at checkout",
     "Payment failed at checkout. I tried three times with the same card and got the same error."},
    {"checkout", "payment_failed", kProblem, "Payment keeps failing",
     "Checkout says \"Payment could not be processed\" every single time, so I can't place my "
     "order."},
    {"checkout", "payment_failed", kProblem, "Can't pay for my order",
     "I can't pay for my order, the payment just fails after I confirm. Order {order} is still "
     "unpaid."},
    {"checkout", "payment_failed", kProblem, "Payment error",
     "Every time I try to pay I get a payment error, no matter which card I use."},
    {"checkout", "card_declined", kProblem, "Card declined twice",
     "My card was declined twice even though it works everywhere else."},
    {"checkout", "card_declined", kProblem, "Card declined but bank sees nothing",
     "Card was declined twice, and my bank says they never even saw the attempt."},
    {"checkout", "card_declined", kProblem, "Card keeps getting declined",
     "It keeps telling me my card is declined. It is not, I just used it at the supermarket."},
    {"checkout", "checkout_timeout", kProblem, "Checkout times out",
     "Checkout times out after I press \"Place order\"."},
    {"checkout", "checkout_timeout", kProblem, "Stuck on the spinner",
     "The checkout spinner runs forever and then I get \"Request timed out\"."},
    {"checkout", "checkout_timeout", kProblem, "Checkout very slow",
     "Checkout is extremely slow, takes a minute to load and then times out."},
    {"checkout", "crash_on_pay", kProblem, "App crashes when I tap Pay",
     "App crashes when I tap Pay."},
    {"checkout", "crash_on_pay", kProblem, "Crash on payment screen",
     "The app closes as soon as I hit the Pay button, every single time."},
    {"checkout", "crash_on_pay", kProblem, "Crash at checkout",
     "Crash on the payment screen on my {device}. Reinstalled, same thing."},
    {"checkout", "double_charge", kProblem, "Charged twice",
     "I was charged twice for the same order, {amount} two times."},
    {"checkout", "double_charge", kProblem, "Double charge!",
     "Double charge on my card for order {order}! Please refund one of them."},
    {"checkout", "double_charge", kProblem, "Two payments for one order",
     "My bank statement shows two payments of {amount} for one order, but I only got one "
     "confirmation email."},
    {"checkout", "promo_code", kProblem, "Promo code rejected",
     "The promo code field says \"invalid\", although your email says the code is valid until "
     "Sunday."},
    {"checkout", "promo_code", kProblem, "Discount not applied",
     "Discount code is accepted, but the total does not change."},
    {"checkout", "shipping_cost_late", kMixed, "Shipping cost shown too late",
     "Checkout works, but the shipping cost only shows up at the very last step."},
    {"checkout", "saved_cards", kMixed, "Let me save more cards",
     "Paying is fine, but I'd like to save more than one card."},
    {"checkout", "too_many_steps", kMixed, "Checkout OK, a bit long",
     "Checkout is OK, just too many steps before you can pay."},
    {"checkout", "fast_checkout", kPraise, "Fast checkout",
     "Checkout is super quick now, two taps and done."},
    {"checkout", "fast_checkout", kPraise, "Great new checkout",
     "The new one-page checkout is great, much clearer than before."},
    {"checkout", "wallet_pay", kPraise, "Apple Pay works great",
     "Paying with Apple Pay takes two seconds, love it."},
    {"checkout", "wallet_pay", kPraise, "Google Pay is so easy",
     "Google Pay at checkout is so easy, no more typing card numbers."},
    {"checkout", "fast_checkout", kPraise, "No problems", "Smooth checkout, no problems at all."},
    // login
    {"login", "wrong_password", kProblem, "Can't log in",
     "I can't log in, it says my password is wrong but it is definitely correct."},
    {"login", "wrong_password", kProblem, "Login fails",
     "Login fails with \"Invalid credentials\" even right after resetting my password."},
    {"login", "otp_missing", kProblem, "Verification code never arrives",
     "The verification code never arrives by SMS, so I'm locked out."},
    {"login", "otp_missing", kProblem, "No 2FA code",
     "I don't get the 6-digit code. Waited 20 minutes and requested it five times."},
    {"login", "logged_out", kProblem, "Keeps logging me out",
     "The app keeps logging me out every day and I have to sign in again."},
    {"login", "logged_out", kProblem, "Logged out constantly",
     "Logged out every time I switch apps, very annoying."},
    {"login", "biometric_login", kProblem, "Face ID login broken",
     "Face ID login stopped working, it always falls back to the password."},
    {"login", "biometric_login", kProblem, "Fingerprint login gone",
     "Fingerprint login option disappeared on my {device}."},
    {"login", "reset_link", kProblem, "Password reset link expired",
     "The password reset link says it has expired as soon as I open it."},
    {"login", "code_every_time", kMixed, "Login OK but a code every time",
     "Login works, but I have to enter a code every single time."},
    {"login", "tablet_login", kMixed, "Tablet keeps asking",
     "Signing in is fine on the phone; on the tablet it asks for the password again and again."},
    {"login", "easy_login", kPraise, "Face ID login is fast",
     "Login with Face ID is fast and painless."},
    {"login", "easy_login", kPraise, "Passkeys!",
     "Passkey login is brilliant, no more passwords to remember."},
    {"login", "easy_login", kPraise, "Easy sign in", "Signing in with Google took two seconds."},
    // search
    {"search", "irrelevant_results", kProblem, "Search results are useless",
     "Search results are completely irrelevant, I search for running shoes and get phone cases."},
    {"search", "irrelevant_results", kProblem, "Bad search",
     "Search shows sponsored stuff first and what I actually want on page three."},
    {"search", "no_results", kProblem, "Search finds nothing",
     "Search finds nothing when I type the exact product name."},
    {"search", "no_results", kProblem, "No results",
     "\"No results\" for a product I bought last week, I had to find it via my orders."},
    {"search", "slow_search", kProblem, "Search is slow",
     "Search takes ages to load results, sometimes 10 seconds."},
    {"search", "filters_reset", kProblem, "Filters reset",
     "Filters reset every time I go back to the results list."},
    {"search", "filters_reset", kProblem, "Sorting lost",
     "Sort by price forgets my choice as soon as I open a product."},
    {"search", "typos", kMixed, "Better, but typos",
     "Search is better, but typos still give no results at all."},
    {"search", "new_search", kPraise, "Love the new search",
     "Love the new search! Finds what I want instantly."},
    {"search", "new_search", kPraise, "Great suggestions", "Search suggestions are spot on now."},
    {"search", "filters", kPraise, "Filters are great",
     "Finding products is so much easier with the new filters."},
    // notifications
    {"notifications", "too_many", kProblem, "Too many notifications",
     "Way too many push notifications, three or four a day about sales."},
    {"notifications", "not_received", kProblem, "No shipping notification",
     "I don't get any notification when my order ships anymore."},
    {"notifications", "not_received", kProblem, "Notifications stopped",
     "Push notifications stopped working completely after the update."},
    {"notifications", "cant_disable", kProblem, "Can't turn off marketing",
     "I turned off marketing notifications, but I still get them every day."},
    {"notifications", "night_pushes", kProblem, "Notifications at night",
     "Notifications arrive in the middle of the night, 3 a.m. is not OK."},
    {"notifications", "promo_noise", kMixed, "Helpful but too many",
     "Delivery updates are helpful, the promo pushes are not."},
    {"notifications", "shipping_updates", kPraise, "Helpful shipping updates",
     "Shipping notifications are really helpful, I always know where my parcel is."},
    {"notifications", "price_alerts", kPraise, "Price alerts",
     "Price drop alerts saved me money twice this month."},
    // profile
    {"profile", "save_fails", kProblem, "Can't save profile",
     "I can't save changes to my profile, the Save button does nothing."},
    {"profile", "save_fails", kProblem, "Address won't save",
     "My new address won't save, it goes back to the old one."},
    {"profile", "photo_upload", kProblem, "Profile photo upload fails",
     "Uploading a profile photo fails with an error every time."},
    {"profile", "delete_account", kProblem, "How do I delete my account?",
     "I can't find how to delete my account anywhere in the app."},
    {"profile", "language_reset", kProblem, "Language switches back",
     "The app language keeps switching back to English."},
    {"profile", "date_format", kMixed, "Profile OK",
     "Profile page is fine, but the birthday field only accepts the US date format."},
    {"profile", "addresses", kPraise, "Easy address management",
     "Managing addresses is much easier now."},
    {"profile", "clean_profile", kPraise, "Nice profile page",
     "The new profile page is clean and everything is where I expect it."},
    // cart
    {"cart", "items_disappear", kProblem, "Items disappear from cart",
     "Items disappear from my cart after a few hours."},
    {"cart", "items_disappear", kProblem, "Cart emptied itself",
     "My cart emptied itself overnight, I had 12 items in there."},
    {"cart", "quantity", kProblem, "Quantity won't change",
     "Changing the quantity in the cart does nothing, it stays at 1."},
    {"cart", "price_mismatch", kProblem, "Cart price differs",
     "The price in the cart is different from the product page: {amount} instead of the "
     "advertised price."},
    {"cart", "cart_sync", kProblem, "Cart not synced",
     "Cart isn't synced between the app and the website."},
    {"cart", "slow_cart", kMixed, "Cart fine, but slow",
     "Cart works, just slow to update when I remove something."},
    {"cart", "save_for_later", kPraise, "Save for later",
     "Save for later in the cart is very handy."},
    {"cart", "delivery_dates", kPraise, "Cart shows delivery dates",
     "The cart now shows delivery dates per item, really useful."},
    // shipping
    {"shipping", "tracking_stuck", kProblem, "Tracking not updating",
     "Tracking hasn't updated in five days for order {order}."},
    {"shipping", "tracking_stuck", kProblem, "Tracking stuck",
     "Tracking is stuck at \"Label created\" since last week."},
    {"shipping", "late_estimate", kProblem, "Delivery estimate wrong",
     "Delivery estimate was wrong by a whole week."},
    {"shipping", "address_rejected", kProblem, "Address rejected",
     "The app rejects my address and says the postcode is invalid. It is not."},
    {"shipping", "pickup_map", kProblem, "Pickup map doesn't load",
     "The pickup point map doesn't load, just a grey box."},
    {"shipping", "moving_estimate", kMixed, "Shipping OK",
     "Delivery was fine, but the estimate changed three times."},
    {"shipping", "fast_delivery", kPraise, "Fast delivery",
     "Delivery was fast and tracking was accurate."},
    {"shipping", "live_tracking", kPraise, "Love the tracking",
     "Live tracking on the map is great."},
    // onboarding
    {"onboarding", "tutorial_loop", kProblem, "Tutorial shows every time",
     "The welcome tutorial keeps showing every time I open the app."},
    {"onboarding", "signup_fails", kProblem, "Sign-up fails",
     "Sign-up fails at the last step with \"Something went wrong\"."},
    {"onboarding", "signup_fails", kProblem, "Can't create account",
     "I can't create an account, the Continue button stays grey."},
    {"onboarding", "permission_prompts", kProblem, "Too many permission prompts",
     "The app asks for location, contacts and notifications before I even see a product."},
    {"onboarding", "birthday_field", kMixed, "Why my birthday?",
     "Sign-up was OK, but why do you need my birthday?"},
    {"onboarding", "quick_signup", kPraise, "Quick sign-up", "Sign-up took less than a minute."},
    {"onboarding", "clear_intro", kPraise, "Clear intro", "The intro screens are clear and short."},
};

constexpr std::string_view kGreetings[] = {"Hi,", "Hello,", "Hi team,", "Hello Acme Shop support,"};
constexpr std::string_view kSignoffs[] = {"Thanks", "Thank you", "Regards", "Cheers"};
constexpr std::string_view kProblemOpeners[] = {
    "Updated the app yesterday.", "This started after the latest update.",
    "Since version {version} this is broken.", "Tried on wifi and on mobile data.",
    "I've been a customer for years."};
constexpr std::string_view kProblemClosers[] = {
    "Please fix this.", "Very frustrating.", "I'll use the website until this is fixed.",
    "Really annoying.", "Fix it please!!",   "Not happy, to be honest."};
constexpr std::string_view kMixedClosers[] = {"Otherwise fine.", "Still a good app overall."};
constexpr std::string_view kPraiseClosers[] = {"Keep it up!", "Great job, team.", "Thank you!",
                                               "5 stars."};
constexpr std::string_view kPii[] = {
    "My name is {name}, you can reach me at {email}.",
    "Please call me back at {phone}.",
    "My order number is {order}, my email is {email}.",
    "I even typed the card number twice: {card}.",
    "It should go to {address}.",
    "my name is {name} and my account email is {email}",
};
constexpr std::string_view kNames[] = {"Jane Doe", "John Smith", "Emily Johnson", "Michael Brown",
                                       "Sarah Miller"};
constexpr std::string_view kEmails[] = {"jane.doe@example.com", "j.smith84@example.org",
                                        "emily.j@example.com", "mbrown@example.org",
                                        "sarah.miller+shop@example.com"};
constexpr std::string_view kPhones[] = {"+1 555-01{NN}", "(555) 010-00{NN}", "+44 20 7946 00{NN}"};
constexpr std::string_view kAddresses[] = {"742 Evergreen Terrace, Springfield",
                                           "221B Baker Street, London NW1 6XE",
                                           "1600 Example Ave, Apt 4, Portland, OR 97201"};

constexpr LanguageDecor kDecor = {
    kGreetings, kSignoffs, kProblemOpeners, kProblemClosers, kMixedClosers, kPraiseClosers,
    kPii,       kNames,    kEmails,         kPhones,         kAddresses};

}  // namespace

std::span<const Phrase> EnglishPhrases() { return kPhrases; }
const LanguageDecor& EnglishDecor() { return kDecor; }

}  // namespace docket::workflows::sample
