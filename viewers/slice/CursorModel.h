#pragma once
/// The cursor shared by every panel of a layout: one voxel of the case's reference geometry.
/// Moving it in one view moves the crosshair and the slices of all the others.
#include <QObject>

#include "tiss/io/volume.h"

namespace tiss::viewers {

class CursorModel : public QObject {
  Q_OBJECT
 public:
  using QObject::QObject;

  /// The geometry every panel of the case shares; the cursor moves to its centre.
  void setGeometry(const Geometry& geometry);
  const Geometry& geometry() const { return geometry_; }
  const Index3& cursor() const { return cursor_; }
  /// Moves the cursor (clamped into the volume); emits cursorChanged when it moved.
  void setCursor(const Index3& voxel);
  /// Steps the slice along `axis` by `delta` voxels.
  void step(int axis, long delta);
  /// Position of the cursor in mm (LPS).
  Vec3 positionMm() const;

 Q_SIGNALS:
  void cursorChanged(const tiss::Index3& cursor);

 private:
  Geometry geometry_;
  Index3 cursor_{0, 0, 0};
};

}  // namespace tiss::viewers
