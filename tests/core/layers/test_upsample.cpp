// layers::upsample is conv_transpose3d with kernel = stride: the same output and the same
// input, weight and bias gradients, on the CPU fast path (float) and the generic one (double),
// with and without autograd.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "layers/upsample.h"

using namespace tiss;

namespace {

void expectEqualToConvTranspose(torch::ScalarType type, std::vector<int64_t> factor, int64_t batch, bool transposed) {
  const auto options = torch::TensorOptions().dtype(type);
  auto x = torch::randn({batch, 5, 3, 7, 6}, options);
  if (transposed) x = torch::randn({batch, 5, 6, 7, 3}, options).transpose(2, 4);  // not contiguous
  const auto weight = torch::randn({5, 4, factor[0], factor[1], factor[2]}, options), bias = torch::randn({4}, options);
  const std::string what = "factor " + std::to_string(factor[0]) + "x" + std::to_string(factor[1]) + "x" +
                           std::to_string(factor[2]) + ", batch " + std::to_string(batch);
  {
    c10::InferenceMode inference;
    EXPECT_TRUE(torch::allclose(layers::upsample(x, weight, bias), torch::conv_transpose3d(x, weight, bias, factor), 1e-4, 1e-5))
        << what << ", inference";
  }
  auto x1 = x.clone().requires_grad_(), w1 = weight.clone().requires_grad_(), b1 = bias.clone().requires_grad_();
  auto x2 = x.clone().requires_grad_(), w2 = weight.clone().requires_grad_(), b2 = bias.clone().requires_grad_();
  const auto fast = layers::upsample(x1, w1, b1), plain = torch::conv_transpose3d(x2, w2, b2, factor);
  ASSERT_EQ(fast.sizes(), plain.sizes()) << what;
  EXPECT_TRUE(torch::allclose(fast, plain, 1e-4, 1e-5)) << what;
  const auto g = torch::randn_like(plain);
  fast.backward(g);
  plain.backward(g);
  EXPECT_TRUE(torch::allclose(x1.grad(), x2.grad(), 1e-4, 1e-4)) << what;
  EXPECT_TRUE(torch::allclose(w1.grad(), w2.grad(), 1e-4, 1e-4)) << what;
  EXPECT_TRUE(torch::allclose(b1.grad(), b2.grad(), 1e-4, 1e-4)) << what;
}

}  // namespace

TEST(Upsample, EqualsConvTranspose3dWithGradients) {
  torch::manual_seed(3);
  for (auto type : {torch::kFloat, torch::kDouble})
    for (const auto& factor : {std::vector<int64_t>{1, 2, 2}, {2, 2, 2}, {1, 1, 1}, {2, 3, 1}})
      for (int64_t batch : {1, 2})
        for (bool transposed : {false, true}) expectEqualToConvTranspose(type, factor, batch, transposed);
}

TEST(Upsample, OnlyTheGradientsAskedFor) {
  const auto x = torch::randn({2, 3, 2, 4, 4});
  auto weight = torch::randn({3, 2, 1, 2, 2}).requires_grad_();
  const auto bias = torch::zeros({2});
  layers::upsample(x, weight, bias).sum().backward();
  EXPECT_TRUE(weight.grad().defined());
  EXPECT_FALSE(x.grad().defined());
  EXPECT_FALSE(bias.grad().defined());
}
