#include "phantom/phantom_anatomy.h"

#include <algorithm>
#include <cmath>

namespace tiss::phantom {
namespace {

double smoothstep(double t) { return t * t * (3 - 2 * t); }

// Soft inside-test: ~1 where a > 0, ~0 where a < 0, over a transition of width ~w.
float soft(double a, double w) { return float(1.0 / (1.0 + std::exp(-a / w))); }

}  // namespace

SmoothField::SmoothField(Rng& rng, int lattice) : n_(lattice), values_(size_t(lattice * lattice * lattice)) {
  for (auto& v : values_) v = float(rng.uniform(-1, 1));
}

float SmoothField::operator()(double u, double v, double w) const {
  const double p[3] = {std::clamp(u, 0.0, 1.0) * (n_ - 1), std::clamp(v, 0.0, 1.0) * (n_ - 1),
                       std::clamp(w, 0.0, 1.0) * (n_ - 1)};
  int i[3];
  double t[3];
  for (int a = 0; a < 3; ++a) {
    i[a] = std::min(int(p[a]), n_ - 2);
    t[a] = smoothstep(p[a] - i[a]);
  }
  double sum = 0;
  for (int corner = 0; corner < 8; ++corner) {
    double weight = 1;
    int idx[3];
    for (int a = 0; a < 3; ++a) {
      const int bit = (corner >> a) & 1;
      idx[a] = i[a] + bit;
      weight *= bit ? t[a] : 1 - t[a];
    }
    sum += weight * values_[size_t(idx[0] + n_ * (idx[1] + n_ * idx[2]))];
  }
  return float(sum);
}

HeadModel::HeadModel(Rng& rng, PhantomLayout layout, const Geometry& geometry)
    : layout_(layout), geometry_(geometry), shape_(rng, 5), gyri_(rng, 14), tumorShape_(rng, 8),
      texture_(rng, 24) {
  const double jitter = rng.uniform(0.95, 1.05);
  if (layout == PhantomLayout::Brats) {
    headRadii_ = {68 * jitter, 85 * jitter, 62 * jitter};
    // Glioma: anywhere in the white matter, away from the centre line.
    const double theta = rng.uniform(0, 2 * M_PI), depth = rng.uniform(0.2, 0.42);
    const double zq = rng.uniform(-0.3, 0.35);
    tumorCentre_ = {depth * std::cos(theta) * headRadii_[0], depth * std::sin(theta) * headRadii_[1],
                    zq * headRadii_[2]};
    tumorRadius_ = rng.uniform(16, 30);
  } else {
    // The slab covers the posterior fossa: the head centre lies above it.
    headCentre_ = {0, 0, 30};
    headRadii_ = {72 * jitter, 90 * jitter, 75 * jitter};
    const double side = rng.uniform() < 0.5 ? -1 : 1;
    tumorCentre_ = {side * rng.uniform(26, 32), rng.uniform(4, 12), rng.uniform(-6, 6)};
    tumorRadius_ = rng.uniform(6, 12);
  }
}

std::array<double, 3> HeadModel::mm(long x, long y, long z) const {
  const long idx[3] = {x, y, z};
  std::array<double, 3> p{};
  for (int a = 0; a < 3; ++a) p[a] = (idx[a] - (geometry_.size[a] - 1) / 2.0) * geometry_.spacing[a];
  return p;
}

std::array<double, 3> HeadModel::unit(long x, long y, long z) const {
  const long idx[3] = {x, y, z};
  std::array<double, 3> u{};
  for (int a = 0; a < 3; ++a) u[a] = geometry_.size[a] > 1 ? double(idx[a]) / (geometry_.size[a] - 1) : 0.5;
  return u;
}

double HeadModel::radius(const std::array<double, 3>& p) const {
  double r2 = 0;
  for (int a = 0; a < 3; ++a) r2 += std::pow((p[a] - headCentre_[a]) / headRadii_[a], 2);
  return std::sqrt(r2);
}

double HeadModel::tumorDistance(const std::array<double, 3>& p) const {
  double d2 = 0;
  for (int a = 0; a < 3; ++a) d2 += std::pow(p[a] - tumorCentre_[a], 2);
  const auto u = std::array<double, 3>{p[0] / 240 + 0.5, p[1] / 240 + 0.5, p[2] / 240 + 0.5};
  return std::sqrt(d2) / tumorRadius_ * (1 + 0.3 * tumorShape_(u[0], u[1], u[2]));
}

float HeadModel::texture(long x, long y, long z) const {
  const auto u = unit(x, y, z);
  return texture_(u[0], u[1], u[2]);
}

Fractions HeadModel::fractions(long x, long y, long z) const {
  const auto p = mm(x, y, z);
  const auto u = unit(x, y, z);
  const double minSpacing = *std::min_element(geometry_.spacing.begin(), geometry_.spacing.end());
  const double w = 0.6 * minSpacing / 80.0;  // partial-volume width in radius units
  const double r = radius(p) * (1 + 0.04 * shape_(u[0], u[1], u[2]));
  const float head = soft(1 - r, w), skullIn = soft(0.94 - r, w), csfIn = soft(0.88 - r, w);
  const float brain = soft(0.83 - r, w), wmIn = std::min(brain, soft(0.68 + 0.07 * gyri_(u[0], u[1], u[2]) - r, w));
  std::array<double, 3> qv{};
  for (int a = 0; a < 3; ++a) qv[a] = (p[a] - headCentre_[a]) / headRadii_[a];
  const double v = std::sqrt(std::pow((std::abs(qv[0]) - 0.12) / 0.07, 2) + std::pow((qv[1] - 0.05) / 0.3, 2) +
                             std::pow((qv[2] - 0.12) / 0.14, 2));
  const float vent = soft(1 - v, 0.08) * brain;

  const double d = tumorDistance(p), wt = 0.6 * minSpacing / tumorRadius_;
  const float s = soft(1 - d, wt), core = std::min(s, soft(0.55 - d, wt)), nec = std::min(core, soft(0.33 - d, wt));
  const bool vs = layout_ == PhantomLayout::Vs;
  const float host = vs ? csfIn : brain;
  const float keep = 1 - s;

  Fractions f{};
  f[Background] = 1 - head;
  f[Fat] = head - skullIn;
  f[Skull] = skullIn - csfIn;
  f[Csf] = (csfIn - brain) * (vs ? keep : 1.f) + vent * keep;
  f[Gm] = std::max(0.f, brain - wmIn) * (1 - vent / std::max(brain, 1e-6f)) * keep;
  f[Wm] = wmIn * (1 - vent / std::max(brain, 1e-6f)) * keep;
  if (vs) {
    f[Enhancing] = host * s;
  } else {
    f[Edema] = host * (s - core);
    f[Enhancing] = host * (core - nec);
    f[Necrosis] = host * nec;
  }
  return f;
}

HeadVoxel HeadModel::at(long x, long y, long z) const {
  HeadVoxel v;
  v.f = fractions(x, y, z);
  v.label = label(x, y, z);
  v.texture = texture(x, y, z);
  v.brain = 1 - v.f[Background] - v.f[Fat] - v.f[Skull];
  return v;
}

int HeadModel::label(long x, long y, long z) const {
  const auto p = mm(x, y, z);
  const double r = radius(p) * (1 + 0.04 * shape_(unit(x, y, z)[0], unit(x, y, z)[1], unit(x, y, z)[2]));
  const bool vs = layout_ == PhantomLayout::Vs;
  if (r > (vs ? 0.88 : 0.83)) return 0;
  const double d = tumorDistance(p);
  if (d >= 1) return 0;
  if (vs) return 1;
  return d < 0.33 ? 1 : d < 0.55 ? 4 : 2;
}

}  // namespace tiss::phantom
