// The dynamic loss scaler behind CUDA mixed-precision training, exercised on CPU tensors (its
// arithmetic is device-agnostic; autocast itself needs a GPU and is not run here).
#include <gtest/gtest.h>

#include "model/torch_compat.h"

#include "model/mixed_precision.h"

namespace tiss {
namespace {

struct Quadratic {
  torch::Tensor w = torch::tensor({1.0f, -2.0f}).requires_grad_(true);
  torch::optim::SGD opt{{w}, torch::optim::SGDOptions(0.1)};
  torch::Tensor loss() { return (w * w).sum(); }  // gradient 2w
};

TEST(LossScaler, ScaledStepEqualsPlainStep) {
  Quadratic plain, scaled;
  LossScaler off(false), on(true, 1024.0);
  EXPECT_TRUE(off.step(plain.opt, plain.loss()));
  EXPECT_TRUE(on.step(scaled.opt, scaled.loss()));
  // w - 0.1 * 2w = 0.8 w; 1024 is a power of two, so unscaling is exact.
  EXPECT_TRUE(torch::equal(plain.w, scaled.w));
  EXPECT_FLOAT_EQ(scaled.w[0].item<float>(), 0.8f);
  EXPECT_DOUBLE_EQ(on.scale(), 1024.0);
}

TEST(LossScaler, NonFiniteGradientSkipsTheStepAndHalvesTheScale) {
  Quadratic q;
  LossScaler scaler(true, 1024.0);
  const auto before = q.w.detach().clone();
  // sqrt at 0 has an infinite derivative: the step must not touch the weights.
  EXPECT_FALSE(scaler.step(q.opt, (q.w - before).abs().sqrt().sum()));
  EXPECT_TRUE(torch::equal(q.w, before));
  EXPECT_DOUBLE_EQ(scaler.scale(), 512.0);
  EXPECT_TRUE(scaler.step(q.opt, q.loss()));
  EXPECT_FLOAT_EQ(q.w[1].item<float>(), -1.6f);
}

TEST(LossScaler, ScaleGrowsAfterTheIntervalOfGoodSteps) {
  Quadratic q;
  LossScaler scaler(true, 8.0, 3);
  for (int i = 0; i < 2; ++i) scaler.step(q.opt, q.loss());
  EXPECT_DOUBLE_EQ(scaler.scale(), 8.0);
  scaler.step(q.opt, q.loss());
  EXPECT_DOUBLE_EQ(scaler.scale(), 16.0);
}

TEST(LossScaler, StateSurvivesACheckpoint) {
  Quadratic q;
  LossScaler scaler(true, 8.0, 3), restored(true);
  scaler.step(q.opt, q.loss());
  scaler.step(q.opt, (q.w * std::numeric_limits<float>::infinity()).sum());
  torch::serialize::OutputArchive out;
  scaler.save(out);
  std::stringstream buffer;
  out.save_to(buffer);
  torch::serialize::InputArchive in;
  in.load_from(buffer);
  restored.load(in);
  EXPECT_DOUBLE_EQ(restored.scale(), 4.0);
}

TEST(LossScaler, DisabledScalerIsPlainBackwardAndStep) {
  Quadratic q;
  LossScaler scaler(false);
  EXPECT_DOUBLE_EQ(scaler.scale(), 1.0);
  EXPECT_TRUE(scaler.step(q.opt, q.loss()));
  EXPECT_FLOAT_EQ(q.w[0].item<float>(), 0.8f);
}

TEST(AutocastScope, OffOnCpuLeavesAutocastDisabled) {
  {
    AutocastScope scope(false);
    EXPECT_FALSE(compat::cudaAutocastEnabled());
  }
  {
    AutocastScope scope(true);
    EXPECT_TRUE(compat::cudaAutocastEnabled());
  }
  EXPECT_FALSE(compat::cudaAutocastEnabled());
}

}  // namespace
}  // namespace tiss
