#pragma once
// Internal to the phantom generator: the anatomy of one synthetic head as soft tissue
// fractions per voxel, and the tumor labels.
#include <array>
#include <vector>

#include "tiss/phantom/phantom.h"
#include "tiss/util/random.h"

namespace tiss::phantom {

using Fractions = std::array<float, TissueCount>;

/// What the renderer needs of one output voxel, whichever anatomy made it.
struct HeadVoxel {
  Fractions f{};      ///< tissue fractions, summing to 1
  int label = 0;      ///< BraTS labels (1 necrosis, 2 edema, 4 enhancing) or VS (1 tumor)
  float texture = 0;  ///< anatomical texture in [-1, 1], shared by all modalities
  float brain = 0;    ///< brain fraction: skull stripping keeps voxels above 0.5
};

/// A smooth random field in [-1, 1] over the unit cube: random values on an n^3 lattice,
/// interpolated with smoothstep weights.
class SmoothField {
 public:
  SmoothField(Rng& rng, int lattice);
  float operator()(double u, double v, double w) const;

 private:
  int n_;
  std::vector<float> values_;
};

/// One head: soft tissue fractions (summing to 1) and labels at any voxel of `geometry`.
class HeadModel {
 public:
  HeadModel(Rng& rng, PhantomLayout layout, const Geometry& geometry);
  Fractions fractions(long x, long y, long z) const;
  /// BraTS labels (1 necrosis, 2 edema, 4 enhancing) or VS (1 tumor); 0 elsewhere.
  int label(long x, long y, long z) const;
  /// Anatomical texture in [-1, 1], shared by all modalities.
  float texture(long x, long y, long z) const;
  HeadVoxel at(long x, long y, long z) const;
  /// Unit-cube coordinates of a voxel.
  std::array<double, 3> unit(long x, long y, long z) const;

 private:
  double radius(const std::array<double, 3>& mm) const;
  double tumorDistance(const std::array<double, 3>& mm) const;
  std::array<double, 3> mm(long x, long y, long z) const;

  PhantomLayout layout_;
  Geometry geometry_;
  std::array<double, 3> headCentre_{}, headRadii_{}, tumorCentre_{};
  double tumorRadius_ = 1;
  SmoothField shape_, gyri_, tumorShape_, texture_;
};

}  // namespace tiss::phantom
