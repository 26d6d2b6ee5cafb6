#pragma once
// The predictor of whole cases: a trained stage model configured once with its window rule
// and overlap (nnU-Net's nnUNetPredictor). Inference, validation and the benchmarks call it;
// nothing else chooses a sliding window.
#include <functional>

#include "model/stage_model.h"
#include "tiss/config/config.h"

namespace tiss {

class Predictor {
 public:
  /// `model` must outlive the predictor. `overlap` in [0, 0.9]; < 0: config.overlap.
  Predictor(StageModel& model, const TrainConfig& config, double overlap = -1);

  /// The window (x, y, z voxels) for a case of `caseSize` voxels (x, y, z), by
  /// inference.window. Slab: the patch's depth by the case's whole in-plane extent, each axis
  /// rounded up to a multiple of 16 and kept in [the patch's, kMaxSlabSide]; patch: the
  /// training patch; fixed: the configured window.
  static Size3 windowFor(const TrainConfig& config, const Size3& caseSize);
  /// Windows of `window` (x, y, z) per forward pass: inference.batch counts training patches,
  /// so a pass holds at most that many patches' voxels, and always one window (a slab of a
  /// BraTS case is 14 patches: one a pass is faster and 2.3x smaller than four).
  static int windowsPerPass(const TrainConfig& config, const Size3& window);

  Size3 window(const Size3& caseSize) const { return windowFor(config_, caseSize); }
  double overlap() const { return overlap_; }

  /// Every output of the model for a whole case (N = 1, C x D x H x W tensors, on any device),
  /// full size, on the CPU. `onWindows(done, total)` after each forward pass.
  Outputs predict(const Batch& whole, const std::function<void(int, int)>& onWindows = {}) const;

 private:
  StageModel& model_;
  TrainConfig config_;
  double overlap_;
};

}  // namespace tiss
