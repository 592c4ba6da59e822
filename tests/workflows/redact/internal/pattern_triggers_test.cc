// Tests for workflows/redact/internal/pattern_triggers (the prefilter of the pattern set)
// and PatternSet's split capture groups: the prefiltered scan finds exactly what the
// unfiltered one finds, on the labelled sets, the bundled sample, the fuzz corpora and
// mutations of them; and the case-folding assumption the keyword matching rests on.
#include "workflows/redact/internal/pattern_triggers.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "workflows/redact/internal/pattern_set.h"

namespace docket::workflows::redact::internal {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every line of the JSONL and CSV files, whole: JSON escapes and CSV quoting only add
// bytes around the texts, and the patterns must agree on any bytes.
void AddLines(const std::filesystem::path& path, std::vector<std::string>& texts) {
  const std::string all = ReadFile(path);
  ASSERT_FALSE(all.empty()) << path;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find('\n', pos);
    if (end == std::string::npos) end = all.size();
    std::string line = all.substr(pos, end - pos);
    // Unescape the common JSON escapes so line breaks inside texts are real ones.
    std::string text;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) {
        const char c = line[++i];
        text.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c);
      } else {
        text.push_back(line[i]);
      }
    }
    texts.push_back(std::move(text));
    pos = end + 1;
  }
}

std::vector<std::string> Corpus() {
  const std::filesystem::path root = DOCKET_SOURCE_DIR;
  std::vector<std::string> texts;
  AddLines(root / "tests/golden/redaction/pii_eval.jsonl", texts);
  AddLines(root / "tests/golden/redaction/pii_heldout.jsonl", texts);
  for (const char* file : {"reviews.jsonl", "tickets.csv", "nps.csv"}) {
    AddLines(root / "workflows/sample/data" / file, texts);
  }
  for (const auto& entry : std::filesystem::directory_iterator(root / "tests/fuzz/corpus")) {
    const std::string name = entry.path().filename().string();
    if (name.find("pii") == std::string::npos && name.find("redact") == std::string::npos &&
        name.find("egress") == std::string::npos) {
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& file : std::filesystem::directory_iterator(entry.path())) {
      files.push_back(file.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) texts.push_back(ReadFile(file));
  }
  return texts;
}

// Deterministic variants that move case, blanks, line breaks and sentence ends around.
std::vector<std::string> Mutations(const std::string& text, size_t salt) {
  std::vector<std::string> out(6);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    out[0].push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    out[1].push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
    out[2].push_back(c == '\n' ? ' ' : (c == ' ' ? '\n' : c));
    if ((i * 2654435761u + salt) % 17 != 0) out[3].push_back(c);
    out[4].push_back(c);
    if ((i * 40503u + salt) % 13 == 0) out[4].push_back(c);
    if (c == ' ' && (i + salt) % 3 == 0) {
      out[5] += '\t';
    } else if (c == ' ' && (i + salt) % 7 == 0) {
      out[5] += ". ";
    } else {
      out[5].push_back(c);
    }
  }
  return out;
}

std::string Describe(const std::vector<Detection>& found) {
  std::string out;
  for (const Detection& d : found) {
    out += "[" + std::to_string(d.start) + "," + std::to_string(d.end) + " " + d.detector + "]";
  }
  return out;
}

class RedactPatternTriggersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { patterns_ = PatternSet::Create(DefaultPatterns())->release(); }
  static void TearDownTestSuite() {
    delete patterns_;
    patterns_ = nullptr;
  }
  static void ExpectSame(const std::string& text) {
    std::vector<Detection> filtered;
    std::vector<Detection> unfiltered;
    patterns_->Scan(text, filtered);
    patterns_->ScanUnfiltered(text, unfiltered);
    EXPECT_EQ(filtered, unfiltered) << "text: " << text << "\nprefiltered: " << Describe(filtered)
                                    << "\nunfiltered:  " << Describe(unfiltered);
  }
  static PatternSet* patterns_;
};
PatternSet* RedactPatternTriggersTest::patterns_ = nullptr;

TEST_F(RedactPatternTriggersTest, EveryBuiltInPatternHasTriggersAndNamesSplit) {
  for (const PatternSpec& spec : DefaultPatterns()) {
    EXPECT_FALSE(spec.triggers.empty()) << spec.detector;
    if (spec.type == EntityType::kPersonName) {
      EXPECT_TRUE(spec.split.has_value()) << spec.detector;
    }
  }
}

TEST_F(RedactPatternTriggersTest, SameMatchesAsUnfilteredOnCorpora) {
  const std::vector<std::string> texts = Corpus();
  ASSERT_GT(texts.size(), 9000u);
  size_t found = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    ExpectSame(texts[i]);
    std::vector<Detection> out;
    patterns_->ScanUnfiltered(texts[i], out);
    found += out.size();
    if (HasFailure()) return;
  }
  EXPECT_GT(found, 3000u);  // the comparison is not vacuous
}

TEST_F(RedactPatternTriggersTest, SameMatchesAsUnfilteredOnMutations) {
  const std::vector<std::string> texts = Corpus();
  for (size_t i = 0; i < texts.size(); ++i) {
    for (const std::string& variant : Mutations(texts[i], i)) ExpectSame(variant);
    if (i + 1 < texts.size() && i % 3 == 0) ExpectSame(texts[i] + texts[i + 1]);
    if (HasFailure()) return;
  }
}

TEST_F(RedactPatternTriggersTest, SameMatchesOnHandPickedEdges) {
  for (const char* text : {
           "x\xC5\xBF" "ecret: hunter22",  // ſ folds to s: falls back to the unfiltered scan
           "\xE2\x84\xAA" "unde 12345678",
           "Thanks,Anna", "ThanksAnna Schmidt.", "Best Wishes.", "Beste Gr\xC3\xBC\xC3\x9F" "e, Anna",
           "> > Hi  Anna ,", "Hello.Hi Bob!", "end. Cheers\n> - Tom", "Name:  Anna Schmidt  ",
           "(10:42 PM) Agent Maya:", "Kunde Jonas Weber:", "On Mon, Anna Schmidt <a@b.example> wrote:",
           "Anna <a@b.example>", "\"Anna M\xC3\xBCller\" <x@y.example>", "12bis rue de la Paix",
           "12 ter, Avenue Victor Hugo", "Hauptstra\xC3\x9F" "e  5a", "\xC3\x9C" "berseeweg 3",
           "Lange Stra\xC3\x9F" "e 7", "SW1A 1AA", "GIR 0AA", "CA 94115", "NY, 10001",
           "D-10115 Berlin", "PLZ: 10115", "c\xC3\xB3" "digo postal 28013", "Mrs. Anna Smith",
           "MrAnna", "I\xE2\x80\x99m Anna", "je m'appelle Anne", "n\xC3\xA9" "e le 4 mars 1980",
           "am 10.06.1958 geboren", "password is \"sunshine\"", "?token=abcdef123&x", "-----BEGIN RSA PRIVATE KEY-----",
           "------BEGIN PRIVATE KEY-----", "Bearer abcdefghijklmnop1234", "order#12345 orders1234",
       }) {
    ExpectSame(text);
  }
}

TEST_F(RedactPatternTriggersTest, SameMatchesPastManyMissedStarts) {
  // More proposed starts than anchored attempts allowed: the rest go unanchored.
  std::string keys;
  std::string orders;
  std::string greetings;
  for (int i = 0; i < 40; ++i) {
    keys += "eyJabcdefgh-";
    orders += "order x" + std::to_string(i) + " ";
    greetings += "\nHi there";
    if (i % 9 == 0) {
      keys += " eyJabcdefghij.abcdefghij.abcdefghij ";
      orders += "order #12345" + std::to_string(i) + " ";
      greetings += "\nHi Anna,";
    }
  }
  ExpectSame(keys);
  ExpectSame(orders);
  ExpectSame(greetings);
  ExpectSame(keys + orders + greetings);
}

// The keyword trie folds ASCII case only. That is sound because RE2's (?i) maps just two
// non-ASCII code points onto ASCII letters, U+017F (ſ) and U+212A (Kelvin sign), and the
// prefilter declines texts holding either.
TEST(RedactPatternTriggersFoldTest, OnlyLongSAndKelvinFoldToAscii) {
  const RE2 ascii_letter("(?i)[a-z]");
  const auto encode = [](uint32_t cp) {
    std::string s;
    if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
  };
  std::vector<uint32_t> folding;
  for (uint32_t cp = 0x80; cp < 0x20000; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    if (RE2::FullMatch(encode(cp), ascii_letter)) folding.push_back(cp);
  }
  EXPECT_EQ(folding, (std::vector<uint32_t>{0x017F, 0x212A}));
  std::vector<uint64_t> starts;
  const Prefilter prefilter(DefaultPatterns());
  EXPECT_TRUE(prefilter.Collect("secret: hunter22", starts));
  EXPECT_FALSE(prefilter.Collect("\xC5\xBF" "ecret: hunter22", starts));
  EXPECT_FALSE(prefilter.Collect("\xE2\x84\xAA" "unde 123", starts));
}

}  // namespace
}  // namespace docket::workflows::redact::internal
