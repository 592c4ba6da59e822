// Checks that the checked-in sample dataset (workflows/sample/data/) tells the story its
// README promises: at least 5,000 good records, only a handful of them exact duplicates,
// a clear rc-4.3.0 checkout regression in the 48 h before its evaluate_at (also after
// removing duplicates), and rc-4.1.0 / rc-4.2.0 staying healthy. Parses the files on its
// own, independently of the generator, and skips the rows a strict ingester would
// quarantine.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace docket::workflows::sample {
namespace {

constexpr std::string_view kAreas[] = {"checkout", "login", "search",   "notifications",
                                       "profile",  "cart",  "shipping", "onboarding"};
constexpr int64_t kWindowSeconds = int64_t{48} * 3600;
// Exact duplicates the generator plants among good records: 6 tickets re-submitted word
// for word under a new id, 2 reviews posted twice, 3 NPS forms submitted twice. (The 3
// review lines repeated where export pages overlap keep their review_id and are skipped
// as repeats, like a strict ingester does.)
constexpr size_t kIntentionalDuplicates = 6 + 2 + 3;

struct Observation {
  int64_t utc = 0;
  std::string version;
  std::string area;
  bool low_rated = false;
  std::string duplicate_key;
};

struct FileTally {
  int rows = 0;
  int quarantined = 0;
};

std::string ReadDataFile(std::string_view name) {
  const std::string path =
      std::string(DOCKET_SOURCE_DIR) + "/workflows/sample/data/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The key Docket's dedupe step compares: ASCII letters lower-cased, every run of
// whitespace one space, no whitespace at the ends.
std::string DuplicateKey(std::string_view text) {
  std::string key;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<uint8_t>(s[i]);
    const int length = lead < 0x80         ? 1
                       : (lead >> 5) == 6  ? 2
                       : (lead >> 4) == 14 ? 3
                       : (lead >> 3) == 30 ? 4
                                           : 0;
    if (length == 0 || i + length > s.size()) return false;
    uint32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
      const auto c = static_cast<uint8_t>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

// RFC 4180 records; quoted fields may hold separators and line ends.
std::vector<std::vector<std::string>> SplitCsv(std::string_view data, std::string_view eol) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (quoted) {
      if (c != '"') {
        field.push_back(c);
      } else if (i + 1 < data.size() && data[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (data.substr(i, eol.size()) == eol) {
      fields.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(fields));
      fields.clear();
      i += eol.size() - 1;
    } else {
      field.push_back(c);
    }
  }
  return records;
}

// Reads the pattern: 'D' is a digit, anything else must match literally. Digits go to
// `numbers`, one number per run of D's.
bool Scan(std::string_view s, std::string_view pattern, std::vector<int>& numbers) {
  if (s.size() != pattern.size()) return false;
  numbers.clear();
  for (size_t i = 0; i < s.size(); ++i) {
    if (pattern[i] != 'D') {
      if (s[i] != pattern[i]) return false;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return false;
    if (i == 0 || pattern[i - 1] != 'D') numbers.push_back(0);
    numbers.back() = numbers.back() * 10 + (s[i] - '0');
  }
  return true;
}

int64_t UnixSeconds(int y, int m, int d, int hh, int mm, int ss) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
  return days * 86400 + int64_t{hh} * 3600 + int64_t{mm} * 60 + ss;
}

std::optional<int64_t> ParseTicketTime(std::string_view s) {
  std::vector<int> n;
  if (!Scan(s, "DDDD-DD-DD DD:DD:DD +0000", n) && !Scan(s, "DDDD-DD-DDTDD:DD:DDZ", n)) {
    return std::nullopt;
  }
  return UnixSeconds(n[0], n[1], n[2], n[3], n[4], n[5]);
}

std::optional<int64_t> ParseRfc3339(std::string_view s) {
  std::vector<int> n;
  if (s.size() != 25 || (s[19] != '+' && s[19] != '-')) return std::nullopt;
  std::string pattern = "DDDD-DD-DDTDD:DD:DD?DD:DD";
  pattern[19] = s[19];
  if (!Scan(s, pattern, n)) return std::nullopt;
  const int offset = (n[6] * 60 + n[7]) * (s[19] == '-' ? -1 : 1);
  return UnixSeconds(n[0], n[1], n[2], n[3], n[4], n[5]) - int64_t{offset} * 60;
}

std::optional<int64_t> ParseRfc2822(std::string_view s) {
  static constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (s.size() != 31 || (s[26] != '+' && s[26] != '-')) return std::nullopt;
  const size_t month = kMonths.find(s.substr(8, 3));
  if (month == std::string_view::npos || month % 3 != 0) return std::nullopt;
  std::string pattern =
      std::string(s.substr(0, 5)) + "DD " + std::string(s.substr(8, 3)) + " DDDD DD:DD:DD ?DDDD";
  pattern[26] = s[26];
  std::vector<int> n;
  if (!Scan(s, pattern, n)) return std::nullopt;
  const int offset = (n[5] / 100 * 60 + n[5] % 100) * (s[26] == '-' ? -1 : 1);
  return UnixSeconds(n[1], static_cast<int>(month / 3) + 1, n[0], n[2], n[3], n[4]) -
         int64_t{offset} * 60;
}

std::optional<int> ParseScore(std::string_view s, int lo, int hi) {
  if (s.empty() || s.size() > 2) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

bool AllUtf8(const std::vector<std::string>& fields) {
  for (const std::string& f : fields) {
    if (!IsValidUtf8(f)) return false;
  }
  return true;
}

FileTally ReadTickets(std::vector<Observation>& out) {
  FileTally tally;
  std::set<std::string> ids;
  auto records = SplitCsv(ReadDataFile("tickets.csv"), "\r\n");
  for (size_t i = 1; i < records.size(); ++i) {
    const std::vector<std::string>& f = records[i];
    ++tally.rows;
    const std::optional<int64_t> t = f.size() == 13 ? ParseTicketTime(f[1]) : std::nullopt;
    const bool rating_ok = f.size() == 13 && (f[8].empty() || ParseScore(f[8], 1, 5));
    if (!t || !rating_ok || !AllUtf8(f) || (f[3].empty() && f[4].empty())) {
      ++tally.quarantined;
      continue;
    }
    if (!ids.insert(f[0]).second) continue;
    out.push_back({*t, f[5], f[6], !f[8].empty() && *ParseScore(f[8], 1, 5) <= 2,
                   DuplicateKey(f[3] + "\n\n" + f[4])});
  }
  return tally;
}

FileTally ReadReviews(std::vector<Observation>& out, std::string& last_line) {
  FileTally tally;
  std::set<std::string> ids;
  std::istringstream lines(ReadDataFile("reviews.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    ++tally.rows;
    last_line = line;
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(line, ec);
    const boost::json::object* o = ec ? nullptr : v.if_object();
    std::optional<int64_t> t;
    const boost::json::value* rating = o ? o->if_contains("rating") : nullptr;
    const bool rating_ok =
        rating && rating->is_int64() && rating->as_int64() >= 1 && rating->as_int64() <= 5;
    if (o) t = ParseRfc3339(boost::json::value_to<std::string>(o->at("submitted_at")));
    if (!o || !t || !rating_ok || o->at("body").as_string().empty()) {
      ++tally.quarantined;
      continue;
    }
    if (!ids.insert(boost::json::value_to<std::string>(o->at("review_id"))).second) continue;
    const std::string title = boost::json::value_to<std::string>(o->at("title"));
    const std::string body = boost::json::value_to<std::string>(o->at("body"));
    out.push_back({*t, boost::json::value_to<std::string>(o->at("app_version")),
                   boost::json::value_to<std::string>(o->at("area")), rating->as_int64() <= 2,
                   DuplicateKey(title + "\n\n" + body)});
  }
  return tally;
}

FileTally ReadNps(std::vector<Observation>& out) {
  FileTally tally;
  std::string bytes = ReadDataFile("nps.csv");
  EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF") << "nps.csv must start with a UTF-8 BOM";
  auto records = SplitCsv(std::string_view{bytes}.substr(3), "\n");
  for (size_t i = 1; i < records.size(); ++i) {
    const std::vector<std::string>& f = records[i];
    ++tally.rows;
    const std::optional<int64_t> t = f.size() == 8 ? ParseRfc2822(f[1]) : std::nullopt;
    const std::optional<int> score = f.size() == 8 ? ParseScore(f[2], 0, 10) : std::nullopt;
    if (!t || !score || !AllUtf8(f) || f[3].empty()) {
      ++tally.quarantined;
      continue;
    }
    out.push_back({*t, f[5], f[6], *score <= 4, DuplicateKey(f[3])});
  }
  return tally;
}

struct Window {
  std::string version;
  int64_t evaluate_at;
};

std::vector<Window> ReadReleaseWindows() {
  std::vector<Window> windows;
  const boost::json::value releases = boost::json::parse(ReadDataFile("releases.json"));
  for (const boost::json::value& rc : releases.at("releases").as_array()) {
    const std::optional<int64_t> at = ParseTicketTime(
        boost::json::value_to<std::string>(rc.at("evaluate_at")));  // "...Z" spelling
    EXPECT_TRUE(at.has_value());
    windows.push_back({boost::json::value_to<std::string>(rc.at("version")), at.value_or(0)});
  }
  return windows;
}

class SampleDataTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tickets_ = ReadTickets(observations_);
    reviews_ = ReadReviews(observations_, last_review_line_);
    nps_ = ReadNps(observations_);
    windows_ = ReadReleaseWindows();
  }

  static bool Counts(const Observation& o, const Window& window) {
    return o.version == window.version && o.low_rated && o.utc < window.evaluate_at &&
           o.utc >= window.evaluate_at - kWindowSeconds;
  }

  // Low-rated records per area of `window.version` in the 48 h before evaluate_at.
  static std::map<std::string, int> LowRatedByArea(const Window& window) {
    std::map<std::string, int> counts;
    for (const Observation& o : observations_) {
      if (Counts(o, window)) ++counts[o.area];
    }
    return counts;
  }

  // The same after removing duplicates: each duplicate key counts once, and not at all
  // if a record outside the count has it too (dedupe may keep that one instead).
  static std::map<std::string, int> DistinctLowRatedByArea(const Window& window) {
    std::set<std::string> outside;
    for (const Observation& o : observations_) {
      if (!Counts(o, window)) outside.insert(o.duplicate_key);
    }
    std::set<std::string> counted;
    std::map<std::string, int> counts;
    for (const Observation& o : observations_) {
      if (Counts(o, window) && !outside.contains(o.duplicate_key) &&
          counted.insert(o.duplicate_key).second) {
        ++counts[o.area];
      }
    }
    return counts;
  }

  static inline std::vector<Observation> observations_;
  static inline FileTally tickets_, reviews_, nps_;
  static inline std::string last_review_line_;
  static inline std::vector<Window> windows_;
};

TEST_F(SampleDataTest, HasAtLeastFiveThousandGoodRecords) {
  EXPECT_GE(observations_.size(), 5000u);
}

TEST_F(SampleDataTest, FewGoodRecordsAreExactDuplicates) {
  std::set<std::string> seen;
  size_t repeats = 0;
  for (const Observation& o : observations_) {
    if (!seen.insert(o.duplicate_key).second) ++repeats;
  }
  // Short praise ("Love it!") may repeat a little; everything else should be one of a kind.
  EXPECT_LE(repeats, observations_.size() / 50 + kIntentionalDuplicates)
      << repeats << " of " << observations_.size() << " good records repeat an earlier text";
}

TEST_F(SampleDataTest, MalformedRowsArePresentButRare) {
  for (const FileTally* file : {&tickets_, &reviews_, &nps_}) {
    EXPECT_GT(file->quarantined, 0);
    EXPECT_LE(file->quarantined * 100, file->rows) << file->quarantined << " of " << file->rows;
  }
}

TEST_F(SampleDataTest, ReviewsDoNotLookTruncated) {
  boost::system::error_code ec;
  const boost::json::value last = boost::json::parse(last_review_line_, ec);
  EXPECT_FALSE(ec) << last_review_line_;
  EXPECT_TRUE(last.is_object());
}

TEST_F(SampleDataTest, Rc430HasACheckoutRegression) {
  ASSERT_EQ(windows_.size(), 3u);
  ASSERT_EQ(windows_[2].version, "4.3.0");
  EXPECT_GT(LowRatedByArea(windows_[2])["checkout"], 40);
  EXPECT_GT(DistinctLowRatedByArea(windows_[2])["checkout"], 40);
}

TEST_F(SampleDataTest, Rc410AndRc420StayHealthyInEveryArea) {
  ASSERT_EQ(windows_.size(), 3u);
  for (const Window& window : {windows_[0], windows_[1]}) {
    std::map<std::string, int> counts = LowRatedByArea(window);
    for (std::string_view area : kAreas) {
      EXPECT_LT(counts[std::string(area)], 15) << window.version << " " << area;
    }
  }
}

}  // namespace
}  // namespace docket::workflows::sample
