#include "tiss/engine/device.h"

#include "engine/torch_device.h"

#include <torch/version.h>

#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace tiss {

int cudaDeviceCount() { return torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0; }

namespace {

// glibc serves blocks above its mmap threshold (128 KiB, raised by itself to at most 32 MiB)
// with fresh mappings and unmaps them on free, so the activations of every layer (a few MB
// each, allocated and freed thousands of times a step) page-fault and are zeroed by the kernel
// again and again: sliding-window inference at 4 windows a pass ran 4x slower for it. Freed
// blocks stay in the heap instead; the peak is the same, the memory is reused.
void keepFreedMemory() {
#ifdef __GLIBC__
  // A user's own MALLOC_*_ settings win.
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") || std::getenv("MALLOC_TRIM_THRESHOLD_")) return;
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace

void configureCpu(int threads) {
  keepFreedMemory();
  if (threads <= 0) {
    if (std::getenv("OMP_NUM_THREADS")) return;  // LibTorch honours it
    threads = int(std::max(1u, std::thread::hardware_concurrency()));
  }
  torch::set_num_threads(threads);
}

std::string torchVersion() { return TORCH_VERSION; }

Result<std::string> resolveDevice(const std::string& request) {
  const int gpus = cudaDeviceCount();
  if (request == "auto") return std::string(gpus > 0 ? "cuda:0" : "cpu");
  if (request == "cpu") return request;
  if (request.rfind("cuda", 0) == 0) {
    int index = 0;
    if (request.size() > 4) {
      if (request[4] != ':' || request.size() == 5) return makeError("", "unknown device '" + request + "'");
      try {
        index = std::stoi(request.substr(5));
      } catch (...) {
        return makeError("", "unknown device '" + request + "'");
      }
    }
    if (index < 0 || index >= gpus)
      return makeError("", "device '" + request + "' is not available (this machine has " +
                               std::to_string(gpus) + " CUDA device(s))");
    return "cuda:" + std::to_string(index);
  }
  return makeError("", "unknown device '" + request + "' (use auto, cpu, cuda or cuda:N)");
}

Result<torch::Device> setUpDevice(const std::string& request, int threads) {
  auto name = resolveDevice(request);
  if (!name) return name.error();
  if (threads >= 0) configureCpu(threads);
  const torch::Device device(*name);
  // Fixed patch shapes: let cuDNN pick its fastest convolution algorithms.
  if (device.is_cuda()) at::globalContext().setBenchmarkCuDNN(true);
  return device;
}

}  // namespace tiss
