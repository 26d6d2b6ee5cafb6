#pragma once
/// Child processes for long work that must outlive its starter (sweep trials, the sweep
/// scheduler): POSIX only, no Qt. Process ids are plain longs; "alive" is judged on this host.
#include <optional>
#include <string>
#include <vector>

#include "tiss/result.h"

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

/// Absolute path of the running executable (/proc/self/exe).
std::string selfExecutable();

}  // namespace tiss
