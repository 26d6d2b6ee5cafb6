#include "phantom/phantom_template.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>

#include "tiss/io/image_io.h"

namespace fs = std::filesystem;

namespace tiss::phantom {
namespace {

constexpr float kHeadThreshold = 25;  // ch2 T1 above this is tissue, below air or bone
constexpr int kCsfBandMm = 3;

Error missingTemplate(const std::string& file) {
  return makeError(file, "the brain template is missing: install Debian's mricron-data (scripts/setup does), "
                         "set TISS_TEMPLATE_DIR, or use --anatomy ellipsoid");
}

// Fills the head: a voxel is inside when it lies between the first and last tissue voxel of
// its row along each of the three axes (closes the dark skull and sinuses inside the scalp).
std::vector<char> headMask(const Volume& t1) {
  const Size3 n = t1.size();
  std::vector<char> inside(t1.voxels.size(), 1);
  for (int axis = 0; axis < 3; ++axis) {
    const int a = (axis + 1) % 3, b = (axis + 2) % 3;
    for (long i = 0; i < n[a]; ++i)
      for (long j = 0; j < n[b]; ++j) {
        auto offsetAt = [&](long k) {
          Index3 idx{};
          idx[axis] = k, idx[a] = i, idx[b] = j;
          return t1.offset(idx[0], idx[1], idx[2]);
        };
        long first = n[axis], last = -1;
        for (long k = 0; k < n[axis]; ++k)
          if (t1.voxels[offsetAt(k)] > kHeadThreshold) first = std::min(first, k), last = k;
        for (long k = 0; k < n[axis]; ++k)
          if (k < first || k > last) inside[offsetAt(k)] = 0;
      }
  }
  return inside;
}

// Voxels outside `brain` within `steps` 6-neighbour steps of it.
std::vector<char> bandAround(const std::vector<char>& brain, const Size3& n, int steps) {
  std::vector<char> grown = brain;
  const long stride[3] = {1, n[0], n[0] * n[1]};
  for (int s = 0; s < steps; ++s) {
    std::vector<char> next = grown;
    for (long z = 1; z + 1 < n[2]; ++z)
      for (long y = 1; y + 1 < n[1]; ++y)
        for (long x = 1; x + 1 < n[0]; ++x) {
          const long i = x + n[0] * (y + n[1] * z);
          if (grown[size_t(i)]) continue;
          for (long st : stride)
            if (grown[size_t(i + st)] || grown[size_t(i - st)]) next[size_t(i)] = 1;
        }
    grown.swap(next);
  }
  for (size_t i = 0; i < grown.size(); ++i) grown[i] = grown[i] && !brain[i];
  return grown;
}

Result<std::shared_ptr<const TemplateAnatomy>> buildTemplate(const std::string& dir) {
  const std::string t1Path = (fs::path(dir) / "ch2.nii.gz").string(), betPath = (fs::path(dir) / "ch2bet.nii.gz").string();
  for (const auto& p : {t1Path, betPath})
    if (!fs::exists(p)) return missingTemplate(p);
  auto t1 = readVolume(t1Path);
  if (!t1) return t1.error();
  auto bet = readVolume(betPath);
  if (!bet) return bet.error();
  if (!bet->geometry.sameAs(t1->geometry)) return makeError(betPath, "does not share the grid of ch2.nii.gz");

  auto a = std::make_shared<TemplateAnatomy>();
  a->geometry = t1->geometry;
  const Size3 n = t1->size();
  std::vector<char> brain(t1->voxels.size());
  std::array<double, 256> histogram{};
  Index3 lo{n[0], n[1], n[2]}, hi{-1, -1, -1};
  for (long z = 0; z < n[2]; ++z)
    for (long y = 0; y < n[1]; ++y)
      for (long x = 0; x < n[0]; ++x) {
        const size_t i = t1->offset(x, y, z);
        if (!(bet->voxels[i] > 0)) continue;
        brain[i] = 1;
        histogram[size_t(std::clamp(int(std::lround(t1->voxels[i])), 0, 255))] += 1;
        const long idx[3] = {x, y, z};
        for (int k = 0; k < 3; ++k) lo[k] = std::min(lo[k], idx[k]), hi[k] = std::max(hi[k], idx[k]);
      }
  if (hi[0] < 0) return makeError(betPath, "holds no brain voxel");
  a->otsu = multiOtsu3(histogram);
  std::array<double, 3> sum{}, count{};
  for (int v = 0; v < 256; ++v) {
    const int c = v < a->otsu[0] ? 0 : v < a->otsu[1] ? 1 : 2;
    sum[size_t(c)] += v * histogram[size_t(v)];
    count[size_t(c)] += histogram[size_t(v)];
  }
  for (int c = 0; c < 3; ++c) a->classMeans[size_t(c)] = float(sum[size_t(c)] / std::max(1.0, count[size_t(c)]));
  a->brainCentre = t1->geometry.indexToPhysical({(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0, (lo[2] + hi[2]) / 2.0});

  const std::vector<char> head = headMask(*t1), band = bandAround(brain, n, kCsfBandMm);
  a->channels.resize(t1->voxels.size());
  const double midX = (lo[0] + hi[0]) / 2.0;
  for (long z = 0; z < n[2]; ++z)
    for (long y = 0; y < n[1]; ++y)
      for (long x = 0; x < n[0]; ++x) {
        const size_t i = t1->offset(x, y, z);
        a->channels[i] = {t1->voxels[i], float(brain[i]), float(head[i] || brain[i]), float(band[i])};
        // Candidate glioma centres: pure white matter at least 10 mm off the midline.
        if (brain[i] && t1->voxels[i] >= a->classMeans[2] && std::abs(x - midX) * t1->spacing()[0] >= 10 &&
            (x + y + z) % 3 == 0)
          a->whiteMatter.push_back(t1->geometry.indexToPhysical({double(x), double(y), double(z)}));
      }
  return std::shared_ptr<const TemplateAnatomy>(std::move(a));
}

float clamp01(float v) { return std::clamp(v, 0.f, 1.f); }

}  // namespace

std::array<int, 2> multiOtsu3(const std::array<double, 256>& h) {
  // Prefix sums of counts and first moments make each class's weight and mean O(1).
  std::array<double, 257> w{}, m{};
  for (int v = 0; v < 256; ++v) w[size_t(v + 1)] = w[size_t(v)] + h[size_t(v)], m[size_t(v + 1)] = m[size_t(v)] + v * h[size_t(v)];
  auto term = [&](int from, int to) {  // weight * mean^2 of bins [from, to)
    const double wc = w[size_t(to)] - w[size_t(from)];
    return wc > 0 ? std::pow(m[size_t(to)] - m[size_t(from)], 2) / wc : 0.0;
  };
  std::array<int, 2> best{1, 2};
  double bestScore = -1;
  for (int t0 = 1; t0 < 255; ++t0)
    for (int t1 = t0 + 1; t1 < 256; ++t1) {
      const double score = term(0, t0) + term(t0, t1) + term(t1, 256);
      if (score > bestScore) bestScore = score, best = {t0, t1};
    }
  return best;
}

Result<std::shared_ptr<const TemplateAnatomy>> loadTemplate(const std::string& dir) {
  static std::mutex lock;
  static std::map<std::string, std::shared_ptr<const TemplateAnatomy>> loaded;
  std::lock_guard<std::mutex> guard(lock);
  if (auto it = loaded.find(dir); it != loaded.end()) return it->second;
  auto anatomy = buildTemplate(dir);
  if (anatomy) loaded[dir] = *anatomy;
  return anatomy;
}

std::array<float, 4> TemplateAnatomy::sample(const Vec3& p) const {
  const auto& d = geometry.direction;
  double idx[3];
  for (int a = 0; a < 3; ++a)
    idx[a] = (d[0 * 3 + a] * (p[0] - geometry.origin[0]) + d[1 * 3 + a] * (p[1] - geometry.origin[1]) +
              d[2 * 3 + a] * (p[2] - geometry.origin[2])) / geometry.spacing[a];
  long i0[3];
  double t[3];
  for (int a = 0; a < 3; ++a) {
    if (!(idx[a] >= 0 && idx[a] <= geometry.size[a] - 1)) return {0, 0, 0, 0};
    i0[a] = std::min(long(idx[a]), geometry.size[a] - 2);
    t[a] = idx[a] - double(i0[a]);
  }
  std::array<float, 4> out{};
  for (int corner = 0; corner < 8; ++corner) {
    double weight = 1;
    long o = 0, stride = 1;
    for (int a = 0; a < 3; ++a) {
      const int bit = (corner >> a) & 1;
      weight *= bit ? t[a] : 1 - t[a];
      o += (i0[a] + bit) * stride;
      stride *= geometry.size[a];
    }
    const auto& c = channels[size_t(o)];
    for (int k = 0; k < 4; ++k) out[size_t(k)] += float(weight) * c[size_t(k)];
  }
  return out;
}

Fractions TemplateAnatomy::fractions(const std::array<float, 4>& s) const {
  const float intensity = s[0], brain = clamp01(s[1]), head = std::max(clamp01(s[2]), brain), band = clamp01(s[3]);
  Fractions f{};
  // Brain: linear partial volume between neighbouring class means (CSF-GM, GM-WM).
  const auto& mu = classMeans;
  const float gmWm = clamp01((intensity - mu[1]) / (mu[2] - mu[1]));
  const float csfGm = clamp01((intensity - mu[0]) / (mu[1] - mu[0]));
  f[Wm] = brain * gmWm;
  f[Gm] = brain * (intensity >= mu[1] ? 1 - gmWm : csfGm);
  f[Csf] = brain * (intensity >= mu[1] ? 0 : 1 - csfGm);
  // Outside the brain, inside the head: dark is CSF next to the brain and bone further out,
  // bright is scalp and fat.
  const float rest = head - brain;
  const float bright = clamp01((intensity - 40) / 110);
  f[Fat] = rest * bright;
  f[Csf] += rest * (1 - bright) * band;
  f[Skull] = rest * (1 - bright) * (1 - band);
  f[Background] = 1 - head;
  return f;
}

}  // namespace tiss::phantom
