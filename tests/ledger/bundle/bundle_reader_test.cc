// Tests for ledger/bundle/bundle_reader.h: the magic, record framing (truncation,
// hostile lengths, non-minimal varints, trailing bytes) and record order are checked
// before any hash, and every error names the record.
#include "ledger/bundle/bundle_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/ledger/bundle/bundle_test_env.h"

namespace docket::ledger {
namespace {

using testing::Build;
using testing::BundleTest;
using testing::Records;

// Reads `bytes` to the end; returns the first error or OK.
Status ReadAll(const std::string& bytes) {
  std::istringstream in(bytes);
  BundleReader reader(in);
  while (true) {
    StatusOr<std::optional<bundle::Record>> record = reader.Next();
    if (!record.ok()) return record.status();
    if (!record->has_value()) return Status::Ok();
  }
}

void ExpectDataLoss(const std::string& bytes, const std::string& fragment) {
  const Status status = ReadAll(bytes);
  EXPECT_EQ(status.code(), StatusCode::kDataLoss) << status.ToString();
  EXPECT_NE(status.message().find(fragment), std::string::npos) << status.ToString();
}

class BundleReaderTest : public BundleTest {
 protected:
  void SetUp() override {
    BundleTest::SetUp();
    AppendRun("a");
    bytes_ = Export();
    records_ = Records(bytes_);
    ASSERT_EQ(records_.size(), 1u + 3u + 3u + 3u + 1u);  // header, 3 cps, 3 entries, 3 blobs, end
  }
  std::string bytes_;
  std::vector<bundle::Record> records_;
};

TEST_F(BundleReaderTest, ReadsAValidBundleToTheEnd) {
  EXPECT_TRUE(ReadAll(bytes_).ok());
  std::istringstream in(bytes_);
  const StatusOr<bundle::Header> header = ReadBundleHeader(in);
  ASSERT_TRUE(header.ok()) << header.status().ToString();
  EXPECT_EQ(header->tree_size, 3u);
  EXPECT_EQ(header->verifier_keys.size(), 1u);
}

TEST_F(BundleReaderTest, RejectsAnythingWithoutTheMagic) {
  EXPECT_EQ(ReadAll("").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadAll("docket-bundle/2\n").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadAll("{\"json\": true}").code(), StatusCode::kInvalidArgument);
}

TEST_F(BundleReaderTest, TruncationAnywhereIsDetected) {
  for (size_t cut = kBundleMagic.size(); cut < bytes_.size(); ++cut) {
    const Status status = ReadAll(bytes_.substr(0, cut));
    ASSERT_EQ(status.code(), StatusCode::kDataLoss) << "cut at " << cut;
  }
  ExpectDataLoss(bytes_.substr(0, bytes_.size() - 1), "truncated");
}

TEST_F(BundleReaderTest, HostileLengthsAllocateNothing) {
  // 2^30 + 2^16 - 1 announced, nothing behind it: fails as truncated without reserving.
  std::string huge(kBundleMagic);
  huge += "\xff\xff\x83\x80\x04";
  ExpectDataLoss(huge, "truncated");
  ExpectDataLoss(std::string(kBundleMagic) + "\xff\xff\xff\xff\x0f", "exceeds the limit");
  ExpectDataLoss(std::string(kBundleMagic) + std::string(10, '\xff') + "\x01", "overflows");
  ExpectDataLoss(std::string(kBundleMagic) + std::string("\x80\x00", 2), "minimal varint");
  ExpectDataLoss(std::string(kBundleMagic) + "\x85", "inside the record length");
}

TEST_F(BundleReaderTest, RecordsOutOfPlaceAreRejectedByNumber) {
  std::vector<bundle::Record> r = records_;
  std::swap(r[4], r[5]);  // two entries
  ExpectDataLoss(Build(r), "record 5 (entry 1): a whole-log bundle holds every entry");

  r = records_;
  std::swap(r[3], r[4]);  // last checkpoint after the first entry
  ExpectDataLoss(Build(r), "out of order");

  r = records_;
  r.erase(r.begin() + 5);  // drop entry 1
  std::get<bundle::End>(r.back()).record_count -= 1;
  ExpectDataLoss(Build(r), "entry 1 is missing");

  r = records_;
  r.erase(r.begin());  // no header
  ExpectDataLoss(Build(r), "record 1 (checkpoint 1): the first record must be the header");

  r = records_;
  r.insert(r.begin() + 2, r.front());
  ExpectDataLoss(Build(r), "a second header");

  r = records_;
  std::swap(r[7], r[8]);  // blobs out of digest order
  ExpectDataLoss(Build(r), "increasing digest order");
}

TEST_F(BundleReaderTest, EndRecordMustCountAndComeLast) {
  std::vector<bundle::Record> r = records_;
  r.pop_back();
  ExpectDataLoss(Build(r), "without its end record");

  r = records_;
  std::get<bundle::End>(r.back()).record_count = 3;
  ExpectDataLoss(Build(r), "counts 3 records");

  ExpectDataLoss(bytes_ + "x", "bytes follow the end record");
  r = records_;
  r.pop_back();  // blobs dropped, end recounted: the reader cannot tell, the verifier can
  r.erase(r.end() - 3, r.end());
  r.push_back(bundle::End{.record_count = r.size()});
  EXPECT_TRUE(ReadAll(Build(r)).ok());
}

TEST_F(BundleReaderTest, HeaderFieldsAreChecked) {
  std::vector<bundle::Record> r = records_;
  std::get<bundle::Header>(r[0]).format_version = 2;
  EXPECT_EQ(ReadAll(Build(r)).code(), StatusCode::kInvalidArgument);

  r = records_;
  std::get<bundle::Header>(r[0]).verifier_keys = {"not a key"};
  ExpectDataLoss(Build(r), "record 1: header verifier key 0");

  r = records_;
  std::get<bundle::Header>(r[0]).tree_size = 2;
  ExpectDataLoss(Build(r), "beyond the header's tree size 2");

  r = records_;
  std::get<bundle::Header>(r[0]).tree_size = 4;
  ExpectDataLoss(Build(r), "entry 3 is missing");

  r = records_;
  std::get<bundle::Header>(r[0]).origin = "other/log";
  ExpectDataLoss(Build(r), "record 2 (checkpoint 1): names origin");
}

TEST_F(BundleReaderTest, SelectionEntriesNeedTheirProofs) {
  const std::string selection = Export({.terms = {{IndexKind::kRun, "run-a"}}});
  std::vector<bundle::Record> r = Records(selection);
  ASSERT_TRUE(std::holds_alternative<bundle::InclusionProof>(r[3]));
  r.erase(r.begin() + 3);
  std::get<bundle::End>(r.back()).record_count -= 1;
  ExpectDataLoss(Build(r), "entry 0 has no inclusion proof");

  r = Records(selection);
  std::get<bundle::InclusionProof>(r[3]).index = 1;
  ExpectDataLoss(Build(r), "does not follow its entry");

  r = Records(selection);
  std::get<bundle::InclusionProof>(r[3]).tree_size = 2;
  ExpectDataLoss(Build(r), "not a checkpoint size");
}

TEST(BundleRecordsTest, DecodeIsStrict) {
  EXPECT_EQ(bundle::DecodeRecord("").status().code(), StatusCode::kDataLoss);  // no kind
  EXPECT_EQ(bundle::DecodeRecord("\xff").status().code(), StatusCode::kDataLoss);
  // Field 9 (unknown kind) holding an empty message.
  EXPECT_EQ(bundle::DecodeRecord(std::string("\x4a\x00", 2)).status().code(),
            StatusCode::kDataLoss);
  // An inclusion proof with a 31-byte hash.
  bundle::InclusionProof proof{.index = 0, .tree_size = 1};
  StatusOr<std::string> framed = bundle::EncodeRecord(proof);
  ASSERT_TRUE(framed.ok());
  std::string body = framed->substr(1);
  body += std::string("\x1a\x1f", 2) + std::string(31, 'h');
  body[1] = static_cast<char>(body.size() - 2);
  const StatusOr<bundle::Record> decoded = bundle::DecodeRecord(body);
  EXPECT_EQ(decoded.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(decoded.status().message().find("31 bytes"), std::string::npos)
      << decoded.status().ToString();
  EXPECT_FALSE(bundle::IsBlobDigest("sha256:" + std::string(64, 'A')));
  EXPECT_TRUE(bundle::IsBlobDigest("sha256:" + std::string(64, 'a')));
}

}  // namespace
}  // namespace docket::ledger
