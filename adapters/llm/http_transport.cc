// TransportError names and retry classes; see http_transport.h.
#include "adapters/llm/http_transport.h"

namespace docket::adapters::llm {

std::string_view TransportErrorName(TransportError error) {
  switch (error) {
    case TransportError::kNone:
      return "no error";
    case TransportError::kConnectFailed:
      return "connect failed";
    case TransportError::kConnectTimedOut:
      return "connect timed out";
    case TransportError::kTimedOut:
      return "timed out";
    case TransportError::kBodyTooLarge:
      return "answer too large";
    case TransportError::kTls:
      return "TLS failure";
    case TransportError::kProtocol:
      return "connection dropped or malformed answer";
    case TransportError::kOther:
      return "transport failure";
  }
  return "transport failure";
}

bool IsRetryable(TransportError error) {
  return error == TransportError::kConnectFailed || error == TransportError::kConnectTimedOut ||
         error == TransportError::kTimedOut;
}

}  // namespace docket::adapters::llm
