#include "tiss/data/phantom.h"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "data/phantom_anatomy.h"
#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"
#include "tiss/util/parallel.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

using phantom::Fractions;
using phantom::HeadModel;
using phantom::TissueCount;

// Mean intensity of each tissue (Bg, Fat, Skull, Csf, Gm, Wm, Edema, Necrosis, Enhancing).
// Sources show the tumor faintly (edema close to grey matter in T1/T2); the targets show it
// clearly (FLAIR edema, ceT1 enhancement) and suppress CSF, a nonlinear map of the sources.
struct Contrast {
  const char* key;
  std::array<float, TissueCount> mean;
};
const Contrast kT1{"t1", {0, 900, 60, 250, 550, 750, 500, 300, 560}};
const Contrast kT1ce{"t1ce", {0, 900, 60, 260, 570, 760, 520, 310, 1050}};
const Contrast kT2{"t2", {0, 700, 50, 1000, 650, 500, 590, 850, 610}};
const Contrast kFlair{"flair", {0, 650, 40, 120, 600, 450, 980, 700, 820}};

struct LayoutInfo {
  std::vector<std::pair<std::string, Contrast>> modalities;  // file key, contrast
  Vec3 fieldOfViewMm;
  const char* idPrefix;
};

LayoutInfo layoutInfo(PhantomLayout layout) {
  if (layout == PhantomLayout::Brats)
    return {{{"t1", kT1}, {"t1ce", kT1ce}, {"t2", kT2}, {"flair", kFlair}}, {240, 240, 155}, "BraTS20_Phantom_"};
  return {{{"T2", kT2}, {"ceT1", kT1ce}}, {205, 205, 72}, "VS_Phantom_"};
}

Geometry phantomGeometry(PhantomLayout layout, const Size3& size) {
  Geometry g;
  g.size = size;
  const Vec3 fov = layoutInfo(layout).fieldOfViewMm;
  // NIfTI files stored in RAS read as LPS with the first two axes flipped.
  g.direction = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
  for (int a = 0; a < 3; ++a) {
    g.spacing[a] = std::round(fov[a] / double(size[a]) * 1e4) / 1e4;
    const double half = g.spacing[a] * (size[a] - 1) / 2.0;
    g.origin[a] = g.direction[a * 3 + a] * -half;
  }
  return g;
}

std::string caseId(PhantomLayout layout, int index) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", index + 1);
  return layoutInfo(layout).idPrefix + std::string(buf);
}

}  // namespace

Size3 defaultPhantomSize(PhantomLayout layout) {
  return layout == PhantomLayout::Brats ? Size3{240, 240, 155} : Size3{512, 512, 48};
}

PhantomCase makePhantomCase(PhantomLayout layout, const Size3& size, uint64_t seed, int index) {
  Rng rng = Rng::stream(seed, uint64_t(index));
  const Geometry g = phantomGeometry(layout, size);
  const HeadModel head(rng, layout, g);
  const LayoutInfo info = layoutInfo(layout);
  const bool skullStripped = layout == PhantomLayout::Brats;

  std::vector<phantom::SmoothField> bias;
  std::vector<double> gain;
  for (size_t m = 0; m < info.modalities.size(); ++m) {
    bias.emplace_back(rng, 3);
    gain.push_back(rng.uniform(0.85, 1.15));  // scanner scaling differs per acquisition
  }
  const double noiseSigma = rng.uniform(8, 18);

  PhantomCase c;
  c.id = caseId(layout, index);
  for (const auto& m : info.modalities) c.volumes.emplace_back(m.first, Volume(g, 0.f, PixelType::Int16));
  Volume seg(g, 0.f, PixelType::UInt8);
  for (long z = 0; z < size[2]; ++z)
    for (long y = 0; y < size[1]; ++y)
      for (long x = 0; x < size[0]; ++x) {
        const Fractions f = head.fractions(x, y, z);
        const float tex = 1 + 0.06f * head.texture(x, y, z);
        const auto u = head.unit(x, y, z);
        const bool outside = skullStripped && f[phantom::Background] + f[phantom::Fat] + f[phantom::Skull] > 0.5f;
        seg.at(x, y, z) = float(head.label(x, y, z));
        for (size_t m = 0; m < info.modalities.size(); ++m) {
          const double n1 = rng.normal(), n2 = rng.normal();  // drawn always: same stream per voxel
          if (outside) continue;
          double s = 0;
          for (int t = 0; t < TissueCount; ++t) s += f[t] * info.modalities[m].second.mean[t];
          s *= tex * gain[m] * std::exp(0.2 * bias[m](u[0], u[1], u[2]));
          // Rician magnitude noise, as in magnitude MR images.
          const double re = s + noiseSigma * n1, im = noiseSigma * n2;
          c.volumes[m].second.at(x, y, z) = float(std::round(std::sqrt(re * re + im * im)));
        }
      }
  c.volumes.emplace_back("seg", std::move(seg));
  return c;
}

Status writePhantomDataset(const PhantomOptions& o, const std::function<void(int, int)>& progress) {
  if (o.cases <= 0) return makeError(o.out, "the number of cases must be positive");
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec) return makeError(o.out, "cannot create the folder: " + ec.message());
  const Size3 size = o.size[0] > 0 ? o.size : defaultPhantomSize(o.layout);
  const Manifest manifest = o.layout == PhantomLayout::Brats ? bratsManifest() : vsManifest();

  std::atomic<int> done{0};
  std::vector<Error> errors(size_t(o.cases));
  std::vector<char> failed(size_t(o.cases), 0);
  parallelFor(size_t(o.cases), o.threads, [&](size_t i) {
    const PhantomCase c = makePhantomCase(o.layout, size, o.seed, int(i));
    for (const auto& [key, volume] : c.volumes) {
      const std::string rel = manifest.relativePath(key, c.id);
      if (auto st = writeVolume(volume, (fs::path(o.out) / rel).string()); !st) {
        errors[i] = st.error();
        failed[i] = 1;
        break;
      }
    }
    if (progress) progress(++done, o.cases);
  });
  for (int i = 0; i < o.cases; ++i)
    if (failed[size_t(i)]) return errors[size_t(i)];

  if (o.layout != PhantomLayout::Brats)
    if (auto st = writeManifest(manifest, (fs::path(o.out) / kManifestFile).string()); !st) return st;
  std::vector<std::string> ids;
  for (int i = 0; i < o.cases; ++i) ids.push_back(caseId(o.layout, i));
  return writeSplit(drawSplit(ids, o.seed), (fs::path(o.out) / kSplitFile).string());
}

}  // namespace tiss
