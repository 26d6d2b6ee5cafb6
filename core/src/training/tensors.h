#pragma once
// Conversions between the data layer (patches, prepared cases, volumes) and tensors.
#include <torch/torch.h>

#include "training/sliding_window.h"
#include "model/stage_model.h"
#include "tiss/preprocessing/patch_sampler.h"

namespace tiss {

/// Stacks patches into a batch: the first `sources` channels are x_s, the next (if present) x_t.
Batch batchFromPatches(const std::vector<Patch>& patches, int sources, torch::Device device);

/// A whole prepared case as a batch of one (target undefined when the case has none).
Batch batchFromCase(const MappedCase& c, int sources, torch::Device device);

/// A tensor 1 x 1 x D x H x W (or D x H x W) back into a volume of geometry `like`.
Volume toVolume(const torch::Tensor& t, const Geometry& like);

}  // namespace tiss
