// CurlTransport and CurlGlobal; see curl_transport.h.
#include "adapters/llm/curl_transport.h"

#include <curl/curl.h>

#include <cctype>
#include <memory>

namespace docket::adapters::llm {
namespace {

// What one transfer collects; the callbacks see it through their userdata pointer.
struct Transfer {
  size_t max_bytes = 0;
  bool too_large = false;
  std::string body;
  std::string retry_after_ms;
  std::string retry_after;
};

size_t OnBody(char* data, size_t size, size_t count, void* userdata) {
  auto* transfer = static_cast<Transfer*>(userdata);
  const size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->max_bytes) {
    transfer->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  transfer->body.append(data, bytes);
  return bytes;
}

bool HeaderIs(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  }
  return true;
}

std::string HeaderValue(std::string_view line, size_t name_size) {
  std::string_view value = line.substr(name_size + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
    value.remove_prefix(1);
  }
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ' ||
                            value.back() == '\t')) {
    value.remove_suffix(1);
  }
  return std::string(value.substr(0, 64));
}

size_t OnHeader(char* data, size_t size, size_t count, void* userdata) {
  auto* transfer = static_cast<Transfer*>(userdata);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after a 1xx): forget the old one
    transfer->retry_after_ms.clear();
    transfer->retry_after.clear();
  } else if (HeaderIs(line, "retry-after-ms")) {
    transfer->retry_after_ms = HeaderValue(line, 14);
  } else if (HeaderIs(line, "retry-after")) {
    transfer->retry_after = HeaderValue(line, 11);
  }
  return size * count;
}

struct EasyDeleter {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

TransportError Classify(CURLcode code, CURL* easy, const Transfer& transfer) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransportError::kConnectFailed;
    case CURLE_OPERATION_TIMEDOUT: {
      curl_off_t connect_us = 0;
      curl_easy_getinfo(easy, CURLINFO_CONNECT_TIME_T, &connect_us);
      return connect_us == 0 ? TransportError::kConnectTimedOut : TransportError::kTimedOut;
    }
    case CURLE_FILESIZE_EXCEEDED:
      return TransportError::kBodyTooLarge;
    case CURLE_WRITE_ERROR:
      return transfer.too_large ? TransportError::kBodyTooLarge : TransportError::kOther;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
      return TransportError::kTls;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return TransportError::kProtocol;
    default:
      return TransportError::kOther;
  }
}

void SetOptions(CURL* easy, const HttpPost& post, curl_slist* headers, Transfer& transfer) {
  curl_easy_setopt(easy, CURLOPT_URL, post.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_POST, 1L);
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, post.body.data());
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post.body.size()));
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(post.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(post.total_timeout.count()));
  // An empty proxy string disables the environment's http_proxy/https_proxy.
  curl_easy_setopt(easy, CURLOPT_PROXY, post.proxy.c_str());
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(post.max_response_bytes));
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
}

}  // namespace

StatusOr<CurlGlobal> CurlGlobal::Init() {
  const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) {
    return InternalError(std::string("libcurl did not initialise: ") + curl_easy_strerror(code));
  }
  CurlGlobal global;
  global.active_ = true;
  return global;
}

CurlGlobal::~CurlGlobal() {
  if (active_) curl_global_cleanup();
}

TransportResult CurlTransport::Post(const HttpPost& post) {
  TransportResult result;
  std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
  if (!easy) {
    result.error = TransportError::kOther;
    result.detail = "libcurl could not create a handle";
    return result;
  }
  // "Expect:" stops libcurl waiting for 100-continue before sending larger bodies.
  std::unique_ptr<curl_slist, ListDeleter> headers(curl_slist_append(nullptr, "Expect:"));
  for (const auto& [name, value] : post.headers) {
    const std::string line = name + ": " + value;
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (grown == nullptr) {
      result.error = TransportError::kOther;
      result.detail = "out of memory building headers";
      return result;
    }
    headers.release();
    headers.reset(grown);
  }
  Transfer transfer;
  transfer.max_bytes = post.max_response_bytes;
  SetOptions(easy.get(), post, headers.get(), transfer);
  const CURLcode code = curl_easy_perform(easy.get());
  if (code != CURLE_OK) {
    result.error = Classify(code, easy.get(), transfer);
    if (result.error == TransportError::kOther) result.detail = curl_easy_strerror(code);
    return result;
  }
  long status = 0;
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
  result.status = static_cast<int>(status);
  result.retry_after_ms = std::move(transfer.retry_after_ms);
  result.retry_after = std::move(transfer.retry_after);
  result.body = std::move(transfer.body);
  return result;
}

}  // namespace docket::adapters::llm
