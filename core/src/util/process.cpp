#include "tiss/util/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>

extern char** environ;

namespace tiss {

Result<long> spawnProcess(const std::vector<std::string>& args, const std::string& logFile) {
  if (args.empty()) return makeError("", "no program to start");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own session: a Ctrl-C in the starter's terminal or the starter's exit leaves it running.
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return makeError(args[0], std::string("cannot start: ") + std::strerror(rc));
  return long(pid);
}

namespace {

// A pid read from a file is used only when it can name a process of ours: > 1 (never init,
// never "every process" or a process group) and within pid_t.
bool validPid(long pid) { return pid > 1 && pid <= 0x7fffffffL; }

}  // namespace

std::optional<int> reapChild(long pid) {
  if (!validPid(pid)) return std::nullopt;
  int status = 0;
  const pid_t r = ::waitpid(pid_t(pid), &status, WNOHANG);
  if (r != pid_t(pid)) return std::nullopt;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool processAlive(long pid) {
  if (!validPid(pid)) return false;
  int status = 0;
  if (::waitpid(pid_t(pid), &status, WNOHANG) == pid_t(pid)) return false;  // our child, just ended
  return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

void terminateProcess(long pid) {
  if (validPid(pid)) ::kill(pid_t(pid), SIGTERM);
}

std::string hostName() {
  char name[256] = {};
  return ::gethostname(name, sizeof(name) - 1) == 0 ? std::string(name) : std::string();
}

std::string selfExecutable() {
  char path[PATH_MAX] = {};
  const ssize_t n = ::readlink("/proc/self/exe", path, sizeof(path) - 1);
  return n > 0 ? std::string(path, size_t(n)) : std::string();
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

Result<std::unique_ptr<FileLock>> FileLock::acquire(const std::string& file, const std::string& owner, const std::string& busy) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return makeError(file, std::string("cannot open the lock file: ") + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char holder[300] = {};
    const ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
    ::close(fd);
    std::string who = n > 0 ? std::string(holder, size_t(n)) : std::string("another process");
    while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
    return makeError(owner, busy + " (pid and host: " + who + ")");
  }
  const std::string me = std::to_string(long(::getpid())) + " " + hostName() + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, me.data(), me.size(), 0) != ssize_t(me.size())) {
    ::close(fd);
    return makeError(file, "cannot write the lock file (disk full?)");
  }
  return std::unique_ptr<FileLock>(new FileLock(fd));
}

}  // namespace tiss
