#include "volume3d/VolumeView3D.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include "slice/CursorModel.h"

namespace tiss::viewers {

VolumeView3D::VolumeView3D(CursorModel* cursor, QWidget* parent) : QWidget(parent), cursor_(cursor) {
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(160, 160);
  setAttribute(Qt::WA_OpaquePaintEvent);
  connect(cursor_, &CursorModel::cursorChanged, this, [this](const Index3& c) {
    renderer_.setCursor(c);
    refresh();
  });
}

void VolumeView3D::refresh() {
  // Rendering happens at the next paint: a burst of cursor moves costs one frame.
  stale_ = true;
  update();
}

void VolumeView3D::paintEvent(QPaintEvent*) {
  if (stale_ || frame_.size() != size()) {
    frame_ = renderer_.render(size());
    stale_ = false;
  }
  QPainter(this).drawImage(0, 0, frame_);
}

void VolumeView3D::resizeEvent(QResizeEvent*) { refresh(); }

void VolumeView3D::mousePressEvent(QMouseEvent* e) { last_ = e->position().toPoint(); }

void VolumeView3D::mouseMoveEvent(QMouseEvent* e) {
  if (!(e->buttons() & Qt::LeftButton)) return;
  const QPoint d = e->position().toPoint() - last_;
  last_ = e->position().toPoint();
  renderer_.rotate(-d.x() * 0.5, d.y() * 0.5);
  refresh();
}

void VolumeView3D::wheelEvent(QWheelEvent* e) {
  renderer_.zoom(e->angleDelta().y() > 0 ? 1.1 : 1 / 1.1);
  refresh();
}

void VolumeView3D::keyPressEvent(QKeyEvent* e) {
  if (e->key() != Qt::Key_R) return QWidget::keyPressEvent(e);
  renderer_.resetCamera();
  refresh();
}

}  // namespace tiss::viewers
