#include "tiss/engine/bench.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>

#include "engine/profile.h"
#include "model/networks.h"
#include "engine/torch_device.h"
#include "training/predictor.h"
#include "model/torch_compat.h"
#include "tiss/engine/engine.h"
#include "tiss/engine/device.h"

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

void synchronize(torch::Device d) {
  if (d.is_cuda()) torch::cuda::synchronize(d.index());
}

// Debian's libblas.so.3 is whichever BLAS the alternatives system points at: the reference
// BLAS (about 40x slower) unless an optimized one is installed. Say which one is loaded.
std::string loadedBlas() {
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) {
    const auto slash = line.find('/');
    if (slash != std::string::npos && line.find("blas", slash) != std::string::npos) return line.substr(slash);
  }
  return "";
}

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// The fixed weights of benchParity (the same formula as scripts/pytorch_reference.py).
void fillPattern(torch::Tensor& t) {
  torch::NoGradGuard nograd;
  const int64_t n = t.numel();
  const auto i = torch::arange(n, torch::kDouble);
  torch::Tensor v;
  if (t.dim() >= 2) v = torch::sin(1.3 * i + 0.1 * double(n)) * std::sqrt(3.0 / double(n / t.size(0)));
  else v = 0.5 + 0.3 * torch::sin(1.3 * i + 0.1 * double(n));
  t.copy_(v.view(t.sizes()).to(t.scalar_type()));
}

// The fixed batch of benchParity: smooth sources and target, a box for the label.
Batch parityBatch(int n, int sources, const std::vector<int64_t>& dhw) {
  const int64_t d = dhw[0], h = dhw[1], w = dhw[2], count = n * sources * d * h * w;
  const auto i = torch::arange(count, torch::kDouble);
  Batch b;
  b.sources = torch::sin(0.001 * i + 0.3 * torch::cos(0.0007 * i)).to(torch::kFloat).view({n, sources, d, h, w});
  b.target = torch::cos(0.0013 * i.narrow(0, 0, count / sources)).to(torch::kFloat).view({n, 1, d, h, w});
  b.label = torch::zeros({n, 1, d, h, w});
  using torch::indexing::Slice;
  b.label.index_put_({Slice(), Slice(), Slice(d / 4, d / 2 + 1), Slice(h / 3, 2 * h / 3), Slice(w / 4, w / 2)}, 1.0);
  return b;
}

}  // namespace

Result<Parity> benchParity(const TrainConfig& c, int sources, int steps, const std::string& request) {
  if (c.stage != Stage::TissNet) return makeError("stage", "parity is written for the tissnet stage only");
  auto device = setUpDevice(request, -1);
  if (!device) return device.error();
  Parity result;
  Borrowed borrowed;
  nn::UNet25D sp(1, 1, c.net);
  sp->to(*device);
  for (auto& p : sp->parameters()) fillPattern(p);
  sp->eval();
  for (auto& p : sp->parameters()) p.set_requires_grad(false);
  borrowed.spForward = [sp](const torch::Tensor& x) mutable { return torch::sigmoid(sp->forward(x)); };
  result.parameters["S_p"] = 0;
  for (const auto& p : sp->parameters()) result.parameters["S_p"] += p.numel();
  auto model = makeStageModel(c, sources, *device, borrowed);
  for (auto& p : model->parameters()) fillPattern(p);
  for (const auto& [name, n] : model->parameterCounts()) result.parameters[name] = n;
  model->train(true);
  Batch b = parityBatch(c.batch, sources, {c.patch[2], c.patch[1], c.patch[0]});
  for (auto* t : {&b.sources, &b.target, &b.label}) *t = t->to(*device);
  for (int i = 0; i < steps; ++i) result.steps.push_back(model->trainStep(b));
  return result;
}

std::map<std::string, int64_t> parameterCounts(const TrainConfig& c, int sources) {
  auto model = makeStageModel(c, sources, torch::kCPU);
  auto counts = model->parameterCounts();
  if (c.stage == Stage::TissNet || c.stage == Stage::Synthesis) {
    nn::UNet25D sp(1, 1, c.net), pix2pixG(sources, 1, c.net);
    nn::PatchGAN d(sources + 1, c.net.discChannels);
    counts["S_p"] = nn::parameterCount(*sp);
    counts["pix2pix (U-Net G + D)"] = nn::parameterCount(*pix2pixG) + nn::parameterCount(*d);
  }
  return counts;
}

Peak measurePeak(const std::string& request) {
  auto device = setUpDevice(request, -1);
  if (!device) return Peak{};
  const int64_t n = 2048;
  const auto a = torch::rand({n, n}, *device), b = torch::rand({n, n}, *device);
  double best = 1e30;
  for (int i = 0; i < 4; ++i) {
    const auto t0 = Clock::now();
    auto c = torch::mm(a, b);
    synchronize(*device);
    if (i > 0) best = std::min(best, seconds(t0));
  }
  return Peak{2.0 * double(n) * double(n) * double(n) / best / 1e9, loadedBlas()};
}

Result<TrainBench> benchTrain(const TrainConfig& c, int sources, const std::string& request, int iterations,
                              const std::string& traceFile) {
  auto device = setUpDevice(request, -1);
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
  nn::countFlops(true);  // one more step, counted, untimed
  model->trainStep(b);
  const double gflop = 3.0 * double(nn::countedFlops()) / 1e9;
  nn::countFlops(false);
  const double gpu = device->is_cuda() ? compat::peakCudaMemoryMb(device->index()) : -1;
  TrainBench result{ms[ms.size() / 2], iterations, peakResidentMb(), device->str(), gflop, gpu, {}};
  if (!traceFile.empty()) {
    auto profile = profileOnce([&] { model->trainStep(b); }, traceFile);
    if (!profile) return profile.error();
    result.profile = std::move(*profile);
  }
  return result;
}

Result<InferBench> benchInfer(const TrainConfig& c, int sources, const std::string& request, const Size3& size) {
  auto device = setUpDevice(request, -1);
  if (!device) return device.error();
  auto model = makeStageModel(c, sources, *device, inMemorySp(c, *device));
  model->train(false);
  Batch whole = randomBatch(1, sources, {size[2], size[1], size[0]}, *device);
  whole.target = whole.label = torch::Tensor();  // inference sees the sources only
  const Predictor predictor(*model, c);
  const Size3 window = predictor.window(size);
  long windows = 1;
  for (int a = 0; a < 3; ++a) {
    const long w = window[size_t(a)];
    const double step = std::max(1.0, w * (1 - c.overlap));
    windows *= size[a] <= w ? 1 : long(std::ceil((size[a] - w) / step)) + 1;
  }
  if (device->is_cuda()) {
    // A shape's first pass pays cuDNN's autotuning and CUDA's lazy loading, which a user's next
    // case does not: one whole pass, untimed (scripts/pytorch_reference.py does the same).
    predictor.predict(whole);
    synchronize(*device);
  }
  nn::countFlops(true);
  const auto t0 = Clock::now();
  predictor.predict(whole);
  synchronize(*device);
  const double s = seconds(t0);
  const double gflop = double(nn::countedFlops()) / 1e9;
  nn::countFlops(false);
  const double gpu = device->is_cuda() ? compat::peakCudaMemoryMb(device->index()) : -1;
  return InferBench{s, windows, peakResidentMb(), device->str(), gflop, Predictor::windowsPerPass(c, window), gpu, window};
}

}  // namespace tiss
