#pragma once
/// Running a sweep: one job in this process (`tissnet sweep-trial`, also what a Slurm array
/// task runs), and the local queue that starts jobs as child processes (`tissnet sweep`, the
/// workbench starts that same command). Both keep every state in the sweep folder.
#include <atomic>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "tiss/util/process.h"
#include "tiss/util/result.h"
#include "tiss/sweep/sweep_folder.h"

namespace tiss {

struct TrialOptions {
  std::string device = "auto";
  int threads = 0;            ///< CPU threads; 0: the spec's threads_per_trial, else LibTorch's default
  bool waitForShared = false; ///< wait (polling) for the shared runs this job builds on, as Slurm tasks do
};

/// Runs a job to its end: trains its run (resuming a stopped one, skipping a finished one),
/// then, for a trial, infers the spec's split into trials/ID/infer and evaluates it into
/// trials/ID/metrics.csv (segmentation, synthesis and perceptibility columns as available).
/// trial.json follows each phase. With `cancel` set, training stops at a checkpoint and the
/// trial is "stopped" (resumable).
Status runSweepTrial(const SweepFolder& folder, const std::string& jobId, const TrialOptions& options,
                     const std::atomic<bool>* cancel, const std::function<void(const std::string&)>& log = {});

struct SchedulerOptions {
  std::string tissnet;   ///< the tissnet executable that runs trials (sweep-trial)
  int maxParallel = 0;   ///< 0: the spec's
  double pollSeconds = 0.5;
};

/// The local queue: at most maxParallel jobs at once, shared runs before the trials that use
/// them, pause (running jobs stopped with a checkpoint, resumed on resume), cancel and retry
/// requests. Adopts jobs a previous scheduler left running; a job found dead while marked
/// running is queued again and resumes from its checkpoint.
class SweepScheduler {
 public:
  SweepScheduler(SweepFolder folder, SchedulerOptions options);
  /// Takes the folder's scheduler lock (an flock held until release(), so two queues never
  /// drive one sweep, even when started at the same instant) and registers this process in
  /// scheduler.json; fails naming the other scheduler.
  Status claim();
  /// One round: requests, finished children, pause, launches. Lines for the log go to `log`.
  void tick(const std::function<void(const std::string&)>& log);
  /// Nothing runs and nothing can start (every job finished, failed or cancelled).
  bool done() const { return done_; }
  void release();

 private:
  void applyRequests(const std::function<void(const std::string&)>& log);
  void applyRequest(const std::string& what, const std::string& id, const std::function<void(const std::string&)>& log);
  void collect(const std::function<void(const std::string&)>& log);
  void launch(const std::function<void(const std::string&)>& log);
  bool ready(const SweepJob& job, std::string& blocked) const;

  SweepFolder folder_;
  SchedulerOptions options_;
  std::set<long> children_;
  std::set<std::string> stopping_;   // jobs sent SIGTERM by pause or cancel
  std::set<std::string> cancelling_;
  std::unique_ptr<FileLock> lock_;
  size_t launched_ = 0;
  bool done_ = false;
};

/// Runs the scheduler until done() or `cancel`; on cancel running jobs keep running (they are
/// adopted by the next scheduler).
Status runSweep(const SweepFolder& folder, const SchedulerOptions& options, const std::atomic<bool>* cancel,
                const std::function<void(const std::string&)>& log);

}  // namespace tiss
