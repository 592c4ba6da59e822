// Test support for ledger/log/: a unique temporary ledger directory removed on
// destruction, a fixed signing key, and raw RocksDB edits that bypass LedgerStore so
// tests can corrupt what is stored. Not thread-safe; one per test.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ledger/log/ledger_store.h"
#include "ledger/log/ledger_writer.h"
#include "ledger/note_key.h"

namespace docket::ledger::testing {

inline constexpr char kTestOrigin[] = "docket.test/ledger";

Signer TestSigner(char seed_byte = 'k', const std::string& name = "docket-test");

class TempLedger {
 public:
  TempLedger();
  ~TempLedger();

  const std::string& path() const { return path_; }
  const Signer& signer() const { return signer_; }

  // Opens the store and starts a writer on it; EXPECTs success. Without a clock in
  // `options`, the writer signs every batch (checkpoint_interval 0).
  void Open(LedgerWriterOptions options = {});
  // Closes the writer (draining it), then the store.
  void Close();
  LedgerStore& store() { return *store_; }
  LedgerWriter& writer() { return *writer_; }

  // Appends and waits; EXPECTs success and returns the index.
  uint64_t AppendAndWait(const std::string& bytes);

  // Raw edits; the ledger must be closed. `family` is a column family name.
  void RawPut(const std::string& family, const std::string& key, const std::string& value);
  void RawDelete(const std::string& family, const std::string& key);
  std::optional<std::string> RawGet(const std::string& family, const std::string& key);

 private:
  std::string path_;
  Signer signer_;
  std::unique_ptr<LedgerStore> store_;
  std::unique_ptr<LedgerWriter> writer_;
};

}  // namespace docket::ledger::testing
