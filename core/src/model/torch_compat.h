#pragma once
// The LibTorch API differences between Debian's 1.13 and 2.x (the CUDA LibTorch inside a
// PyTorch wheel, say), in one place; everything else in the engine compiles against both.
#include <ATen/autocast_mode.h>
#include <torch/version.h>

#if TISS_WITH_CUDA  // set by core/CMakeLists.txt when the LibTorch found has c10_cuda
#include <c10/cuda/CUDACachingAllocator.h>
#endif

// The legacy profiler's RecordProfile (a Chrome trace into a stream) is what --profile uses;
// a LibTorch that no longer ships its header builds without --profile rather than not at all.
#if __has_include(<torch/csrc/autograd/profiler_legacy.h>)
#define TISS_TORCH_LEGACY_PROFILER 1
#else
#define TISS_TORCH_LEGACY_PROFILER 0
#endif

#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define TISS_TORCH_AUTOCAST_BY_DEVICE 1  // 2.4 made autocast's switches per device type
#else
#define TISS_TORCH_AUTOCAST_BY_DEVICE 0
#endif

// c10d's common base of the process groups (data-parallel training, training/distributed.cpp):
// ProcessGroupGloo and ProcessGroupNCCL derive from ProcessGroup in 1.13, from Backend since 2.0
// (ProcessGroup became a dispatcher over backends). Declared only; distributed.cpp includes them.
namespace c10d {
class ProcessGroup;
class Backend;
}  // namespace c10d

namespace tiss::compat {

#if TORCH_VERSION_MAJOR >= 2
using CollectiveBackend = c10d::Backend;
#else
using CollectiveBackend = c10d::ProcessGroup;
#endif

/// Whether CUDA autocast is on for this thread.
inline bool cudaAutocastEnabled() {
#if TISS_TORCH_AUTOCAST_BY_DEVICE
  return at::autocast::is_autocast_enabled(at::kCUDA);
#else
  return at::autocast::is_enabled();
#endif
}

/// Turns CUDA autocast on or off for this thread.
inline void setCudaAutocast(bool on) {
#if TISS_TORCH_AUTOCAST_BY_DEVICE
  at::autocast::set_autocast_enabled(at::kCUDA, on);
#else
  at::autocast::set_enabled(on);
#endif
}

/// Peak memory the CUDA caching allocator handed out on `device` since the start or the last
/// reset, in MiB; -1 in a build without CUDA.
inline double peakCudaMemoryMb(int device) {
#if TISS_WITH_CUDA
  const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device);
  return double(stats.allocated_bytes[0].peak) / (1024.0 * 1024.0);  // [0]: all pools together
#else
  (void)device;
  return -1;
#endif
}

}  // namespace tiss::compat
