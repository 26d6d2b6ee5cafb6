// Two real ranks (tissnet train --nproc 2, Gloo on localhost, one thread each) against one
// process with the doubled batch in two micro-batches (optim.accumulate 2: each half's
// BatchNorm statistics and losses its own, as each rank takes them): after the same steps on
// the same patches, every trained network (G, S, D_g, D_t) has the same weights.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/trained_run.h"

namespace fs = std::filesystem;
using namespace tiss;

namespace {

int run(const std::string& args) {
  const char* tissnet = std::getenv("TISSNET");
  if (!tissnet) return -1;
  return std::system((std::string(tissnet) + " " + args + " > /dev/null").c_str());
}

std::string tinyTissNet(int batch, int accumulate, bool overlap = true) {
  std::string s = "--preset cpu-small --threads 1";
  for (const char* kv :
       {"stage=tissnet", "loss.lambda_p=0", "net.channels=[4,8,8,16,16]", "net.dropout=[0,0,0,0,0]", "net.disc_channels=4",
        "data.patch=16x32x32", "data.workers=1", "optim.epochs_constant=1", "optim.epochs_decay=0", "optim.iterations_per_epoch=4",
        "validation.every=0", "checkpoint.every=4", "optim.lr=0.001"})
    s += std::string(" --set ") + kv;
  s += overlap ? "" : " --set optim.overlap_allreduce=false";
  return s + " --set data.batch=" + std::to_string(batch) + " --set optim.accumulate=" + std::to_string(accumulate);
}

nlohmann::json readJson(const std::string& file) {
  std::ifstream in(file);
  return nlohmann::json::parse(in, nullptr, false);
}

int stepEvents(const std::string& run) {
  std::ifstream in(run + "/events.jsonl");
  int steps = 0;
  for (std::string line; std::getline(in, line);)
    if (line.find("\"event\":\"step\"") != std::string::npos) ++steps;
  return steps;
}

double largestDifference(const std::string& runA, const std::string& runB) {
  auto a = openRun(runA, "cpu", "last"), b = openRun(runB, "cpu", "last");
  if (!a.ok() || !b.ok()) return 1e30;
  const auto pa = a->model->parameters(), pb = b->model->parameters();
  double worst = pa.size() == pb.size() ? 0 : 1e30;
  for (size_t i = 0; i < pa.size() && i < pb.size(); ++i) worst = std::max(worst, (pa[i] - pb[i]).abs().max().item<double>());
  return worst;
}

}  // namespace

TEST(DataParallel, TwoRanksEqualOneProcessWithTheDoubledBatch) {
  ASSERT_NE(std::getenv("TISSNET"), nullptr) << "ctest sets TISSNET";
  const fs::path dir = fs::temp_directory_path() / ("tiss-ddp-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string data = (dir / "data").string(), ranks = (dir / "ranks").string(), one = (dir / "one").string();
  ASSERT_EQ(run("phantom --layout brats --cases 4 --size 16x32x32 --seed 3 --out " + data), 0);
  ASSERT_EQ(run("train --data " + data + " --run " + ranks + " --nproc 2 " + tinyTissNet(2, 1)), 0);
  ASSERT_EQ(run("train --data " + data + " --run " + one + " " + tinyTissNet(4, 2)), 0);

  const auto info = readJson(ranks + "/run.json");
  EXPECT_EQ(info["world_size"], 2);
  EXPECT_EQ(info["backend"], "gloo");
  EXPECT_EQ(info["launcher"], "nproc");
  EXPECT_EQ(stepEvents(ranks), 4);  // rank 0 alone logs
  EXPECT_EQ(stepEvents(one), 4);

  auto a = openRun(ranks, "cpu", "last"), b = openRun(one, "cpu", "last");
  ASSERT_TRUE(a.ok()) << a.error().describe();
  ASSERT_TRUE(b.ok()) << b.error().describe();
  const auto pa = a->model->parameters(), pb = b->model->parameters();
  ASSERT_EQ(pa.size(), pb.size());
  double worst = 0, moved = 0;
  for (size_t i = 0; i < pa.size(); ++i) {
    worst = std::max(worst, (pa[i] - pb[i]).abs().max().item<double>());
    moved += pa[i].abs().sum().item<double>();
  }
  EXPECT_LT(worst, 1e-4) << "largest weight difference after 4 steps";
  EXPECT_GT(moved, 0);
  // The two runs differ from a one-process run on half the patches: the test can fail.
  const std::string half = (dir / "half").string();
  ASSERT_EQ(run("train --data " + data + " --run " + half + " " + tinyTissNet(2, 1)), 0);
  auto c = openRun(half, "cpu", "last");
  ASSERT_TRUE(c.ok());
  double apart = 0;
  const auto pc = c->model->parameters();
  for (size_t i = 0; i < pa.size(); ++i) apart = std::max(apart, (pa[i] - pc[i]).abs().max().item<double>());
  EXPECT_GT(apart, 100 * worst);
  std::printf("largest weight difference: 2 ranks vs 1 process with the doubled batch %.3g; vs half the batch %.3g\n", worst, apart);

  // The all-reduce overlapped with backward (the default, above) or after it: the same weights.
  const std::string after = (dir / "after").string();
  ASSERT_EQ(run("train --data " + data + " --run " + after + " --nproc 2 " + tinyTissNet(2, 1, false)), 0);
  const double overlapVsAfter = largestDifference(ranks, after);
  EXPECT_LE(overlapVsAfter, 1e-6);
  // Micro-batches on each rank: the all-reduces start during the last one's backward only, so
  // they carry both parts' gradients (had the first part's backward started them, they would not).
  const std::string micro = (dir / "micro").string(), microAfter = (dir / "micro-after").string();
  ASSERT_EQ(run("train --data " + data + " --run " + micro + " --nproc 2 " + tinyTissNet(2, 2)), 0);
  ASSERT_EQ(run("train --data " + data + " --run " + microAfter + " --nproc 2 " + tinyTissNet(2, 2, false)), 0);
  const double microVsAfter = largestDifference(micro, microAfter);
  EXPECT_LE(microVsAfter, 1e-6);
  EXPECT_GT(largestDifference(micro, ranks), 100 * microVsAfter + 1e-6);  // the micro-batches do change the run
  std::printf("overlapped vs after backward %.3g; with 2 micro-batches a rank %.3g\n", overlapVsAfter, microVsAfter);
  std::error_code ec;
  fs::remove_all(dir, ec);
}
