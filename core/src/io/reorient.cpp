#include <algorithm>
#include <cmath>

#include "tiss/io/volume.h"

namespace tiss {
namespace {

// For each physical axis r, the index axis whose direction column is closest to it and the
// sign of that component.
struct AxisMap {
  std::array<int, 3> indexAxis{0, 1, 2};
  std::array<int, 3> sign{1, 1, 1};
};

AxisMap closestAxes(const Geometry& g) {
  AxisMap m;
  std::array<bool, 3> rowUsed{false, false, false}, colUsed{false, false, false};
  // Greedy by the largest cosine, so the result is always a permutation.
  for (int step = 0; step < 3; ++step) {
    int bestR = 0, bestC = 0;
    double best = -1;
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) {
        const double a = std::abs(g.direction[size_t(r * 3 + c)]);
        if (!rowUsed[size_t(r)] && !colUsed[size_t(c)] && a > best) best = a, bestR = r, bestC = c;
      }
    rowUsed[size_t(bestR)] = colUsed[size_t(bestC)] = true;
    m.indexAxis[size_t(bestR)] = bestC;
    m.sign[size_t(bestR)] = g.direction[size_t(bestR * 3 + bestC)] < 0 ? -1 : 1;
  }
  return m;
}

}  // namespace

double obliquity(const Geometry& g) {
  const AxisMap m = closestAxes(g);
  double worst = 0;
  for (int r = 0; r < 3; ++r) {
    const double c = std::min(1.0, std::abs(g.direction[size_t(r * 3 + m.indexAxis[size_t(r)])]));
    worst = std::max(worst, std::acos(c) * 180.0 / M_PI);
  }
  return worst;
}

Volume reorientToLps(const Volume& v) {
  const AxisMap m = closestAxes(v.geometry);
  Geometry g;
  for (int r = 0; r < 3; ++r) {
    g.size[size_t(r)] = v.size()[size_t(m.indexAxis[size_t(r)])];
    g.spacing[size_t(r)] = v.spacing()[size_t(m.indexAxis[size_t(r)])];
  }
  // New index axis r is old axis indexAxis[r], reversed when its sign is negative; the new
  // direction column r is the old column times that sign.
  for (int r = 0; r < 3; ++r)
    for (int k = 0; k < 3; ++k)
      g.direction[size_t(k * 3 + r)] = v.geometry.direction[size_t(k * 3 + m.indexAxis[size_t(r)])] * m.sign[size_t(r)];
  Vec3 firstVoxel{0, 0, 0};
  for (int r = 0; r < 3; ++r)
    if (m.sign[size_t(r)] < 0) firstVoxel[size_t(m.indexAxis[size_t(r)])] = double(g.size[size_t(r)] - 1);
  g.origin = v.geometry.indexToPhysical(firstVoxel);
  Volume out(g, 0.f, v.pixelType);
  long old[3];
  for (long z = 0; z < g.size[2]; ++z)
    for (long y = 0; y < g.size[1]; ++y)
      for (long x = 0; x < g.size[0]; ++x) {
        const long idx[3] = {x, y, z};
        for (int r = 0; r < 3; ++r)
          old[m.indexAxis[size_t(r)]] = m.sign[size_t(r)] < 0 ? g.size[size_t(r)] - 1 - idx[r] : idx[r];
        out.at(x, y, z) = v.at(old[0], old[1], old[2]);
      }
  return out;
}

}  // namespace tiss
