#include <algorithm>

#include "tiss/metrics/metrics.h"

namespace tiss {

Volume tumorMask(const Volume& label) {
  Volume m(label.geometry, 0.f, PixelType::UInt8);
  std::transform(label.voxels.begin(), label.voxels.end(), m.voxels.begin(),
                 [](float v) { return v > 0 ? 1.f : 0.f; });
  return m;
}

double dicePercent(const Volume& p, const Volume& t) {
  long both = 0, np = 0, nt = 0;
  for (size_t i = 0; i < p.voxels.size(); ++i) {
    const bool a = p.voxels[i] > 0.5f, b = t.voxels[i] > 0.5f;
    both += a && b;
    np += a;
    nt += b;
  }
  if (np + nt == 0) return 100.0;
  return 200.0 * double(both) / double(np + nt);
}

Result<SegmentationScores> segmentationScores(const Volume& p, const Volume& t, SurfaceConvention convention) {
  if (!p.geometry.sameAs(t.geometry))
    return makeError("", "prediction and ground truth differ in shape, spacing, origin or direction");
  const SurfaceDistances d = surfaceDistances(p, t, convention);
  return SegmentationScores{dicePercent(p, t), d.assdMm, d.hd95Mm};
}

}  // namespace tiss
