#pragma once
// Sliding-window inference over a whole case. Tensors are N x C x D x H x W.
#include <torch/torch.h>

#include <functional>

#include "model/stage_model.h"
#include "tiss/io/volume.h"

namespace tiss {

/// Sliding-window inference: windows of `patch` (x, y, z) with `overlap` in [0, 0.9],
/// Gaussian weighting (sigma = 1/8 of the window, as nnU-Net), volumes smaller than a window
/// padded with -1. `batch` windows go through the model at once (MONAI's sw_batch_size; the
/// result equals batch 1's within float rounding). Returns every output at full size, on the CPU.
/// `onWindows(done, total)` is called after each pass (windows done of the case's total).
Outputs slidingWindow(StageModel& model, const Batch& whole, const Size3& patch, double overlap, int batch = 1,
                      const std::function<void(int, int)>& onWindows = {});

}  // namespace tiss
