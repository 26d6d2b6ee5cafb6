#include <algorithm>
#include <cmath>

#include "phantom/phantom_template.h"

namespace tiss::phantom {
namespace {

float soft(double a, double w) { return float(1.0 / (1.0 + std::exp(-a / w))); }

// Row-major 3x3 product.
std::array<double, 9> multiply(const std::array<double, 9>& a, const std::array<double, 9>& b) {
  std::array<double, 9> c{};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k) c[size_t(i * 3 + j)] += a[size_t(i * 3 + k)] * b[size_t(k * 3 + j)];
  return c;
}

std::array<double, 9> rotation(int axis, double radians) {
  const double c = std::cos(radians), s = std::sin(radians);
  const int a = (axis + 1) % 3, b = (axis + 2) % 3;
  std::array<double, 9> r{1, 0, 0, 0, 1, 0, 0, 0, 1};
  r[size_t(a * 3 + a)] = c, r[size_t(a * 3 + b)] = -s, r[size_t(b * 3 + a)] = s, r[size_t(b * 3 + b)] = c;
  return r;
}

double degrees(double d) { return d * M_PI / 180; }

}  // namespace

Vec3 TemplateHead::centre(PhantomLayout layout, const TemplateAnatomy& anatomy) {
  // MNI (RAS) x 0, y -22, z -32 is the pons between the internal auditory canals; LPS flips x, y.
  return layout == PhantomLayout::Brats ? anatomy.brainCentre : Vec3{0, 22, -32};
}

TemplateHead::TemplateHead(Rng& rng, PhantomLayout layout, const Geometry& geometry,
                           std::shared_ptr<const TemplateAnatomy> anatomy)
    : layout_(layout), geometry_(geometry), anatomy_(std::move(anatomy)),
      deformation_{SmoothField(rng, 5), SmoothField(rng, 5), SmoothField(rng, 5)}, tumorShape_(rng, 6),
      edemaShape_(rng, 7), texture_(rng, 24) {
  // Patients differ in head size and shape; pose differs little, since BraTS-like data are
  // registered rigidly to an atlas: a few degrees of rotation, +-5 % scaling (never larger
  // in z, where the BraTS field of view is tight) and a smooth deformation of 1.5-3 mm.
  std::array<double, 9> a = multiply(rotation(2, degrees(rng.uniform(-4, 4))),
                                     multiply(rotation(1, degrees(rng.uniform(-3, 3))), rotation(0, degrees(rng.uniform(-3, 3)))));
  const double scale[3] = {rng.uniform(0.95, 1.05), rng.uniform(0.95, 1.05), rng.uniform(0.95, 1.0)};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) a[size_t(i * 3 + j)] *= scale[j];
  affine_ = a;
  outCentre_ = centre(layout, *anatomy_);
  deformationMm_ = rng.uniform(1.5, 3);
  if (layout == PhantomLayout::Brats)
    placeGlioma(rng);
  else
    placeSchwannoma(rng);
}

bool TemplateHead::fitsInBrain(const Vec3& c, double radius) const {
  for (int dx = -1; dx <= 1; ++dx)
    for (int dy = -1; dy <= 1; ++dy)
      for (int dz = -1; dz <= 1; ++dz) {
        if (!dx && !dy && !dz) continue;
        const double len = std::sqrt(double(dx * dx + dy * dy + dz * dz));
        const Vec3 p{c[0] + radius * dx / len, c[1] + radius * dy / len, c[2] + radius * dz / len};
        if (anatomy_->sample(p)[1] < 0.5f) return false;
      }
  return true;
}

void TemplateHead::placeGlioma(Rng& rng) {
  // The core (enhancing rim around an optional necrosis) sits in deep white matter, the edema
  // reaches 1.6-2.6 core radii along the white matter; both stay inside the brain.
  double radius = rng.uniform(11, 20);
  edemaScale_ = rng.uniform(1.6, 2.6);
  necrosis_ = rng.uniform() < 0.8 ? rng.uniform(0.3, 0.6) : 0.0;
  const auto& candidates = anatomy_->whiteMatter;
  for (int attempt = 0; attempt < 400 && !candidates.empty(); ++attempt) {
    const Vec3 c = candidates[size_t(rng.integer(0, long(candidates.size()) - 1))];
    if (fitsInBrain(c, radius * 1.2 + 3)) {
      tumorCentre_ = c;
      break;
    }
    tumorCentre_ = c;
    if (attempt % 50 == 49) radius *= 0.85;  // a small brain or an unlucky draw: shrink
  }
  for (int k = 0; k < 3; ++k) tumorRadii_[size_t(k)] = radius * rng.uniform(0.85, 1.15);
  massRadius_ = 0.7 * radius;
}

void TemplateHead::placeSchwannoma(Rng& rng) {
  // Vestibular schwannoma: in the cerebellopontine angle at the porus of the internal auditory
  // canal (MNI x +-18..24, y -32..-26, z -36..-30), elongated laterally into the canal.
  const double side = rng.uniform() < 0.5 ? -1 : 1;
  tumorCentre_ = {-side * rng.uniform(18, 24), -rng.uniform(-32, -26), rng.uniform(-36, -30)};
  const double radius = rng.uniform(5, 11);
  tumorRadii_ = {radius * rng.uniform(1.2, 1.5), radius, radius * rng.uniform(0.85, 1.1)};
  necrosis_ = 0;
  massRadius_ = 0.6 * radius;
}

Vec3 TemplateHead::warp(const Vec3& p, const std::array<double, 3>& u) const {
  Vec3 q{};
  for (int i = 0; i < 3; ++i) {
    double v = outCentre_[size_t(i)];
    for (int j = 0; j < 3; ++j) v += affine_[size_t(i * 3 + j)] * (p[size_t(j)] - outCentre_[size_t(j)]);
    q[size_t(i)] = v + deformationMm_ * deformation_[size_t(i)](u[0], u[1], u[2]);
  }
  return q;
}

HeadVoxel TemplateHead::at(long x, long y, long z) const {
  const Vec3 p = geometry_.indexToPhysical({double(x), double(y), double(z)});
  const long idx[3] = {x, y, z};
  std::array<double, 3> u{};
  for (int a = 0; a < 3; ++a) u[size_t(a)] = geometry_.size[a] > 1 ? double(idx[a]) / double(geometry_.size[a] - 1) : 0.5;
  const Vec3 q = warp(p, u);

  // Distances in the tumor's frame, before the mass effect moved the tissue around it.
  Vec3 dv{};
  double r2 = 0, d2 = 0;
  for (int a = 0; a < 3; ++a) {
    dv[size_t(a)] = q[size_t(a)] - tumorCentre_[size_t(a)];
    r2 += dv[size_t(a)] * dv[size_t(a)];
    d2 += std::pow(dv[size_t(a)] / tumorRadii_[size_t(a)], 2);
  }
  const double r = std::sqrt(r2), meanRadius = (tumorRadii_[0] + tumorRadii_[1] + tumorRadii_[2]) / 3;
  auto local = [&](double scale, int a) { return dv[size_t(a)] / (4 * scale * meanRadius) + 0.5; };
  const double dCore = std::sqrt(d2) * (1 + 0.2 * tumorShape_(local(1, 0), local(1, 1), local(1, 2)));

  // Mass effect: the core's volume pushes the tissue outwards (incompressible, radial), so a
  // point at distance r shows the tissue that was at cbrt(r^3 - R^3); far away it fades as R^3/r^2.
  Vec3 source = q;
  if (r > 1e-6) {
    const double rs = std::cbrt(std::max(0.0, r2 * r - std::pow(massRadius_, 3)));
    for (int a = 0; a < 3; ++a) source[size_t(a)] = tumorCentre_[size_t(a)] + dv[size_t(a)] * rs / r;
  }
  const auto sampled = anatomy_->sample(source);
  HeadVoxel v;
  v.f = anatomy_->fractions(sampled);
  v.brain = std::clamp(sampled[1], 0.f, 1.f);
  v.texture = texture_(u[0], u[1], u[2]);

  const double minSpacing = *std::min_element(geometry_.spacing.begin(), geometry_.spacing.end());
  const double w = 0.6 * minSpacing / meanRadius;
  const bool vs = layout_ == PhantomLayout::Vs;
  const float host = vs ? 1 - v.f[Background] : v.brain;
  const float core = soft(1 - dCore, w) * host;
  const float nec = necrosis_ > 0 ? std::min(core, soft(necrosis_ - dCore, w)) : 0.f;
  for (auto& t : v.f) t *= 1 - core;
  float edema = 0;
  if (!vs) {
    const double dEdema = r / (edemaScale_ * meanRadius) *
                          (1 + 0.35 * edemaShape_(local(edemaScale_, 0), local(edemaScale_, 1), local(edemaScale_, 2)));
    // Vasogenic edema spreads along the white matter and largely spares the cortex.
    const float e = soft(1 - dEdema, w / edemaScale_);
    const float wmLoss = e * v.f[Wm], gmLoss = 0.25f * e * v.f[Gm];
    v.f[Wm] -= wmLoss;
    v.f[Gm] -= gmLoss;
    edema = wmLoss + gmLoss;
  }
  v.f[Edema] += edema;
  v.f[Necrosis] += nec;
  v.f[Enhancing] += core - nec;
  if (core >= 0.5f)
    v.label = vs ? 1 : nec >= 0.5f ? 1 : 4;
  else if (edema >= 0.5f)
    v.label = 2;
  return v;
}

}  // namespace tiss::phantom
