#include "slice/CursorModel.h"

#include <algorithm>

namespace tiss::viewers {

void CursorModel::setGeometry(const Geometry& geometry) {
  geometry_ = geometry;
  cursor_ = {-1, -1, -1};
  setCursor({geometry.size[0] / 2, geometry.size[1] / 2, geometry.size[2] / 2});
}

void CursorModel::setCursor(const Index3& voxel) {
  Index3 c;
  for (size_t a = 0; a < 3; ++a) c[a] = std::clamp(voxel[a], 0L, std::max(0L, geometry_.size[a] - 1));
  if (c == cursor_) return;
  cursor_ = c;
  Q_EMIT cursorChanged(cursor_);
}

void CursorModel::step(int axis, long delta) {
  Index3 c = cursor_;
  c[size_t(axis)] += delta;
  setCursor(c);
}

Vec3 CursorModel::positionMm() const {
  return geometry_.indexToPhysical({double(cursor_[0]), double(cursor_[1]), double(cursor_[2])});
}

}  // namespace tiss::viewers
