#include <gtest/gtest.h>
#include <torch/torch.h>

#include "model/losses.h"

using namespace tiss;
using torch::indexing::Slice;

namespace {
torch::Tensor volume(std::initializer_list<float> values, std::vector<int64_t> shape) {
  return torch::tensor(std::vector<float>(values)).reshape(shape);
}
}  // namespace

TEST(Losses, IdenticalMasksGiveDiceLossZero) {
  auto y = torch::zeros({2, 1, 2, 4, 4});
  y.index_put_({0, 0, 1, Slice(1, 3), Slice(1, 3)}, 1.0);
  EXPECT_NEAR(losses::dice(y, y).item<double>(), 0.0, 1e-7);
  EXPECT_NEAR(losses::dice(torch::zeros_like(y), torch::zeros_like(y)).item<double>(), 0.0, 1e-7);
}

TEST(Losses, DiceOfHandMadeProbabilities) {
  // p = (0.5, 1, 0, 0), y = (1, 1, 0, 1): 1 - 2 * 1.5 / (1.5 + 3) = 1 / 3.
  const auto p = volume({0.5f, 1.f, 0.f, 0.f}, {1, 1, 1, 2, 2});
  const auto y = volume({1.f, 1.f, 0.f, 1.f}, {1, 1, 1, 2, 2});
  EXPECT_NEAR(losses::dice(p, y, 0.0).item<double>(), 1.0 / 3.0, 1e-6);
  EXPECT_NEAR(losses::dice(torch::zeros_like(y), y, 0.0).item<double>(), 1.0, 1e-7);
}

TEST(Losses, LsganValues) {
  const auto real = volume({1.f, 0.5f}, {1, 1, 1, 1, 2}), fake = volume({0.f, 2.f}, {1, 1, 1, 1, 2});
  // G: mean((0 - 1)^2, (2 - 1)^2) = 1. D: mean(0, 4) + mean(0, 0.25) = 2 + 0.125.
  EXPECT_NEAR(losses::lsganGenerator(fake).item<double>(), 1.0, 1e-7);
  EXPECT_NEAR(losses::lsganDiscriminator(real, fake).item<double>(), 2.125, 1e-7);
  EXPECT_NEAR(losses::lsganDiscriminator(torch::ones({4}), torch::zeros({4})).item<double>(), 0.0, 1e-7);
}

TEST(Losses, TumorBoxMaskPerSample) {
  auto y = torch::zeros({2, 1, 4, 8, 8});
  y.index_put_({0, 0, 1, 2, 3}, 1.0);
  y.index_put_({0, 0, 2, 5, 6}, 1.0);
  const auto m = losses::tumorBoxMask(y);
  EXPECT_EQ(m[0].sum().item<double>(), 2 * 4 * 4);  // z 1..2, y 2..5, x 3..6
  EXPECT_EQ(m.index({0, 0, 1, 2, 6}).item<float>(), 1.f);
  EXPECT_EQ(m.index({0, 0, 0, 2, 3}).item<float>(), 0.f);
  EXPECT_EQ(m[1].sum().item<double>(), 0.0);  // no tumor, no box
}

TEST(Losses, RefinedFormulaAndErrorTarget) {
  const auto yc = volume({0.f, 1.f, 0.8f, 0.2f}, {1, 1, 1, 2, 2});
  const auto ye = volume({1.f, 1.f, 0.5f, 0.f}, {1, 1, 1, 2, 2});
  // (1 - yc) ye + yc (1 - ye): 1, 0, 0.1 + 0.4 = 0.5, 0.2.
  const auto yr = losses::refined(yc, ye);
  EXPECT_NEAR(yr.flatten()[0].item<double>(), 1.0, 1e-7);
  EXPECT_NEAR(yr.flatten()[1].item<double>(), 0.0, 1e-7);
  EXPECT_NEAR(yr.flatten()[2].item<double>(), 0.5, 1e-6);
  EXPECT_NEAR(yr.flatten()[3].item<double>(), 0.2, 1e-6);
  const auto y = volume({1.f, 1.f, 0.f, 0.f}, {1, 1, 1, 2, 2});
  const auto e = losses::errorTarget(yc, y);  // yc > 0.5: 0, 1, 1, 0 vs y 1, 1, 0, 0
  EXPECT_EQ(e.flatten()[0].item<float>(), 1.f);
  EXPECT_EQ(e.flatten()[1].item<float>(), 0.f);
  EXPECT_EQ(e.flatten()[2].item<float>(), 1.f);
  EXPECT_EQ(e.flatten()[3].item<float>(), 0.f);
  EXPECT_NEAR(losses::consistency(yr, yr).item<double>(), 0.0, 1e-9);
  EXPECT_NEAR(losses::consistency(torch::ones({4}), torch::zeros({4})).item<double>(), 1.0, 1e-9);
}
