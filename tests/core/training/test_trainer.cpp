#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <limits>

#include "tiss/phantom/phantom.h"
#include "tiss/preprocessing/prepared_store.h"
#include "training/checkpoint.h"
#include "training/trainer.h"

using namespace tiss;
namespace fs = std::filesystem;

namespace {

// A stage model whose loss is scripted: NaN at one step, 1.0 otherwise. One parameter, so
// checkpoints are real archives.
class ScriptedModel : public StageModel {
 public:
  explicit ScriptedModel(int nanAt) : nanAt_(nanAt), w_(torch::zeros({1})) {}
  LossTerms trainStep(const Batch&) override {
    ++steps_;
    w_ += 1;
    return {{"total", steps_ == nanAt_ ? std::numeric_limits<double>::quiet_NaN() : 1.0}};
  }
  Outputs predict(const Batch& b) override { return {{"seg", torch::zeros_like(b.sources.narrow(1, 0, 1))}}; }
  std::map<std::string, bool> outputKinds() const override { return {{"seg", false}}; }
  void train(bool) override {}
  void freeze() override {}
  void setLearningRate(double lr) override { lr_ = lr; }
  void setGradientSync(const GradientSyncFactory&) override {}  // one process
  void save(torch::serialize::OutputArchive& a) override { a.write("w", w_); }
  void load(torch::serialize::InputArchive& a) override { a.read("w", w_); }
  std::map<std::string, int64_t> parameterCounts() override { return {{"w", 1}}; }
  std::vector<torch::Tensor> parameters() override { return {w_}; }
  double lr_ = 0;

 private:
  int nanAt_, steps_ = 0;
  torch::Tensor w_;
};

struct Fixture {
  fs::path dir = fs::temp_directory_path() / ("tiss-trainer-" + std::to_string(::getpid()));
  std::vector<std::shared_ptr<const MappedCase>> cases;
  std::vector<std::string> events;

  Fixture() {
    fs::remove_all(dir);
    PhantomOptions o;
    o.cases = 2;
    o.size = {32, 32, 16};
    o.out = (dir / "data").string();
    EXPECT_TRUE(writePhantomDataset(o).ok());
    auto d = openDataset(o.out);
    PreprocessOptions prep;
    prep.minSize = {32, 32, 8};
    EXPECT_TRUE(prepareDataset(*d, {"BraTS20_Phantom_001", "BraTS20_Phantom_002"}, prep, (dir / "cache").string()).ok());
    for (const char* id : {"BraTS20_Phantom_001", "BraTS20_Phantom_002"}) cases.push_back(*MappedCase::open((dir / "cache").string(), id));
  }
  ~Fixture() { fs::remove_all(dir); }

  RunStatus run(StageModel& model, TrainConfig c, const RunFolder& folder) {
    SamplerOptions so;
    so.patch = {32, 32, 8};
    PatchSampler sampler(cases, so);
    TrainingContext ctx{c, folder, &model, &sampler, {}, 3, torch::kCPU, [this](const std::string& e) { events.push_back(e); }, nullptr};
    return runTraining(ctx, TrainerState{});
  }
};

TrainConfig schedule(int iterations) {
  TrainConfig c;
  c.stage = Stage::SegAll;
  c.optim.iterationsPerEpoch = iterations;
  c.optim.epochsConstant = 1;
  c.optim.epochsDecay = 0;
  c.checkpointEvery = 1;
  c.validateEvery = 0;
  return c;
}

}  // namespace

TEST(Trainer, NonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint) {
  Fixture f;
  auto run = RunFolder::open((f.dir / "run").string(), false);
  ASSERT_TRUE(run.ok());
  ScriptedModel model(/*nanAt=*/4);
  const RunStatus s = f.run(model, schedule(10), *run);
  EXPECT_EQ(s.state, "failed");
  EXPECT_NE(s.message.find("non-finite loss 'total' at step 4"), std::string::npos) << s.message;
  ScriptedModel reloaded(0);
  auto state = loadCheckpoint(run->lastCheckpoint(), reloaded, false);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->iteration, 3);
}

TEST(Trainer, FailedCheckpointWriteKeepsThePreviousOne) {
  Fixture f;
  auto run = RunFolder::open((f.dir / "run").string(), false);
  ASSERT_TRUE(run.ok());
  ScriptedModel first(0);
  ASSERT_EQ(f.run(first, schedule(2), *run).state, "finished");
  const auto before = fs::file_size(run->lastCheckpoint());
  // Files may not grow to a checkpoint's size (RLIMIT_FSIZE: writes past it fail with EFBIG,
  // as on a full disk); the small event lines still fit.
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  rlimit small = old;
  small.rlim_cur = rlim_t(before - 1);
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  // A checkpoint that cannot be written ends the run (as a full disk does), naming why.
  ScriptedModel second(0);
  f.events.clear();
  const RunStatus end = f.run(second, schedule(5), *run);
  ::setrlimit(RLIMIT_FSIZE, &old);
  EXPECT_EQ(end.state, "failed");
  EXPECT_NE(end.message.find("previous one kept"), std::string::npos) << end.message;
  for (const auto& e : fs::directory_iterator(fs::path(run->lastCheckpoint()).parent_path()))
    EXPECT_EQ(e.path().filename().string().rfind(".partial-", 0), std::string::npos) << "left behind: " << e.path();
  ScriptedModel reloaded(0);
  auto state = loadCheckpoint(run->lastCheckpoint(), reloaded, false);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->iteration, 2);
  EXPECT_EQ(fs::file_size(run->lastCheckpoint()), before);
}

TEST(Trainer, LearningRateFollowsThePaperSchedule) {
  Fixture f;
  auto run = RunFolder::open((f.dir / "run").string(), false);
  TrainConfig c = schedule(2);
  c.stage = Stage::TissNet;
  c.optim.lr = 1.0;
  c.optim.epochsConstant = 2;
  c.optim.epochsDecay = 3;  // epochs 2, 3, 4 decay: factors 1 - 1/4, 1 - 2/4, 1 - 3/4
  ScriptedModel model(0);
  ASSERT_EQ(f.run(model, c, *run).state, "finished");
  std::vector<double> lrs;
  for (const auto& e : f.events)
    if (e.find("\"event\":\"step\"") != std::string::npos) {
      const auto at = e.find("\"lr\":");
      lrs.push_back(std::stod(e.substr(at + 5)));
    }
  const std::vector<double> expected{1, 1, 1, 1, 0.75, 0.75, 0.5, 0.5, 0.25, 0.25};
  ASSERT_EQ(lrs.size(), expected.size());
  for (size_t i = 0; i < lrs.size(); ++i) EXPECT_NEAR(lrs[i], expected[i], 1e-12) << i;
}
