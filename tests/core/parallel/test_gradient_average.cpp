// Gradient averaging over two real ranks (Gloo on loopback, one thread each in this process):
// the mean of the ranks' gradients with and without overlap, parameters the loss never reaches
// left alone, micro-batches adding up before the last one starts the all-reduces, and the
// overlap observed: buckets already started while backward has not yet reached the first layer.
#include <gtest/gtest.h>
#include <torch/torch.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "parallel/gradient_average.h"

using namespace tiss;

namespace {

// Four layers in use and one the loss never reaches; one layer's weight and bias (288 bytes)
// fill a bucket of 300 bytes, so there are five buckets.
struct Net : torch::nn::Module {
  Net() {
    for (int i = 0; i < 5; ++i) layers.push_back(register_module("l" + std::to_string(i), torch::nn::Linear(8, 8)));
  }
  torch::Tensor forward(torch::Tensor x) {
    for (int i = 0; i < 4; ++i) x = torch::tanh(layers[i]->forward(x));
    return x.pow(2).mean();
  }
  std::vector<torch::nn::Linear> layers;
};
constexpr int64_t kBucketBytes = 300;

// The ranks are threads here and LibTorch's generator is global: seeding and drawing are one step.
std::mutex generator;

std::shared_ptr<Net> seededNet() {
  std::lock_guard<std::mutex> lock(generator);
  torch::manual_seed(7);
  return std::make_shared<Net>();
}

torch::Tensor input(int rank, int part) {
  std::lock_guard<std::mutex> lock(generator);
  torch::manual_seed(100 + 10 * rank + part);
  return torch::randn({4, 8});
}

// The gradients one process gets from `parts` micro-batches of `rank` (no averaging).
std::vector<torch::Tensor> localGradients(int rank, int parts) {
  auto net = seededNet();
  for (int k = 0; k < parts; ++k) net->forward(input(rank, k)).backward();
  std::vector<torch::Tensor> g;
  for (const auto& p : net->parameters()) g.push_back(p.grad().defined() ? p.grad().clone() : torch::Tensor());
  return g;
}

// Runs `body(rank, comm)` on two ranks, one thread each; failures inside are gtest failures.
void onTwoRanks(const std::function<void(int, Communicator&)>& body) {
  const auto store = std::filesystem::temp_directory_path() / ("tiss-gradavg-" + std::to_string(::getpid()) + "-" +
                                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove(store);
  auto rank = [&](int r) {
    World w;
    w.rank = r, w.size = 2, w.localRank = r, w.launcher = "nproc", w.storeFile = store.string();
    auto comm = Communicator::connect(w, torch::kCPU, std::chrono::seconds(60));
    ASSERT_TRUE(comm.ok()) << comm.error().describe();
    body(r, **comm);
  };
  std::thread other(rank, 1);
  rank(0);
  other.join();
  std::filesystem::remove(store);
}

// One step of `parts` micro-batches with the sync, as LossScaler drives it. Returns the buckets
// started when backward reached layer 0's weight (its gradient not yet accumulated).
int syncedStep(Net& net, GradientSync& sync, int rank, int parts) {
  const auto params = net.parameters();
  int startedAtFirstLayer = -1;
  auto hook = net.layers[0]->weight.register_hook([&](torch::Tensor g) {
    startedAtFirstLayer = bucketsStarted(sync);
    return g;
  });
  for (int k = 0; k < parts; ++k) {
    const auto loss = net.forward(input(rank, k));
    if (k + 1 == parts) sync.beforeLastBackward(params, loss);
    loss.backward();
    if (k + 1 < parts) {
      EXPECT_EQ(bucketsStarted(sync), 0) << "an earlier micro-batch started an all-reduce";
    }
  }
  sync.finish(params);
  net.layers[0]->weight.remove_hook(hook);
  return startedAtFirstLayer;
}

void expectMeanOfBothRanks(Net& net, int parts) {
  const auto a = localGradients(0, parts), b = localGradients(1, parts);
  const auto params = net.parameters();
  for (size_t i = 0; i < params.size(); ++i) {
    if (!a[i].defined()) {
      EXPECT_FALSE(params[i].grad().defined()) << "parameter " << i << " the loss never reaches got a gradient";
      continue;
    }
    EXPECT_TRUE(torch::equal(params[i].grad(), (a[i] + b[i]) / 2)) << "parameter " << i;
  }
}

}  // namespace

TEST(GradientAverage, OverlappedBucketsStartDuringBackwardAndGiveTheMean) {
  onTwoRanks([](int rank, Communicator& comm) {
    auto net = seededNet();
    auto sync = makeGradientAverage(comm, /*overlap=*/true, kBucketBytes);
    const int started = syncedStep(*net, *sync, rank, 1);
    EXPECT_EQ(bucketCount(*sync), 5);
    // The unused layer's bucket and those of layers 3, 2 and 1 were under way.
    EXPECT_EQ(started, 4);
    expectMeanOfBothRanks(*net, 1);
    EXPECT_EQ(comm.takeReducedBytes(), 5 * 288);
  });
}

TEST(GradientAverage, WithoutOverlapAllBucketsStartAfterBackward) {
  onTwoRanks([](int rank, Communicator& comm) {
    auto net = seededNet();
    auto sync = makeGradientAverage(comm, /*overlap=*/false, kBucketBytes);
    EXPECT_EQ(syncedStep(*net, *sync, rank, 1), 0);
    expectMeanOfBothRanks(*net, 1);
  });
}

TEST(GradientAverage, MicroBatchesAddUpBeforeTheLastStartsTheAllReduces) {
  onTwoRanks([](int rank, Communicator& comm) {
    auto net = seededNet();
    auto sync = makeGradientAverage(comm, /*overlap=*/true, kBucketBytes);
    EXPECT_EQ(syncedStep(*net, *sync, rank, 3), 4);
    expectMeanOfBothRanks(*net, 3);
    // A second step with the same sync: the hooks stay, the count starts again.
    for (auto& p : net->parameters())
      if (p.grad().defined()) p.mutable_grad().zero_();
    EXPECT_EQ(syncedStep(*net, *sync, rank, 3), 4);
  });
}
