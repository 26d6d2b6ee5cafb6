#pragma once
// Conversions between the data layer (patches, prepared cases, volumes) and tensors, and the
// sliding-window inference over a whole prepared case.
#include <torch/torch.h>

#include "stage_model.h"
#include "tiss/patch_sampler.h"

namespace tiss {

/// Stacks patches into a batch: the first `sources` channels are x_s, the next (if present) x_t.
Batch batchFromPatches(const std::vector<Patch>& patches, int sources, torch::Device device);

/// A whole prepared case as a batch of one (target undefined when the case has none).
Batch batchFromCase(const MappedCase& c, int sources, torch::Device device);

/// A tensor 1 x 1 x D x H x W (or D x H x W) back into a volume of geometry `like`.
Volume toVolume(const torch::Tensor& t, const Geometry& like);

/// Sliding-window inference: windows of `patch` (x, y, z) with `overlap` in [0, 0.9],
/// Gaussian weighting (sigma = 1/8 of the window, as nnU-Net), volumes smaller than a window
/// padded with -1. Returns every output of the model at full size, on the CPU.
Outputs slidingWindow(StageModel& model, const Batch& whole, const Size3& patch, double overlap);

}  // namespace tiss
