#include <gtest/gtest.h>
#include <torch/torch.h>

#include "model/networks.h"

using namespace tiss;

namespace {
NetConfig small() {
  NetConfig c;
  c.channels = {4, 8, 16, 32, 64};
  c.discChannels = 8;
  return c;
}
}  // namespace

TEST(Networks, UNetKeepsTheInputShape) {
  nn::UNet25D net(3, 1, small());
  const auto y = net->forward(torch::randn({2, 3, 16, 64, 48}));
  EXPECT_EQ(y.sizes(), (std::vector<int64_t>{2, 1, 16, 64, 48}));
}

TEST(Networks, LinearUpsamplingIsAnOption) {
  NetConfig c = small();
  c.linearUpsampling = true;
  nn::UNet25D net(2, 1, c);
  EXPECT_EQ(net->forward(torch::randn({1, 2, 8, 32, 32})).sizes(), (std::vector<int64_t>{1, 1, 8, 32, 32}));
  nn::UNet25D transposed(2, 1, small());
  EXPECT_LT(nn::parameterCount(*net), nn::parameterCount(*transposed));  // 1x1x1 instead of 2x2x2 kernels
}

TEST(Networks, SliceConvolutionsEqualConv3d) {
  torch::manual_seed(4);
  nn::SliceConv conv(nn::SliceConvOptions{5, 7, {4, 4, 4}, {1, 2, 2}, {1, 1, 1}});
  const auto x = torch::randn({2, 5, 9, 20, 22});
  const auto reference = torch::conv3d(x, conv->weight, conv->bias, {1, 2, 2}, {1, 1, 1});
  EXPECT_TRUE(torch::allclose(conv->forward(x), reference, 1e-4, 1e-5));
  nn::SliceUp up(6, 4, std::vector<int64_t>{2, 2, 2});
  const auto y = torch::randn({2, 6, 3, 5, 7});
  EXPECT_TRUE(torch::allclose(up->forward(y), torch::conv_transpose3d(y, up->weight, up->bias, {2, 2, 2}), 1e-4, 1e-5));
}

// The fast paths give the plain results: every convolution path equals LibTorch's conv3d, for
// the kernels and strides the networks use, at batch 1 (where auto slices) and 2 (native).
TEST(Networks, EveryConvolutionPathEqualsConv3d) {
  torch::manual_seed(5);
  struct Shape {
    std::array<int64_t, 3> kernel, stride, padding;
  };
  for (const Shape& s : {Shape{{1, 3, 3}, {1, 1, 1}, {0, 1, 1}}, Shape{{3, 3, 3}, {1, 1, 1}, {1, 1, 1}},
                         Shape{{4, 4, 4}, {1, 2, 2}, {1, 1, 1}}})
    for (ConvPath path : {ConvPath::Auto, ConvPath::Native, ConvPath::Sliced, ConvPath::OneDnn})
      for (int64_t batch : {1, 2}) {
        nn::SliceConv conv(nn::SliceConvOptions{6, 5, s.kernel, s.stride, s.padding, path});
        const auto x = torch::randn({batch, 6, 8, 24, 20});
        const auto reference = torch::conv3d(x, conv->weight, conv->bias, s.stride, s.padding);
        EXPECT_TRUE(torch::allclose(conv->forward(x), reference, 1e-4, 1e-5))
            << "kernel depth " << s.kernel[0] << ", path " << toString(path) << ", batch " << batch;
        {  // without autograd, as validation and inference run (auto then calls oneDNN directly)
          c10::InferenceMode inference;
          EXPECT_TRUE(torch::allclose(conv->forward(x), reference, 1e-4, 1e-5))
              << "inference mode, kernel depth " << s.kernel[0] << ", path " << toString(path) << ", batch " << batch;
        }
        // ... and the same gradients.
        auto a = x.clone().requires_grad_(), b = x.clone().requires_grad_();
        conv->forward(a).pow(2).sum().backward();
        torch::conv3d(b, conv->weight.detach(), conv->bias.detach(), s.stride, s.padding).pow(2).sum().backward();
        EXPECT_TRUE(torch::allclose(a.grad(), b.grad(), 1e-3, 1e-4)) << toString(path);
      }
}

// A strided convolution over few channels whose weights train runs on space-to-depth folded
// pixels: the same output and the same input, weight and bias gradients as conv3d, also for
// odd image sizes (padded to a multiple of the stride, then cropped).
TEST(Networks, SpaceToDepthConvolutionEqualsConv3d) {
  torch::manual_seed(7);
  for (int64_t channels : {2, 4})
    for (ConvPath path : {ConvPath::Auto, ConvPath::Native, ConvPath::Sliced, ConvPath::OneDnn})
      for (int64_t batch : {1, 2}) {
        nn::SliceConv conv(nn::SliceConvOptions{int(channels), 5, {4, 4, 4}, {1, 2, 2}, {1, 1, 1}, path});
        auto reference = conv->weight.detach().clone().requires_grad_(), bias = conv->bias.detach().clone().requires_grad_();
        const auto x = torch::randn({batch, channels, 7, 21, 18});
        auto a = x.clone().requires_grad_(), b = x.clone().requires_grad_();
        const auto fast = conv->forward(a), plain = torch::conv3d(b, reference, bias, {1, 2, 2}, {1, 1, 1});
        const std::string what = std::to_string(channels) + " channels, path " + toString(path) + ", batch " + std::to_string(batch);
        ASSERT_EQ(fast.sizes(), plain.sizes()) << what;
        EXPECT_TRUE(torch::allclose(fast, plain, 1e-4, 1e-5)) << what;
        const auto g = torch::randn_like(plain);
        fast.backward(g);
        plain.backward(g);
        EXPECT_TRUE(torch::allclose(a.grad(), b.grad(), 1e-3, 1e-4)) << what;
        EXPECT_TRUE(torch::allclose(conv->weight.grad(), reference.grad(), 1e-3, 1e-3)) << what;
        EXPECT_TRUE(torch::allclose(conv->bias.grad(), bias.grad(), 1e-3, 1e-3)) << what;
      }
}

// Eval mode folds each batch norm into its convolution: the same output as conv, BN, PReLU.
TEST(Networks, FoldedBatchNormEqualsThePlainBlock) {
  torch::manual_seed(6);
  for (bool planar : {true, false}) {
    nn::ConvBlock block(3, 6, planar, 0.3);
    // Non-trivial running statistics and affine parameters, as after training.
    block->train(true);
    for (int i = 0; i < 5; ++i) block->forward(torch::randn({2, 3, 8, 16, 16}) * 3 + 1);
    torch::NoGradGuard nograd;
    for (auto& p : block->parameters()) p.add_(torch::randn_like(p) * 0.2);
    block->eval();
    const auto x = torch::randn({2, 3, 8, 16, 16});
    const auto plain = block->body->forward(x);  // the unfolded modules, in eval mode
    EXPECT_TRUE(torch::allclose(block->forward(x), plain, 1e-4, 1e-5)) << (planar ? "1x3x3" : "3x3x3");
    // Training mode is untouched: batch statistics, not the folded weights.
    block->train(true);
    EXPECT_FALSE(torch::allclose(block->forward(x), plain, 1e-2, 1e-2));
  }
}

TEST(Networks, FlopsAreCountedFromLayerShapes) {
  nn::SliceConv conv(nn::SliceConvOptions{4, 8, {3, 3, 3}, {1, 1, 1}, {1, 1, 1}});
  nn::countFlops(true);
  conv->forward(torch::randn({2, 4, 6, 10, 12}));
  // 2 FLOPs per multiply-add: outputs x inputs per output.
  EXPECT_EQ(nn::countedFlops(), 2 * (2 * 8 * 6 * 10 * 12) * (4 * 27));
  nn::countFlops(false);
  conv->forward(torch::randn({1, 4, 6, 10, 12}));
  EXPECT_EQ(nn::countedFlops(), 0);
}

TEST(Networks, EncoderLevelsAre2DThen3D) {
  nn::Encoder enc(1, small());
  const auto levels = enc->forward(torch::randn({1, 1, 16, 64, 64}));
  ASSERT_EQ(levels.size(), 5u);
  // 1x2x2 pooling below levels 0 and 1, 2x2x2 below levels 2 and 3.
  EXPECT_EQ(levels[1].sizes(), (std::vector<int64_t>{1, 8, 16, 32, 32}));
  EXPECT_EQ(levels[2].sizes(), (std::vector<int64_t>{1, 16, 16, 16, 16}));
  EXPECT_EQ(levels[3].sizes(), (std::vector<int64_t>{1, 32, 8, 8, 8}));
  EXPECT_EQ(levels[4].sizes(), (std::vector<int64_t>{1, 64, 4, 4, 4}));
}

TEST(Networks, DBNetHasTwoBranchesOverOneEncoder) {
  nn::DBNet net(3, 1, 1, small());
  auto [a, b] = net->forward(torch::randn({2, 3, 8, 32, 32}));
  EXPECT_EQ(a.sizes(), (std::vector<int64_t>{2, 1, 8, 32, 32}));
  EXPECT_EQ(b.sizes(), a.sizes());
  nn::UNet25D single(3, 1, small());
  // One encoder and two decoders: more than one U-Net, less than two.
  const auto db = nn::parameterCount(*net), u = nn::parameterCount(*single);
  EXPECT_GT(db, u);
  EXPECT_LT(db, 2 * u);
  EXPECT_EQ(db - u, nn::parameterCount(*net->second));
}

TEST(Networks, PatchGanReceptiveFieldIs16x70x70) {
  nn::PatchGAN d(2, 8);
  d->eval();  // batch norm from running statistics: no coupling between positions
  auto x = torch::randn({1, 2, 40, 160, 160}, torch::requires_grad());
  const auto out = d->forward(x);
  const int64_t cz = out.size(2) / 2, cy = out.size(3) / 2, cx = out.size(4) / 2;
  out.index({0, 0, cz, cy, cx}).backward();
  const auto touched = torch::nonzero(x.grad().abs().sum(1)[0] > 0);
  const auto extent = std::get<0>(touched.max(0)) - std::get<0>(touched.min(0)) + 1;
  EXPECT_EQ(extent[0].item<int64_t>(), 16);
  EXPECT_EQ(extent[1].item<int64_t>(), 70);
  EXPECT_EQ(extent[2].item<int64_t>(), 70);
}

TEST(Networks, PatchGanScoresEachPatch) {
  nn::PatchGAN d(4, 8);
  const auto out = d->forward(torch::randn({2, 4, 16, 128, 128}));
  EXPECT_EQ(out.size(0), 2);
  EXPECT_EQ(out.size(1), 1);
  EXPECT_EQ(out.size(2), 11);  // each 4x4x4 stride-1 (through-plane) convolution takes one slice
  EXPECT_EQ(out.size(3), 14);
}
