#pragma once
/// Preprocessing as in the paper (rules in docs/data.md):
/// - Crop: glioma keeps every x and y and the z-range of the tumor plus a margin; VS keeps
///   a fixed box (default 256x128x40 voxels, x y z) centred on the tumor. Without a label
///   (inference), the same rule is applied to the head: the z-range of the head, or the
///   box centred on the head's bounding box. A crop is never smaller than `minSize` where
///   the volume allows, and always lies inside the volume.
/// - Intensities, per modality: head voxels are those above 5 % of the 99.5th percentile;
///   they are clipped to their [0.5, 99.5] percentiles and mapped linearly to [-1, 1];
///   voxels outside the head become -1.
#include <string>
#include <vector>

#include "tiss/dataset.h"
#include "tiss/result.h"
#include "tiss/volume.h"

namespace tiss {

enum class CropRule { None, ZRange, FixedBox };

struct PreprocessOptions {
  CropRule crop = CropRule::ZRange;
  long zMarginVoxels = 4;
  Size3 box{256, 128, 40};      ///< (x, y, z) for CropRule::FixedBox
  Size3 minSize{128, 128, 16};  ///< usually the patch size
  double lowPercentile = 0.5, highPercentile = 99.5;

  /// The paper's rule for a task: glioma z-range, vs fixed box, custom z-range.
  static PreprocessOptions forTask(const Task& task);
  /// A one-line description used to tell whether cached preprocessing is still valid.
  std::string signature() const;
};

/// Crop box for a case. `label` may be empty (no voxels): then the head of `reference` decides.
Box cropBox(const Volume& label, const Volume& reference, const PreprocessOptions& options);

/// Head voxels (see above) of an image as a 0/1 volume.
Volume headMask(const Volume& image);

/// Per-modality intensity normalization to [-1, 1].
Volume normalizeIntensity(const Volume& image, const PreprocessOptions& options);

/// A case ready for the networks: normalized, cropped channels and binary tumor mask.
struct PreparedCase {
  std::string id;
  std::vector<std::string> channelKeys;  ///< task sources..., then the target when present
  std::vector<Volume> channels;
  Volume label;        ///< 0/1 tumor mask, or no voxels when the case has no label
  Box crop;            ///< in the original volume's index space
  Geometry original;   ///< geometry of the original files, for uncropping results
};

/// Reads, checks geometry, crops and normalizes one case. The target and the label are
/// optional unless required (training needs both; inference needs neither).
Result<PreparedCase> prepareCase(const Dataset& dataset, const CaseFiles& c, const PreprocessOptions& options,
                                 bool requireTarget = true, bool requireLabel = true);

}  // namespace tiss
