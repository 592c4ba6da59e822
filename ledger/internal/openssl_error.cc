// OpenSSL error translation; see openssl_error.h.
#include "ledger/internal/openssl_error.h"

#include <openssl/err.h>

namespace docket::ledger::internal {

std::string DrainOpenSslErrors() {
  std::string out;
  unsigned long code = 0;
  while ((code = ERR_get_error()) != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof(buf));
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out.empty() ? "no OpenSSL error recorded" : out;
}

Status OpenSslError(StatusCode code, std::string_view what) {
  return Status(code, std::string(what) + ": " + DrainOpenSslErrors());
}

}  // namespace docket::ledger::internal
