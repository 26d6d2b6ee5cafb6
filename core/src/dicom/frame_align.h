#pragma once
// Bringing a series onto another's grid (ITK): resampling in scanner coordinates, and rigid
// registration for a patient who moved between series.
#include "tiss/io/volume.h"
#include "tiss/util/result.h"

namespace tiss {

/// `moving` sampled at every voxel centre of `grid` (linear interpolation, physical
/// coordinates; 0 outside `moving`).
Volume resampleOnto(const Volume& moving, const Geometry& grid);

struct RigidAlignment {
  Volume aligned;             ///< `moving` registered and resampled onto `fixed`'s grid
  double rotationDeg = 0;     ///< the angle of the rotation found
  double translationMm = 0;   ///< the length of its translation
};

/// Rigid registration of `moving` to `fixed` (Mattes mutual information, 32 bins; a versor
/// rigid transform initialised at the images' centres; three levels, 4x, 2x, 1x shrink), then
/// resampling. Fails naming the reason when the optimizer throws.
Result<RigidAlignment> registerRigid(const Volume& fixed, const Volume& moving);

}  // namespace tiss
