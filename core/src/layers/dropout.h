#pragma once
// Dropout, as torch::nn::Dropout, with a parallel counter-based random mask on CPU.
#include <torch/torch.h>

namespace tiss::layers {

/// In training, zeroes each element with probability p and scales the others by 1 / (1 - p)
/// (torch::nn::Dropout); the identity otherwise. On CPU float tensors the mask comes from
/// Philox 4x32-10 keyed by one draw of LibTorch's default generator, in fixed chunks of
/// elements, in parallel: reproducible under torch::manual_seed whatever the thread count,
/// and about 2.4x faster than LibTorch 1.13's serial bernoulli_ here (docs/engine.md).
torch::Tensor dropout(const torch::Tensor& x, double p, bool training);

struct DropoutImpl : torch::nn::Module {
  explicit DropoutImpl(double p = 0.5) : p(p) {}
  torch::Tensor forward(const torch::Tensor& x) { return layers::dropout(x, p, is_training()); }
  double p;
};
TORCH_MODULE(Dropout);

}  // namespace tiss::layers
