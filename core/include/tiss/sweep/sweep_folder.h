#pragma once
/// The sweep folder, the truth about a sweep (docs/sweeps.md):
///   sweep.json        the spec with explicit values, the data set, and every job
///   shared/NAME/      shared runs (an S_p, a pix2pix synthesis), ordinary run folders
///   trials/ID/        one run folder per trial, plus trial.json (state), trial.log,
///                     infer/ (the split's results) and metrics.csv (per case)
///   scheduler.json    pid and host of the scheduler driving it, if any
///   paused            exists while the sweep is paused
///   requests/         cancel and retry requests, one file each, consumed by the scheduler
///   cluster.json      exists once sweep.sbatch was written: Slurm runs the jobs, no local
///                     queue (nor the workbench's Continue) starts any (`tissnet sweep --local`)
///   index.json        parsed metrics of every trial, a cache rebuilt from the folders
/// Closing the workbench or killing the scheduler loses nothing: a new scheduler adopts
/// running trials and resumes stopped ones from their last checkpoint.
#include <cmath>
#include <string>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/sweep/sweep.h"

namespace tiss {

/// queued, running, finished, failed, stopped (paused, resumable) or cancelled.
struct TrialState {
  std::string state = "queued";
  std::string phase;      ///< train, infer, eval while running
  std::string message;    ///< why it failed, or the ranking metric when finished
  long pid = 0;
  std::string host;
  int attempts = 0;       ///< times started
  double metric = std::nan("");  ///< mean of the spec's metric over cases when finished; NaN: n/a
};

struct SweepFolder {
  std::string root;
  SweepSpec spec;
  std::vector<SweepJob> jobs;

  std::string specFile() const { return root + "/sweep.json"; }
  std::string schedulerFile() const { return root + "/scheduler.json"; }
  std::string schedulerLock() const { return root + "/scheduler.lock"; }
  std::string clusterFile() const { return root + "/cluster.json"; }
  std::string pausedFile() const { return root + "/paused"; }
  std::string requestDir() const { return root + "/requests"; }
  std::string indexFile() const { return root + "/index.json"; }
  std::string logFile() const { return root + "/sweep.log"; }
  std::string jobDir(const SweepJob& job) const { return root + (job.shared ? "/shared/" : "/trials/") + job.id; }
  std::string stateFile(const SweepJob& job) const { return jobDir(job) + "/trial.json"; }
  std::string metricsFile(const SweepJob& job) const { return jobDir(job) + "/metrics.csv"; }
  std::string jobLog(const SweepJob& job) const { return jobDir(job) + "/trial.log"; }
  const SweepJob* find(const std::string& id) const;

  /// Writes sweep.json for a new sweep, or opens the same sweep again: a folder holding a
  /// different sweep is refused (naming the folder) so nothing of it is overwritten.
  static Result<SweepFolder> create(const std::string& dir, const SweepSpec& spec);
  static Result<SweepFolder> open(const std::string& dir);
};

/// The job's state; a job never started reads as queued.
TrialState readTrialState(const SweepFolder& folder, const SweepJob& job);
Status writeTrialState(const SweepFolder& folder, const SweepJob& job, const TrialState& state);

/// Pause / resume: running trials are stopped with a checkpoint and resumed later.
Status setPaused(const SweepFolder& folder, bool paused);
bool isPaused(const SweepFolder& folder);
/// Requests for the scheduler: "cancel" or "retry" of a job id (or "all").
Status request(const SweepFolder& folder, const std::string& what, const std::string& jobId);

/// The scheduler driving this folder, if alive on this host (pid 0 otherwise).
struct SchedulerInfo {
  long pid = 0;
  std::string host;
  bool alive = false;
};
SchedulerInfo readScheduler(const SweepFolder& folder);

/// Hands the sweep to Slurm (writes cluster.json: the script, host and time) or takes it
/// back for a local queue (`onCluster` false: removes it).
Status setOnCluster(const SweepFolder& folder, bool onCluster, const std::string& script = "");
/// Whether Slurm array tasks run this sweep's jobs (no local queue may start them).
bool onCluster(const SweepFolder& folder);

/// An sbatch array script: one task per job (shared runs first; trials wait for them),
/// SLURM_ARRAY_TASK_ID picking the job; at most `maxParallel` at once when > 0. #SBATCH
/// values are double-quoted with \\ and \" escaped and % doubled; bash words single-quoted.
/// Fails for a folder or executable path holding a line break (no script can name it).
/// Data-parallel trials on Slurm: each array task is `nodes` nodes with `tasksPerNode` ranks
/// (one per GPU with `gpusPerNode`); the trial runs under srun, its ranks reading SLURM_PROCID,
/// SLURM_NTASKS, SLURM_LOCALID and the first node of SLURM_JOB_NODELIST. 1, 1, 0: one process.
struct SlurmTasks {
  int nodes = 1, tasksPerNode = 1, gpusPerNode = 0;
  bool parallel() const { return nodes * tasksPerNode > 1; }
};

Result<std::string> slurmScript(const SweepFolder& folder, const std::string& tissnet, int maxParallel,
                                const std::string& extraSbatch = "", const SlurmTasks& tasks = {});

}  // namespace tiss
