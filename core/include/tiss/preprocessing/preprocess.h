#pragma once
/// Preprocessing as in the paper (rules in docs/data.md):
/// - Training crop (the label is training data): glioma keeps every x and y and the z-range
///   of the tumor plus a margin; VS keeps a fixed box (default 256x128x40 voxels, x y z)
///   centred on the tumor.
/// - Test-time crop (validation, inference): CropRule::Head, the bounding box of the head of
///   the first source image, from the images alone. The paper's tumor-centred crop at test
///   time exists only when the user asks for it (`inference.crop_from_label`).
/// - A crop is never smaller than `minSize` where the volume allows, and always lies inside
///   the volume. Without a label the ZRange and FixedBox rules fall back to the head.
/// - Intensities, per modality: head voxels are those above 5 % of the 99.5th percentile;
///   they are clipped to their [0.5, 99.5] percentiles and mapped linearly to [-1, 1];
///   voxels outside the head become -1.
#include <string>
#include <vector>

#include "tiss/data/dataset.h"
#include "tiss/util/result.h"
#include "tiss/io/volume.h"

namespace tiss {

enum class CropRule { None, ZRange, FixedBox, Head };

/// Whether a file is read: never, when it exists, or always (missing is an error).
enum class Need { No, IfPresent, Yes };

struct PreprocessOptions {
  CropRule crop = CropRule::ZRange;
  long zMarginVoxels = 4;
  Size3 box{256, 128, 40};      ///< (x, y, z) for CropRule::FixedBox
  Size3 minSize{128, 128, 16};  ///< usually the patch size
  double lowPercentile = 0.5, highPercentile = 99.5;

  /// The paper's training rule for a task: glioma z-range, vs fixed box, custom z-range.
  static PreprocessOptions forTask(const Task& task);
  /// The test-time rule: the head box, or the task's label-centred rule when `cropFromLabel`.
  static PreprocessOptions forTesting(const Task& task, bool cropFromLabel);
  /// Whether cropBox() looks at the label.
  bool cropUsesLabel() const { return crop == CropRule::ZRange || crop == CropRule::FixedBox; }
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

/// Reads, checks geometry, crops and normalizes one case. Training needs target and label;
/// inference reads the target only for stages that take it as input and the label only when
/// the crop rule uses it (then it must exist).
Result<PreparedCase> prepareCase(const Dataset& dataset, const CaseFiles& c, const PreprocessOptions& options,
                                 Need target = Need::Yes, Need label = Need::Yes);

}  // namespace tiss
