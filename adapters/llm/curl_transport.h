// CurlTransport: HttpTransport over libcurl, one easy handle per call (no shared
// connection state, so calls are independent and thread-safe). CURLOPT_NOSIGNAL; no
// proxy unless the post names one; the response body is capped while it streams in.
// CURLcode is translated here, at the edge, into TransportError with a generic message:
// never curl's error buffer, which names hosts.
//
// CurlGlobal initialises libcurl for the process: main holds one for its lifetime,
// before any thread starts and before the first CurlTransport call (curl_global_init is
// not thread-safe). No static initialisation anywhere.
#pragma once

#include "adapters/llm/http_transport.h"
#include "engine/base/status.h"

namespace docket::adapters::llm {

class CurlGlobal {
 public:
  // Errors: kInternal if libcurl cannot initialise (then no transport may be used).
  [[nodiscard]] static StatusOr<CurlGlobal> Init();
  CurlGlobal(CurlGlobal&& other) noexcept : active_(other.active_) { other.active_ = false; }
  CurlGlobal& operator=(CurlGlobal&&) = delete;
  CurlGlobal(const CurlGlobal&) = delete;
  ~CurlGlobal();

 private:
  CurlGlobal() = default;
  bool active_ = false;
};

class CurlTransport final : public HttpTransport {
 public:
  TransportResult Post(const HttpPost& post) override;
};

}  // namespace docket::adapters::llm
