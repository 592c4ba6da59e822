#include "policies/expr/internal/parser.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "policies/expr/internal/call_rules.h"
#include "policies/expr/internal/list_literal.h"
#include "policies/expr/internal/source_position.h"
#include "policies/expr/limits.h"

namespace docket::policies::expr::internal {
namespace {

std::optional<Op> ComparisonOp(TokenKind kind, TokenKind next) {
  switch (kind) {
    case TokenKind::kEqual:
      return Op::kEqual;
    case TokenKind::kNotEqual:
      return Op::kNotEqual;
    case TokenKind::kLess:
      return Op::kLess;
    case TokenKind::kLessEqual:
      return Op::kLessEqual;
    case TokenKind::kGreater:
      return Op::kGreater;
    case TokenKind::kGreaterEqual:
      return Op::kGreaterEqual;
    case TokenKind::kIn:
      return Op::kIn;
    case TokenKind::kNot:
      if (next == TokenKind::kIn) return Op::kNotIn;
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

class Parser {
 public:
  Parser(std::string_view source, const std::vector<Token>& tokens)
      : source_(source), tokens_(tokens) {}

  StatusOr<std::vector<Node>> Run() {
    DOCKET_RETURN_IF_ERROR(ParseOr().status());
    if (Peek().kind != TokenKind::kEnd) {
      return Error(Peek(), "expected an operator or the end of the expression, got " +
                               DescribeToken(Peek()));
    }
    return std::move(nodes_);
  }

 private:
  // Holds one level of nesting for the duration of a recursive parse.
  class Nesting {
   public:
    explicit Nesting(int& depth) : depth_(depth) { ++depth_; }
    ~Nesting() { --depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    int& depth_;
  };

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(next_ + ahead, tokens_.size() - 1)];
  }
  const Token& Take() {
    const Token& token = Peek();
    if (next_ < tokens_.size() - 1) ++next_;
    return token;
  }

  Status Error(const Token& at, std::string_view what) const {
    return ErrorAt(StatusCode::kInvalidArgument, source_, at.offset, what);
  }

  Status CheckNesting(const Token& at) const {
    if (nesting_ >= kMaxDepth) {
      return Error(at, "expression nests deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    return Status::Ok();
  }

  Status Expect(TokenKind kind, std::string_view what) {
    if (Peek().kind != kind) {
      return Error(Peek(), "expected " + std::string(what) + ", got " + DescribeToken(Peek()));
    }
    Take();
    return Status::Ok();
  }

  // Appends `node` after checking the node and depth limits; returns its index.
  StatusOr<uint32_t> Add(Node node) {
    if (nodes_.size() >= kMaxNodes) {
      return ErrorAt(StatusCode::kInvalidArgument, source_, node.offset,
                     "expression has more than " + std::to_string(kMaxNodes) + " nodes");
    }
    int depth = 1;
    for (const uint32_t child : node.children) depth = std::max(depth, depths_[child] + 1);
    if (depth > kMaxDepth) {
      return ErrorAt(StatusCode::kInvalidArgument, source_, node.offset,
                     "expression nests deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    nodes_.push_back(std::move(node));
    depths_.push_back(depth);
    return static_cast<uint32_t>(nodes_.size() - 1);
  }

  StatusOr<uint32_t> AddOperator(NodeKind kind, Op op, const Token& at,
                                 std::vector<uint32_t> children) {
    Node node;
    node.kind = kind;
    node.op = op;
    node.offset = at.offset;
    node.children = std::move(children);
    return Add(std::move(node));
  }

  StatusOr<uint32_t> AddLiteral(const Token& at, Value value) {
    Node node;
    node.kind = NodeKind::kLiteral;
    node.offset = at.offset;
    node.literal = std::move(value);
    return Add(std::move(node));
  }

  // Left-associative chain of `op_kind` operators over `operand`.
  template <typename Operand>
  StatusOr<uint32_t> ParseChain(Operand operand,
                                std::initializer_list<std::pair<TokenKind, Op>> ops) {
    DOCKET_ASSIGN_OR_RETURN(uint32_t left, (this->*operand)());
    while (true) {
      const auto match = std::find_if(
          ops.begin(), ops.end(), [&](const auto& entry) { return entry.first == Peek().kind; });
      if (match == ops.end()) return left;
      const Token& op = Take();
      DOCKET_ASSIGN_OR_RETURN(uint32_t right, (this->*operand)());
      DOCKET_ASSIGN_OR_RETURN(left,
                              AddOperator(NodeKind::kBinary, match->second, op, {left, right}));
    }
  }

  StatusOr<uint32_t> ParseOr() {
    return ParseChain(&Parser::ParseAnd, {{TokenKind::kOr, Op::kOr}});
  }
  StatusOr<uint32_t> ParseAnd() {
    return ParseChain(&Parser::ParseNot, {{TokenKind::kAnd, Op::kAnd}});
  }
  StatusOr<uint32_t> ParseAdditive() {
    return ParseChain(&Parser::ParseMultiplicative,
                      {{TokenKind::kPlus, Op::kAdd}, {TokenKind::kMinus, Op::kSubtract}});
  }
  StatusOr<uint32_t> ParseMultiplicative() {
    return ParseChain(&Parser::ParseUnary,
                      {{TokenKind::kStar, Op::kMultiply}, {TokenKind::kSlash, Op::kDivide}});
  }

  StatusOr<uint32_t> ParsePrefix(Op op, StatusOr<uint32_t> (Parser::*operand)()) {
    const Token& at = Take();
    DOCKET_RETURN_IF_ERROR(CheckNesting(at));
    const Nesting nesting(nesting_);
    DOCKET_ASSIGN_OR_RETURN(uint32_t child, (this->*operand)());
    return AddOperator(NodeKind::kUnary, op, at, {child});
  }

  StatusOr<uint32_t> ParseNot() {
    if (Peek().kind == TokenKind::kNot) return ParsePrefix(Op::kNot, &Parser::ParseNot);
    return ParseComparison();
  }

  StatusOr<uint32_t> ParseUnary() {
    if (Peek().kind == TokenKind::kMinus) return ParsePrefix(Op::kNegate, &Parser::ParseUnary);
    return ParsePrimary();
  }

  StatusOr<uint32_t> ParseComparison() {
    DOCKET_ASSIGN_OR_RETURN(uint32_t left, ParseAdditive());
    const std::optional<Op> op = ComparisonOp(Peek().kind, Peek(1).kind);
    if (!op) return left;
    const Token& at = Take();
    if (*op == Op::kNotIn) Take();
    uint32_t right = 0;
    if ((*op == Op::kIn || *op == Op::kNotIn) && Peek().kind == TokenKind::kLeftBracket) {
      const Token& bracket = Peek();
      DOCKET_ASSIGN_OR_RETURN(Value list, ParseListLiteral(source_, tokens_, next_));
      DOCKET_ASSIGN_OR_RETURN(right, AddLiteral(bracket, std::move(list)));
    } else {
      DOCKET_ASSIGN_OR_RETURN(right, ParseAdditive());
    }
    if (ComparisonOp(Peek().kind, Peek(1).kind)) {
      return Error(Peek(), "comparisons do not chain; join them with 'and'");
    }
    return AddOperator(NodeKind::kBinary, *op, at, {left, right});
  }

  StatusOr<uint32_t> ParsePrimary() {
    const Token& token = Peek();
    switch (token.kind) {
      case TokenKind::kNumber:
        return AddLiteral(Take(), Value::Number(token.number));
      case TokenKind::kString:
        return AddLiteral(Take(), Value::String(token.text));
      case TokenKind::kTrue:
        return AddLiteral(Take(), Value::Bool(true));
      case TokenKind::kFalse:
        return AddLiteral(Take(), Value::Bool(false));
      case TokenKind::kNull:
        return AddLiteral(Take(), Value::Missing());
      case TokenKind::kName:
        if (Peek(1).kind == TokenKind::kLeftParen) return ParseCall();
        return AddName(Take());
      case TokenKind::kLeftParen:
        return ParseParenthesized();
      case TokenKind::kLeftBracket:
        return Error(token, "a list can only follow 'in' or 'not in'");
      default:
        return Error(token, "expected a value, got " + DescribeToken(token));
    }
  }

  StatusOr<uint32_t> AddName(const Token& token) {
    Node node;
    node.kind = NodeKind::kName;
    node.offset = token.offset;
    node.name = token.text;
    return Add(std::move(node));
  }

  StatusOr<uint32_t> ParseParenthesized() {
    DOCKET_RETURN_IF_ERROR(CheckNesting(Peek()));
    const Nesting nesting(nesting_);
    Take();
    DOCKET_ASSIGN_OR_RETURN(uint32_t inner, ParseOr());
    DOCKET_RETURN_IF_ERROR(Expect(TokenKind::kRightParen, "')'"));
    return inner;
  }

  StatusOr<uint32_t> ParseCall() {
    const Token& name = Take();
    DOCKET_ASSIGN_OR_RETURN(FunctionInfo info, LookUpFunction(source_, name));
    DOCKET_RETURN_IF_ERROR(CheckNesting(Peek()));
    const Nesting nesting(nesting_);
    Take();  // '('
    Node node;
    node.kind = NodeKind::kCall;
    node.function = info.function;
    node.offset = name.offset;
    std::vector<uint32_t> argument_offsets;
    if (Peek().kind != TokenKind::kRightParen) {
      while (true) {
        argument_offsets.push_back(Peek().offset);
        DOCKET_ASSIGN_OR_RETURN(uint32_t argument, ParseOr());
        node.children.push_back(argument);
        if (Peek().kind != TokenKind::kComma) break;
        Take();
      }
    }
    DOCKET_RETURN_IF_ERROR(Expect(TokenKind::kRightParen, "',' or ')'"));
    DOCKET_RETURN_IF_ERROR(CheckCall(source_, info, node, nodes_, argument_offsets));
    return Add(std::move(node));
  }

  std::string_view source_;
  const std::vector<Token>& tokens_;
  size_t next_ = 0;
  int nesting_ = 0;
  std::vector<Node> nodes_;
  std::vector<int> depths_;  // tree depth of each node, parallel to nodes_
};

}  // namespace

StatusOr<std::vector<Node>> Parse(std::string_view source, const std::vector<Token>& tokens) {
  return Parser(source, tokens).Run();
}

}  // namespace docket::policies::expr::internal
