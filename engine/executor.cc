#include "engine/executor.h"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <algorithm>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <set>

#include "engine/base/time_format.h"
#include "engine/seed.h"

namespace docket::engine {
namespace {

ArtifactRef MakeRef(const std::string& port, const Artifact& a) {
  ArtifactRef ref;
  ref.set_port(port);
  ref.set_kind(a.kind);
  ref.set_media_type(a.media_type);
  ref.set_name(a.name);
  ref.set_digest("sha256:" + a.digest.Hex());
  ref.set_size(a.bytes ? a.bytes->size() : 0);
  return ref;
}

bool IsRetryable(const Status& s) {
  return s.code() == StatusCode::kUnavailable || s.code() == StatusCode::kDeadlineExceeded;
}

// One attempt of one step, shared between the coordinator and the pool thread running it.
struct Attempt {
  size_t step = 0;
  uint32_t number = 0;
  std::atomic<bool> cancel{false};
  bool abandoned = false;  // timed out: its late result is ignored
  std::optional<StatusOr<StepOutputs>> result;
  std::map<std::string, int64_t> metrics;
};

enum class Phase { kWaiting, kReady, kRunning, kDone };

struct StepRun {
  Phase phase = Phase::kWaiting;
  MonoTime ready_at{0};
  MonoTime deadline = MonoTime::max();
  std::shared_ptr<Attempt> attempt;
  StepOutcome outcome;
  uint64_t seed = 0;
};

// The state of one Run(), owned by the coordinating thread; pool threads touch only
// `completions` and `in_flight`, under `mu`.
class RunDriver {
 public:
  RunDriver(const Plan& plan, const RunRequest& request, const ExecutorOptions& options,
            std::mutex& mu, std::condition_variable& cv, std::atomic<bool>& cancel_requested)
      : plan_(plan),
        request_(request),
        options_(options),
        mu_(mu),
        cv_(cv),
        cancel_requested_(cancel_requested),
        runs_(plan.steps.size()),
        users_(plan.steps.size()),
        pending_deps_(plan.steps.size()),
        pool_(static_cast<size_t>(std::max(1, options.threads))) {
    for (size_t i = 0; i < plan.steps.size(); ++i) {
      index_of_.emplace(plan.steps[i].def.id, i);
      pending_deps_[i] = plan.steps[i].deps.size();
      for (size_t d : plan.steps[i].deps) users_[d].push_back(i);
    }
  }

  Status Drive(RunResult& result);

 private:
  Status Emit(RunEvent event);
  Status EmitStep(RunEvent::Type type, size_t i, const Status& status, uint32_t attempt);
  void Launch(size_t i);
  Status Complete(const std::shared_ptr<Attempt>& attempt);
  Status FailOrRetry(size_t i, const Status& error);
  Status Finish(size_t i, StepState state, const Status& error);
  struct Job {
    std::shared_ptr<Attempt> attempt;
    std::map<std::string, std::vector<Artifact>> inputs;
    uint64_t seed = 0;
  };
  void Execute(Job job);  // on a pool thread: runs the attempt and what it makes ready
  void PostLaunches();    // hands launched attempts to the pool; under mu_
  Status Process();  // consumes completions, then Advance(); called under mu_
  Status Advance();  // times out, cancels and launches steps as their time comes
  MonoTime NextWake() const;
  void MarkReady(size_t i, MonoTime at);
  std::map<std::string, std::vector<Artifact>> GatherInputs(size_t i) const;
  bool AllDone() const;
  void BuildManifest(RunResult& result) const;

  const Plan& plan_;
  const RunRequest& request_;
  const ExecutorOptions& options_;
  std::mutex& mu_;
  std::condition_variable& cv_;
  std::atomic<bool>& cancel_requested_;
  std::vector<StepRun> runs_;
  std::map<std::string, size_t> index_of_;        // step id -> index
  std::vector<std::vector<size_t>> users_;         // step -> steps that read its outputs
  std::vector<size_t> pending_deps_;               // dependencies not yet succeeded
  std::set<size_t> ready_;                         // kReady steps, lowest index first
  std::set<size_t> running_;                       // kRunning steps
  size_t done_count_ = 0;
  Status status_;                                  // first error; guarded by mu_
  std::vector<Job> launches_;                      // launched, not yet handed over
  MonoTime waiting_until_ = MonoTime::max();       // the Drive thread's wait deadline
  std::deque<std::shared_ptr<Attempt>> completions_;  // guarded by mu_
  size_t in_flight_ = 0;                               // guarded by mu_
  uint64_t sequence_ = 0;
  MonoTime start_{0};
  Timestamp started_at_;
  bool cancel_seen_ = false;
  boost::asio::thread_pool pool_;
};

Status RunDriver::Emit(RunEvent event) {
  if (options_.sink == nullptr) return Status::Ok();
  event.set_run_id(request_.run_id);
  event.set_sequence(++sequence_);
  event.set_elapsed_us(
      std::chrono::duration_cast<std::chrono::microseconds>(options_.clock->MonotonicNow() -
                                                            start_)
          .count());
  return options_.sink->Emit(event);
}

Status RunDriver::EmitStep(RunEvent::Type type, size_t i, const Status& status,
                           uint32_t attempt) {
  RunEvent e;
  e.set_type(type);
  e.set_step_id(plan_.steps[i].def.id);
  e.set_attempt(attempt);
  if (!status.ok()) {
    e.set_status_code(std::string(StatusCodeName(status.code())));
    e.set_message(status.message());
  }
  if (type == RunEvent::STEP_FINISHED) {
    for (const auto& [port, artifact] : runs_[i].outcome.outputs) {
      *e.add_outputs() = MakeRef(port, artifact);
    }
    e.mutable_metrics()->insert(runs_[i].outcome.metrics.begin(),
                                runs_[i].outcome.metrics.end());
  }
  return Emit(std::move(e));
}

std::map<std::string, std::vector<Artifact>> RunDriver::GatherInputs(size_t i) const {
  std::map<std::string, std::vector<Artifact>> inputs;
  for (const auto& [port, refs] : plan_.steps[i].def.inputs) {
    std::vector<Artifact>& list = inputs[port];
    for (const InputRef& ref : refs) {
      if (ref.IsWorkflowInput()) {
        auto it = request_.inputs.find(ref.port);
        if (it != request_.inputs.end()) list.insert(list.end(), it->second.begin(), it->second.end());
      } else {
        const StepRun& producer = runs_[index_of_.at(ref.source)];
        list.push_back(producer.outcome.outputs.at(ref.port));
      }
    }
  }
  return inputs;
}

void RunDriver::Launch(size_t i) {
  StepRun& run = runs_[i];
  auto attempt = std::make_shared<Attempt>();
  attempt->step = i;
  attempt->number = ++run.outcome.attempts;
  run.attempt = attempt;
  run.phase = Phase::kRunning;
  ready_.erase(i);
  running_.insert(i);
  const PlannedStep& planned = plan_.steps[i];
  run.deadline = planned.def.timeout
                     ? options_.clock->MonotonicNow() + *planned.def.timeout
                     : MonoTime::max();
  ++in_flight_;
  launches_.push_back({attempt, GatherInputs(i), run.seed});
}

void RunDriver::PostLaunches() {
  for (Job& job : launches_) {
    boost::asio::post(pool_, [this, job = std::move(job)]() mutable { Execute(std::move(job)); });
  }
  launches_.clear();
}

void RunDriver::Execute(Job job) {
  while (true) {
    const PlannedStep& planned = plan_.steps[job.attempt->step];
    StepContext context(planned.def.id, request_.logical_time, job.seed, request_.params,
                        planned.config, std::move(job.inputs), *options_.effects,
                        job.attempt->cancel);
    StatusOr<StepOutputs> result = InternalError("step did not return");
    try {
      result = planned.step->Run(context);
    } catch (const std::exception& e) {
      // Steps must not throw; if one does, it fails alone instead of ending the process.
      result = InternalError("step `" + planned.def.id + "` threw: " + e.what());
    }
    std::lock_guard<std::mutex> guard(mu_);
    job.attempt->result = std::move(result);
    job.attempt->metrics = context.metrics();
    completions_.push_back(job.attempt);
    // The finishing worker moves the run along itself and keeps one newly ready step
    // for itself: a chain of steps then runs without any thread hand-off.
    if (status_.ok()) status_ = Process();
    std::optional<Job> next;
    if (status_.ok() && !launches_.empty()) {
      next = std::move(launches_.front());
      launches_.erase(launches_.begin());
      PostLaunches();
    }
    if (!status_.ok() || AllDone() || NextWake() < waiting_until_) cv_.notify_all();
    if (!next) return;
    job = std::move(*next);
  }
}

void RunDriver::MarkReady(size_t i, MonoTime at) {
  runs_[i].phase = Phase::kReady;
  runs_[i].ready_at = at;
  running_.erase(i);
  ready_.insert(i);
}

Status RunDriver::Finish(size_t i, StepState state, const Status& error) {
  StepRun& run = runs_[i];
  run.phase = Phase::kDone;
  run.attempt.reset();
  run.outcome.state = state;
  run.outcome.error = error;
  ready_.erase(i);
  running_.erase(i);
  ++done_count_;
  const RunEvent::Type type = state == StepState::kSucceeded ? RunEvent::STEP_FINISHED
                              : state == StepState::kFailed  ? RunEvent::STEP_FAILED
                                                             : RunEvent::STEP_CANCELLED;
  DOCKET_RETURN_IF_ERROR(EmitStep(type, i, error, run.outcome.attempts));
  // Dependents become ready when their last input exists, or fail with the reason.
  for (size_t u : users_[i]) {
    if (runs_[u].phase != Phase::kWaiting) continue;
    if (state == StepState::kSucceeded) {
      if (--pending_deps_[u] == 0) MarkReady(u, options_.clock->MonotonicNow());
      continue;
    }
    // Name the step where it started, once, however long the chain of dependents.
    const bool cancelled = state == StepState::kCancelled;
    const std::string why =
        run.outcome.upstream ? error.message()
                             : "upstream step `" + plan_.steps[i].def.id + "` " +
                                   (cancelled ? "was cancelled" : "failed") + ": " +
                                   error.message();
    runs_[u].outcome.upstream = true;
    DOCKET_RETURN_IF_ERROR(Finish(u, cancelled ? StepState::kCancelled : StepState::kFailed,
                                  cancelled ? CancelledError(why) : FailedPreconditionError(why)));
  }
  return Status::Ok();
}

Status RunDriver::FailOrRetry(size_t i, const Status& error) {
  StepRun& run = runs_[i];
  const RetryPolicy& retry = plan_.steps[i].def.retry;
  if (IsRetryable(error) && run.outcome.attempts < static_cast<uint32_t>(retry.max_attempts) &&
      !cancel_seen_) {
    double backoff_us = static_cast<double>(retry.initial_backoff.count());
    for (uint32_t k = 1; k < run.outcome.attempts; ++k) backoff_us *= retry.multiplier;
    backoff_us = std::min(backoff_us, static_cast<double>(retry.max_backoff.count()));
    run.attempt.reset();
    MarkReady(i, options_.clock->MonotonicNow() +
                     std::chrono::microseconds(static_cast<int64_t>(backoff_us)));
    return EmitStep(RunEvent::STEP_ATTEMPT_FAILED, i, error, run.outcome.attempts);
  }
  return Finish(i, error.code() == StatusCode::kCancelled ? StepState::kCancelled
                                                          : StepState::kFailed,
                error);
}

Status RunDriver::Complete(const std::shared_ptr<Attempt>& attempt) {
  const size_t i = attempt->step;
  if (attempt->abandoned) return Status::Ok();
  StatusOr<StepOutputs>& result = *attempt->result;
  if (!result.ok()) return FailOrRetry(i, result.status());
  const StepTypeSpec& spec = plan_.steps[i].type->spec;
  StepOutputs& outputs = *result;
  Status bad;
  if (outputs.size() != spec.outputs.size()) {
    bad = InternalError("step returned " + std::to_string(outputs.size()) + " outputs, type `" +
                        spec.type + "` declares " + std::to_string(spec.outputs.size()));
  }
  for (const PortSpec& port : spec.outputs) {
    auto it = outputs.find(port.name);
    if (bad.ok() && (it == outputs.end() || it->second.kind != port.kind || !it->second.bytes)) {
      bad = InternalError("step did not return output `" + port.name + "` of kind `" +
                          port.kind + "`");
    }
  }
  if (!bad.ok()) return Finish(i, StepState::kFailed, bad);
  if (options_.store != nullptr) {
    for (const auto& [port, artifact] : outputs) {
      if (Status s = options_.store->Put(artifact.digest, *artifact.bytes); !s.ok()) {
        return FailOrRetry(i, s.WithContext("storing output `" + port + "`"));
      }
    }
  }
  runs_[i].outcome.outputs = std::move(outputs);
  runs_[i].outcome.metrics = std::move(attempt->metrics);
  return Finish(i, StepState::kSucceeded, Status::Ok());
}

Status RunDriver::Advance() {
  const MonoTime now = options_.clock->MonotonicNow();
  for (size_t i : std::vector<size_t>(running_.begin(), running_.end())) {
    StepRun& run = runs_[i];
    if (now < run.deadline) continue;
    run.attempt->cancel = true;
    run.attempt->abandoned = true;
    const PlannedStep& planned = plan_.steps[i];
    DOCKET_RETURN_IF_ERROR(FailOrRetry(
        i, DeadlineExceededError("step `" + planned.def.id + "` exceeded its timeout of " +
                                 FormatDuration(*planned.def.timeout))));
  }
  for (size_t i : std::vector<size_t>(ready_.begin(), ready_.end())) {
    if (cancel_seen_) {
      DOCKET_RETURN_IF_ERROR(Finish(i, StepState::kCancelled, CancelledError("run cancelled")));
    } else if (now >= runs_[i].ready_at) {
      Launch(i);
      DOCKET_RETURN_IF_ERROR(EmitStep(RunEvent::STEP_STARTED, i, Status::Ok(),
                                      runs_[i].outcome.attempts));
    }
  }
  return Status::Ok();
}

bool RunDriver::AllDone() const { return done_count_ == runs_.size(); }

MonoTime RunDriver::NextWake() const {
  MonoTime wake = MonoTime::max();
  for (size_t i : running_) wake = std::min(wake, runs_[i].deadline);
  for (size_t i : ready_) wake = std::min(wake, runs_[i].ready_at);
  return wake;
}

Status RunDriver::Process() {
  if (cancel_requested_ && !cancel_seen_) {
    cancel_seen_ = true;
    for (StepRun& r : runs_) {
      if (r.attempt) r.attempt->cancel = true;
    }
  }
  while (!completions_.empty()) {
    std::shared_ptr<Attempt> done = std::move(completions_.front());
    completions_.pop_front();
    --in_flight_;
    DOCKET_RETURN_IF_ERROR(Complete(done));
  }
  return Advance();
}

Status RunDriver::Drive(RunResult& result) {
  start_ = options_.clock->MonotonicNow();
  started_at_ = options_.clock->Now();
  const Sha256Digest root = DeriveRunSeedRoot(plan_.definition.digest, request_.inputs,
                                              request_.params, request_.logical_time);
  for (size_t i = 0; i < runs_.size(); ++i) {
    runs_[i].seed = DeriveStepSeed(root, plan_.steps[i].def.id);
  }
  RunEvent started;
  started.set_type(RunEvent::RUN_STARTED);
  started.set_logical_time(FormatRfc3339(request_.logical_time));
  std::unique_lock<std::mutex> lock(mu_);
  status_ = Emit(std::move(started));
  for (size_t i = 0; i < runs_.size(); ++i) {
    if (pending_deps_[i] == 0) MarkReady(i, start_);
  }
  if (status_.ok()) status_ = Process();
  PostLaunches();
  // Workers drive the run as steps finish; this thread wakes for deadlines (timeouts,
  // retry backoff), cancellation, and the end.
  while (status_.ok() && !AllDone()) {
    waiting_until_ = NextWake();
    if (cancel_requested_ == cancel_seen_) options_.clock->WaitUntil(cv_, lock, waiting_until_);
    waiting_until_ = MonoTime::max();
    if (status_.ok()) status_ = Process();
    PostLaunches();
  }
  // Abandoned or still-running attempts hold references into this run: wait for them.
  // Attempts launched but never handed to the pool (after an error) never will be.
  in_flight_ -= launches_.size();
  launches_.clear();
  if (!status_.ok()) {
    for (StepRun& r : runs_) {
      if (r.attempt) r.attempt->cancel = true;
    }
  }
  while (in_flight_ > 0 || !completions_.empty()) {
    if (completions_.empty()) {
      cv_.wait(lock);
      continue;
    }
    completions_.pop_front();
    --in_flight_;
  }
  const Status status = status_;
  lock.unlock();
  pool_.join();
  if (!status.ok()) return status;

  result.status = RunStatus::kSucceeded;
  for (size_t i = 0; i < runs_.size(); ++i) {
    const StepOutcome& o = runs_[i].outcome;
    if (o.state == StepState::kCancelled) result.status = RunStatus::kCancelled;
    if (o.state == StepState::kFailed && result.status != RunStatus::kCancelled) {
      result.status = RunStatus::kFailed;
    }
    result.steps[plan_.steps[i].def.id] = o;
  }
  // Cancel() promises kCancelled, also when an interrupted step failed on its own terms.
  if (cancel_seen_ && result.status == RunStatus::kFailed) result.status = RunStatus::kCancelled;
  for (const OutputDefinition& out : plan_.definition.outputs) {
    const StepOutcome& o = result.steps[out.ref.source];
    if (o.state == StepState::kSucceeded) result.outputs[out.name] = o.outputs.at(out.ref.port);
  }
  BuildManifest(result);
  RunEvent finished;
  finished.set_type(RunEvent::RUN_FINISHED);
  finished.set_run_status(std::string(RunStatusName(result.status)));
  return Emit(std::move(finished));
}

void RunDriver::BuildManifest(RunResult& result) const {
  RunManifest& m = result.manifest;
  m.set_format_version(1);
  m.set_workflow_name(plan_.definition.name);
  m.set_workflow_digest("sha256:" + plan_.definition.digest.Hex());
  m.set_engine_build_id(options_.engine_build_id);
  m.set_logical_time(FormatRfc3339(request_.logical_time));
  for (const auto& [name, value] : request_.params) {
    Param* p = m.add_params();
    p->set_name(name);
    p->set_value(value);
  }
  for (const auto& [input, files] : request_.inputs) {
    for (const Artifact& a : files) {
      InputFile* f = m.add_inputs();
      f->set_input(input);
      f->set_name(a.name);
      f->set_kind(a.kind);
      f->set_digest("sha256:" + a.digest.Hex());
      f->set_size(a.bytes->size());
    }
  }
  const auto inputs_of = [&](size_t i) { return GatherInputs(i); };
  for (size_t i = 0; i < runs_.size(); ++i) {
    const PlannedStep& planned = plan_.steps[i];
    const StepOutcome& o = runs_[i].outcome;
    StepRecord* s = m.add_steps();
    s->set_id(planned.def.id);
    s->set_type(planned.def.type);
    s->set_config_digest("sha256:" + planned.config.digest().Hex());
    s->set_status(std::string(StepStateName(o.state)));
    s->set_attempts(o.attempts);
    s->set_error(o.error.ok() ? "" : o.error.ToString());
    char seed[17];
    std::snprintf(seed, sizeof(seed), "%016llx", static_cast<unsigned long long>(runs_[i].seed));
    s->set_seed(seed);
    if (o.state == StepState::kSucceeded) {
      for (const auto& [port, artifacts] : inputs_of(i)) {
        StepRecord::PortInputs* in = s->add_inputs();
        in->set_port(port);
        for (const Artifact& a : artifacts) in->add_digests("sha256:" + a.digest.Hex());
      }
      for (const auto& [port, artifact] : o.outputs) *s->add_outputs() = MakeRef(port, artifact);
    }
  }
  m.set_status(std::string(RunStatusName(result.status)));
  RunMetadata* meta = m.mutable_metadata();
  meta->set_run_id(request_.run_id);
  meta->set_threads(static_cast<uint32_t>(std::max(1, options_.threads)));
  meta->set_started_at(FormatRfc3339(started_at_));  // wall clock: metadata only
  meta->set_duration_us(std::chrono::duration_cast<std::chrono::microseconds>(
                            options_.clock->MonotonicNow() - start_)
                            .count());
}

Status CheckRequest(const Plan& plan, RunRequest& request) {
  for (const auto& [name, files] : request.inputs) {
    const WorkflowInputDefinition* def = plan.FindInput(name);
    if (def == nullptr) {
      return InvalidArgumentError("workflow `" + plan.definition.name +
                                  "` declares no input `" + name + "`");
    }
    for (const Artifact& a : files) {
      if (a.kind != def->kind || !a.bytes) {
        return InvalidArgumentError("input `" + name + "` file " + a.name + " has kind `" +
                                    a.kind + "`, expected `" + def->kind + "`");
      }
    }
  }
  for (const WorkflowInputDefinition& def : plan.definition.inputs) {
    if (request.inputs.count(def.name) == 0 || request.inputs[def.name].empty()) {
      return InvalidArgumentError("no files given for workflow input `" + def.name +
                                  "` (" + def.kind + ")");
    }
  }
  for (const auto& entry : request.params) {
    const std::string& name = entry.first;  // clang-14 cannot capture structured bindings
    const auto& params = plan.definition.params;
    if (std::none_of(params.begin(), params.end(),
                     [&](const ParamDefinition& p) { return p.name == name; })) {
      return InvalidArgumentError("workflow `" + plan.definition.name +
                                  "` declares no param `" + name + "`");
    }
  }
  for (const ParamDefinition& p : plan.definition.params) {
    if (request.params.count(p.name) != 0) continue;
    if (p.default_value) {
      request.params[p.name] = *p.default_value;
    } else if (p.required) {
      return InvalidArgumentError("param `" + p.name + "` is required" +
                                  (p.doc.empty() ? "" : ": " + p.doc));
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view StepStateName(StepState state) {
  switch (state) {
    case StepState::kNotRun: return "NOT_RUN";
    case StepState::kSucceeded: return "SUCCEEDED";
    case StepState::kFailed: return "FAILED";
    case StepState::kCancelled: return "CANCELLED";
  }
  return "?";
}

std::string_view RunStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::kSucceeded: return "SUCCEEDED";
    case RunStatus::kFailed: return "FAILED";
    case RunStatus::kCancelled: return "CANCELLED";
  }
  return "?";
}

Executor::Executor(ExecutorOptions options) : options_(std::move(options)) {
  DOCKET_CHECK(options_.clock != nullptr && options_.effects != nullptr);
}

StatusOr<RunResult> Executor::Run(const Plan& plan, RunRequest request) {
  DOCKET_RETURN_IF_ERROR(CheckRequest(plan, request));
  RunResult result;
  Status status;
  {
    RunDriver driver(plan, request, options_, mu_, cv_, cancel_requested_);
    status = driver.Drive(result);
  }
  // A cancellation ends this run only; the next Run starts afresh.
  cancel_requested_ = false;
  DOCKET_RETURN_IF_ERROR(status);
  return result;
}

void Executor::Cancel() {
  cancel_requested_ = true;
  std::lock_guard<std::mutex> guard(mu_);
  cv_.notify_all();
}

}  // namespace docket::engine
