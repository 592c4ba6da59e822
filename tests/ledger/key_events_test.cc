// Tests for ledger/key_events: KEY_EVENT entries round-trip, other entries are not
// mistaken for them, malformed ones are data loss.
#include "ledger/key_events.h"

#include <gtest/gtest.h>

#include <string>

#include "ledger/proto/entry.pb.h"
#include "tests/ledger/log_test_env.h"

namespace docket::ledger {
namespace {

TEST(KeyEventsTest, RoundTripsAndIsDeterministic) {
  const Verifier key = testing::TestSigner('z', "docket-next").verifier();
  for (KeyEvent::Action action : {KeyEvent::Action::kAdd, KeyEvent::Action::kRetire}) {
    const std::string bytes = KeyEventEntryBytes({action, key}, "2026-11-29T00:00:00Z");
    EXPECT_EQ(bytes, KeyEventEntryBytes({action, key}, "2026-11-29T00:00:00Z"));
    StatusOr<std::optional<KeyEvent>> event = ParseKeyEvent(bytes);
    ASSERT_TRUE(event.ok()) << event.status().ToString();
    ASSERT_TRUE(event->has_value());
    EXPECT_EQ((*event)->action, action);
    EXPECT_EQ((*event)->key.Format(), key.Format());
  }
}

TEST(KeyEventsTest, OtherEntriesAndArbitraryBytesAreNotKeyEvents) {
  LedgerEntry decision;
  decision.set_type(LedgerEntry::DECISION);
  (*decision.mutable_attributes())["key"] = "not a key";
  for (const std::string& bytes : {decision.SerializeAsString(), std::string(),
                                   std::string("\x08\x0a\xff\xff", 4), std::string("hello")}) {
    StatusOr<std::optional<KeyEvent>> event = ParseKeyEvent(bytes);
    ASSERT_TRUE(event.ok());
    EXPECT_FALSE(event->has_value());
  }
}

TEST(KeyEventsTest, MalformedKeyEventsAreDataLoss) {
  LedgerEntry entry;
  entry.set_type(LedgerEntry::KEY_EVENT);
  (*entry.mutable_attributes())["action"] = "add";
  EXPECT_EQ(ParseKeyEvent(entry.SerializeAsString()).status().code(), StatusCode::kDataLoss);
  (*entry.mutable_attributes())["key"] = "docket+00000000+AAAA";
  EXPECT_EQ(ParseKeyEvent(entry.SerializeAsString()).status().code(), StatusCode::kDataLoss);
  (*entry.mutable_attributes())["key"] = testing::TestSigner().verifier().Format();
  (*entry.mutable_attributes())["action"] = "rotate";
  EXPECT_EQ(ParseKeyEvent(entry.SerializeAsString()).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace docket::ledger
