#include "engine/launcher.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "tiss/training/run_folder.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

// The command line without --nproc (and its value).
std::vector<std::string> rankCommand(const std::vector<std::string>& argv) {
  std::vector<std::string> out;
  for (size_t i = 0; i < argv.size(); ++i) {
    if (argv[i] == "--nproc") {
      ++i;
      continue;
    }
    if (argv[i].rfind("--nproc=", 0) == 0) continue;
    out.push_back(argv[i]);
  }
  return out;
}

// Starts one rank: this very program (/proc/self/exe), its environment plus the rank's.
Result<pid_t> startRank(const std::vector<std::string>& args, int rank, int size, const std::string& store) {
  const pid_t pid = ::fork();
  if (pid < 0) return makeError("--nproc", std::string("cannot start a rank: ") + std::strerror(errno));
  if (pid > 0) return pid;
  ::setenv("RANK", std::to_string(rank).c_str(), 1);
  ::setenv("LOCAL_RANK", std::to_string(rank).c_str(), 1);
  ::setenv("WORLD_SIZE", std::to_string(size).c_str(), 1);
  ::setenv("LOCAL_WORLD_SIZE", std::to_string(size).c_str(), 1);
  ::setenv("TISS_STORE_FILE", store.c_str(), 1);
  if (rank != 0) {  // rank 0 speaks for the run; the others' events go nowhere
    const int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0) ::dup2(null, STDOUT_FILENO);
  }
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv("/proc/self/exe", argv.data());
  ::_exit(127);
}

std::string describeExit(int status) {
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
  return "exited with code " + std::to_string(WEXITSTATUS(status));
}

// The run's status after a rank failed: which rank and why, with what rank 0 said if it said
// anything (e.g. the failed collective); rank 0 has ended, so this is the only writer now.
void recordFailure(const std::string& runDir, int rank, const std::string& why) {
  // Rank 0 speaks for itself (its boundary marks a run it had started as failed); and a status
  // this launch did not write (rank 0 refused an existing run, e.g. without --resume) stays.
  if (rank == 0) return;
  const RunFolder run{runDir};
  auto old = readStatus(run);
  if (!old || (old->state != "running" && old->state != "failed")) return;
  const long step = old->step;
  std::string message = "failed: rank " + std::to_string(rank) + " " + why;
  if (old->state == "failed") message += "; rank 0: " + old->message;
  writeStatus(run, {"failed", step, message});
  appendEvent(run, nlohmann::json{{"event", "status"}, {"state", "failed"}, {"step", step}, {"message", message}, {"rank", rank}}.dump());
}

struct Ranks {
  std::vector<pid_t> pids;
  std::vector<bool> running;
  int firstFailed = -1;
  std::string why;
};

void signalAll(Ranks& r, int sig) {
  for (size_t i = 0; i < r.pids.size(); ++i)
    if (r.running[i]) ::kill(r.pids[i], sig);
}

// Reaps ended ranks; returns how many still run. The first failure is the cause; of failures
// seen at once, a rank killed by a signal is the cause of the others' failed collectives.
int reap(Ranks& r) {
  int alive = 0, failed = -1, failedStatus = 0;
  for (size_t i = 0; i < r.pids.size(); ++i) {
    if (!r.running[i]) continue;
    int status = 0;
    if (::waitpid(r.pids[i], &status, WNOHANG) != r.pids[i]) {
      ++alive;
      continue;
    }
    r.running[i] = false;
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!ok && (failed < 0 || (WIFSIGNALED(status) && !WIFSIGNALED(failedStatus)))) failed = int(i), failedStatus = status;
  }
  if (failed >= 0 && r.firstFailed < 0) r.firstFailed = failed, r.why = describeExit(failedStatus);
  return alive;
}

}  // namespace

Status launchRanks(const TrainRequest& request, const std::atomic<bool>* cancel) {
  if (request.commandLine.empty()) return makeError("--nproc", "needs the command line to start the ranks with");
  if (std::getenv("RANK") || std::getenv("TISS_STORE_FILE"))
    return makeError("--nproc", "is for starting ranks; this process already is one (drop --nproc under torchrun or srun)");
  char folder[] = "/tmp/tissnet-ranks-XXXXXX";
  if (!::mkdtemp(folder)) return makeError("/tmp", "cannot create the ranks' rendezvous folder");
  const std::string store = std::string(folder) + "/store";
  const auto args = rankCommand(request.commandLine);
  Ranks r;
  for (int rank = 0; rank < request.nproc; ++rank) {
    auto pid = startRank(args, rank, request.nproc, store);
    if (!pid) {
      signalAll(r, SIGKILL);
      return pid.error();
    }
    r.pids.push_back(*pid);
    r.running.push_back(true);
  }
  using Clock = std::chrono::steady_clock;
  bool forwarded = false, again = false;
  Clock::time_point ending{};
  while (reap(r) > 0) {
    if (cancel && cancel->load() && !forwarded) signalAll(r, SIGTERM), forwarded = true;
    // A failed rank fails the run: the others get SIGTERM (a rank waiting on a collective ends
    // when it times out or its peer's connection closes), a second one after 2 s (tissnet then
    // exits at once; its files are written atomically), SIGKILL after 30 s.
    if (r.firstFailed >= 0 && ending == Clock::time_point{}) signalAll(r, SIGTERM), ending = Clock::now();
    const auto since = Clock::now() - ending;
    if (ending != Clock::time_point{} && since > std::chrono::seconds(2) && !again) signalAll(r, SIGTERM), again = true;
    if (ending != Clock::time_point{} && since > std::chrono::seconds(30)) signalAll(r, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::error_code ec;
  fs::remove_all(folder, ec);
  if (r.firstFailed < 0) return Status();
  recordFailure(request.runDir, r.firstFailed, r.why);
  return makeError(request.runDir, "rank " + std::to_string(r.firstFailed) + " " + r.why);
}

}  // namespace tiss
