#pragma once
// Internal to the phantom generator: the Colin27 template as tissue fractions, and one warped
// head with its tumor built on it.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "phantom/phantom_anatomy.h"
#include "tiss/phantom/phantom.h"
#include "tiss/util/random.h"

namespace tiss::phantom {

/// The template on its own 1 mm grid (LPS physical space, as read through ITK). Per voxel four
/// interleaved channels: T1 intensity (0-255), brain (1 inside ch2bet), head (1 inside the
/// scalp), CSF band (1 within 3 mm outside the brain, where dark voxels are CSF, not bone).
struct TemplateAnatomy {
  Geometry geometry;
  std::vector<std::array<float, 4>> channels;
  /// Brain class means of the T1 (CSF, GM, WM) and the 3-class Otsu thresholds between them.
  std::array<float, 3> classMeans{};
  std::array<int, 2> otsu{};
  Vec3 brainCentre{};           ///< centre of the brain's bounding box, LPS mm
  std::vector<Vec3> whiteMatter;  ///< LPS positions of pure white-matter voxels off the midline

  /// Trilinear sample of the four channels at an LPS position; zeros outside the grid.
  std::array<float, 4> sample(const Vec3& lps) const;
  /// Tissue fractions (summing to 1) of a sampled voxel.
  Fractions fractions(const std::array<float, 4>& sampled) const;
};

/// Loads ch2.nii.gz and ch2bet.nii.gz from `dir` once per process (later calls share it).
Result<std::shared_ptr<const TemplateAnatomy>> loadTemplate(const std::string& dir);

/// Thresholds t0 < t1 of a 3-class Otsu split of a 256-bin histogram (classes: v < t0,
/// t0 <= v < t1, v >= t1), maximizing the between-class variance.
std::array<int, 2> multiOtsu3(const std::array<double, 256>& histogram);

/// One case: the template under a random affine and smooth deformation, a tumor and its mass
/// effect. Output voxel (x, y, z) of `geometry` maps to a template position.
class TemplateHead {
 public:
  TemplateHead(Rng& rng, PhantomLayout layout, const Geometry& geometry,
               std::shared_ptr<const TemplateAnatomy> anatomy);
  HeadVoxel at(long x, long y, long z) const;
  /// Physical centre of the output volume (LPS mm): the template's brain centre (BraTS) or
  /// the posterior fossa at the level of the internal auditory canals (VS).
  static Vec3 centre(PhantomLayout layout, const TemplateAnatomy& anatomy);

 private:
  Vec3 warp(const Vec3& p, const std::array<double, 3>& u) const;
  bool fitsInBrain(const Vec3& centre, double radius) const;
  void placeGlioma(Rng& rng);
  void placeSchwannoma(Rng& rng);

  PhantomLayout layout_;
  Geometry geometry_;
  std::shared_ptr<const TemplateAnatomy> anatomy_;
  std::array<double, 9> affine_{};  // output mm (about the centre) -> template mm
  Vec3 outCentre_{};
  std::array<SmoothField, 3> deformation_;
  double deformationMm_ = 3;
  SmoothField tumorShape_, edemaShape_, texture_;
  Vec3 tumorCentre_{};                // template LPS mm
  std::array<double, 3> tumorRadii_{};  // mm along x, y, z
  double necrosis_ = 0.4, edemaScale_ = 2, massRadius_ = 0;
};

}  // namespace tiss::phantom
