#include "training/predictor.h"

#include <algorithm>

#include "training/sliding_window.h"

namespace tiss {

Predictor::Predictor(StageModel& model, const TrainConfig& config, double overlap)
    : model_(model), config_(config), overlap_(overlap >= 0 ? overlap : config.overlap) {}

Size3 Predictor::windowFor(const TrainConfig& c, const Size3& size) {
  if (c.windowRule != WindowRule::Slab) return c.minWindow();
  Size3 w = c.patch;
  for (int a = 0; a < 2; ++a) {  // x and y; the depth stays the patch's (the 3D levels' context)
    const long rounded = (size[size_t(a)] + 15) / 16 * 16;
    w[size_t(a)] = std::clamp(rounded, c.patch[size_t(a)], std::max(c.patch[size_t(a)], kMaxSlabSide));
  }
  return w;
}

int Predictor::windowsPerPass(const TrainConfig& c, const Size3& window) {
  const double patchVoxels = double(c.patch[0]) * double(c.patch[1]) * double(c.patch[2]);
  const double windowVoxels = double(window[0]) * double(window[1]) * double(window[2]);
  return std::max(1, int(double(c.inferenceBatch) * patchVoxels / windowVoxels));
}

Outputs Predictor::predict(const Batch& whole, const std::function<void(int, int)>& onWindows) const {
  const auto& x = whole.sources;  // N x C x D x H x W
  const Size3 size{long(x.size(4)), long(x.size(3)), long(x.size(2))};
  const Size3 w = window(size);
  return slidingWindow(model_, whole, w, overlap_, windowsPerPass(config_, w), onWindows);
}

}  // namespace tiss
