// layers::PReLU is torch::nn::PReLU with a one-pass CPU backward: the same output and the same
// input and slope gradients, for any sign pattern, zeros and sizes that are not a multiple of
// the vector width; the same parameter, so checkpoints load either way.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "layers/prelu.h"

using namespace tiss;

namespace {

struct Grads {
  torch::Tensor y, input, slope;
};

Grads run(const torch::Tensor& x, const torch::Tensor& g, float a, bool fast) {
  auto in = x.clone().requires_grad_(), slope = torch::full({1}, a).requires_grad_();
  auto y = fast ? layers::prelu(in, slope) : torch::prelu(in, slope);
  y.backward(g);
  return {y.detach(), in.grad(), slope.grad()};
}

}  // namespace

TEST(PReLU, EqualsTorchPreluWithGradients) {
  torch::manual_seed(1);
  for (int64_t n : {1, 3, 4, 17, 1000, 100003}) {
    auto x = torch::randn({n});
    x.index_put_({torch::rand({n}) < 0.1}, 0.0);  // zeros take the slope, as in LibTorch
    const auto g = torch::randn({n});
    for (float a : {0.25f, -0.5f, 0.0f}) {
      const Grads fast = run(x, g, a, true), plain = run(x, g, a, false);
      EXPECT_TRUE(torch::equal(fast.y, plain.y)) << n;
      EXPECT_TRUE(torch::equal(fast.input, plain.input)) << n << " elements, slope " << a;
      EXPECT_NEAR(fast.slope.item<double>(), plain.slope.item<double>(), 1e-4 * (1 + std::abs(plain.slope.item<double>())))
          << n << " elements, slope " << a;
    }
  }
}

TEST(PReLU, NonContiguousActivationsAndGradients) {
  torch::manual_seed(2);
  const auto x = torch::randn({2, 8, 6, 10, 12}).transpose(1, 3), g = torch::randn({2, 8, 6, 10, 12}).transpose(2, 4);
  const Grads fast = run(x, g.reshape(x.sizes()), 0.3f, true), plain = run(x, g.reshape(x.sizes()), 0.3f, false);
  EXPECT_TRUE(torch::allclose(fast.input, plain.input));
  EXPECT_NEAR(fast.slope.item<double>(), plain.slope.item<double>(), 1e-3);
}

TEST(PReLU, ModuleMatchesTorchModule) {
  layers::PReLU fast;
  torch::nn::PReLU plain;
  ASSERT_EQ(fast->named_parameters().keys(), plain->named_parameters().keys());  // checkpoints interchange
  EXPECT_TRUE(torch::equal(fast->weight, plain->weight));                          // 0.25
  const auto x = torch::randn({3, 4, 5});
  EXPECT_TRUE(torch::equal(fast->forward(x), plain->forward(x)));
  torch::NoGradGuard nograd;  // inference takes LibTorch's own op
  EXPECT_TRUE(torch::equal(fast->forward(x), plain->forward(x)));
}
