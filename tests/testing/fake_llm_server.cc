// FakeLlmServer, ClosedPort and BlackholeListener; see fake_llm_server.h.
#include "tests/testing/fake_llm_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace docket::testing {
namespace {

[[noreturn]] void Die(const char* what) {
  std::perror(what);
  std::abort();
}

int ListenLoopback(int backlog, uint16_t& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) Die("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) Die("bind");
  if (::listen(fd, backlog) != 0) Die("listen");
  socklen_t len = sizeof addr;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) Die("getsockname");
  port = ntohs(addr.sin_port);
  return fd;
}

// Waits until `fd` is readable or the server stops; false when stopping or on error.
bool WaitReadable(int fd, int stop_fd) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
  if (::poll(fds, 2, -1) <= 0) return false;
  return (fds[1].revents & POLLIN) == 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
  size_t start = 0;
  while (start < s.size() && s[start] == ' ') ++start;
  return s.substr(start);
}

// Fills method, target and headers from the request head (up to the blank line).
void ParseHead(const std::string& head, ReceivedRequest& request) {
  size_t line_end = head.find("\r\n");
  const std::string first = head.substr(0, line_end);
  request.method = first.substr(0, first.find(' '));
  const size_t t = first.find(' ') + 1;
  request.target = first.substr(t, first.find(' ', t) - t);
  while (line_end != std::string::npos && line_end < head.size()) {
    const size_t next = head.find("\r\n", line_end + 2);
    const std::string line = head.substr(
        line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      request.headers[Lower(line.substr(0, colon))] = Trim(line.substr(colon + 1));
    }
    line_end = next;
  }
}

// Reads one request; false if the connection ended first or the server is stopping.
bool ReadRequest(int fd, int stop_fd, ReceivedRequest& request) {
  std::string data;
  size_t header_end = std::string::npos;
  size_t content_length = 0;
  char buffer[16384];
  while (true) {
    if (header_end == std::string::npos &&
        (header_end = data.find("\r\n\r\n")) != std::string::npos) {
      ParseHead(data.substr(0, header_end), request);
      content_length = std::strtoul(request.Header("content-length").c_str(), nullptr, 10);
    }
    if (header_end != std::string::npos && data.size() >= header_end + 4 + content_length) {
      request.body = data.substr(header_end + 4, content_length);
      return true;
    }
    if (!WaitReadable(fd, stop_fd)) return false;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    data.append(buffer, static_cast<size_t>(n));
  }
}

void SendAll(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

std::string Head(const FakeReply& reply, size_t content_length) {
  std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " Fake\r\n";
  head += "Content-Type: application/json\r\nConnection: close\r\n";
  head += "Content-Length: " + std::to_string(content_length) + "\r\n";
  for (const auto& [name, value] : reply.headers) head += name + ": " + value + "\r\n";
  return head + "\r\n";
}

}  // namespace

std::string ReceivedRequest::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

FakeLlmServer::FakeLlmServer() {
  listen_fd_ = ListenLoopback(64, port_);
  stop_fd_ = ::eventfd(0, EFD_CLOEXEC);
  if (stop_fd_ < 0) Die("eventfd");
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

FakeLlmServer::~FakeLlmServer() {
  const uint64_t one = 1;
  if (::write(stop_fd_, &one, sizeof one) != sizeof one) Die("eventfd write");
  acceptor_.join();
  std::vector<std::thread> connections;
  {
    std::lock_guard lock(mu_);
    connections.swap(connections_);
  }
  for (std::thread& t : connections) t.join();
  ::close(listen_fd_);
  ::close(stop_fd_);
}

std::string FakeLlmServer::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FakeLlmServer::Enqueue(FakeReply reply) {
  std::lock_guard lock(mu_);
  script_.push_back(std::move(reply));
}

void FakeLlmServer::Enqueue(int status, std::string body,
                            std::vector<std::pair<std::string, std::string>> headers) {
  Enqueue(FakeReply{status, std::move(headers), std::move(body), FakeReply::Mode::kNormal});
}

std::vector<ReceivedRequest> FakeLlmServer::Received() {
  std::lock_guard lock(mu_);
  return received_;
}

FakeReply FakeLlmServer::NextReply() {
  std::lock_guard lock(mu_);
  if (script_.empty()) return FakeReply{500, {}, R"({"error":"unscripted"})"};
  FakeReply reply = std::move(script_.front());
  script_.pop_front();
  return reply;
}

void FakeLlmServer::AcceptLoop() {
  while (WaitReadable(listen_fd_, stop_fd_)) {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard lock(mu_);
    connections_.emplace_back([this, fd] {
      Serve(fd);
      ::close(fd);
    });
  }
}

void FakeLlmServer::Serve(int fd) {
  ReceivedRequest request;
  if (!ReadRequest(fd, stop_fd_, request)) return;
  {
    std::lock_guard lock(mu_);
    received_.push_back(request);
  }
  const FakeReply reply = NextReply();
  switch (reply.mode) {
    case FakeReply::Mode::kNormal:
      SendAll(fd, Head(reply, reply.body.size()) + reply.body);
      return;
    case FakeReply::Mode::kStallBody:
      SendAll(fd, Head(reply, reply.body.size() + 1000) + reply.body);
      // Until the client times out and closes (readable with EOF) or the server stops.
      while (WaitReadable(fd, stop_fd_)) {
        char byte;
        if (::recv(fd, &byte, 1, 0) <= 0) return;
      }
      return;
    case FakeReply::Mode::kDrop:
      return;
  }
}

std::string FakeLlmServer::Completion(const std::string& content, const std::string& finish_reason,
                                      const std::string& model) {
  boost::json::object message{{"role", "assistant"}, {"content", content}};
  boost::json::object choice{{"index", 0}, {"message", message}, {"finish_reason", finish_reason}};
  boost::json::object out{{"id", "chatcmpl-1"},
                          {"object", "chat.completion"},
                          {"model", model},
                          {"choices", boost::json::array{choice}},
                          {"usage", {{"prompt_tokens", 12}, {"completion_tokens", 34}}}};
  return boost::json::serialize(out);
}

std::string FakeLlmServer::Refusal(const std::string& refusal) {
  boost::json::object message{{"role", "assistant"}, {"content", nullptr}, {"refusal", refusal}};
  boost::json::object choice{{"index", 0}, {"message", message}, {"finish_reason", "stop"}};
  return boost::json::serialize(
      boost::json::object{{"model", "fake-model"}, {"choices", boost::json::array{choice}}});
}

std::string FakeLlmServer::AzurePromptFiltered() {
  return R"({"error":{"message":"The response was filtered due to the prompt triggering )"
         R"(Azure OpenAI's content management policy.","type":null,"param":"prompt",)"
         R"("code":"content_filter","status":400,"innererror":{"code":)"
         R"("ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":)"
         R"(true,"severity":"high"},"violence":{"filtered":false,"severity":"safe"}}}}})";
}

uint16_t ClosedPort() {
  uint16_t port = 0;
  const int fd = ListenLoopback(1, port);
  ::close(fd);
  return port;
}

BlackholeListener::BlackholeListener() {
  // Backlog 0: the kernel queues one completed connection; with that slot taken by the
  // filler below, later SYNs are dropped and connects wait.
  listen_fd_ = ListenLoopback(0, port_);
  filler_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port_);
  if (::connect(filler_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    Die("connect filler");
  }
}

BlackholeListener::~BlackholeListener() {
  ::close(filler_fd_);
  ::close(listen_fd_);
}

}  // namespace docket::testing
