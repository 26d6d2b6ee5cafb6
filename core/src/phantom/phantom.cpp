#include "tiss/phantom/phantom.h"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "phantom/phantom_anatomy.h"
#include "phantom/phantom_template.h"
#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"
#include "tiss/util/parallel.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

using phantom::Fractions;
using phantom::HeadModel;
using phantom::TissueCount;

// Mean intensity of each tissue (Bg, Fat, Skull, Csf, Gm, Wm, Edema, Necrosis, Enhancing), in
// the order of real MRI: T1 CSF < edema < GM < WM; T2 WM < GM < edema < CSF; FLAIR suppresses
// CSF while edema stays the brightest; ceT1 shows the enhancing rim (and VS). A model without
// FLAIR must tell periventricular edema from CSF by T1 alone, as in the clinic.
struct Contrast {
  const char* key;
  std::array<float, TissueCount> mean;
};
const Contrast kT1{"t1", {0, 900, 60, 250, 550, 750, 470, 300, 560}};
const Contrast kT1ce{"t1ce", {0, 900, 60, 260, 570, 760, 490, 310, 1050}};
const Contrast kT2{"t2", {0, 700, 50, 1000, 650, 500, 880, 950, 700}};
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

// `centre`: physical position (LPS mm) of the volume's centre.
Geometry phantomGeometry(PhantomLayout layout, const Size3& size, const Vec3& centre) {
  Geometry g;
  g.size = size;
  const Vec3 fov = layoutInfo(layout).fieldOfViewMm;
  // NIfTI files stored in RAS read as LPS with the first two axes flipped.
  g.direction = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
  for (int a = 0; a < 3; ++a) {
    g.spacing[a] = std::round(fov[a] / double(size[a]) * 1e4) / 1e4;
    const double half = g.spacing[a] * (size[a] - 1) / 2.0;
    g.origin[a] = centre[a] + g.direction[a * 3 + a] * -half;
  }
  return g;
}

std::string caseId(PhantomLayout layout, int index) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", index + 1);
  return layoutInfo(layout).idPrefix + std::string(buf);
}

// Turns a head (anything with at(x, y, z) -> HeadVoxel) into images, labels and tissue classes.
// Each slice draws its noise from its own stream, so the bytes do not depend on `threads`.
template <class Head>
PhantomCase render(const Head& head, Rng& rng, PhantomLayout layout, const Geometry& g, int threads) {
  const LayoutInfo info = layoutInfo(layout);
  const bool skullStripped = layout == PhantomLayout::Brats;
  std::vector<phantom::SmoothField> bias;
  std::vector<double> gain;
  for (size_t m = 0; m < info.modalities.size(); ++m) {
    bias.emplace_back(rng, 3);
    gain.push_back(rng.uniform(0.85, 1.15));  // scanner scaling differs per acquisition
  }
  const double noiseSigma = rng.uniform(8, 18);
  const uint64_t noiseSeed = rng.next();

  PhantomCase c;
  for (const auto& m : info.modalities) c.volumes.emplace_back(m.first, Volume(g, 0.f, PixelType::Int16));
  Volume seg(g, 0.f, PixelType::UInt8);
  c.tissue = Volume(g, 0.f, PixelType::UInt8);
  const Size3 size = g.size;
  parallelFor(size_t(size[2]), threads, [&](size_t zi) {
    const long z = long(zi);
    Rng noise = Rng::stream(noiseSeed, zi);
    for (long y = 0; y < size[1]; ++y)
      for (long x = 0; x < size[0]; ++x) {
        const phantom::HeadVoxel v = head.at(x, y, z);
        const bool outside = skullStripped && v.brain < 0.5f;
        seg.at(x, y, z) = outside ? 0.f : float(v.label);
        c.tissue.at(x, y, z) = float(std::max_element(v.f.begin(), v.f.end()) - v.f.begin());
        const float tex = 1 + 0.06f * v.texture;
        const double u[3] = {double(x) / std::max(1L, size[0] - 1), double(y) / std::max(1L, size[1] - 1),
                             double(z) / std::max(1L, size[2] - 1)};
        for (size_t m = 0; m < info.modalities.size(); ++m) {
          const double n1 = noise.normal(), n2 = noise.normal();  // drawn always: same stream per voxel
          if (outside) continue;
          double s = 0;
          for (int t = 0; t < TissueCount; ++t) s += v.f[size_t(t)] * info.modalities[m].second.mean[size_t(t)];
          s *= tex * gain[m] * std::exp(0.2 * bias[m](u[0], u[1], u[2]));
          // Rician magnitude noise, as in magnitude MR images.
          const double re = s + noiseSigma * n1, im = noiseSigma * n2;
          c.volumes[m].second.at(x, y, z) = float(std::round(std::sqrt(re * re + im * im)));
        }
      }
  });
  c.volumes.emplace_back("seg", std::move(seg));
  return c;
}

}  // namespace

Size3 defaultPhantomSize(PhantomLayout layout) {
  return layout == PhantomLayout::Brats ? Size3{240, 240, 155} : Size3{512, 512, 48};
}

std::string defaultTemplateDir() {
  const char* env = std::getenv("TISS_TEMPLATE_DIR");
  return env && *env ? env : "/usr/share/mricron/templates";
}

Result<PhantomCase> makePhantomCase(const PhantomOptions& o, int index) {
  const Size3 size = o.size[0] > 0 ? o.size : defaultPhantomSize(o.layout);
  for (long n : size)
    if (n < 2) return makeError(o.out, "a phantom needs at least 2 voxels along each axis");
  Rng rng = Rng::stream(o.seed, uint64_t(index));
  PhantomCase c;
  if (o.anatomy == PhantomAnatomy::Ellipsoid) {
    const Geometry g = phantomGeometry(o.layout, size, {0, 0, 0});
    const HeadModel head(rng, o.layout, g);
    c = render(head, rng, o.layout, g, o.threads);
  } else {
    auto anatomy = phantom::loadTemplate(o.templateDir.empty() ? defaultTemplateDir() : o.templateDir);
    if (!anatomy) return anatomy.error();
    const Geometry g = phantomGeometry(o.layout, size, phantom::TemplateHead::centre(o.layout, **anatomy));
    const phantom::TemplateHead head(rng, o.layout, g, *anatomy);
    c = render(head, rng, o.layout, g, o.threads);
  }
  c.id = caseId(o.layout, index);
  return c;
}

Status writePhantomDataset(const PhantomOptions& o, const std::function<void(int, int)>& progress) {
  if (o.cases <= 0) return makeError(o.out, "the number of cases must be positive");
  // Fail on a missing template before creating anything.
  if (o.anatomy == PhantomAnatomy::Template)
    if (auto anatomy = phantom::loadTemplate(o.templateDir.empty() ? defaultTemplateDir() : o.templateDir); !anatomy)
      return anatomy.error();
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec) return makeError(o.out, "cannot create the folder: " + ec.message());
  const Manifest manifest = o.layout == PhantomLayout::Brats ? bratsManifest() : vsManifest();

  // Cases in parallel when there are enough of them, else the slices of each case.
  const int outer = std::min(o.cases, std::max(1, o.threads));
  PhantomOptions inner = o;
  inner.threads = std::max(1, o.threads / outer);
  std::atomic<int> done{0};
  std::vector<Error> errors(size_t(o.cases));
  std::vector<char> failed(size_t(o.cases), 0);
  parallelFor(size_t(o.cases), outer, [&](size_t i) {
    auto c = makePhantomCase(inner, int(i));
    if (!c) {
      errors[i] = c.error();
      failed[i] = 1;
      return;
    }
    for (const auto& [key, volume] : c->volumes) {
      const std::string rel = manifest.relativePath(key, c->id);
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
