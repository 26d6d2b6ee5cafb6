#pragma once
/// Engine benchmarks (tissnet bench train / infer): measured on random tensors of the
/// configured shapes, so they need no data set.
#include <map>
#include <string>
#include <vector>

#include "tiss/config/config.h"
#include "tiss/util/result.h"

namespace tiss {

/// The machine's practical peak, measured in the same process: a 2048 x 2048 float32 matrix
/// product (LibTorch's mm: the BLAS behind libblas.so.3 on CPU, cuBLAS on CUDA).
struct Peak {
  double sgemmGflops = 0;  ///< best of 3, after a warm-up
  std::string blas;        ///< the BLAS library this process loaded (from /proc/self/maps), or ""
};
Peak measurePeak(const std::string& device);

/// One operator's share of a profiled step (`tissnet bench train --profile`).
struct OperatorTime {
  std::string name;   ///< LibTorch's operator or autograd node name, e.g. aten::convolution_backward
  double selfMs = 0;  ///< time in it, minus the operators it called, milliseconds
  long calls = 0;
};

struct TrainBench {
  double medianMsPerIteration = 0;  ///< after warm-up
  int iterations = 0;
  double peakResidentMb = 0;        ///< of the whole process
  std::string device;
  /// FLOPs of one iteration by layer shapes: 3 x the forward FLOPs (2 per multiply-add) of
  /// every convolution and transposed convolution in the step (backward ~ 2 x forward).
  double gflopPerIteration = 0;
  double peakDeviceMb = -1;  ///< CUDA: the caching allocator's peak; -1 on CPU
  std::vector<OperatorTime> profile;  ///< with a trace file: one more step's operators, most time first
};

/// Times `iterations` training steps of `config`'s stage (after 1 warm-up step) with batch
/// and patch from the config and `sources` source channels; a frozen S_p of the config's
/// widths is built in memory when the stage needs one.
/// With `traceFile`, one more step after the timed ones runs under LibTorch's profiler: its
/// Chrome trace is written there and `profile` lists its operators.
Result<TrainBench> benchTrain(const TrainConfig& config, int sources, const std::string& device, int iterations,
                              const std::string& traceFile = "");

struct InferBench {
  double secondsPerCase = 0;
  long windows = 0;
  double peakResidentMb = 0;
  std::string device;
  double gflopPerCase = 0;  ///< forward FLOPs of every window's convolutions, by layer shapes
  int batch = 1;            ///< windows per forward pass (TrainConfig::windowsPerPass)
  double peakDeviceMb = -1;  ///< CUDA: the caching allocator's peak; -1 on CPU
  Size3 window{0, 0, 0};     ///< the sliding window used (x, y, z voxels; inference.window)
};

/// Times sliding-window inference of one volume of `size` (x, y, z) with `sources` channels,
/// the config's window rule and windows per pass (as `tissnet infer`).
Result<InferBench> benchInfer(const TrainConfig& config, int sources, const std::string& device, const Size3& size);

/// What scripts/bench-vs-pytorch compares with the same network written in PyTorch
/// (scripts/pytorch_reference.py parity): trainable parameters per network (S_p included) and
/// every loss term of `steps` training steps on one fixed batch, starting from weights that
/// are a fixed function of each parameter's shape (sin of the element index, scaled by
/// sqrt(3 / fan-in); 1-D parameters 0.5 + 0.3 sin). Deterministic but for dropout: run it
/// with net.dropout at 0. The tissnet stage only. `device` ("cpu", "cuda", ...): where the
/// networks and the batch live, so scripts/gpu-bench can compare CUDA with the CPU.
struct Parity {
  std::map<std::string, int64_t> parameters;
  std::vector<std::map<std::string, double>> steps;
};
Result<Parity> benchParity(const TrainConfig& config, int sources, int steps = 2, const std::string& device = "cpu");

}  // namespace tiss
