#pragma once
/// What one panel shows: a base image through a window/level and colour map, then probability
/// maps and label overlays blended on top. composeSlice() turns it into one RGB image of one
/// pixel per voxel; the view scales it by the spacing.
#include <QColor>
#include <QImage>
#include <QString>

#include <memory>
#include <vector>

#include "slice/ColorMap.h"
#include "slice/SliceRenderer.h"
#include "tiss/io/volume.h"

namespace tiss::viewers {

struct ImageLayer {
  std::shared_ptr<const Volume> volume;
  WindowLevel windowLevel;
  ColorMap colorMap = ColorMap::Grey;
  QString name;
};

/// Probabilities in [0, 1] shown through a colour map where they exceed `threshold`.
struct ProbabilityLayer {
  std::shared_ptr<const Volume> volume;
  ColorMap colorMap = ColorMap::Viridis;
  double opacity = 0.6;
  double threshold = 0.05;
  QString name;
};

/// A binary mask (voxels > 0.5) in one colour, filled or as its in-slice contour.
struct LabelLayer {
  std::shared_ptr<const Volume> mask;
  QColor colour = Qt::red;
  double opacity = 0.5;  ///< 0..1
  bool contour = false;
  QString name;
};

struct SliceLayers {
  ImageLayer base;
  std::vector<ProbabilityLayer> probabilities;
  std::vector<LabelLayer> labels;
};

/// Slice `index` along `axis` of every layer, composed into Format_RGB32 (orientation as
/// renderSlice). Layers whose size differs from the base are skipped. Null when the base has
/// no such slice.
QImage composeSlice(const SliceLayers& layers, SliceAxis axis, long index);

/// Source (alpha 0..1) over destination, per channel, rounded: what overlays do to a pixel.
QRgb blend(QRgb under, QRgb over, double alpha);

}  // namespace tiss::viewers
