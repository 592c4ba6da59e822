#include "policies/expr/internal/list_literal.h"

#include <algorithm>
#include <string>
#include <utility>

#include "policies/expr/internal/source_position.h"
#include "policies/expr/limits.h"

namespace docket::policies::expr::internal {
namespace {

class ListParser {
 public:
  ListParser(std::string_view source, const std::vector<Token>& tokens, size_t& next)
      : source_(source), tokens_(tokens), next_(next) {}

  StatusOr<Value> Run() {
    ++next_;  // '['
    std::vector<Value> items;
    if (Peek().kind == TokenKind::kRightBracket) {
      ++next_;
      return Value::List(std::move(items));
    }
    while (true) {
      const Token& start = Peek();
      if (items.size() == kMaxListItems) {
        return Error(start, "a list has at most " + std::to_string(kMaxListItems) + " items");
      }
      DOCKET_ASSIGN_OR_RETURN(Value item, Item());
      if (!items.empty() && item.kind() != items.front().kind()) {
        return Error(start, "list items must all have one type; this is a " +
                                std::string(KindName(item.kind())) + ", the first is a " +
                                std::string(KindName(items.front().kind())));
      }
      items.push_back(std::move(item));
      const Token& after = Peek();
      ++next_;
      if (after.kind == TokenKind::kRightBracket) return Value::List(std::move(items));
      if (after.kind != TokenKind::kComma) {
        return Error(after, "expected ',' or ']', got " + DescribeToken(after));
      }
    }
  }

 private:
  const Token& Peek() const { return tokens_[std::min(next_, tokens_.size() - 1)]; }

  Status Error(const Token& at, std::string_view what) const {
    return ErrorAt(StatusCode::kInvalidArgument, source_, at.offset, what);
  }

  StatusOr<Value> Item() {
    const Token& token = Peek();
    switch (token.kind) {
      case TokenKind::kNumber:
        ++next_;
        return Value::Number(token.number);
      case TokenKind::kString:
        ++next_;
        return Value::String(token.text);
      case TokenKind::kTrue:
        ++next_;
        return Value::Bool(true);
      case TokenKind::kFalse:
        ++next_;
        return Value::Bool(false);
      case TokenKind::kMinus: {
        if (next_ + 1 < tokens_.size() && tokens_[next_ + 1].kind == TokenKind::kNumber) {
          next_ += 2;
          return Value::Number(-tokens_[next_ - 1].number);
        }
        break;
      }
      default:
        break;
    }
    return Error(token,
                 "list items must be numbers, strings or booleans, got " + DescribeToken(token));
  }

  std::string_view source_;
  const std::vector<Token>& tokens_;
  size_t& next_;
};

}  // namespace

StatusOr<Value> ParseListLiteral(std::string_view source, const std::vector<Token>& tokens,
                                 size_t& next) {
  return ListParser(source, tokens, next).Run();
}

}  // namespace docket::policies::expr::internal
