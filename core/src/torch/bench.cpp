#include "tiss/bench.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "networks.h"
#include "tensors.h"
#include "tiss/device.h"

namespace tiss {
namespace {

using Clock = std::chrono::steady_clock;

double peakResidentMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

Batch randomBatch(int n, int sources, const std::vector<int64_t>& dhw, torch::Device device) {
  Batch b;
  b.sources = torch::rand({n, sources, dhw[0], dhw[1], dhw[2]}, device) * 2 - 1;
  b.target = torch::rand({n, 1, dhw[0], dhw[1], dhw[2]}, device) * 2 - 1;
  b.label = (torch::rand({n, 1, dhw[0], dhw[1], dhw[2]}, device) > 0.7).to(torch::kFloat);
  return b;
}

Borrowed inMemorySp(const TrainConfig& c, torch::Device device) {
  Borrowed b;
  if ((c.stage == Stage::TissNet || c.stage == Stage::Synthesis) && c.loss.lambdaP > 0) {
    nn::UNet25D sp(1, 1, c.net);
    sp->to(device);
    sp->eval();
    for (auto& p : sp->parameters()) p.set_requires_grad(false);
    b.spForward = [sp](const torch::Tensor& x) mutable { return torch::sigmoid(sp->forward(x)); };
  }
  if (c.stage == Stage::SegSynth) b.synthesize = [](const torch::Tensor& xs) { return torch::tanh(xs.narrow(1, 0, 1)); };
  return b;
}

Result<torch::Device> deviceFor(const std::string& request) {
  auto name = resolveDevice(request);
  if (!name) return name.error();
  const torch::Device d(*name);
  // cuDNN picks the fastest convolution algorithms for the fixed patch shapes.
  if (d.is_cuda()) at::globalContext().setBenchmarkCuDNN(true);
  return d;
}

void synchronize(torch::Device d) {
  if (d.is_cuda()) torch::cuda::synchronize(d.index());
}

}  // namespace

Result<TrainBench> benchTrain(const TrainConfig& c, int sources, const std::string& request, int iterations) {
  auto device = deviceFor(request);
  if (!device) return device.error();
  torch::manual_seed(c.seed);
  auto model = makeStageModel(c, sources, *device, inMemorySp(c, *device));
  model->train(true);
  const Batch b = randomBatch(c.batch, sources, {c.patch[2], c.patch[1], c.patch[0]}, *device);
  std::vector<double> ms;
  for (int i = 0; i < iterations + 1; ++i) {
    const auto t0 = Clock::now();
    model->trainStep(b);
    synchronize(*device);
    if (i >= 1) ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return TrainBench{ms[ms.size() / 2], iterations, peakResidentMb(), device->str()};
}

Result<InferBench> benchInfer(const TrainConfig& c, int sources, const std::string& request, const Size3& size) {
  auto device = deviceFor(request);
  if (!device) return device.error();
  auto model = makeStageModel(c, sources, *device, inMemorySp(c, *device));
  model->train(false);
  const Batch whole = randomBatch(1, sources, {size[2], size[1], size[0]}, *device);
  long windows = 1;
  for (int a = 0; a < 3; ++a) {
    const double step = std::max(1.0, c.patch[a] * (1 - c.overlap));
    windows *= size[a] <= c.patch[a] ? 1 : long(std::ceil((size[a] - c.patch[a]) / step)) + 1;
  }
  const auto t0 = Clock::now();
  slidingWindow(*model, whole, c.patch, c.overlap);
  synchronize(*device);
  return InferBench{std::chrono::duration<double>(Clock::now() - t0).count(), windows, peakResidentMb(), device->str()};
}

}  // namespace tiss
