#include <algorithm>
#include <cmath>
#include <limits>

#include "tiss/metrics/metrics.h"

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

template <class Fn>
double meanOverMask(const Volume& mask, Fn value) {
  double sum = 0;
  size_t n = 0;
  for (size_t i = 0; i < mask.voxels.size(); ++i)
    if (mask.voxels[i] > 0.5f) {
      sum += value(i);
      ++n;
    }
  return n ? sum / double(n) : std::nan("");
}

// The whole image when the mask is empty of voxels or of foreground.
bool usable(const Volume& mask, const Volume& like) {
  if (mask.voxels.size() != like.voxels.size()) return false;
  return std::any_of(mask.voxels.begin(), mask.voxels.end(), [](float v) { return v > 0.5f; });
}

double psnrOf(double mse, double range) {
  if (!(mse > 0)) return 100.0;
  return std::min(100.0, 10 * std::log10(range * range / mse));
}

// Nearest-rank percentile of the values above `floor`, like the head threshold.
float percentileAbove(const std::vector<float>& voxels, float floor, double q) {
  std::vector<float> v;
  for (float x : voxels)
    if (x > floor) v.push_back(x);
  if (v.empty()) return floor;
  const size_t k = std::min(v.size() - 1, size_t(q / 100.0 * double(v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + long(k), v.end());
  return v[k];
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

Volume referenceHead(const Volume& ref) {
  Volume m(ref.geometry, 0.f, PixelType::UInt8);
  if (ref.voxels.empty()) return m;
  const float lo = *std::min_element(ref.voxels.begin(), ref.voxels.end());
  const float hi = percentileAbove(ref.voxels, -std::numeric_limits<float>::infinity(), 99.5);
  const float t = lo + 0.05f * (hi - lo);
  for (size_t i = 0; i < m.voxels.size(); ++i) m.voxels[i] = ref.voxels[i] > t ? 1.f : 0.f;
  return m;
}

double psnr(const Volume& img, const Volume& ref, double range, const Box& region) {
  return psnrOf(meanOver(ref, region, [&](size_t i) {
    const double d = double(img.voxels[i]) - ref.voxels[i];
    return d * d;
  }), range);
}

double psnr(const Volume& img, const Volume& ref, double range, const Volume& mask) {
  if (!usable(mask, ref)) return psnr(img, ref, range, Box{});
  return psnrOf(meanOverMask(mask, [&](size_t i) {
    const double d = double(img.voxels[i]) - ref.voxels[i];
    return d * d;
  }), range);
}

double ssim(const Volume& img, const Volume& ref, double range, const Volume& mask) {
  if (!usable(mask, ref)) return ssim(img, ref, range, Box{});
  const auto map = ssimMap(img, ref, range);
  return meanOverMask(mask, [&](size_t i) { return double(map[i]); });
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
  const Volume head = referenceHead(ref);
  SynthesisScores s;
  s.psnrGlobalDb = psnr(img, ref, L, head);
  s.psnrLocalDb = psnr(img, ref, L, local);
  const auto map = ssimMap(img, ref, L);
  s.ssimGlobal = usable(head, ref) ? meanOverMask(head, [&](size_t i) { return double(map[i]); })
                                   : meanOver(ref, {}, [&](size_t i) { return double(map[i]); });
  s.ssimLocal = meanOver(ref, local, [&](size_t i) { return double(map[i]); });
  return s;
}

Volume brasynNormalize(const Volume& image) {
  const float lo = percentileAbove(image.voxels, 0.f, 0.5), hi = percentileAbove(image.voxels, 0.f, 99.5);
  Volume out(image.geometry, 0.f, PixelType::Float32);
  const float scale = hi > lo ? 1.f / (hi - lo) : 0.f;
  for (size_t i = 0; i < out.voxels.size(); ++i) out.voxels[i] = std::clamp((image.voxels[i] - lo) * scale, 0.f, 1.f);
  return out;
}

Result<BrasynScores> brasynScores(const Volume& img, const Volume& ref, const Volume& truthMask) {
  if (!img.geometry.sameAs(ref.geometry) || !ref.geometry.sameAs(truthMask.geometry))
    return makeError("", "image, reference and mask differ in shape, spacing, origin or direction");
  const Volume x = brasynNormalize(img), y = brasynNormalize(ref), head = referenceHead(ref);
  auto masked = [](const Volume& v, const Volume& m) {
    Volume out = v;
    for (size_t i = 0; i < out.voxels.size(); ++i) out.voxels[i] *= float(m.voxels[i] > 0.5f);
    return out;
  };
  Volume healthy = head;
  for (size_t i = 0; i < healthy.voxels.size(); ++i) healthy.voxels[i] *= float(truthMask.voxels[i] <= 0.5f);
  BrasynScores s;
  s.psnrDb = psnr(x, y, 1.0, head);
  s.ssimTumor = ssim(masked(x, truthMask), masked(y, truthMask), 1.0, Box{});
  s.ssimHealthy = ssim(masked(x, healthy), masked(y, healthy), 1.0, Box{});
  return s;
}

}  // namespace tiss
