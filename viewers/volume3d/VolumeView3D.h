#pragma once
/// The 3D view of a case: surfaces of the ground truth, coarse and fine masks (the 2D overlay
/// colours) and the image on three planes at the shared cursor. Left drag rotates, wheel zooms,
/// R resets the view.
#include <QWidget>

#include "volume3d/SurfaceRenderer.h"

namespace tiss::viewers {

class CursorModel;

class VolumeView3D : public QWidget {
  Q_OBJECT
 public:
  VolumeView3D(CursorModel* cursor, QWidget* parent = nullptr);
  SurfaceRenderer& renderer() { return renderer_; }
  /// Re-renders (after changing the renderer directly).
  void refresh();

 protected:
  void paintEvent(QPaintEvent*) override;
  void resizeEvent(QResizeEvent*) override;
  void mousePressEvent(QMouseEvent*) override;
  void mouseMoveEvent(QMouseEvent*) override;
  void wheelEvent(QWheelEvent*) override;
  void keyPressEvent(QKeyEvent*) override;

 private:
  SurfaceRenderer renderer_;
  CursorModel* cursor_;
  QImage frame_;
  bool stale_ = true;
  QPoint last_;
};

}  // namespace tiss::viewers
