// Tests for ledger/ed25519_key, ledger/note_key and ledger/note: RFC 8032 and the
// published golang.org/x/mod/sumdb/note vectors, round trips and strict rejections.
#include "ledger/note.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/base/encoding.h"
#include "ledger/ed25519_key.h"
#include "ledger/note_key.h"

namespace docket::ledger {
namespace {

// golang.org/x/mod/sumdb/note (note.go package doc and note_test.go).
constexpr char kPeterSigner[] =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr char kPeterVerifier[] =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr char kPeterText[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr char kPeterSigLine[] =
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

std::string PeterNote() { return std::string(kPeterText) + "\n" + kPeterSigLine; }

std::string Hex(std::string_view hex) {
  std::string out;
  EXPECT_TRUE(HexDecode(hex, out));
  return out;
}

Signer MakeSigner(std::string_view name, char seed_byte) {
  StatusOr<Signer> signer = Signer::FromSeed(name, std::string(32, seed_byte));
  EXPECT_TRUE(signer.ok()) << signer.status().ToString();
  return *signer;
}

Verifier PeterVerifier() {
  StatusOr<Verifier> v = Verifier::Parse(kPeterVerifier);
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return *v;
}

// --- Ed25519 keys ---

TEST(Ed25519KeyTest, Rfc8032TestVector1) {
  const std::string seed = Hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  const std::string public_key =
      Hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  const std::string signature =
      Hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
          "1cf9b46bd25bf5f0595bbe24655141438e7a100b");
  StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::FromSeed(seed);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_EQ(key->public_key().bytes(), public_key);
  StatusOr<std::string> sig = key->Sign("");
  ASSERT_TRUE(sig.ok()) << sig.status().ToString();
  EXPECT_EQ(*sig, signature);

  StatusOr<Ed25519PublicKey> pub = Ed25519PublicKey::FromBytes(public_key);
  ASSERT_TRUE(pub.ok());
  EXPECT_TRUE(pub->Verify("", signature).ok());
  std::string flipped = signature;
  flipped[10] ^= 0x01;
  EXPECT_EQ(pub->Verify("", flipped).code(), StatusCode::kDataLoss);
  EXPECT_EQ(pub->Verify("x", signature).code(), StatusCode::kDataLoss);
  EXPECT_EQ(pub->Verify("", signature.substr(1)).code(), StatusCode::kDataLoss);
}

TEST(Ed25519KeyTest, RejectsWrongSizes) {
  EXPECT_EQ(Ed25519PrivateKey::FromSeed(std::string(31, 'a')).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Ed25519PublicKey::FromBytes(std::string(33, 'a')).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Ed25519KeyTest, CopiesShareTheKey) {
  StatusOr<Ed25519PrivateKey> key = Ed25519PrivateKey::FromSeed(std::string(32, '\x07'));
  ASSERT_TRUE(key.ok());
  Ed25519PrivateKey copy = *key;
  Ed25519PrivateKey assigned = copy;
  assigned = *key;
  StatusOr<std::string> sig = assigned.Sign("hello");
  ASSERT_TRUE(sig.ok());
  Ed25519PublicKey pub = copy.public_key();
  EXPECT_TRUE(pub.Verify("hello", *sig).ok());
}

// --- Keys ---

TEST(NoteKeyTest, GoSignerKeyDerivesPublishedVerifierKey) {
  StatusOr<Signer> signer = Signer::Parse(kPeterSigner);
  ASSERT_TRUE(signer.ok()) << signer.status().ToString();
  EXPECT_EQ(signer->name(), "PeterNeumann");
  EXPECT_EQ(signer->key_hash(), 0xc74f20a3u);
  EXPECT_EQ(signer->verifier().Format(), kPeterVerifier);
  EXPECT_EQ(signer->Format(), kPeterSigner);
}

TEST(NoteKeyTest, VerifierRoundTrip) {
  const Verifier v = PeterVerifier();
  EXPECT_EQ(v.name(), "PeterNeumann");
  EXPECT_EQ(v.key_hash(), 0xc74f20a3u);
  EXPECT_EQ(v.Format(), kPeterVerifier);
  const Signer s = MakeSigner("example.com/log", '\x01');
  StatusOr<Verifier> again = Verifier::Parse(s.verifier().Format());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Format(), s.verifier().Format());
  EXPECT_EQ(again->key_hash(), Ed25519KeyHash("example.com/log", again->public_key().bytes()));
}

TEST(NoteKeyTest, VerifierRejections) {
  const std::string key64 = "ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  // A 0x02 algorithm byte with the same key.
  std::string raw;
  ASSERT_TRUE(Base64Decode(key64, raw));
  raw[0] = 0x02;
  const std::string wrong_alg = Base64Encode(raw);
  const std::vector<std::string> bad = {
      "",
      "PeterNeumann",
      "PeterNeumann+c74f20a3",
      "+c74f20a3+" + key64,                                        // empty name
      "Peter Neumann+c74f20a3+" + key64,                           // space in name
      "Peter\tNeumann+c74f20a3+" + key64,                          // control in name
      "Peter\xC2\xA0Neumann+c74f20a3+" + key64,                    // U+00A0 in name
      "PeterNeumann+C74F20A3+" + key64,                            // uppercase hash
      "PeterNeumann+c74f20a+" + key64,                             // 7 hex digits
      "PeterNeumann+c74f20a30+" + key64,                           // 9 hex digits
      "PeterNeumann+c74f20a4+" + key64,                            // wrong hash
      "PeterNeumann+c74f20a3+" + wrong_alg,                        // unknown algorithm
      "PeterNeumann+c74f20a3+" + key64.substr(0, 40),              // truncated base64
      "PeterNeumann+c74f20a3+" + Base64Encode(raw.substr(0, 32)),  // 31-byte key
      "PeterNeumann+c74f20a3+" + key64 + "\n",
  };
  for (const std::string& vkey : bad) {
    EXPECT_EQ(Verifier::Parse(vkey).status().code(), StatusCode::kInvalidArgument) << vkey;
  }
  EXPECT_FALSE(Signer::Parse(kPeterVerifier).ok());
  EXPECT_FALSE(Signer::FromSeed("a+b", std::string(32, 'x')).ok());
  EXPECT_FALSE(Signer::FromSeed("ok", std::string(16, 'x')).ok());
}

// --- Notes ---

TEST(NoteTest, PublishedGoNoteVerifies) {
  StatusOr<OpenedNote> opened = OpenNote(PeterNote(), {PeterVerifier()});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->text, kPeterText);
  ASSERT_EQ(opened->verified.size(), 1u);
  EXPECT_EQ(opened->verified[0].name, "PeterNeumann");
  EXPECT_EQ(opened->verified[0].key_hash, 0xc74f20a3u);
  EXPECT_TRUE(opened->unverified.empty());
}

TEST(NoteTest, SigningWithGoKeyReproducesPublishedNote) {
  StatusOr<Signer> signer = Signer::Parse(kPeterSigner);
  ASSERT_TRUE(signer.ok());
  StatusOr<std::string> note = SignNote(kPeterText, {&*signer});
  ASSERT_TRUE(note.ok()) << note.status().ToString();
  EXPECT_EQ(*note, PeterNote());
}

TEST(NoteTest, AnyFlippedTextOrSignatureByteFails) {
  const std::string note = PeterNote();
  // Flip the text ("cryptography" -> "cryptographY") and one signature byte.
  std::string tampered = note;
  ASSERT_EQ(tampered.substr(13, 12), "cryptography");
  tampered[24] ^= 0x20;
  EXPECT_EQ(OpenNote(tampered, {PeterVerifier()}).status().code(), StatusCode::kDataLoss);
  std::string raw;
  const size_t b64_at = note.rfind(' ') + 1;
  ASSERT_TRUE(Base64Decode(note.substr(b64_at, note.size() - b64_at - 1), raw));
  raw[20] ^= 0x01;
  tampered = note.substr(0, b64_at) + Base64Encode(raw) + "\n";
  const Status status = OpenNote(tampered, {PeterVerifier()}).status();
  EXPECT_EQ(status.code(), StatusCode::kDataLoss);
  EXPECT_NE(status.message().find("PeterNeumann"), std::string::npos) << status.message();
}

TEST(NoteTest, NoteByAnotherKeyIsRejected) {
  const Signer other = MakeSigner("PeterNeumann", '\x02');  // same name, other key
  StatusOr<std::string> note = SignNote(kPeterText, {&other});
  ASSERT_TRUE(note.ok());
  StatusOr<OpenedNote> opened = OpenNote(*note, {PeterVerifier()});
  EXPECT_EQ(opened.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(OpenNote(*note, {}).status().code(), StatusCode::kDataLoss);
}

TEST(NoteTest, RotationWithSeveralSignatures) {
  const Signer old_key = MakeSigner("example.com/log", '\x01');
  const Signer new_key = MakeSigner("example.com/log", '\x02');
  const Signer witness = MakeSigner("witness.example", '\x03');
  const std::string text = "hello\n\nworld\n";
  StatusOr<std::string> note = SignNote(text, {&old_key, &new_key, &witness});
  ASSERT_TRUE(note.ok()) << note.status().ToString();

  // A client that rotated to the new key only: the old key's signature is ignored.
  StatusOr<OpenedNote> opened = OpenNote(*note, {new_key.verifier()});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->text, text);
  ASSERT_EQ(opened->verified.size(), 1u);
  EXPECT_EQ(opened->verified[0].key_hash, new_key.key_hash());
  EXPECT_EQ(opened->unverified.size(), 2u);

  // A client still on the old key, and one trusting everything.
  EXPECT_TRUE(OpenNote(*note, {old_key.verifier()}).ok());
  opened = OpenNote(*note, {old_key.verifier(), new_key.verifier(), witness.verifier()});
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->verified.size(), 3u);

  // Once the old key is rotated out, notes signed only by it are refused.
  StatusOr<std::string> old_only = SignNote(text, {&old_key});
  ASSERT_TRUE(old_only.ok());
  EXPECT_EQ(OpenNote(*old_only, {new_key.verifier()}).status().code(), StatusCode::kDataLoss);
}

TEST(NoteTest, ParseFormatRoundTrip) {
  StatusOr<Note> note = ParseNote(PeterNote());
  ASSERT_TRUE(note.ok()) << note.status().ToString();
  EXPECT_EQ(note->text, kPeterText);
  ASSERT_EQ(note->signatures.size(), 1u);
  EXPECT_EQ(note->signatures[0].signature.size(), 64u);
  EXPECT_EQ(FormatNote(*note), PeterNote());
}

TEST(NoteTest, TextMayContainBlankLinesAndUtf8) {
  const Signer s = MakeSigner("example.com/log", '\x05');
  const std::string text = "\n\xC3\xA8 subito sera.\n\n\xE2\x80\x94 not a signature\n";
  StatusOr<std::string> note = SignNote(text, {&s});
  ASSERT_TRUE(note.ok()) << note.status().ToString();
  StatusOr<OpenedNote> opened = OpenNote(*note, {s.verifier()});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->text, text);
}

void ExpectMalformed(const std::string& note, std::string_view want_in_message) {
  const Status status = ParseNote(note).status();
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << note;
  EXPECT_NE(status.message().find(want_in_message), std::string::npos)
      << status.message() << " lacks " << want_in_message;
  EXPECT_EQ(OpenNote(note, {PeterVerifier()}).status().code(), StatusCode::kInvalidArgument);
}

TEST(NoteTest, Rejections) {
  const std::string text = kPeterText;
  const std::string sig = kPeterSigLine;
  const std::string b64 = sig.substr(sig.rfind(' ') + 1, sig.size() - sig.rfind(' ') - 2);
  ExpectMalformed("", "newline");
  ExpectMalformed(text + "\n" + sig.substr(0, sig.size() - 1), "newline");  // no final \n
  ExpectMalformed(text + sig, "blank line");                                // no separator
  ExpectMalformed(text + "\n", "no signature");
  ExpectMalformed(text + "\n" + sig + "\n", "no signature");  // blank line after sigs
  ExpectMalformed(text + "\n- PeterNeumann " + b64 + "\n", "line 4: signature line must start");
  ExpectMalformed(text + "\n\xE2\x80\x94PeterNeumann " + b64 + "\n", "line 4");
  ExpectMalformed(text + "\n\xE2\x80\x94 PeterNeumann\n", "line 4");            // no sig
  ExpectMalformed(text + "\n\xE2\x80\x94  " + b64 + "\n", "invalid key name");  // empty name
  ExpectMalformed(text + "\n\xE2\x80\x94 Peter+Neumann " + b64 + "\n", "invalid key name");
  ExpectMalformed(text + "\n\xE2\x80\x94 PeterNeumann " + b64.substr(0, 41) + "\n", "base64");
  ExpectMalformed(text + "\n\xE2\x80\x94 PeterNeumann " + b64.substr(0, 40) + "==\n", "base64");
  ExpectMalformed(text + "\n\xE2\x80\x94 PeterNeumann " + b64 + " \n", "base64");
  ExpectMalformed(text + "\n\xE2\x80\x94 PeterNeumann AAAAAA==\n", "shorter");
  ExpectMalformed(text + "\n" + sig + "\xE2\x80\x94 x\n", "line 5");
  ExpectMalformed("a\rb\n\n" + sig, "control character");
  ExpectMalformed("a\xFF\n\n" + sig, "UTF-8");
  ExpectMalformed("a\xC0\xAF\n\n" + sig, "UTF-8");  // overlong '/'
  std::string many = text + "\n";
  for (size_t i = 0; i <= kMaxNoteSignatures; ++i) many += sig;
  ExpectMalformed(many, "more than 100 signatures");
  ExpectMalformed(std::string(kMaxNoteSize, 'a') + "\n\n" + sig, "over the limit");
}

TEST(NoteTest, TruncatedSignatureByTrustedKeyIsDataLoss) {
  // Whole base64 quanta cut off: well-formed, but the Ed25519 signature is short.
  const std::string sig = kPeterSigLine;
  const std::string b64 = sig.substr(sig.rfind(' ') + 1, 40);
  const std::string note = std::string(kPeterText) + "\n\xE2\x80\x94 PeterNeumann " + b64 + "\n";
  ASSERT_TRUE(ParseNote(note).ok());
  EXPECT_EQ(OpenNote(note, {PeterVerifier()}).status().code(), StatusCode::kDataLoss);
}

TEST(NoteTest, SignNoteRejectsBadInput) {
  const Signer s = MakeSigner("example.com/log", '\x01');
  EXPECT_EQ(SignNote("no newline", {&s}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SignNote("", {&s}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SignNote("a\x01\n", {&s}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SignNote("a\n", {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(SignNote("a\n", {nullptr}).status().code(), StatusCode::kInvalidArgument);
}

TEST(NoteTest, UnknownKeySharingNameOrHashIsIgnored) {
  // A signature under the trusted name but another key hash is not "by a known key".
  StatusOr<Note> note = ParseNote(PeterNote());
  ASSERT_TRUE(note.ok());
  NoteSignature unknown = note->signatures[0];
  unknown.key_hash ^= 1;
  unknown.signature[0] ^= 1;
  note->signatures.insert(note->signatures.begin(), unknown);
  StatusOr<OpenedNote> opened = OpenNote(FormatNote(*note), {PeterVerifier()});
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->verified.size(), 1u);
  EXPECT_EQ(opened->unverified.size(), 1u);
}

}  // namespace
}  // namespace docket::ledger
