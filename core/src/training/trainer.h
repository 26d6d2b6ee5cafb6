#pragma once
// The training loop, as a sequence of hooks around one stage model's steps (docs/engine.md).
#include <atomic>
#include <functional>
#include <memory>

#include "training/checkpoint.h"
#include "model/stage_model.h"
#include "parallel/distributed.h"
#include "tiss/config/config.h"
#include "tiss/preprocessing/patch_sampler.h"
#include "tiss/training/run_folder.h"

namespace tiss {

/// What hooks see and change around each step.
struct LoopState {
  TrainerState trainer;     ///< persisted in checkpoints
  int64_t total = 0;        ///< iterations of the whole schedule
  double lr = 0;
  LossTerms losses;         ///< of the step just done
  double secondsPerStep = 0;  ///< moving average
  std::vector<double> rankSecondsPerStep;  ///< data-parallel: each rank's moving average
  double reducedMb = 0;       ///< data-parallel: MB of gradients this rank all-reduced in the step
  double reduceMs = 0;        ///< data-parallel: ms rank 0 spent in those all-reduces (waits included)
  bool stop = false;        ///< a hook asks the loop to stop
  std::string stopState, stopMessage;  ///< status to record when stopping
};

class TrainHook {
 public:
  virtual ~TrainHook() = default;
  virtual void beforeStep(LoopState&) {}
  virtual Status afterStep(LoopState&) { return Status(); }
  virtual void atEnd(LoopState&) {}
};

/// Everything the loop needs; the hooks are built from it by runTraining().
struct TrainingContext {
  TrainConfig config;
  RunFolder run;
  StageModel* model = nullptr;
  PatchSampler* sampler = nullptr;
  std::vector<std::shared_ptr<const MappedCase>> validation;
  int sources = 0;
  torch::Device device = torch::kCPU;
  std::function<void(const std::string&)> emit;  ///< one JSON event line
  std::shared_ptr<std::string> logFailure;       ///< set by emit when the event log cannot be written
  const std::atomic<bool>* cancel = nullptr;
  /// Data-parallel: the process group (null: one process). Only the writer (rank 0) writes
  /// into the run folder: events, checkpoints, previews, validation.
  Communicator* comm = nullptr;
  bool writer = true;
};

/// "out of memory" for LibTorch's CPU and CUDA allocation failures and std::bad_alloc, else
/// the first line of the error.
std::string failureReason(const std::exception& e);

/// The validation hook (validation.cpp): every validation.every steps, the validation cases
/// through the Predictor, the best checkpoint by validation.select, preview slices.
std::unique_ptr<TrainHook> makeValidationHook(TrainingContext& context);

/// Runs from `start` to the end of the schedule (or a stop). Returns the final status.
/// Data-parallel (context.comm): rank 0's weights are broadcast first; gradients are averaged
/// over the ranks before every optimizer step; all ranks stop at the same step.
RunStatus runTraining(TrainingContext& context, const TrainerState& start);
/// runTraining without the boundary that turns a failed collective into a failed status.
RunStatus trainLoop(TrainingContext& context, const TrainerState& start);

}  // namespace tiss
