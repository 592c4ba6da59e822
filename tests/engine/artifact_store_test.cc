#include "engine/artifact_store.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "engine/artifact.h"

namespace docket::engine {
namespace {

TEST(ArtifactTest, MakeHashesTheBytes) {
  const Artifact a = Artifact::Make("test.text", "text/plain", "a.txt", "abc");
  EXPECT_EQ(a.kind, "test.text");
  EXPECT_EQ(a.media_type, "text/plain");
  EXPECT_EQ(a.name, "a.txt");
  EXPECT_EQ(a.data(), "abc");
  EXPECT_EQ(a.digest, Sha256("abc"));
  const Artifact copy = a;
  EXPECT_EQ(copy.bytes.get(), a.bytes.get());  // shared, not copied
}

TEST(MemoryArtifactStoreTest, PutGetAndNotFound) {
  MemoryArtifactStore store;
  EXPECT_EQ(store.Get(Sha256("x")).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store.Put(Sha256("x"), "x").ok());
  ASSERT_TRUE(store.Put(Sha256("x"), "x").ok());  // idempotent
  EXPECT_EQ(store.size(), 1u);
  StatusOr<std::string> got = store.Get(Sha256("x"));
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "x");
  EXPECT_NE(store.Get(Sha256("y")).status().message().find(Sha256("y").Hex()), std::string::npos);
}

TEST(MemoryArtifactStoreTest, ConcurrentPuts) {
  MemoryArtifactStore store;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&store, t] {
      for (int i = 0; i < 100; ++i) {
        const std::string bytes = std::to_string(i % 50) + "/" + std::to_string(t % 2);
        EXPECT_TRUE(store.Put(Sha256(bytes), bytes).ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(store.size(), 100u);
}

}  // namespace
}  // namespace docket::engine
