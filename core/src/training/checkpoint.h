#pragma once
// Checkpoints: the stage model (networks and optimizers) plus the trainer's own state, so a
// resumed run continues the same schedule, optimizer moments and random streams.
#include <torch/torch.h>

#include "model/stage_model.h"

namespace tiss {

struct TrainerState {
  int64_t iteration = 0;       ///< iterations done
  double bestDice = -1;        ///< best validation Dice (%), -1 before the first validation
  int64_t bestIteration = 0;
  double lrScale = 1;          ///< plateau schedule: product of halvings
  int64_t sinceImprovement = 0;  ///< validations without improvement (plateau schedule)
};

/// Writes model and state to `path` through a temporary file that is flushed and renamed, so
/// a failure (full disk, kill) leaves the previous checkpoint intact. Saves the CPU random
/// generator's state too.
Status saveCheckpoint(const std::string& path, StageModel& model, const TrainerState& state);

/// Loads a checkpoint written by saveCheckpoint; restores the random generator when `restoreRng`.
/// Tensors are mapped onto the device of the model's parameters (a GPU run's checkpoint loads
/// on a CPU machine and the reverse), and every tensor's shape is checked against the model
/// first: a mismatch (another net.width or conv) is an error naming the first parameter.
Result<TrainerState> loadCheckpoint(const std::string& path, StageModel& model, bool restoreRng);

}  // namespace tiss
