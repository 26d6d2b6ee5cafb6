#pragma once
/// Segmentation and synthesis metrics, with the conventions of docs/metrics.md:
/// - Masks: a voxel is foreground when its value > 0.5. Turn label files into the tumor
///   mask with tumorMask() (label > 0) first.
/// - Dice in %, ASSD and HD95 in mm using the voxel spacing; surfaces are foreground voxels
///   with a background 6-neighbour; distances are between voxel centres. ASSD and HD95
///   follow a SurfaceConvention (below); the default is PyMIC's, the TISS-Net authors'.
/// - Both masks empty: Dice 100 %, ASSD 0, HD95 0. One empty: Dice 0 %, ASSD and HD95 equal
///   the diagonal of the image in mm (the largest distance possible).
/// - PSNR = 10 log10(L^2 / MSE) with L the data range; identical images give 100 dB.
///   SSIM uses a Gaussian window (sigma 1.5 voxels, truncated at 5 voxels, borders
///   replicated) in 3D, C1 = (0.01 L)^2, C2 = (0.03 L)^2. "Local" means inside the bounding
///   box of the ground-truth tumor; with no tumor, local equals global.
/// Inputs must share one geometry.
#include <string>

#include "tiss/util/result.h"
#include "tiss/io/volume.h"

namespace tiss {

/// 1 where label > 0, else 0 (the whole tumor of BraTS labels).
Volume tumorMask(const Volume& label);

double dicePercent(const Volume& prediction, const Volume& truth);

/// How ASSD and HD95 combine the two directed surface distance sets d(P->G) and d(G->P):
/// - PyMIC (default; the TISS-Net authors' library): ASSD = mean over both sets pooled;
///   HD95 = max over the two directions of sorted(d)[floor(0.95 n)] (no interpolation).
/// - Medpy: ASSD = mean of the two directed means; HD95 = 95th percentile of both sets
///   pooled, linear interpolation.
/// - Monai (MONAI's compute_hausdorff_distance / compute_average_surface_distance with
///   symmetric=True; DeepMind's surface-distance adds surfel-area weights, not done here):
///   ASSD = mean over both sets pooled; HD95 = max of the two directed 95th percentiles,
///   linear interpolation.
enum class SurfaceConvention { PyMIC, Medpy, Monai };
std::string toString(SurfaceConvention c);  ///< pymic, medpy, monai
Result<SurfaceConvention> parseSurfaceConvention(const std::string& name);

struct SurfaceDistances {
  double assdMm = 0;
  double hd95Mm = 0;
};
SurfaceDistances surfaceDistances(const Volume& prediction, const Volume& truth,
                                  SurfaceConvention convention = SurfaceConvention::PyMIC);

struct SegmentationScores {
  double dicePct = 0, assdMm = 0, hd95Mm = 0;
};
/// Fails when the geometries differ.
Result<SegmentationScores> segmentationScores(const Volume& prediction, const Volume& truth,
                                              SurfaceConvention convention = SurfaceConvention::PyMIC);

/// max - min of the reference, or 1 when the reference is constant.
double dataRange(const Volume& reference);

/// The head of a real image, 0/1: voxels above min + 5 % of (99.5th percentile - min). Works
/// on raw intensities (background 0) and on images normalized to [-1, 1] (background -1).
Volume referenceHead(const Volume& reference);

/// Over the whole image, or inside `region` when it is not empty.
double psnr(const Volume& image, const Volume& reference, double range, const Box& region = {});
double ssim(const Volume& image, const Volume& reference, double range, const Box& region = {});
/// Over the voxels where `mask` > 0.5 (the whole image when the mask is empty of voxels).
double psnr(const Volume& image, const Volume& reference, double range, const Volume& mask);
double ssim(const Volume& image, const Volume& reference, double range, const Volume& mask);

struct SynthesisScores {
  double psnrGlobalDb = 0, psnrLocalDb = 0, ssimGlobal = 0, ssimLocal = 0;
};
/// Global scores inside referenceHead(reference), local ones inside the bounding box of
/// `truthMask`. `range` <= 0 means dataRange(reference).
Result<SynthesisScores> synthesisScores(const Volume& image, const Volume& reference,
                                        const Volume& truthMask, double range = 0);

/// The BraSyn challenge's convention: each image clipped to the [0.5, 99.5] percentiles of
/// its strictly positive voxels (raw intensities) and scaled to [0, 1]; PSNR (L = 1) over
/// the head of the reference; SSIM (L = 1, the window above) of both images multiplied by
/// the tumor mask ("tumor") and by the head without the tumor ("healthy").
struct BrasynScores {
  double psnrDb = 0, ssimTumor = 0, ssimHealthy = 0;
};
/// Clips to the percentiles of the strictly positive voxels and scales to [0, 1].
Volume brasynNormalize(const Volume& image);
Result<BrasynScores> brasynScores(const Volume& image, const Volume& reference, const Volume& truthMask);

}  // namespace tiss
