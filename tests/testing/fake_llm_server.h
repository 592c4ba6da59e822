// FakeLlmServer: a scripted HTTP/1.1 server on loopback port 0 for the LLM client and
// webhook tests. Each connection carries one request; replies are served from a FIFO
// script (an unscripted request gets HTTP 500 "unscripted"), and every request received
// is recorded (method, target, lower-cased headers, body). Replies can stall their body
// (to exercise the client's total timeout) or drop the connection. Plain POSIX sockets:
// one accept thread plus one thread per connection, all stopped and joined by the
// destructor. Thread-safe.
//
// Also: ClosedPort() (connection refused) and BlackholeListener (a listener whose accept
// queue is full, so connects hang until the client's connect timeout).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace docket::testing {

struct FakeReply {
  enum class Mode {
    kNormal,     // status, headers, body, close
    kStallBody,  // announce more body than is sent, then wait until the client gives up
    kDrop,       // close the connection without answering
  };
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  Mode mode = Mode::kNormal;
};

struct ReceivedRequest {
  std::string method;
  std::string target;                          // path and query
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;

  // The header's value, or "" when absent. `name` in lower case.
  std::string Header(const std::string& name) const;
};

class FakeLlmServer {
 public:
  // Listens on 127.0.0.1, port 0. Aborts the test binary if it cannot.
  FakeLlmServer();
  ~FakeLlmServer();
  FakeLlmServer(const FakeLlmServer&) = delete;
  FakeLlmServer& operator=(const FakeLlmServer&) = delete;

  uint16_t port() const { return port_; }
  std::string base_url() const;  // "http://127.0.0.1:<port>"

  void Enqueue(FakeReply reply);
  void Enqueue(int status, std::string body,
               std::vector<std::pair<std::string, std::string>> headers = {});
  std::vector<ReceivedRequest> Received();

  // A chat completion answer as OpenAI-compatible servers send it.
  static std::string Completion(const std::string& content, const std::string& finish_reason,
                                const std::string& model = "fake-model");
  // {"choices":[{"message":{"role":"assistant","content":null,"refusal":...}}]}
  static std::string Refusal(const std::string& refusal);
  // Azure's HTTP 400 body for a filtered prompt.
  static std::string AzurePromptFiltered();

 private:
  void AcceptLoop();
  void Serve(int fd);
  FakeReply NextReply();

  int listen_fd_ = -1;
  int stop_fd_ = -1;  // eventfd: readable once stopping
  uint16_t port_ = 0;
  std::mutex mu_;
  std::deque<FakeReply> script_;
  std::vector<ReceivedRequest> received_;
  std::vector<std::thread> connections_;
  std::thread acceptor_;
};

// A loopback port with nothing listening on it: connecting is refused.
uint16_t ClosedPort();

// Listens with a full accept queue and never accepts: further connects hang (the kernel
// drops their SYNs) until the client's connect timeout fires.
class BlackholeListener {
 public:
  BlackholeListener();
  ~BlackholeListener();
  BlackholeListener(const BlackholeListener&) = delete;
  BlackholeListener& operator=(const BlackholeListener&) = delete;
  uint16_t port() const { return port_; }

 private:
  int listen_fd_ = -1;
  int filler_fd_ = -1;
  uint16_t port_ = 0;
};

}  // namespace docket::testing
