#pragma once
/// Segmentation and synthesis metrics, with the conventions of docs/metrics.md:
/// - Masks: a voxel is foreground when its value > 0.5. Turn label files into the tumor
///   mask with tumorMask() (label > 0) first.
/// - Dice in %, ASSD and HD95 in mm using the voxel spacing; surfaces are foreground voxels
///   with a background 6-neighbour; distances are between voxel centres. ASSD is the mean
///   of the two directed mean distances, HD95 the larger of the two directed 95th
///   percentiles (linear interpolation), as in PyMIC, the TISS-Net authors' library.
/// - Both masks empty: Dice 100 %, ASSD 0, HD95 0. One empty: Dice 0 %, ASSD and HD95 equal
///   the diagonal of the image in mm (the largest distance possible).
/// - PSNR = 10 log10(L^2 / MSE) with L the data range; identical images give 100 dB.
///   SSIM uses a Gaussian window (sigma 1.5 voxels, truncated at 5 voxels, borders
///   replicated) in 3D, C1 = (0.01 L)^2, C2 = (0.03 L)^2. "Local" means inside the bounding
///   box of the ground-truth tumor; with no tumor, local equals global.
/// Inputs must share one geometry.
#include "tiss/result.h"
#include "tiss/volume.h"

namespace tiss {

/// 1 where label > 0, else 0 (the whole tumor of BraTS labels).
Volume tumorMask(const Volume& label);

double dicePercent(const Volume& prediction, const Volume& truth);

struct SurfaceDistances {
  double assdMm = 0;
  double hd95Mm = 0;
};
SurfaceDistances surfaceDistances(const Volume& prediction, const Volume& truth);

struct SegmentationScores {
  double dicePct = 0, assdMm = 0, hd95Mm = 0;
};
/// Fails when the geometries differ.
Result<SegmentationScores> segmentationScores(const Volume& prediction, const Volume& truth);

/// max - min of the reference, or 1 when the reference is constant.
double dataRange(const Volume& reference);

/// Over the whole image, or inside `region` when it is not empty.
double psnr(const Volume& image, const Volume& reference, double range, const Box& region = {});
double ssim(const Volume& image, const Volume& reference, double range, const Box& region = {});

struct SynthesisScores {
  double psnrGlobalDb = 0, psnrLocalDb = 0, ssimGlobal = 0, ssimLocal = 0;
};
/// Local scores inside the bounding box of `truthMask`. `range` <= 0 means dataRange(reference).
Result<SynthesisScores> synthesisScores(const Volume& image, const Volume& reference,
                                        const Volume& truthMask, double range = 0);

}  // namespace tiss
