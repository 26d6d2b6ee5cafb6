// The local queue of a sweep (sweep_run.h). All state lives in the folder: this object only
// remembers which children it started, so a new scheduler can take over at any time.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "tiss/engine/command_line.h"
#include "tiss/util/atomic_file.h"
#include "tiss/util/process.h"
#include "tiss/sweep/sweep_run.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

using Log = std::function<void(const std::string&)>;

bool isRunning(const TrialState& s) { return s.state == "running"; }
bool isLaunchable(const TrialState& s) { return s.state == "queued" || s.state == "stopped"; }

}  // namespace

SweepScheduler::SweepScheduler(SweepFolder folder, SchedulerOptions options)
    : folder_(std::move(folder)), options_(std::move(options)) {
  if (options_.maxParallel <= 0) options_.maxParallel = std::max(1, folder_.spec.maxParallel);
}

Status SweepScheduler::claim() {
  auto lock = FileLock::acquire(folder_.schedulerLock(), folder_.root, "is already driven by a scheduler");
  if (!lock) return lock.error();
  lock_ = std::move(*lock);
  const nlohmann::json j = {{"pid", long(::getpid())}, {"host", hostName()}};
  return writeFileAtomically(folder_.schedulerFile(), j.dump() + "\n");
}

void SweepScheduler::release() {
  const SchedulerInfo info = readScheduler(folder_);
  std::error_code ec;
  if (info.pid == long(::getpid())) fs::remove(folder_.schedulerFile(), ec);
  lock_.reset();
}

void SweepScheduler::applyRequests(const Log& log) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(folder_.requestDir(), ec)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string what, id;
    in >> what >> id;
    in.close();
    // The request file goes only once the request is applied (below): a scheduler killed in
    // between leaves it for the next one (applying it twice changes nothing).
    applyRequest(what, id, log);
    fs::remove(file, ec);
  }
}

void SweepScheduler::applyRequest(const std::string& what, const std::string& id, const Log& log) {
  for (const SweepJob& job : folder_.jobs) {
    if (id != "all" && id != job.id) continue;
    TrialState s = readTrialState(folder_, job);
    if (what == "cancel" && isRunning(s) && s.host != hostName()) {
      log(job.id + ": runs on " + s.host + ", not here: cancel it there (scancel for a Slurm task)");
      continue;
    } else if (what == "cancel" && isRunning(s)) {
      terminateProcess(s.pid);
      stopping_.insert(job.id);
      cancelling_.insert(job.id);
    } else if (what == "cancel" && isLaunchable(s)) {
      s.state = "cancelled";
      writeTrialState(folder_, job, s);
    } else if (what == "retry" && (s.state == "failed" || s.state == "cancelled" || s.state == "stopped")) {
      s.state = "queued";
      s.message.clear();
      writeTrialState(folder_, job, s);
    } else {
      continue;
    }
    log(job.id + ": " + what + (what == "cancel" ? "led" : " queued"));
  }
}

// Ends of our children and of adopted processes; a running job whose process vanished
// becomes "stopped" (resumable), or "cancelled" / "failed" as the case may be.
void SweepScheduler::collect(const Log& log) {
  // Every child that ended is reaped, also one that wrote its own end (no zombies).
  std::map<long, int> ended;
  for (auto it = children_.begin(); it != children_.end();) {
    if (auto code = reapChild(*it)) ended[*it] = *code, it = children_.erase(it);
    else ++it;
  }
  for (const SweepJob& job : folder_.jobs) {
    TrialState s = readTrialState(folder_, job);
    if (!isRunning(s) || children_.count(s.pid) > 0) continue;  // ended, or our child still running
    const auto end = ended.find(s.pid);
    const bool ours = end != ended.end();
    std::optional<int> code;
    if (ours) code = end->second;
    else if (s.host != hostName() || processAlive(s.pid))
      continue;  // adopted and alive, or on another machine (a cluster task): leave it
    s = readTrialState(folder_, job);  // the child may have written its end meanwhile
    const bool asked = stopping_.erase(job.id) > 0;
    const bool cancel = cancelling_.erase(job.id) > 0;
    if (cancel && s.state != "finished") s.state = "cancelled";
    else if (isRunning(s)) {
      s.state = asked || !ours ? "stopped" : "failed";
      if (s.state == "failed")
        s.message = "the trial process ended with exit code " + std::to_string(code.value_or(-1)) + " (see " +
                    folder_.jobLog(job) + ")";
    }
    s.pid = 0;
    writeTrialState(folder_, job, s);
    log(job.id + ": " + s.state + (s.message.empty() ? "" : " (" + s.message + ")"));
  }
}

bool SweepScheduler::ready(const SweepJob& job, std::string& blocked) const {
  for (const std::string& id : job.after) {
    const SweepJob* dep = folder_.find(id);
    TrialState s;
    s.state = "failed";
    if (dep) s = readTrialState(folder_, *dep);
    if (s.state == "finished") continue;
    if (s.state == "failed" || s.state == "cancelled") blocked = "the shared run '" + id + "' is " + s.state;
    return false;
  }
  return true;
}

void SweepScheduler::launch(const Log& log) {
  int running = 0;
  std::vector<const SweepJob*> waiting;
  for (const SweepJob& job : folder_.jobs) {
    const TrialState s = readTrialState(folder_, job);
    if (isRunning(s)) ++running;
    if (isLaunchable(s)) waiting.push_back(&job);
  }
  bool anyWaiting = false;
  for (const SweepJob* job : waiting) {
    std::string blocked;
    if (!ready(*job, blocked)) {
      if (!blocked.empty()) {
        TrialState s = readTrialState(folder_, *job);
        s.state = "failed";
        s.message = blocked;
        writeTrialState(folder_, *job, s);
        log(job->id + ": failed (" + blocked + ")");
      } else {
        anyWaiting = true;
      }
      continue;
    }
    anyWaiting = true;
    if (running >= options_.maxParallel) continue;
    const auto& devices = folder_.spec.devices;
    std::vector<std::string> args = {options_.tissnet};
    for (auto& a : sweepTrialArguments(folder_.root, job->id, devices.empty() ? "auto" : devices[launched_ % devices.size()], 0, false))
      args.push_back(std::move(a));
    std::error_code ec;
    fs::create_directories(folder_.jobDir(*job), ec);
    auto pid = spawnProcess(args, folder_.jobLog(*job));
    if (!pid) {
      log(job->id + ": cannot start: " + pid.error().describe());
      continue;
    }
    // Marked running at once (the child rewrites it), so the next round never starts it twice.
    TrialState s = readTrialState(folder_, *job);
    s.state = "running";
    s.phase = "start";
    s.pid = *pid;
    s.host = hostName();
    writeTrialState(folder_, *job, s);
    children_.insert(*pid);
    ++launched_;
    ++running;
    log(job->id + ": started (" + job->label + "), pid " + std::to_string(*pid));
  }
  done_ = running == 0 && !anyWaiting;
}

void SweepScheduler::tick(const Log& log) {
  applyRequests(log);
  collect(log);
  if (!isPaused(folder_)) {
    launch(log);
    return;
  }
  done_ = false;  // a paused sweep waits for its resume
  for (const SweepJob& job : folder_.jobs) {
    const TrialState s = readTrialState(folder_, job);
    if (isRunning(s) && s.host == hostName() && stopping_.insert(job.id).second) {
      terminateProcess(s.pid);
      log(job.id + ": pausing (stopped at a checkpoint, resumed later)");
    }
  }
}

Status runSweep(const SweepFolder& folder, const SchedulerOptions& options, const std::atomic<bool>* cancel,
                const Log& log) {
  SweepScheduler scheduler(folder, options);
  if (auto st = scheduler.claim(); !st) return st;
  while (!(cancel && cancel->load())) {
    scheduler.tick(log);
    if (scheduler.done()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(int(options.pollSeconds * 1000)));
  }
  scheduler.release();
  return Status();
}

}  // namespace tiss
