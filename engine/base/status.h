// Status and StatusOr<T>: the error type every fallible Docket function returns.
// Codes are chosen by what the caller should do (STYLE.md "Errors"). Value types;
// thread-compatible (distinct objects may be used from distinct threads).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "engine/base/check.h"

namespace docket {

enum class StatusCode : int {
  kOk = 0,
  kCancelled = 1,
  kUnknown = 2,
  kInvalidArgument = 3,     // fix the input
  kDeadlineExceeded = 4,
  kNotFound = 5,
  kAlreadyExists = 6,
  kPermissionDenied = 7,
  kResourceExhausted = 8,   // back off and retry later
  kFailedPrecondition = 9,  // fix state first
  kAborted = 10,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,           // our bug
  kUnavailable = 14,        // retry this call
  kDataLoss = 15,           // ledger or signature corruption
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message);

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "INVALID_ARGUMENT: message", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "`context`: `message()`"; OK stays OK.
  Status WithContext(std::string_view context) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status CancelledError(std::string message);
Status InvalidArgumentError(std::string message);
Status DeadlineExceededError(std::string message);
Status NotFoundError(std::string message);
Status AlreadyExistsError(std::string message);
Status ResourceExhaustedError(std::string message);
Status FailedPreconditionError(std::string message);
Status OutOfRangeError(std::string message);
Status UnimplementedError(std::string message);
Status InternalError(std::string message);
Status UnavailableError(std::string message);
Status DataLossError(std::string message);

// Holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(const Status& status) : status_(status) {  // NOLINT: implicit by design
    DOCKET_CHECK(!status_.ok());
  }
  StatusOr(Status&& status) : status_(std::move(status)) {  // NOLINT
    DOCKET_CHECK(!status_.ok());
  }
  StatusOr(const T& value) : value_(value) {}       // NOLINT
  StatusOr(T&& value) : value_(std::move(value)) {}  // NOLINT
  template <typename U>
    requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::decay_t<U>, T> &&
             !std::is_same_v<std::decay_t<U>, Status> &&
             !std::is_same_v<std::decay_t<U>, StatusOr<T>>)
  StatusOr(U&& value) : value_(T(std::forward<U>(value))) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const& { return status_; }
  Status status() && { return ok() ? Status() : std::move(status_); }

  const T& value() const& {
    DOCKET_CHECK(ok());
    return *value_;
  }
  T& value() & {
    DOCKET_CHECK(ok());
    return *value_;
  }
  T&& value() && {
    DOCKET_CHECK(ok());
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

namespace internal {
inline Status AsStatus(const Status& s) { return s; }
inline Status AsStatus(Status&& s) { return std::move(s); }
template <typename T>
Status AsStatus(const StatusOr<T>& s) {
  return s.status();
}
}  // namespace internal

}  // namespace docket

#define DOCKET_STATUS_CONCAT_INNER(a, b) a##b
#define DOCKET_STATUS_CONCAT(a, b) DOCKET_STATUS_CONCAT_INNER(a, b)

// Evaluates `expr` (a Status); returns it from the enclosing function if not OK.
#define DOCKET_RETURN_IF_ERROR(expr)                                         \
  do {                                                                       \
    ::docket::Status docket_status_tmp_ = ::docket::internal::AsStatus(expr); \
    if (!docket_status_tmp_.ok()) return docket_status_tmp_;                 \
  } while (false)

// Evaluates `rexpr` (a StatusOr<T>); on error returns its Status, else moves the value
// into `lhs`, which may be a declaration (`DOCKET_ASSIGN_OR_RETURN(auto x, F())`).
#define DOCKET_ASSIGN_OR_RETURN(lhs, rexpr) \
  DOCKET_ASSIGN_OR_RETURN_IMPL(DOCKET_STATUS_CONCAT(docket_statusor_, __LINE__), lhs, rexpr)

#define DOCKET_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                 \
  if (!tmp.ok()) return std::move(tmp).status();      \
  lhs = std::move(tmp).value()
