#pragma once
/// Engine benchmarks (tissnet bench train / infer): measured on random tensors of the
/// configured shapes, so they need no data set.
#include <string>

#include "tiss/config.h"
#include "tiss/result.h"

namespace tiss {

struct TrainBench {
  double medianMsPerIteration = 0;  ///< after warm-up
  int iterations = 0;
  double peakResidentMb = 0;        ///< of the whole process
  std::string device;
};

/// Times `iterations` training steps of `config`'s stage (after 1 warm-up step) with batch
/// and patch from the config and `sources` source channels; a frozen S_p of the config's
/// widths is built in memory when the stage needs one.
Result<TrainBench> benchTrain(const TrainConfig& config, int sources, const std::string& device, int iterations);

struct InferBench {
  double secondsPerCase = 0;
  long windows = 0;
  double peakResidentMb = 0;
  std::string device;
};

/// Times sliding-window inference of one volume of `size` (x, y, z) with `sources` channels.
Result<InferBench> benchInfer(const TrainConfig& config, int sources, const std::string& device, const Size3& size);

}  // namespace tiss
