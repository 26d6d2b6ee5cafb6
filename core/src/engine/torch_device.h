#pragma once
// The one device setup of training, inference, validation and the benchmarks (LibTorch side
// of tiss/engine/device.h).
#include <torch/torch.h>

#include <string>

#include "tiss/util/result.h"

namespace tiss {

/// Resolves `request` (auto, cpu, cuda, cuda:N; resolveDevice), configures the CPU side with
/// `threads` (configureCpu; < 0 leaves the thread count as it is) and lets cuDNN autotune its
/// convolutions, the patch shapes being fixed. Fails naming the request.
Result<torch::Device> setUpDevice(const std::string& request, int threads);

}  // namespace tiss
