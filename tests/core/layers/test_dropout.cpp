// layers::dropout behaves as torch::nn::Dropout: the share kept, the scale, the gradient, the
// identity in eval mode; and its mask is reproducible under torch::manual_seed whatever the
// number of threads.
#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "layers/dropout.h"

using namespace tiss;

TEST(Dropout, KeepsTheExpectedShareScaled) {
  torch::manual_seed(1);
  const auto x = torch::rand({2, 16, 16, 32, 32}) + 0.5;  // no zeros of its own
  for (double p : {0.3, 0.5, 0.9}) {
    const auto y = layers::dropout(x, p, true);
    const auto kept = y != 0;
    // 1M elements: the kept share's standard deviation is under 0.0005.
    EXPECT_NEAR(kept.to(torch::kFloat).mean().item<double>(), 1 - p, 0.003) << p;
    EXPECT_TRUE(torch::allclose(y.masked_select(kept), x.masked_select(kept) / (1 - p))) << p;
    // Neighbours are independent: the share kept next to a kept element is still 1 - p.
    const auto pairs = kept.flatten().slice(0, 1).logical_and(kept.flatten().slice(0, 0, -1));
    EXPECT_NEAR(pairs.to(torch::kFloat).mean().item<double>(), (1 - p) * (1 - p), 0.003) << p;
  }
}

TEST(Dropout, GradientIsTheMask) {
  auto x = torch::rand({4, 1000}).requires_grad_();
  const auto y = layers::dropout(x, 0.4, true);
  y.sum().backward();
  EXPECT_TRUE(torch::allclose(x.grad(), (y.detach() != 0).to(torch::kFloat) / 0.6));
}

TEST(Dropout, IdentityWhenNotTrainingOrZero) {
  const auto x = torch::randn({3, 5, 7});
  EXPECT_TRUE(torch::equal(layers::dropout(x, 0.5, false), x));
  EXPECT_TRUE(torch::equal(layers::dropout(x, 0.0, true), x));
  layers::Dropout module(0.5);
  module->eval();
  EXPECT_TRUE(torch::equal(module->forward(x), x));
  module->train();
  EXPECT_FALSE(torch::equal(module->forward(x), x));
}

TEST(Dropout, ReproducibleUnderASeedWhateverTheThreads) {
  const auto x = torch::ones({3, 100001});
  const int threads = at::get_num_threads();
  torch::manual_seed(42);
  const auto a = layers::dropout(x, 0.5, true), b = layers::dropout(x, 0.5, true);
  EXPECT_FALSE(torch::equal(a, b));  // two draws differ
  at::set_num_threads(1);
  torch::manual_seed(42);
  const auto c = layers::dropout(x, 0.5, true);
  at::set_num_threads(threads);
  EXPECT_TRUE(torch::equal(a, c));
}
