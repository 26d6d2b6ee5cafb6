#include "networks.h"

namespace tiss::nn {
namespace {

using torch::nn::Conv3dOptions;
using torch::nn::ConvTranspose3dOptions;

// Levels 0 and 1 are 2D; the pooling (and later upsampling) factor between level i and i+1
// is 1x2x2 below a 2D level and 2x2x2 below a 3D one.
bool planar(size_t level) { return level < 2; }
std::vector<int64_t> scale(size_t level) { return planar(level) ? std::vector<int64_t>{1, 2, 2} : std::vector<int64_t>{2, 2, 2}; }

}  // namespace

ConvBlockImpl::ConvBlockImpl(int in, int out, bool flat, double dropout) {
  const std::vector<int64_t> k = flat ? std::vector<int64_t>{1, 3, 3} : std::vector<int64_t>{3, 3, 3};
  const std::vector<int64_t> pad = flat ? std::vector<int64_t>{0, 1, 1} : std::vector<int64_t>{1, 1, 1};
  body = torch::nn::Sequential(torch::nn::Conv3d(Conv3dOptions(in, out, k).padding(pad)), torch::nn::BatchNorm3d(out),
                               torch::nn::PReLU(), torch::nn::Dropout(dropout),
                               torch::nn::Conv3d(Conv3dOptions(out, out, k).padding(pad)), torch::nn::BatchNorm3d(out),
                               torch::nn::PReLU());
  register_module("body", body);
}

torch::Tensor ConvBlockImpl::forward(torch::Tensor x) { return body->forward(x); }

EncoderImpl::EncoderImpl(int in, const NetConfig& c) {
  for (size_t i = 0; i < 5; ++i) {
    levels.push_back(ConvBlock(i == 0 ? in : c.channels[i - 1], c.channels[i], planar(i), c.dropout[i]));
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
    ups.push_back(torch::nn::ConvTranspose3d(ConvTranspose3dOptions(c.channels[i + 1], c.channels[i], scale(i)).stride(scale(i))));
    register_module("up" + std::to_string(i), ups.back());
    // Decoder blocks carry no dropout, as in PyMIC's 2.5D U-Net (the authors' library).
    blocks.push_back(ConvBlock(2 * c.channels[i], c.channels[i], planar(i), 0.0));
    register_module("block" + std::to_string(i), blocks.back());
  }
  head = torch::nn::Conv3d(Conv3dOptions(c.channels[0], out, {1, 3, 3}).padding({0, 1, 1}));
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

PatchGANImpl::PatchGANImpl(int in, int w) {
  auto conv = [](int a, int b, int64_t s) {
    return torch::nn::Conv3d(Conv3dOptions(a, b, 4).stride({1, s, s}).padding(1));
  };
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
