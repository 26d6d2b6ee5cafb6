#include "model/networks.h"

#include "layers/dropout.h"
#include "layers/prelu.h"
#include "layers/upsample.h"

#include <cmath>

namespace tiss::nn {
namespace {


// Levels 0 and 1 are 2D; the pooling (and later upsampling) factor between level i and i+1
// is 1x2x2 below a 2D level and 2x2x2 below a 3D one.
bool planar(size_t level) { return level < 2; }
std::vector<int64_t> scale(size_t level) { return planar(level) ? std::vector<int64_t>{1, 2, 2} : std::vector<int64_t>{2, 2, 2}; }

thread_local bool counting = false;
thread_local int64_t flops = 0;

void count(int64_t outputElements, int64_t multiplyAddsPerOutput) {
  if (counting) flops += 2 * outputElements * multiplyAddsPerOutput;
}

// ConvPath::Auto: LibTorch 1.13 hands a CPU conv3d to oneDNN when the batch has 2 or more
// samples (or enough channels); below that its fallback is far slower than the sliced oneDNN
// conv2d. cuDNN takes every shape. When training, the sliced path keeps a transposed copy of
// its input for the backward pass (+11 % peak memory at the mid preset for 2 % of speed), so
// it is taken only at batch 1 or without autograd for 1xkxk kernels. docs/engine.md has the
// measurements behind this rule.
// Without autograd (validation, inference) on CPU, auto calls oneDNN directly: no fallback at
// batch 1 and no transposed copies, the fastest of the three for every shape the networks use
// at test time (docs/engine.md, "Speed on CPU").
ConvPath choose(ConvPath path, const torch::Tensor& x, int64_t kernelDepth) {
  const bool oneDnn = !x.is_cuda() && at::hasMKLDNN() && x.scalar_type() == torch::kFloat;
  if (path == ConvPath::OneDnn) return oneDnn ? path : ConvPath::Native;
  if (path != ConvPath::Auto) return path;
  if (x.is_cuda()) return ConvPath::Native;
  if (oneDnn && !torch::GradMode::is_enabled()) return ConvPath::OneDnn;
  if (x.size(0) < 2) return ConvPath::Sliced;
  return kernelDepth > 1 || torch::GradMode::is_enabled() ? ConvPath::Native : ConvPath::Sliced;
}

}  // namespace

void countFlops(bool on) {
  counting = on;
  flops = 0;
}
int64_t countedFlops() { return flops; }

SliceConvImpl::SliceConvImpl(const SliceConvOptions& o) : kernel(o.kernel), stride(o.stride), padding(o.padding), path(o.path) {
  const auto& k = o.kernel;
  const int in = o.in;
  weight = register_parameter("weight", torch::empty({o.out, o.in, k[0], k[1], k[2]}));
  bias = register_parameter("bias", torch::empty({o.out}));
  // Conv3d's default initialisation.
  torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
  const double bound = 1.0 / std::sqrt(double(in * k[0] * k[1] * k[2]));
  torch::nn::init::uniform_(bias, -bound, bound);
}

torch::Tensor SliceConvImpl::forward(const torch::Tensor& x) { return forwardWith(x, weight, bias); }

torch::Tensor SliceConvImpl::forwardWith(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
  auto y = spaceToDepthPays(x, weight) ? spaceToDepth(x, weight, bias) : convolve(x, weight, bias, stride, padding);
  count(y.numel(), x.size(1) * kernel[0] * kernel[1] * kernel[2]);
  return y;
}

torch::Tensor SliceConvImpl::convolve(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b, Triple s,
                                      Triple p) {
  switch (choose(path, x, w.size(2))) {
    case ConvPath::Sliced: return sliced(x, w, b, s, p);
    case ConvPath::OneDnn: return at::mkldnn_convolution(x, w, b, {p[0], p[1], p[2]}, {s[0], s[1], s[2]}, {1, 1, 1}, 1);
    default: return torch::conv3d(x, w, b, {s[0], s[1], s[2]}, {p[0], p[1], p[2]});
  }
}

// oneDNN computes a weight gradient over few input channels slowly (the discriminators' first
// layer, 4 channels, stride 2 in plane: 16 ms a pass, 4 passes a step at cpu-small). Folding
// each 2x2 block of pixels into channels makes it a stride-1 convolution over 4x the channels
// and a quarter of the pixels: the same sums, 4x faster (docs/engine.md). Only when training
// the weights: the forward pass alone is a little slower this way.
bool SliceConvImpl::spaceToDepthPays(const torch::Tensor& x, const torch::Tensor& w) const {
  const int64_t s = stride[1];
  return !x.is_cuda() && torch::GradMode::is_enabled() && w.requires_grad() && s > 1 && stride[2] == s &&
         kernel[1] % s == 0 && kernel[2] % s == 0 && x.size(1) * s * s <= 16;
}

torch::Tensor SliceConvImpl::spaceToDepth(const torch::Tensor& x, const torch::Tensor& w, const torch::Tensor& b) {
  const int64_t s = stride[1], n = x.size(0), c = x.size(1), o = w.size(0);
  // Pad in plane (depth is left to the convolution), up to a multiple of s.
  const int64_t h = x.size(3) + 2 * padding[1], wd = x.size(4) + 2 * padding[2];
  const int64_t extraH = (s - h % s) % s, extraW = (s - wd % s) % s;
  auto xs = torch::constant_pad_nd(x, {padding[2], padding[2] + extraW, padding[1], padding[1] + extraH});
  // x[c, d, s i + r, s j + r'] -> xs[(c, r, r'), d, i, j]; w alike, kernel index k = s a + r.
  xs = xs.view({n, c, x.size(2), (h + extraH) / s, s, (wd + extraW) / s, s}).permute({0, 1, 4, 6, 2, 3, 5});
  xs = xs.reshape({n, c * s * s, x.size(2), (h + extraH) / s, (wd + extraW) / s});
  auto ws = w.view({o, c, kernel[0], kernel[1] / s, s, kernel[2] / s, s}).permute({0, 1, 4, 6, 2, 3, 5});
  ws = ws.reshape({o, c * s * s, kernel[0], kernel[1] / s, kernel[2] / s});
  auto y = convolve(xs, ws, b, {stride[0], 1, 1}, {padding[0], 0, 0});
  const int64_t outH = (h - kernel[1]) / s + 1, outW = (wd - kernel[2]) / s + 1;
  if (y.size(3) == outH && y.size(4) == outW) return y;
  return y.narrow(3, 0, outH).narrow(4, 0, outW).contiguous();
}

torch::Tensor SliceConvImpl::sliced(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias, Triple s,
                                    Triple p) {
  // N C D H W -> N D C H W, depth padded, so each kernel slice sees a batch of 2D images.
  auto slices = x.transpose(1, 2);
  if (p[0] > 0) slices = torch::constant_pad_nd(slices, {0, 0, 0, 0, 0, 0, p[0], p[0]});
  slices = slices.contiguous();
  const int64_t n = x.size(0), c = x.size(1), depth = slices.size(1), kd = weight.size(2);
  const int64_t outDepth = (depth - kd) / s[0] + 1;
  torch::Tensor sum;
  for (int64_t k = 0; k < kd; ++k) {
    auto part = slices.narrow(1, k, (outDepth - 1) * s[0] + 1);
    if (s[0] > 1) part = part.slice(1, 0, part.size(1), s[0]);
    part = part.reshape({n * outDepth, c, slices.size(3), slices.size(4)});
    auto y = torch::conv2d(part, weight.select(2, k), k == 0 ? bias : torch::Tensor(), {s[1], s[2]}, {p[1], p[2]});
    sum = k == 0 ? y : sum + y;
  }
  return sum.view({n, outDepth, sum.size(1), sum.size(2), sum.size(3)}).transpose(1, 2).contiguous();
}

SliceUpImpl::SliceUpImpl(int in, int out, std::vector<int64_t> f, bool lin) : factor(std::move(f)), linear(lin) {
  const std::vector<int64_t> k = linear ? std::vector<int64_t>{1, 1, 1} : factor;
  weight = register_parameter("weight", torch::empty({in, out, k[0], k[1], k[2]}));
  bias = register_parameter("bias", torch::empty({out}));
  torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));  // ConvTranspose3d's default
  const double bound = 1.0 / std::sqrt(double(out * k[0] * k[1] * k[2]));
  torch::nn::init::uniform_(bias, -bound, bound);
}

torch::Tensor SliceUpImpl::forward(const torch::Tensor& input) {
  torch::Tensor x = input;
  if (linear) {
    namespace F = torch::nn::functional;
    x = F::interpolate(x, F::InterpolateFuncOptions()
                              .scale_factor(std::vector<double>{double(factor[0]), double(factor[1]), double(factor[2])})
                              .mode(torch::kTrilinear)
                              .align_corners(false));
  }
  auto y = layers::upsample(x, weight, bias);
  count(x.numel() / x.size(1) * weight.size(1) * weight.size(2) * weight.size(3) * weight.size(4), x.size(1));
  return y;
}

ConvBlockImpl::ConvBlockImpl(int in, int out, bool flat, double dropout, ConvPath path) {
  const std::array<int64_t, 3> k = flat ? std::array<int64_t, 3>{1, 3, 3} : std::array<int64_t, 3>{3, 3, 3};
  const std::array<int64_t, 3> pad = flat ? std::array<int64_t, 3>{0, 1, 1} : std::array<int64_t, 3>{1, 1, 1};
  body = torch::nn::Sequential(SliceConv(SliceConvOptions{in, out, k, {1, 1, 1}, pad, path}), torch::nn::BatchNorm3d(out),
                               layers::PReLU(), layers::Dropout(dropout),
                               SliceConv(SliceConvOptions{out, out, k, {1, 1, 1}, pad, path}),
                               torch::nn::BatchNorm3d(out), layers::PReLU());
  register_module("body", body);
}

torch::Tensor ConvBlockImpl::forward(torch::Tensor x) {
  if (is_training()) return body->forward(x);
  // Eval: y = gamma (conv(x) - mean) / sqrt(var + eps) + beta is a convolution with scaled
  // weights and a shifted bias (one pass over the activations fewer); dropout is the identity.
  for (size_t i : {size_t(0), size_t(4)}) {
    auto* conv = body->ptr(i)->as<SliceConvImpl>();
    auto* bn = body->ptr(i + 1)->as<torch::nn::BatchNorm3dImpl>();
    const auto scale = bn->weight / torch::sqrt(bn->running_var + bn->options.eps());
    x = conv->forwardWith(x, conv->weight * scale.view({-1, 1, 1, 1, 1}), (conv->bias - bn->running_mean) * scale + bn->bias);
    x = body->ptr(i + 2)->as<layers::PReLUImpl>()->forward(x);
  }
  return x;
}

EncoderImpl::EncoderImpl(int in, const NetConfig& c) {
  for (size_t i = 0; i < 5; ++i) {
    levels.push_back(ConvBlock(i == 0 ? in : c.channels[i - 1], c.channels[i], planar(i), c.dropout[i], c.conv));
    register_module("level" + std::to_string(i), levels.back());
  }
}

std::vector<torch::Tensor> EncoderImpl::forward(torch::Tensor x) {
  std::vector<torch::Tensor> out;
  for (size_t i = 0; i < levels.size(); ++i) {
    if (i > 0) x = torch::max_pool3d(out.back(), scale(i - 1), scale(i - 1));
    out.push_back(levels[i]->forward(x));
  }
  return out;
}

DecoderImpl::DecoderImpl(int out, const NetConfig& c) {
  for (size_t i = 4; i-- > 0;) {
    ups.push_back(SliceUp(c.channels[i + 1], c.channels[i], scale(i), c.linearUpsampling));
    register_module("up" + std::to_string(i), ups.back());
    // PyMIC's UNet2D5 (the authors' library) gives each decoder block its level's dropout.
    blocks.push_back(ConvBlock(2 * c.channels[i], c.channels[i], planar(i), c.decoderDropout ? c.dropout[i] : 0.0, c.conv));
    register_module("block" + std::to_string(i), blocks.back());
  }
  head = SliceConv(SliceConvOptions{c.channels[0], out, {1, 3, 3}, {1, 1, 1}, {0, 1, 1}, c.conv});
  register_module("head", head);
}

torch::Tensor DecoderImpl::forward(const std::vector<torch::Tensor>& skips) {
  torch::Tensor x = skips.back();
  for (size_t j = 0; j < ups.size(); ++j) {
    const size_t level = 3 - j;
    x = blocks[j]->forward(torch::cat({skips[level], ups[j]->forward(x)}, 1));
  }
  return head->forward(x);
}

UNet25DImpl::UNet25DImpl(int in, int out, const NetConfig& c)
    : encoder(register_module("encoder", Encoder(in, c))), decoder(register_module("decoder", Decoder(out, c))) {}

torch::Tensor UNet25DImpl::forward(torch::Tensor x) { return decoder->forward(encoder->forward(x)); }

DBNetImpl::DBNetImpl(int in, int out1, int out2, const NetConfig& c)
    : encoder(register_module("encoder", Encoder(in, c))),
      first(register_module("first", Decoder(out1, c))),
      second(register_module("second", Decoder(out2, c))) {}

std::pair<torch::Tensor, torch::Tensor> DBNetImpl::forward(torch::Tensor x) {
  const auto skips = encoder->forward(x);
  return {first->forward(skips), second->forward(skips)};
}

PatchGANImpl::PatchGANImpl(int in, int w, ConvPath path) {
  auto conv = [path](int a, int b, int64_t s) { return SliceConv(SliceConvOptions{a, b, {4, 4, 4}, {1, s, s}, {1, 1, 1}, path}); };
  auto act = [] { return torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)); };
  body = torch::nn::Sequential(conv(in, w, 2), act(),                                           //
                               conv(w, 2 * w, 2), torch::nn::BatchNorm3d(2 * w), act(),       //
                               conv(2 * w, 4 * w, 2), torch::nn::BatchNorm3d(4 * w), act(),   //
                               conv(4 * w, 8 * w, 1), torch::nn::BatchNorm3d(8 * w), act(),   //
                               conv(8 * w, 1, 1));
  register_module("body", body);
}

torch::Tensor PatchGANImpl::forward(torch::Tensor x) { return body->forward(x); }

int64_t parameterCount(torch::nn::Module& m) {
  int64_t n = 0;
  for (const auto& p : m.parameters())
    if (p.requires_grad()) n += p.numel();
  return n;
}

}  // namespace tiss::nn
