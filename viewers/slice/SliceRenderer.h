#pragma once
/// Turns one slice of a volume into an 8-bit grey image through a window/level, the base of
/// thumbnails and slice views. One pixel per voxel: the caller scales by the spacing.
///
/// Orientation (radiological display of an LPS volume with identity-like direction):
/// axial slices are z = index with x to the right and y down; coronal are y = index with x to
/// the right and z up; sagittal are x = index with y to the right and z up.
#include <QImage>

#include "tiss/io/volume.h"

namespace tiss::viewers {

enum class SliceAxis { Sagittal = 0, Coronal = 1, Axial = 2 };  ///< value = the fixed index axis

/// Intensities [level - window/2, level + window/2] map linearly to grey 0..255; values
/// outside clamp.
struct WindowLevel {
  double window = 1;
  double level = 0.5;
  static WindowLevel fromRange(double lo, double hi) { return {hi - lo, (hi + lo) / 2}; }
  /// The automatic window: the [lo, hi] percentiles of the non-zero voxels (all voxels when
  /// every voxel is zero).
  static WindowLevel fromPercentiles(const Volume& v, double lo = 0.5, double hi = 99.5);
  /// Window presets for MR images, which have no absolute scale: percentile ranges of the
  /// non-zero voxels, or the full range.
  enum class Preset { Auto, Full, Wide, Narrow };
  /// Auto: 0.5-99.5 %; Full: min-max; Wide: 0.1-99.9 %; Narrow: 5-95 %.
  static WindowLevel fromPreset(const Volume& v, Preset preset);
  /// Grey value 0..255 of an intensity.
  int grey(double value) const;
};

/// How a slice's pixels map to volume axes: image columns run along volume axis `column`,
/// image rows along `row` (reversed when `flipRows`, so z points up).
struct SlicePlane {
  int column, row;
  bool flipRows;
  /// The voxel shown at pixel (c, r) of slice `index` of a volume of `size`.
  Index3 voxel(long c, long r, long index, int axis, const Size3& size) const {
    Index3 p{0, 0, 0};
    p[size_t(axis)] = index;
    p[size_t(column)] = c;
    p[size_t(row)] = flipRows ? size[size_t(row)] - 1 - r : r;
    return p;
  }
};
SlicePlane slicePlane(SliceAxis axis);

/// Number of slices along `axis`.
long sliceCount(const Volume& v, SliceAxis axis);

/// The slice as a Format_Grayscale8 image; a null image when `index` is out of range.
QImage renderSlice(const Volume& v, SliceAxis axis, long index, const WindowLevel& wl);

}  // namespace tiss::viewers
