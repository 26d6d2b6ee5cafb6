// The sbatch array script of a sweep: task i runs job i through `tissnet sweep-trial`, which
// waits for the shared runs it builds on, so one array holds the whole sweep.
#include <sstream>

#include "tiss/engine/command_line.h"
#include "tiss/sweep/sweep_folder.h"
#include "tiss/util/result.h"

namespace tiss {
namespace {

// Single-quoted for bash: every ' becomes '\''.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A #SBATCH value: sbatch reads double quotes and backslash escapes in directives. In a file
// name pattern % starts a replacement, so each literal one is doubled, then `pattern` (its
// own replacements, e.g. %A) follows.
std::string sbatchValue(const std::string& literal, bool isPattern = false, const std::string& pattern = "") {
  std::string out = "\"";
  for (char c : literal) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '%' && isPattern) out += '%';
    out += c;
  }
  return out + pattern + "\"";
}

// Comments and names shown in them: one line each, whatever the user typed.
std::string oneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  return s;
}

bool hasLineBreak(const std::string& s) { return s.find_first_of("\n\r") != std::string::npos; }

}  // namespace

Result<std::string> slurmScript(const SweepFolder& folder, const std::string& tissnet, int maxParallel,
                                const std::string& extraSbatch, const SlurmTasks& tasks) {
  if (hasLineBreak(folder.root)) return makeError(folder.root, "holds a line break: no Slurm script can name this folder");
  if (hasLineBreak(tissnet)) return makeError(tissnet, "holds a line break: no Slurm script can name this program");
  const size_t n = folder.jobs.size();
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "# Sweep '" << oneLine(folder.spec.name) << "': " << n << " jobs, one array task each.\n"
    << "# Submit: sbatch " << quoted(folder.root + "/sweep.sbatch") << " ; follow it in the workbench (Sweeps > Open).\n"
    << "#SBATCH --job-name=" << sbatchValue(oneLine("tissnet-" + folder.spec.name)) << "\n"
    << "#SBATCH --array=0-" << (n == 0 ? 0 : n - 1);
  if (maxParallel > 0) s << '%' << maxParallel;
  s << "\n#SBATCH --output=" << sbatchValue(folder.root, true, "/slurm-%A_%a.log") << "\n";
  if (folder.spec.threadsPerTrial > 0) s << "#SBATCH --cpus-per-task=" << folder.spec.threadsPerTrial << "\n";
  if (tasks.parallel()) s << "#SBATCH --nodes=" << tasks.nodes << "\n#SBATCH --ntasks-per-node=" << tasks.tasksPerNode << "\n";
  if (tasks.gpusPerNode > 0) s << "#SBATCH --gres=gpu:" << tasks.gpusPerNode << "\n";
  if (!extraSbatch.empty()) s << "#SBATCH " << oneLine(extraSbatch) << "\n";
  s << "set -euo pipefail\n\n# task -> job\n";
  for (size_t i = 0; i < n; ++i)
    s << "#   " << i << "  " << folder.jobs[i].id << "  " << oneLine(folder.jobs[i].label)
      << (folder.jobs[i].shared ? "  (shared run)" : "") << "\n";
  s << "JOBS=(";
  for (size_t i = 0; i < n; ++i) s << (i ? " " : "") << quoted(folder.jobs[i].id);
  s << ")\n\n"
    << ": \"${SLURM_ARRAY_TASK_ID:?run this script with sbatch (an array job)}\"\n"
    << (tasks.parallel() ? "# srun starts the trial's ranks; rank 0 also infers and evaluates, the others only train.\n" : "")
    << "exec " << (tasks.parallel() ? "srun " : "") << quoted(tissnet);
  // Values quoted; the trial comes from the array index at run time, so it stays as written.
  const std::string trial = "\"${JOBS[$SLURM_ARRAY_TASK_ID]}\"";
  for (const auto& a : sweepTrialArguments(folder.root, trial, "auto", folder.spec.threadsPerTrial, true))
    s << " " << (a == trial || a == "sweep-trial" || a.rfind("--", 0) == 0 ? a : quoted(a));
  s << "\n";
  return s.str();
}

}  // namespace tiss
