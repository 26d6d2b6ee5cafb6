#include "layers/dropout.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/core/PhiloxRNGEngine.h>

#include <cmath>
#include <mutex>

namespace tiss::layers {
namespace {

// Each chunk of elements has its own Philox subsequence: the mask does not depend on how
// the chunks are spread over threads.
constexpr int64_t kChunk = 4096;

uint64_t drawSeed() {
  auto generator = at::detail::getDefaultCPUGenerator();
  std::lock_guard<std::mutex> lock(generator.mutex());
  return generator.get<at::CPUGeneratorImpl>()->random64();
}

// 1 / keep where the element is kept (probability keep), 0 elsewhere.
torch::Tensor mask(const torch::Tensor& like, double keep) {
  auto noise = torch::empty_like(like, torch::MemoryFormat::Contiguous);
  float* out = noise.data_ptr<float>();
  const int64_t n = noise.numel();
  const uint64_t seed = drawSeed(), threshold = uint64_t(std::ldexp(keep, 32));  // keep < 1: below 2^32
  const float scale = float(1.0 / keep);
  at::parallel_for(0, (n + kChunk - 1) / kChunk, 1, [&](int64_t first, int64_t last) {
    for (int64_t chunk = first; chunk < last; ++chunk) {
      at::Philox4_32 random(seed, uint64_t(chunk));
      for (int64_t i = chunk * kChunk, end = std::min(n, i + kChunk); i < end; ++i)
        out[i] = uint64_t(random()) < threshold ? scale : 0.f;
    }
  });
  return noise;
}

}  // namespace

torch::Tensor dropout(const torch::Tensor& x, double p, bool training) {
  if (!training || p <= 0) return x;
  if (!x.device().is_cpu() || x.scalar_type() != torch::kFloat || p >= 1) return torch::dropout(x, p, training);
  torch::Tensor noise;
  {
    torch::NoGradGuard nograd;  // the mask is a constant of the graph, as in LibTorch's dropout
    noise = mask(x, 1.0 - p);
  }
  return x * noise;
}

}  // namespace tiss::layers
