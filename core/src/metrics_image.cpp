#include <algorithm>
#include <cmath>

#include "tiss/metrics.h"

namespace tiss {
namespace {

constexpr double kSigma = 1.5;
constexpr int kRadius = 5;

std::vector<double> gaussian() {
  std::vector<double> k(2 * kRadius + 1);
  double sum = 0;
  for (int i = -kRadius; i <= kRadius; ++i) sum += k[size_t(i + kRadius)] = std::exp(-i * i / (2 * kSigma * kSigma));
  for (auto& w : k) w /= sum;
  return k;
}

// Separable Gaussian smoothing along each axis in turn, replicating border voxels.
std::vector<float> smooth(std::vector<float> v, const Size3& n) {
  static const std::vector<double> k = gaussian();
  std::vector<float> tmp(v.size());
  const long stride[3] = {1, n[0], n[0] * n[1]};
  for (int a = 0; a < 3; ++a) {
    for (long z = 0; z < n[2]; ++z)
      for (long y = 0; y < n[1]; ++y)
        for (long x = 0; x < n[0]; ++x) {
          const long idx[3] = {x, y, z};
          const long base = x + n[0] * (y + n[1] * z) - idx[a] * stride[a];
          double acc = 0;
          for (int i = -kRadius; i <= kRadius; ++i) {
            const long j = std::clamp(idx[a] + i, 0L, n[a] - 1);
            acc += k[size_t(i + kRadius)] * v[size_t(base + j * stride[a])];
          }
          tmp[size_t(x + n[0] * (y + n[1] * z))] = float(acc);
        }
    std::swap(v, tmp);
  }
  return v;
}

template <class Fn>
double meanOver(const Volume& like, const Box& region, Fn value) {
  const Box b = region.empty() ? Box{{0, 0, 0}, like.size()} : region;
  double sum = 0;
  for (long z = b.begin[2]; z < b.end(2); ++z)
    for (long y = b.begin[1]; y < b.end(1); ++y)
      for (long x = b.begin[0]; x < b.end(0); ++x) sum += value(like.offset(x, y, z));
  return sum / double(b.size[0] * b.size[1] * b.size[2]);
}

// Local SSIM at every voxel (Wang et al. 2004, Gaussian-weighted statistics).
std::vector<float> ssimMap(const Volume& img, const Volume& ref, double range) {
  const Size3& n = ref.size();
  std::vector<float> xx(img.voxels.size()), yy(xx.size()), xy(xx.size());
  for (size_t i = 0; i < xx.size(); ++i) {
    xx[i] = img.voxels[i] * img.voxels[i];
    yy[i] = ref.voxels[i] * ref.voxels[i];
    xy[i] = img.voxels[i] * ref.voxels[i];
  }
  const auto mx = smooth(img.voxels, n), my = smooth(ref.voxels, n);
  const auto sxx = smooth(std::move(xx), n), syy = smooth(std::move(yy), n), sxy = smooth(std::move(xy), n);
  const double c1 = std::pow(0.01 * range, 2), c2 = std::pow(0.03 * range, 2);
  std::vector<float> map(mx.size());
  for (size_t i = 0; i < map.size(); ++i) {
    const double ux = mx[i], uy = my[i];
    const double vx = sxx[i] - ux * ux, vy = syy[i] - uy * uy, cxy = sxy[i] - ux * uy;
    map[i] = float(((2 * ux * uy + c1) * (2 * cxy + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2)));
  }
  return map;
}

}  // namespace

double dataRange(const Volume& r) {
  const auto [lo, hi] = std::minmax_element(r.voxels.begin(), r.voxels.end());
  return lo == r.voxels.end() || *hi == *lo ? 1.0 : double(*hi - *lo);
}

double psnr(const Volume& img, const Volume& ref, double range, const Box& region) {
  const double mse = meanOver(ref, region, [&](size_t i) {
    const double d = double(img.voxels[i]) - ref.voxels[i];
    return d * d;
  });
  if (mse <= 0) return 100.0;
  return std::min(100.0, 10 * std::log10(range * range / mse));
}

double ssim(const Volume& img, const Volume& ref, double range, const Box& region) {
  const auto map = ssimMap(img, ref, range);
  return meanOver(ref, region, [&](size_t i) { return double(map[i]); });
}

Result<SynthesisScores> synthesisScores(const Volume& img, const Volume& ref, const Volume& truthMask, double range) {
  if (!img.geometry.sameAs(ref.geometry) || !ref.geometry.sameAs(truthMask.geometry))
    return makeError("", "image, reference and mask differ in shape, spacing, origin or direction");
  const double L = range > 0 ? range : dataRange(ref);
  const Box local = boundingBox(truthMask, 0.5f);
  SynthesisScores s;
  s.psnrGlobalDb = psnr(img, ref, L);
  s.psnrLocalDb = psnr(img, ref, L, local);
  const auto map = ssimMap(img, ref, L);
  s.ssimGlobal = meanOver(ref, {}, [&](size_t i) { return double(map[i]); });
  s.ssimLocal = meanOver(ref, local, [&](size_t i) { return double(map[i]); });
  return s;
}

}  // namespace tiss
