#include "slice/SliceRenderer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace tiss::viewers {

WindowLevel WindowLevel::fromPercentiles(const Volume& v, double lo, double hi) {
  std::vector<float> values;
  values.reserve(v.voxels.size());
  for (float x : v.voxels)
    if (x != 0.f) values.push_back(x);
  if (values.empty()) values = v.voxels;
  if (values.empty()) return {};
  auto at = [&](double q) {
    const size_t k = std::min(values.size() - 1, size_t(q / 100.0 * double(values.size() - 1) + 0.5));
    std::nth_element(values.begin(), values.begin() + long(k), values.end());
    return double(values[k]);
  };
  const double a = at(lo), b = at(hi);
  return b > a ? fromRange(a, b) : fromRange(a - 0.5, a + 0.5);
}

WindowLevel WindowLevel::fromPreset(const Volume& v, Preset preset) {
  switch (preset) {
    case Preset::Full: return fromPercentiles(v, 0, 100);
    case Preset::Wide: return fromPercentiles(v, 0.1, 99.9);
    case Preset::Narrow: return fromPercentiles(v, 5, 95);
    case Preset::Auto: break;
  }
  return fromPercentiles(v);
}

int WindowLevel::grey(double value) const {
  const double w = std::max(window, 1e-12);
  const double t = (value - (level - w / 2)) / w;
  return int(std::lround(std::clamp(t, 0.0, 1.0) * 255.0));
}

SlicePlane slicePlane(SliceAxis axis) {
  // Coronal and sagittal show z upwards.
  return {axis == SliceAxis::Sagittal ? 1 : 0, axis == SliceAxis::Axial ? 1 : 2, axis != SliceAxis::Axial};
}

long sliceCount(const Volume& v, SliceAxis axis) { return v.size()[int(axis)]; }

QImage renderSlice(const Volume& v, SliceAxis axis, long index, const WindowLevel& wl) {
  if (index < 0 || index >= sliceCount(v, axis)) return {};
  const Size3& n = v.size();
  const SlicePlane plane = slicePlane(axis);
  const int col = plane.column, row = plane.row;
  const bool flipRows = plane.flipRows;
  QImage img(int(n[col]), int(n[row]), QImage::Format_Grayscale8);
  for (long r = 0; r < n[row]; ++r) {
    uchar* line = img.scanLine(int(flipRows ? n[row] - 1 - r : r));
    for (long c = 0; c < n[col]; ++c) {
      long p[3];
      p[int(axis)] = index;
      p[col] = c;
      p[row] = r;
      line[c] = uchar(wl.grey(v.at(p[0], p[1], p[2])));
    }
  }
  return img;
}

}  // namespace tiss::viewers
