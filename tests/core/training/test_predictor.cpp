// The predictor owns the window rule: which sliding window a test-time case gets, how many
// go through a pass, and that its prediction is the sliding window's.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "model/stage_model.h"
#include "training/predictor.h"
#include "training/sliding_window.h"

using namespace tiss;

namespace {

TrainConfig cpuSmall(const std::string& window = "") {
  std::vector<std::string> overrides{"preset=cpu-small"};
  if (!window.empty()) overrides.push_back("inference.window=" + window);
  auto c = loadConfig("", overrides);
  EXPECT_TRUE(c.ok());
  return *c;
}

}  // namespace

// The slab spans the whole image in plane (rounded up to 16, within [patch, 256]) at the
// patch's depth; sizes are (x, y, z).
TEST(Predictor, SlabWindowSpansThePlane) {
  const TrainConfig c = cpuSmall();
  EXPECT_EQ(Predictor::windowFor(c, {240, 240, 155}), (Size3{240, 240, 16}));  // BraTS: one window per slab
  EXPECT_EQ(Predictor::windowFor(c, {138, 169, 138}), (Size3{144, 176, 16}));  // a cropped brain
  EXPECT_EQ(Predictor::windowFor(c, {40, 100, 8}), (Size3{64, 112, 16}));      // never below the patch
  EXPECT_EQ(Predictor::windowFor(c, {512, 512, 40}), (Size3{256, 256, 16}));   // a VS slice: 256-voxel windows
}

TEST(Predictor, WindowsPerPassCountPatches) {
  const TrainConfig c = cpuSmall();
  EXPECT_EQ(Predictor::windowsPerPass(c, {64, 64, 16}), 4);  // inference.batch counts patches
  EXPECT_EQ(Predictor::windowsPerPass(c, {128, 128, 16}), 1);
  EXPECT_EQ(Predictor::windowsPerPass(c, {240, 240, 16}), 1);  // never none
}

TEST(Predictor, PatchAndFixedWindows) {
  EXPECT_EQ(Predictor::windowFor(cpuSmall("patch"), {240, 240, 155}), (Size3{64, 64, 16}));
  EXPECT_EQ(Predictor::windowFor(cpuSmall("32x128x96"), {240, 240, 155}), (Size3{96, 128, 32}));
}

// predict() is the sliding window with the rule's window, the pass size and the overlap.
TEST(Predictor, PredictsWithItsRule) {
  TrainConfig c = cpuSmall();
  c.stage = Stage::SegSource;
  c.net.channels = {4, 8, 8, 16, 16};
  torch::manual_seed(3);
  auto model = makeStageModel(c, 2, torch::kCPU);
  model->train(false);
  Batch whole;
  whole.sources = torch::rand({1, 2, 20, 70, 50}) * 2 - 1;
  const Predictor predictor(*model, c, 0.25);
  EXPECT_EQ(predictor.overlap(), 0.25);
  EXPECT_EQ(predictor.window({50, 70, 20}), (Size3{64, 80, 16}));
  int passes = 0;
  const Outputs got = predictor.predict(whole, [&](int, int) { ++passes; });
  const Outputs want = slidingWindow(*model, whole, {64, 80, 16}, 0.25, Predictor::windowsPerPass(c, {64, 80, 16}));
  EXPECT_GT(passes, 0);
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [name, t] : want) EXPECT_TRUE(torch::equal(got.at(name), t)) << name;
  EXPECT_EQ(Predictor(*model, c).overlap(), c.overlap);  // < 0: the run's validation overlap
}
