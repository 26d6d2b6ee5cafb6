#pragma once
/// One slice panel: the composed layers of one axis at the shared cursor, scaled so a
/// millimetre is a millimetre on screen whatever the spacing, with a crosshair.
/// Mouse: left click/drag moves the cursor; right drag changes window (x) and level (y);
/// middle drag pans; wheel steps slices; Ctrl+wheel zooms.
/// Keys: Up/Down and PageUp/PageDown step slices, +/- zoom, R resets zoom and pan, A sets the
/// automatic window.
#include <QImage>
#include <QWidget>

#include <optional>

#include "slice/SliceLayers.h"

namespace tiss::viewers {

class CursorModel;

/// What is drawn around and over the slice image.
struct PanelDecor {
  bool crosshair = true, labels = true, colorBar = false, scaleBar = true;
};

class SliceView : public QWidget {
  Q_OBJECT
 public:
  SliceView(CursorModel* cursor, SliceAxis axis, QWidget* parent = nullptr);

  void setLayers(const SliceLayers& layers);
  const SliceLayers& layers() const { return layers_; }
  void setTitle(const QString& title);
  /// Text drawn under the title (e.g. the Dice of the panel's mask).
  void setCaption(const QString& caption);
  QString caption() const { return caption_; }
  SliceAxis axis() const { return axis_; }
  /// A colour bar of the base layer's colour map with its window's range, at the right edge.
  void setColorBar(bool on);
  /// A scale bar (a round number of mm) at the bottom right.
  void setScaleBar(bool on);
  /// Title, caption and slice number (off for figures without labels).
  void setLabels(bool on);
  void setWindowLevel(const WindowLevel& wl);

  /// The rectangle (widget pixels) the slice image occupies.
  QRectF imageRect() const;
  /// The voxel under widget point `p`, if any.
  std::optional<Index3> voxelAt(const QPointF& p) const;
  /// Widget point at the centre of voxel `v`'s pixel in this view.
  QPointF pointOf(const Index3& v) const;
  /// The composed slice at the cursor (one pixel per voxel), as painted.
  QImage composed() const;
  double zoom() const { return zoom_; }

  /// The decorations as set on this view.
  PanelDecor decor() const { return {true, labels_, colorBar_, scaleBar_}; }
  /// Paints the panel into any painter (screen, PNG, SVG, PDF) within `target`.
  void paintPanel(QPainter& painter, const QRectF& target, const PanelDecor& decor) const;
  /// The slice's extent in mm (columns x rows), for laying out figures.
  QSizeF physicalSize() const;

 Q_SIGNALS:
  /// The user dragged the window/level.
  void windowLevelEdited(const tiss::viewers::WindowLevel& wl);

 protected:
  void paintEvent(QPaintEvent*) override;
  void mousePressEvent(QMouseEvent*) override;
  void mouseMoveEvent(QMouseEvent*) override;
  void wheelEvent(QWheelEvent*) override;
  void keyPressEvent(QKeyEvent*) override;

 private:
  QRectF fitRect(const QRectF& target) const;
  QPointF pointIn(const Index3& voxel, const QRectF& imageRect) const;
  void paintColorBar(QPainter& painter, const QRectF& target) const;
  void paintScaleBar(QPainter& painter, const QRectF& image) const;

  CursorModel* cursor_;
  SliceAxis axis_;
  SliceLayers layers_;
  QString title_, caption_;
  bool colorBar_ = false, scaleBar_ = true, labels_ = true;
  double zoom_ = 1;
  QPointF pan_;
  QPoint lastMouse_;
  WindowLevel dragStart_;
  mutable QImage cache_;
  mutable long cachedIndex_ = -1;
};

}  // namespace tiss::viewers
