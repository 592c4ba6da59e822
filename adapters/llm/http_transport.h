// HttpTransport: one HTTP POST and its answer, or a classified transport failure. The
// LLM client and the webhook poster talk to providers only through it, so tests can
// swap the network for a loopback server or a script. Implementations must be
// thread-safe: several calls are in flight at once.
//
// Nothing here may leak into logs or records: `TransportResult::detail` is a fixed
// description of the failure kind (never a URL, host, header or body).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "adapters/llm/profile.h"

namespace docket::adapters::llm {

struct HttpPost {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // name, value
  std::string body;
  Millis connect_timeout{10'000};
  Millis total_timeout{60'000};
  size_t max_response_bytes = 4 << 20;
  std::string proxy;  // empty: direct (the environment's proxy settings are ignored)
};

enum class TransportError {
  kNone,             // an HTTP answer arrived; see status
  kConnectFailed,    // refused, unreachable, name not resolved
  kConnectTimedOut,  // no connection within the connect timeout
  kTimedOut,         // connected, but the answer did not finish within the total timeout
  kBodyTooLarge,     // the answer exceeded max_response_bytes
  kTls,              // TLS handshake or certificate failure
  kProtocol,         // a malformed HTTP answer, or the connection dropped mid-answer
  kOther,            // anything else (out of memory, bad URL, ...)
};
std::string_view TransportErrorName(TransportError error);  // "connect failed", ...
// Retried with backoff: connection failures and timeouts. A body over the limit, TLS
// and protocol failures are not (they would fail the same way again).
bool IsRetryable(TransportError error);

struct TransportResult {
  TransportError error = TransportError::kNone;
  std::string detail;          // for kOther: the library's generic message; never a URL
  int status = 0;              // HTTP status when error == kNone
  std::string retry_after_ms;  // raw `retry-after-ms` header value, if any
  std::string retry_after;     // raw `retry-after` header value, if any
  std::string body;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual TransportResult Post(const HttpPost& post) = 0;
};

}  // namespace docket::adapters::llm
