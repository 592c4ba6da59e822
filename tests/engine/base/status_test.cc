#include "engine/base/status.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

namespace docket {
namespace {

using ::testing::HasSubstr;

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_EQ(s, Status::Ok());
}

TEST(StatusTest, OkCodeDropsMessage) {
  Status s(StatusCode::kOk, "ignored");
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(s, Status::Ok());
}

TEST(StatusTest, HelpersSetCodeAndMessage) {
  const std::pair<Status, StatusCode> cases[] = {
      {CancelledError("m"), StatusCode::kCancelled},
      {InvalidArgumentError("m"), StatusCode::kInvalidArgument},
      {DeadlineExceededError("m"), StatusCode::kDeadlineExceeded},
      {NotFoundError("m"), StatusCode::kNotFound},
      {AlreadyExistsError("m"), StatusCode::kAlreadyExists},
      {ResourceExhaustedError("m"), StatusCode::kResourceExhausted},
      {FailedPreconditionError("m"), StatusCode::kFailedPrecondition},
      {OutOfRangeError("m"), StatusCode::kOutOfRange},
      {UnimplementedError("m"), StatusCode::kUnimplemented},
      {InternalError("m"), StatusCode::kInternal},
      {UnavailableError("m"), StatusCode::kUnavailable},
      {DataLossError("m"), StatusCode::kDataLoss},
  };
  for (const auto& [status, code] : cases) {
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(status.code(), code);
    EXPECT_EQ(status.message(), "m");
  }
}

TEST(StatusTest, ToStringNamesTheCode) {
  EXPECT_EQ(InvalidArgumentError("bad input").ToString(), "INVALID_ARGUMENT: bad input");
  EXPECT_EQ(DataLossError("torn").ToString(), "DATA_LOSS: torn");
  EXPECT_EQ(StatusCodeName(StatusCode::kUnavailable), "UNAVAILABLE");
  EXPECT_EQ(StatusCodeName(StatusCode::kDeadlineExceeded), "DEADLINE_EXCEEDED");
  EXPECT_EQ(StatusCodeName(static_cast<StatusCode>(99)), "UNKNOWN");
}

TEST(StatusTest, EqualityComparesCodeAndMessage) {
  EXPECT_EQ(NotFoundError("x"), NotFoundError("x"));
  EXPECT_FALSE(NotFoundError("x") == NotFoundError("y"));
  EXPECT_FALSE(NotFoundError("x") == InternalError("x"));
}

TEST(StatusTest, WithContextPrefixesMessageAndKeepsCode) {
  const Status s = UnavailableError("connection reset").WithContext("fetching feed");
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_EQ(s.message(), "fetching feed: connection reset");
  const Status nested = s.WithContext("step `load`");
  EXPECT_EQ(nested.message(), "step `load`: fetching feed: connection reset");
}

TEST(StatusTest, WithContextOnOkStaysOk) {
  const Status s = Status::Ok().WithContext("anything");
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.message(), "");
}

TEST(StatusOrTest, HoldsValue) {
  StatusOr<int> v(42);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v.status().ok());
  EXPECT_EQ(*v, 42);
  EXPECT_EQ(v.value(), 42);
  *v = 7;
  EXPECT_EQ(v.value(), 7);
}

TEST(StatusOrTest, HoldsError) {
  StatusOr<int> v(NotFoundError("nope"));
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.status(), NotFoundError("nope"));
  EXPECT_EQ(std::move(v).status(), NotFoundError("nope"));
}

TEST(StatusOrTest, ConvertingConstructorAndArrow) {
  StatusOr<std::string> s("hello");  // const char* -> std::string
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->size(), 5u);
}

TEST(StatusOrTest, MoveOnlyValue) {
  StatusOr<std::unique_ptr<int>> p(std::make_unique<int>(5));
  ASSERT_TRUE(p.ok());
  std::unique_ptr<int> owned = std::move(p).value();
  ASSERT_NE(owned, nullptr);
  EXPECT_EQ(*owned, 5);
}

TEST(StatusOrDeathTest, OkStatusWithoutValueIsABug) {
  EXPECT_DEATH({ StatusOr<int> v(Status::Ok()); }, "DOCKET_CHECK failed");
}

TEST(StatusOrDeathTest, ValueOfErrorIsABug) {
  EXPECT_DEATH(
      {
        StatusOr<int> v(InternalError("x"));
        (void)v.value();
      },
      "DOCKET_CHECK failed");
}

// --- macros ---

StatusOr<int> Half(int n) {
  if (n % 2 != 0) return InvalidArgumentError(std::to_string(n) + " is odd");
  return n / 2;
}

StatusOr<int> Quarter(int n) {
  DOCKET_ASSIGN_OR_RETURN(int half, Half(n));
  DOCKET_ASSIGN_OR_RETURN(auto quarter, Half(half));
  return quarter;
}

Status QuarterInto(int n, int& out) {
  DOCKET_ASSIGN_OR_RETURN(out, Quarter(n));
  return Status::Ok();
}

StatusOr<std::unique_ptr<int>> Boxed(int n) {
  if (n < 0) return OutOfRangeError("negative");
  return std::make_unique<int>(n);
}

StatusOr<int> Unbox(int n) {
  DOCKET_ASSIGN_OR_RETURN(std::unique_ptr<int> box, Boxed(n));
  return *box;
}

Status CheckAll(int a, int b, int& calls) {
  auto check = [&](int n) -> Status {
    ++calls;
    return n >= 0 ? Status::Ok() : InvalidArgumentError("negative " + std::to_string(n));
  };
  DOCKET_RETURN_IF_ERROR(check(a));
  DOCKET_RETURN_IF_ERROR(check(b));
  return Status::Ok();
}

Status FromStatusOr(int n) {
  DOCKET_RETURN_IF_ERROR(Half(n));
  return Status::Ok();
}

TEST(StatusMacrosTest, AssignOrReturnWithDeclarations) {
  StatusOr<int> q = Quarter(12);
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(*q, 3);
}

TEST(StatusMacrosTest, AssignOrReturnPropagatesFirstError) {
  EXPECT_EQ(Quarter(7).status(), InvalidArgumentError("7 is odd"));
  EXPECT_EQ(Quarter(6).status(), InvalidArgumentError("3 is odd"));
}

TEST(StatusMacrosTest, AssignOrReturnIntoExistingVariable) {
  int out = -1;
  EXPECT_TRUE(QuarterInto(8, out).ok());
  EXPECT_EQ(out, 2);
  out = -1;
  EXPECT_EQ(QuarterInto(10, out).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(out, -1);  // untouched on error
}

TEST(StatusMacrosTest, AssignOrReturnMovesMoveOnlyValues) {
  StatusOr<int> v = Unbox(9);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 9);
  EXPECT_EQ(Unbox(-1).status().code(), StatusCode::kOutOfRange);
}

TEST(StatusMacrosTest, ReturnIfErrorStopsAtFirstErrorAndEvaluatesOnce) {
  int calls = 0;
  EXPECT_TRUE(CheckAll(1, 2, calls).ok());
  EXPECT_EQ(calls, 2);
  calls = 0;
  EXPECT_EQ(CheckAll(-1, 2, calls), InvalidArgumentError("negative -1"));
  EXPECT_EQ(calls, 1);
  calls = 0;
  EXPECT_EQ(CheckAll(1, -2, calls), InvalidArgumentError("negative -2"));
  EXPECT_EQ(calls, 2);
}

TEST(StatusMacrosTest, ReturnIfErrorAcceptsStatusOr) {
  EXPECT_TRUE(FromStatusOr(4).ok());
  EXPECT_THAT(FromStatusOr(5).message(), HasSubstr("5 is odd"));
}

}  // namespace
}  // namespace docket
