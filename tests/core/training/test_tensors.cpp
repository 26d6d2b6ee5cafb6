#include <gtest/gtest.h>
#include <torch/torch.h>

#include "model/stage_model.h"
#include "training/predictor.h"
#include "training/tensors.h"

using namespace tiss;

namespace {

TrainConfig tiny(Stage stage) {
  TrainConfig c;
  c.stage = stage;
  c.net.channels = {4, 8, 8, 16, 16};
  c.net.discChannels = 4;
  c.patch = {32, 32, 8};  // x, y, z
  return c;
}

// A whole case larger than a window on every axis, with a sharp structure so that a wrongly
// placed window would show.
Batch wholeCase(int sources) {
  torch::manual_seed(3);
  Batch b;
  b.sources = torch::randn({1, sources, 13, 50, 45});
  b.label = (b.sources.narrow(1, 0, 1) > 1).to(torch::kFloat);
  return b;
}

}  // namespace

// Batched windows (inference.batch) give the unbatched result within float rounding, for
// every output, also when the last group of windows is smaller than the batch.
TEST(SlidingWindow, BatchedWindowsEqualOneAtATime) {
  for (Stage stage : {Stage::SegSource, Stage::TissNet}) {
    TrainConfig c = tiny(stage);
    c.loss.lambdaP = 0;  // no S_p to borrow
    torch::manual_seed(1);
    auto model = makeStageModel(c, 2, torch::kCPU);
    model->train(false);
    const Batch whole = wholeCase(2);
    const Outputs one = slidingWindow(*model, whole, c.patch, 0.5, 1);
    for (int batch : {2, 4, 7}) {
      const Outputs many = slidingWindow(*model, whole, c.patch, 0.5, batch);
      ASSERT_EQ(many.size(), one.size());
      for (const auto& [name, t] : one) {
        EXPECT_EQ(many.at(name).sizes(), t.sizes());
        const double diff = (many.at(name) - t).abs().max().item<double>();
        EXPECT_LT(diff, 1e-5) << toString(stage) << " " << name << " batch " << batch;
      }
    }
  }
}

TEST(SlidingWindow, CoversTheWholeVolumeAndKeepsItsSize) {
  TrainConfig c = tiny(Stage::SegSource);
  auto model = makeStageModel(c, 2, torch::kCPU);
  model->train(false);
  const Outputs out = slidingWindow(*model, wholeCase(2), c.patch, 0.25, 3);
  const auto& seg = out.at("seg");
  EXPECT_EQ(seg.sizes(), (std::vector<int64_t>{1, 1, 13, 50, 45}));
  EXPECT_TRUE(torch::isfinite(seg).all().item<bool>());
  EXPECT_GE(seg.min().item<double>(), 0.0);
  EXPECT_LE(seg.max().item<double>(), 1.0);
}

// A window larger than the training patch (the slab rule: the whole image in plane) keeps the
// Gaussian fusion exact: a case that fits in one slab window gets exactly the network's
// output on the whole (padded) image, the weights dividing out.
TEST(SlidingWindow, SlabWindowIsOneExactPass) {
  TrainConfig c = tiny(Stage::TissNet);
  c.loss.lambdaP = 0;
  torch::manual_seed(2);
  auto model = makeStageModel(c, 2, torch::kCPU);
  model->train(false);
  Batch whole = wholeCase(2);
  whole.sources = whole.sources.narrow(2, 0, 8).contiguous();  // depth = the patch's
  whole.label = torch::Tensor();
  const Size3 slab = Predictor::windowFor(c, {45, 50, 8});
  ASSERT_EQ(slab, (Size3{48, 64, 8}));
  const Outputs fused = slidingWindow(*model, whole, slab, 0.5, 1);
  c10::InferenceMode inference;
  // The same padding as the sliding window (-1 beyond the image), then one pass.
  const Batch padded{torch::constant_pad_nd(whole.sources, {0, 3, 0, 14}, -1), torch::Tensor(), torch::Tensor()};
  for (const auto& [name, t] : model->predict(padded)) {
    const auto direct = t.narrow(3, 0, 50).narrow(4, 0, 45);
    const double diff = (fused.at(name) - direct).abs().max().item<double>();
    EXPECT_LT(diff, 1e-5) << name;
  }
}
