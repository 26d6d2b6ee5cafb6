#pragma once
/// Child processes for long work that must outlive its starter (sweep trials, the sweep
/// scheduler): POSIX only, no Qt. Process ids are plain longs; "alive" is judged on this host.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tiss/util/result.h"

namespace tiss {

/// Starts `args` (args[0]: an executable path) in its own session, stdin from /dev/null,
/// stdout and stderr appended to `logFile`. Returns the child's pid.
Result<long> spawnProcess(const std::vector<std::string>& args, const std::string& logFile);

/// The exit status of a child of this process once it ended (128 + signal when killed);
/// nullopt while it runs, or when `pid` is not our child.
std::optional<int> reapChild(long pid);

/// Whether a process with this id exists on this host (children that ended are reaped first).
bool processAlive(long pid);

/// Asks the process to stop (SIGTERM): trainers save a last checkpoint and exit.
void terminateProcess(long pid);

/// This host's name, to tell a process on another machine from a dead one.
std::string hostName();

/// An exclusive OS lock (flock) on `file`, held for the object's life and released by the
/// kernel when the process dies (a killed holder never blocks anyone). The file holds
/// "pid host" of the holder, for the message others get.
class FileLock {
 public:
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  /// Fails with "`owner` `busy` (pid and host: ...)" when another process holds the lock.
  static Result<std::unique_ptr<FileLock>> acquire(const std::string& file, const std::string& owner, const std::string& busy);

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

/// Absolute path of the running executable (/proc/self/exe).
std::string selfExecutable();

}  // namespace tiss
