#pragma once
// PReLU with one slope, as torch::nn::PReLU(), whose CPU backward is a single pass.
#include <torch/torch.h>

namespace tiss::layers {

/// y = x for x > 0, a x otherwise (one learned slope `weight`, initially 0.25, as
/// torch::nn::PReLU). Same parameter name and result as torch::nn::PReLU, so checkpoints
/// are interchangeable. On CPU float tensors the backward pass computes the input gradient
/// and the slope's gradient in one parallel pass over the activations (LibTorch 1.13's
/// prelu_backward takes about ten times longer at the engine's sizes: docs/engine.md).
struct PReLUImpl : torch::nn::Module {
  PReLUImpl();
  torch::Tensor forward(const torch::Tensor& x);
  torch::Tensor weight;
};
TORCH_MODULE(PReLU);

/// The function behind PReLU, for tests and other callers: `slope` has one element.
torch::Tensor prelu(const torch::Tensor& x, const torch::Tensor& slope);

}  // namespace tiss::layers
