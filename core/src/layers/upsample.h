#pragma once
// The decoder's upsampling: a transposed convolution whose kernel equals its stride.
#include <torch/torch.h>

namespace tiss::layers {

/// conv_transpose3d(x, weight, bias, stride = kernel): x is N x Cin x D x H x W, weight
/// Cin x Cout x kd x kh x kw, bias Cout; the result N x Cout x D kd x H kh x W kw. The kernels
/// do not overlap, so this is one matrix product per sample (Cout k x Cin by Cin x DHW) and a
/// reshuffle of its rows into the output. On CPU float tensors the reshuffle and its inverse
/// in the backward pass are one streaming pass each (LibTorch's permuted copies of the same
/// thing run 2-5x slower; its conv_transpose3d slower still); elsewhere LibTorch ops.
torch::Tensor upsample(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias);

}  // namespace tiss::layers
