#pragma once
// The networks of TISS-Net (docs/engine.md): the 2.5D U-Net backbone, the dual-branch DB-Net
// and the 3D PatchGAN discriminator. Tensors are N x C x D x H x W (D = slices, z).
#include <torch/torch.h>

#include <array>

#include "tiss/config/config.h"

namespace tiss::nn {

/// A 3D convolution (Conv3d's parameters and result) computed one of three ways (`ConvPath`):
/// natively (LibTorch's conv3d, oneDNN on CPU when it takes the shape, cuDNN on CUDA), as a
/// sum over the kernel's depth of 2D convolutions of shifted slices, or by oneDNN directly
/// (at::mkldnn_convolution). On CPU, LibTorch 1.13 sends conv3d to oneDNN only for some shapes
/// (not at batch 1 with few channels, where its fallback is 5-50x slower); the sliced form
/// always runs oneDNN conv2d, the direct call oneDNN conv3d. A strided convolution over few
/// channels whose weights train runs on the pixels folded into channels (space to depth),
/// where oneDNN's weight gradient is 4x faster. docs/engine.md has the figures.
struct SliceConvOptions {
  int in, out;
  std::array<int64_t, 3> kernel;  ///< (depth, height, width), as stride and padding
  std::array<int64_t, 3> stride{1, 1, 1};
  std::array<int64_t, 3> padding{0, 0, 0};
  ConvPath path = ConvPath::Auto;
};
struct SliceConvImpl : torch::nn::Module {
  explicit SliceConvImpl(const SliceConvOptions& o);
  torch::Tensor forward(const torch::Tensor& x);
  /// The same convolution with other weights and bias (batch norm folded into them).
  torch::Tensor forwardWith(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b);
  torch::Tensor weight, bias;
  std::array<int64_t, 3> kernel, stride, padding;
  ConvPath path;

 private:
  using Triple = std::array<int64_t, 3>;
  torch::Tensor convolve(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b, Triple stride, Triple padding);
  torch::Tensor sliced(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b, Triple stride, Triple padding);
  bool spaceToDepthPays(const torch::Tensor& x, const torch::Tensor& w) const;
  torch::Tensor spaceToDepth(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b);
};
TORCH_MODULE(SliceConv);

/// A transposed convolution with kernel = stride (no overlap), computed by layers::upsample
/// (a matrix product per sample and a reshuffle): the same result as ConvTranspose3d, several
/// times faster on LibTorch's CPU path.
/// With `linear`, trilinear interpolation followed by a 1x1x1 convolution instead.
struct SliceUpImpl : torch::nn::Module {
  SliceUpImpl(int in, int out, std::vector<int64_t> factor, bool linear = false);
  torch::Tensor forward(const torch::Tensor& x);
  torch::Tensor weight, bias;  ///< weight as ConvTranspose3d: in x out x kd x kh x kw (1x1x1 when linear)
  std::vector<int64_t> factor;
  bool linear;
};
TORCH_MODULE(SliceUp);

/// conv - BN - PReLU - dropout - conv - BN - PReLU; kernel 1x3x3 (2D levels) or 3x3x3.
/// In eval mode each batch norm is folded into its convolution's weights and bias (the same
/// function, one pass over the activations fewer).
struct ConvBlockImpl : torch::nn::Module {
  ConvBlockImpl(int in, int out, bool planar, double dropout, ConvPath path = ConvPath::Auto);
  torch::Tensor forward(torch::Tensor x);
  torch::nn::Sequential body{nullptr};
};
TORCH_MODULE(ConvBlock);

/// Five levels: levels 0 and 1 are 2D (1x3x3 convolutions, 1x2x2 pooling below them), levels
/// 2 to 4 are 3D (3x3x3, 2x2x2 pooling between them). forward() returns every level's output.
struct EncoderImpl : torch::nn::Module {
  EncoderImpl(int in, const NetConfig& c);
  std::vector<torch::Tensor> forward(torch::Tensor x);
  std::vector<ConvBlock> levels;
};
TORCH_MODULE(Encoder);

/// Transposed-convolution upsampling (kernel = stride), skip concatenation and a conv block
/// per level, then a 1x3x3 output convolution to `out` channels (no activation).
struct DecoderImpl : torch::nn::Module {
  DecoderImpl(int out, const NetConfig& c);
  torch::Tensor forward(const std::vector<torch::Tensor>& skips);
  std::vector<SliceUp> ups;
  std::vector<ConvBlock> blocks;
  SliceConv head{nullptr};
};
TORCH_MODULE(Decoder);

/// The 2.5D U-Net: one encoder, one decoder; returns logits.
struct UNet25DImpl : torch::nn::Module {
  UNet25DImpl(int in, int out, const NetConfig& c);
  torch::Tensor forward(torch::Tensor x);
  Encoder encoder{nullptr};
  Decoder decoder{nullptr};
};
TORCH_MODULE(UNet25D);

/// DB-Net: a shared encoder and two decoders of identical structure with their own skips;
/// returns the two branches' logits.
struct DBNetImpl : torch::nn::Module {
  DBNetImpl(int in, int out1, int out2, const NetConfig& c);
  std::pair<torch::Tensor, torch::Tensor> forward(torch::Tensor x);
  Encoder encoder{nullptr};
  Decoder first{nullptr}, second{nullptr};
};
TORCH_MODULE(DBNet);

/// 3D PatchGAN with a 16x70x70 (D x H x W) receptive field: five 4x4x4 convolutions, in-plane
/// strides 2, 2, 2, 1, 1 and through-plane stride 1; LeakyReLU(0.2), batch norm on the middle
/// three. Output: one LSGAN score per patch.
struct PatchGANImpl : torch::nn::Module {
  PatchGANImpl(int in, int width, ConvPath path = ConvPath::Auto);
  torch::Tensor forward(torch::Tensor x);
  torch::nn::Sequential body{nullptr};
};
TORCH_MODULE(PatchGAN);

/// Number of trainable parameters of a module.
int64_t parameterCount(torch::nn::Module& m);

/// FLOPs (2 per multiply-add) of every convolution and transposed convolution run on this
/// thread while counting is on, forward passes only (benchmarks: the count follows the layer
/// shapes, not the algorithm that ran). countFlops(true) resets the count.
void countFlops(bool on);
int64_t countedFlops();

}  // namespace tiss::nn
