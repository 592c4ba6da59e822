// `docket ledger export` and `docket ledger verify --bundle`: evidence bundles
// (docs/ledger-format.md, "Evidence bundles") as files. Export streams ExportBundle into
// a temp file beside --out and renames it into place only once it is complete and
// synced, so a reader never sees half a bundle. Verify needs the bundle file and a
// trusted key, nothing else.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>

#include "adapters/cli/exit_codes.h"
#include "adapters/cli/internal/index_filters.h"
#include "adapters/cli/internal/ledger_exit.h"
#include "adapters/cli/ledger_command.h"
#include "adapters/ledger/ledger_home.h"
#include "adapters/store/atomic_file.h"
#include "engine/base/encoding.h"
#include "ledger/bundle/bundle_reader.h"
#include "ledger/bundle/bundle_writer.h"
#include "ledger/bundle/verify_bundle.h"
#include "ledger/proto/entry.pb.h"

namespace docket::adapters {
namespace {

namespace fs = std::filesystem;
using internal::LedgerFailure;
using internal::LedgerUsage;
using ledger::IndexKind;
using ledger::IndexTerm;

Status OsError(std::string_view what, const fs::path& path) {
  return UnavailableError(std::string(what) + " " + path.string() + ": " + std::strerror(errno));
}

// Streams `write` into a temp file in `path`'s directory, fsyncs it, renames it over
// `path` and fsyncs the directory. On any error the temp file is removed and `path`
// is left as it was. The file gets mkstemp's mode 0600: a bundle holds plain blobs.
Status WriteStreamAtomically(const fs::path& path,
                             const std::function<Status(std::ostream&)>& write) {
  return WriteAtomically(path, 0600, [&](int, const fs::path& tmp) {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) return UnavailableError("opening " + tmp.string());
    Status s = write(file);
    // The stream writes through its own descriptor; WriteAtomically's fsync of the
    // same file then makes it durable.
    if (s.ok() && !file.flush()) s = UnavailableError("writing " + tmp.string());
    return s;
  });
}

std::vector<IndexTerm> Terms(const LedgerExportOptions& o) { return internal::IndexFilters(o); }

// Checks the options that need no ledger. Returns the message of the first problem.
std::optional<std::string> BadExportOptions(const LedgerExportOptions& o) {
  if (o.out.empty()) return "--out FILE is required";
  std::error_code ec;
  const fs::path dir = o.out.has_parent_path() ? o.out.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) return "--out " + o.out.string() + ": no such directory";
  if (fs::is_directory(o.out, ec)) return "--out " + o.out.string() + " is a directory";
  ledger::LedgerEntry::Type type;
  if (o.type && !ledger::LedgerEntry::Type_Parse(*o.type, &type)) {
    return "--type " + *o.type + ": unknown entry type";
  }
  for (const IndexTerm& term : Terms(o)) {
    if (Status s = ledger::ValidateIndexTerm(term); !s.ok()) return s.message();
  }
  return std::nullopt;
}

std::string B64(const Sha256Digest& h) { return Base64Encode(h.AsBytes()); }

// The verifiers listed in the bundle's header, with a note on `err` that they prove
// integrity only. Rewinds `in` for the verification proper.
StatusOr<std::vector<ledger::Verifier>> KeysFromBundle(std::istream& in, const fs::path& path,
                                                       std::ostream& err) {
  DOCKET_ASSIGN_OR_RETURN(ledger::bundle::Header header, ledger::ReadBundleHeader(in));
  std::vector<ledger::Verifier> keys;
  for (const std::string& line : header.verifier_keys) {
    DOCKET_ASSIGN_OR_RETURN(ledger::Verifier key, ledger::Verifier::Parse(line));
    keys.push_back(std::move(key));
  }
  err << "docket: note: verifying " << path.string()
      << " with the verifier key(s) listed in the bundle itself; that only proves the "
         "bundle is intact, not who signed it: pass --key with the ledger's published key\n";
  in.clear();
  in.seekg(0);
  if (!in) return UnavailableError("cannot reread " + path.string());
  return keys;
}

StatusOr<std::vector<ledger::Verifier>> TrustedKeys(const LedgerVerifyOptions& o, std::istream& in,
                                                    std::ostream& err) {
  if (!o.key_file) return KeysFromBundle(in, *o.bundle, err);
  DOCKET_ASSIGN_OR_RETURN(ledger::Verifier key, ReadVerifierFile(*o.key_file));
  return std::vector<ledger::Verifier>{std::move(key)};
}

void PrintReport(const ledger::BundleReport& r, const std::vector<ledger::Verifier>& keys,
                 std::ostream& out) {
  const bool whole = r.scope == ledger::bundle::Scope::kWholeLog;
  out << "ok: " << (whole ? "whole-log" : "selection") << " bundle";
  if (!whole) {
    std::string terms;
    for (const std::string& t : r.selection) terms += (terms.empty() ? "" : ", ") + t;
    out << " (" << terms << ")";
  }
  out << " of " << r.origin << ": " << r.entries << " entries";
  if (!whole) out << " with " << r.inclusion_proofs << " inclusion proofs";
  if (r.opaque_entries > 0) out << " (" << r.opaque_entries << " opaque)";
  out << ", " << r.blobs << " blobs, " << r.erased_blobs << " erased blobs, " << r.erased.size()
      << " erased subjects, " << r.checkpoints << " checkpoints";
  if (r.latest) {
    out << "; checkpoint " << r.latest->size << ", root " << B64(r.latest->root);
  } else {
    out << "; the empty log";
  }
  std::string names;
  for (const ledger::Verifier& k : keys) names += (names.empty() ? "" : ", ") + k.name();
  out << " (key " << names << ")\n";
  for (const ledger::bundle::Erasure& e : r.erased) {
    out << "erased: subject " << e.subject << " by the receipt at entry " << e.receipt_index
        << "\n";
  }
}

}  // namespace

int LedgerExportCommand(const LedgerExportOptions& o, std::ostream& out, std::ostream& err) {
  if (std::optional<std::string> bad = BadExportOptions(o)) return LedgerUsage(err, *bad);
  StatusOr<std::unique_ptr<LedgerHome>> home = LedgerHome::OpenForReading(o.ledger_dir);
  if (!home.ok()) return LedgerFailure(err, home.status());
  StatusOr<ledger::Verifier> key =
      o.key_file ? ReadVerifierFile(*o.key_file) : (*home)->DirVerifier();
  if (!key.ok()) return LedgerFailure(err, key.status(), "verifier key");
  const ledger::BundleSelection selection{.terms = Terms(o)};
  StatusOr<ledger::BundleExportSummary> summary = InternalError("the bundle was not written");
  Status written = WriteStreamAtomically(o.out, [&](std::ostream& file) {
    summary = ledger::ExportBundle((*home)->store(), selection, {*key}, (*home)->origin(), file);
    return summary.status();
  });
  if (!written.ok()) return LedgerFailure(err, written, "exporting the bundle");
  out << "wrote " << o.out.string() << ": " << (selection.terms.empty() ? "whole-log" : "selection")
      << " bundle, " << summary->entries << " entries, " << summary->blobs << " blobs, "
      << summary->erased_subjects << " erased subjects, " << summary->checkpoints
      << " checkpoints, tree size " << summary->tree_size << "\n";
  return kExitApprove;
}

int LedgerVerifyBundleCommand(const LedgerVerifyOptions& o, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_regular_file(*o.bundle, ec)) {
    return LedgerUsage(err, "--bundle " + o.bundle->string() + ": no such file");
  }
  std::ifstream in(*o.bundle, std::ios::binary);
  if (!in) return LedgerFailure(err, OsError("opening", *o.bundle));
  StatusOr<std::vector<ledger::Verifier>> keys = TrustedKeys(o, in, err);
  if (!keys.ok()) {
    return LedgerFailure(err, keys.status(),
                         o.key_file ? "verifier key" : "bundle verification failed");
  }
  StatusOr<ledger::BundleReport> report = ledger::VerifyBundle(in, *keys);
  if (!report.ok()) return LedgerFailure(err, report.status(), "bundle verification failed");
  PrintReport(*report, *keys, out);
  return kExitApprove;
}

}  // namespace docket::adapters
