// Tests for ledger/checkpoint: body format and strict parsing, signing and opening
// checkpoints with rotated keys.
#include "ledger/checkpoint.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "engine/base/encoding.h"
#include "engine/base/sha256.h"

namespace docket::ledger {
namespace {

constexpr char kOrigin[] = "example.com/behind-the-sofa";
// The example of c2sp.org/tlog-checkpoint.
constexpr char kSpecBody[] =
    "example.com/behind-the-sofa\n"
    "20852163\n"
    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

Signer MakeSigner(std::string_view name, char seed_byte) {
  StatusOr<Signer> signer = Signer::FromSeed(name, std::string(32, seed_byte));
  EXPECT_TRUE(signer.ok()) << signer.status().ToString();
  return *signer;
}

Checkpoint SampleCheckpoint() {
  return Checkpoint{.origin = kOrigin, .size = 42, .root = Sha256("root"), .extensions = {}};
}

TEST(CheckpointTest, ParsesSpecExample) {
  StatusOr<Checkpoint> c = ParseCheckpointBody(kSpecBody);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->origin, kOrigin);
  EXPECT_EQ(c->size, 20852163u);
  EXPECT_EQ(Base64Encode(c->root.AsBytes()), "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
  EXPECT_TRUE(c->extensions.empty());
  EXPECT_EQ(FormatCheckpointBody(*c), kSpecBody);
}

TEST(CheckpointTest, BodyRoundTripWithExtensionsAndEdgeSizes) {
  for (uint64_t size : {uint64_t{0}, uint64_t{1}, UINT64_MAX}) {
    Checkpoint c = SampleCheckpoint();
    c.size = size;
    c.extensions = {"ext one", "\xE2\x80\x94 two"};
    const std::string body = FormatCheckpointBody(c);
    StatusOr<Checkpoint> parsed = ParseCheckpointBody(body);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(*parsed, c);
  }
  EXPECT_EQ(
      FormatCheckpointBody(Checkpoint{.origin = "o", .size = 0, .root = {}, .extensions = {}}),
      "o\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
}

void ExpectBadBody(const std::string& body, std::string_view want_in_message) {
  const Status status = ParseCheckpointBody(body).status();
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << body;
  EXPECT_NE(status.message().find(want_in_message), std::string::npos)
      << status.message() << " lacks " << want_in_message;
}

TEST(CheckpointTest, BodyRejections) {
  const std::string root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
  ExpectBadBody("", "newline");
  ExpectBadBody("o\n1\n" + root, "newline");
  ExpectBadBody("o\n1\n", "2 lines");
  ExpectBadBody("\n1\n" + root + "\n", "line 1: origin is empty");
  for (const char* size :
       {"01", "-1", "+1", "", " 1", "1 ", "1a", "0x10", "00", "18446744073709551616",
        "99999999999999999999", "184467440737095516150"}) {
    ExpectBadBody("o\n" + std::string(size) + "\n" + root + "\n", "line 2: tree size");
  }
  ExpectBadBody("o\n1\n" + root.substr(0, 41) + "\n", "line 3: root hash is not padded base64");
  ExpectBadBody("o\n1\n" + root.substr(0, 40) + "\n", "line 3: root hash is 30 bytes");
  ExpectBadBody("o\n1\n" + root.substr(0, 43) + "\n", "line 3");
  ExpectBadBody("o\n1\n" + Base64Encode(std::string(31, 'a')) + "\n", "31 bytes, want 32");
  ExpectBadBody("o\n1\n" + Base64Encode(std::string(33, 'a')) + "\n", "33 bytes, want 32");
  ExpectBadBody("o\n1\n" + root + "\next\n\n", "line 5: extension line is empty");
}

TEST(CheckpointTest, SignAndOpen) {
  const Signer log_key = MakeSigner(kOrigin, '\x11');
  Checkpoint c = SampleCheckpoint();
  c.extensions = {"extension"};
  StatusOr<std::string> note = SignCheckpoint(c, {&log_key});
  ASSERT_TRUE(note.ok()) << note.status().ToString();
  EXPECT_EQ(note->substr(0, FormatCheckpointBody(c).size()), FormatCheckpointBody(c));
  StatusOr<Checkpoint> opened = OpenCheckpoint(*note, {log_key.verifier()}, kOrigin);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, c);

  EXPECT_EQ(OpenCheckpoint(*note, {log_key.verifier()}, "example.com/other").status().code(),
            StatusCode::kInvalidArgument);
  const Signer stranger = MakeSigner(kOrigin, '\x12');
  EXPECT_EQ(OpenCheckpoint(*note, {stranger.verifier()}, kOrigin).status().code(),
            StatusCode::kDataLoss);
}

TEST(CheckpointTest, TamperedCheckpointFails) {
  const Signer log_key = MakeSigner(kOrigin, '\x11');
  StatusOr<std::string> note = SignCheckpoint(SampleCheckpoint(), {&log_key});
  ASSERT_TRUE(note.ok());
  std::string tampered = *note;
  const size_t size_at = tampered.find("\n42\n") + 2;
  tampered[size_at] = '3';  // 42 -> 43
  EXPECT_EQ(OpenCheckpoint(tampered, {log_key.verifier()}, kOrigin).status().code(),
            StatusCode::kDataLoss);
}

TEST(CheckpointTest, RotatedOutKeyIsIgnoredWhileNewKeyVerifies) {
  const Signer old_key = MakeSigner(kOrigin, '\x21');
  const Signer new_key = MakeSigner(kOrigin, '\x22');
  const Signer witness = MakeSigner("witness.example/w1", '\x23');
  StatusOr<std::string> note = SignCheckpoint(SampleCheckpoint(), {&old_key, &new_key, &witness});
  ASSERT_TRUE(note.ok());
  StatusOr<Checkpoint> opened = OpenCheckpoint(*note, {new_key.verifier()}, kOrigin);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, SampleCheckpoint());
  StatusOr<std::string> old_only = SignCheckpoint(SampleCheckpoint(), {&old_key});
  ASSERT_TRUE(old_only.ok());
  EXPECT_EQ(OpenCheckpoint(*old_only, {new_key.verifier()}, kOrigin).status().code(),
            StatusCode::kDataLoss);
}

TEST(CheckpointTest, SignRejectsInvalidCheckpoints) {
  const Signer log_key = MakeSigner(kOrigin, '\x11');
  Checkpoint c = SampleCheckpoint();
  c.origin = "";
  EXPECT_EQ(SignCheckpoint(c, {&log_key}).status().code(), StatusCode::kInvalidArgument);
  c = SampleCheckpoint();
  c.origin = "a\nb";
  EXPECT_EQ(SignCheckpoint(c, {&log_key}).status().code(), StatusCode::kInvalidArgument);
  c = SampleCheckpoint();
  c.extensions = {""};
  EXPECT_EQ(SignCheckpoint(c, {&log_key}).status().code(), StatusCode::kInvalidArgument);
  c.extensions = {"tab\there"};
  EXPECT_EQ(SignCheckpoint(c, {&log_key}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SignCheckpoint(SampleCheckpoint(), {}).status().code(), StatusCode::kInvalidArgument);
}

TEST(CheckpointTest, SignedBodyThatIsNotACheckpointIsRejectedAfterVerifying) {
  const Signer log_key = MakeSigner(kOrigin, '\x11');
  StatusOr<std::string> note = SignNote("just text\n", {&log_key});
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(OpenCheckpoint(*note, {log_key.verifier()}, kOrigin).status().code(),
            StatusCode::kInvalidArgument);
}

// The fuzz corpus's signed checkpoint was made with Python's `cryptography` package
// (an independent Ed25519 implementation) and the Go example's signer key.
TEST(CheckpointTest, OpensCheckpointSignedByAnotherImplementation) {
  std::ifstream in(std::string(DOCKET_SOURCE_DIR) +
                   "/tests/fuzz/corpus/checkpoint/checkpoint_signed_ext");
  const std::string note((std::istreambuf_iterator<char>(in)), {});
  ASSERT_FALSE(note.empty());
  StatusOr<Verifier> peter =
      Verifier::Parse("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
  ASSERT_TRUE(peter.ok());
  StatusOr<Checkpoint> c = OpenCheckpoint(note, {*peter}, "example.com/log");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->size, 7u);
  EXPECT_EQ(c->root.Hex(), "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  EXPECT_EQ(c->extensions, std::vector<std::string>{"ext line"});
}

}  // namespace
}  // namespace docket::ledger
