#include "slice/SliceView.h"

#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <cmath>

#include "slice/CursorModel.h"

namespace tiss::viewers {

SliceView::SliceView(CursorModel* cursor, SliceAxis axis, QWidget* parent)
    : QWidget(parent), cursor_(cursor), axis_(axis) {
  setFocusPolicy(Qt::StrongFocus);
  setMinimumSize(120, 120);
  setAttribute(Qt::WA_OpaquePaintEvent);
  connect(cursor_, &CursorModel::cursorChanged, this, [this] { update(); });
}

void SliceView::setLayers(const SliceLayers& layers) {
  layers_ = layers;
  cachedIndex_ = -1;
  update();
}

void SliceView::setTitle(const QString& title) {
  title_ = title;
  update();
}

void SliceView::setCaption(const QString& caption) {
  caption_ = caption;
  update();
}

void SliceView::setColorBar(bool on) {
  colorBar_ = on;
  update();
}

void SliceView::setScaleBar(bool on) {
  scaleBar_ = on;
  update();
}

void SliceView::setLabels(bool on) {
  labels_ = on;
  update();
}

void SliceView::paintColorBar(QPainter& painter, const QRectF& target) const {
  // A grey image with a probability map explains the map (0..1); otherwise the image's own map.
  const bool probability = layers_.base.colorMap == ColorMap::Grey && !layers_.probabilities.empty();
  const ColorMap map = probability ? layers_.probabilities.front().colorMap : layers_.base.colorMap;
  const WindowLevel& wl = layers_.base.windowLevel;
  const double lo = probability ? 0 : wl.level - wl.window / 2, hi = probability ? 1 : wl.level + wl.window / 2;
  const QRectF bar(target.right() - 22, target.top() + target.height() * 0.2, 10, target.height() * 0.6);
  painter.drawImage(bar, colorBar(map, 1, 256));
  painter.setPen(Qt::white);
  painter.drawRect(bar);
  const QLocale locale;
  const QRectF labels(target.left(), bar.top() - 16, target.width() - 26, bar.height() + 32);
  painter.drawText(labels, Qt::AlignRight | Qt::AlignTop, locale.toString(hi, 'g', 3));
  painter.drawText(labels, Qt::AlignRight | Qt::AlignBottom, locale.toString(lo, 'g', 3));
}

void SliceView::paintScaleBar(QPainter& painter, const QRectF& image) const {
  const QSizeF mm = physicalSize();
  const double pxPerMm = image.width() / mm.width();
  // The largest of 1, 2, 5, 10, 20, 50, 100 mm that fits in a quarter of the image.
  double length = 1;
  for (double l : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0})
    if (l * pxPerMm <= image.width() / 4) length = l;
  const QPointF end(image.right() - 8, image.bottom() - 10), start = end - QPointF(length * pxPerMm, 0);
  painter.setPen(QPen(Qt::white, 2));
  painter.drawLine(start, end);
  painter.drawText(QRectF(start.x() - 20, end.y() - 20, end.x() - start.x() + 40, 16), Qt::AlignCenter,
                   tr("%1 mm").arg(length));
}

void SliceView::setWindowLevel(const WindowLevel& wl) {
  layers_.base.windowLevel = wl;
  cachedIndex_ = -1;
  update();
}

QImage SliceView::composed() const {
  const long index = cursor_->cursor()[size_t(axis_)];
  // Only this axis's index changes the picture; moving the cursor elsewhere just moves the crosshair.
  if (index != cachedIndex_) {
    cache_ = composeSlice(layers_, axis_, index);
    cachedIndex_ = index;
  }
  return cache_;
}

QSizeF SliceView::physicalSize() const {
  const Volume* v = layers_.base.volume.get();
  if (!v) return {1, 1};
  const SlicePlane p = slicePlane(axis_);
  return {v->size()[size_t(p.column)] * v->spacing()[size_t(p.column)], v->size()[size_t(p.row)] * v->spacing()[size_t(p.row)]};
}

QRectF SliceView::fitRect(const QRectF& target) const {
  const QSizeF mm = physicalSize();
  const double scale = std::min(target.width() / mm.width(), target.height() / mm.height()) * zoom_;
  const QSizeF size(mm.width() * scale, mm.height() * scale);
  const QPointF topLeft = target.center() - QPointF(size.width() / 2, size.height() / 2) + pan_;
  return {topLeft, size};
}

QRectF SliceView::imageRect() const { return fitRect(QRectF(rect())); }

std::optional<Index3> SliceView::voxelAt(const QPointF& point) const {
  const Volume* v = layers_.base.volume.get();
  const QRectF r = imageRect();
  if (!v || !r.contains(point)) return std::nullopt;
  const SlicePlane p = slicePlane(axis_);
  const long w = v->size()[size_t(p.column)], h = v->size()[size_t(p.row)];
  const long c = std::min(w - 1, long((point.x() - r.left()) / r.width() * double(w)));
  const long row = std::min(h - 1, long((point.y() - r.top()) / r.height() * double(h)));
  return p.voxel(c, row, cursor_->cursor()[size_t(axis_)], int(axis_), v->size());
}

QPointF SliceView::pointOf(const Index3& voxel) const { return pointIn(voxel, imageRect()); }

QPointF SliceView::pointIn(const Index3& voxel, const QRectF& rect) const {
  const Volume* v = layers_.base.volume.get();
  if (!v) return {};
  const SlicePlane p = slicePlane(axis_);
  const long w = v->size()[size_t(p.column)], h = v->size()[size_t(p.row)];
  const long c = voxel[size_t(p.column)], r = p.flipRows ? h - 1 - voxel[size_t(p.row)] : voxel[size_t(p.row)];
  return {rect.left() + (double(c) + 0.5) * rect.width() / double(w), rect.top() + (double(r) + 0.5) * rect.height() / double(h)};
}

void SliceView::paintPanel(QPainter& painter, const QRectF& target, const PanelDecor& decor) const {
  painter.save();
  painter.setClipRect(target);
  painter.fillRect(target, Qt::black);
  const QImage img = composed();
  const QRectF r = fitRect(target);
  if (!img.isNull()) {
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);  // voxels stay crisp
    painter.drawImage(r, img);
  }
  if (decor.crosshair && layers_.base.volume) {
    const QPointF c = pointIn(cursor_->cursor(), r);
    painter.setPen(QPen(QColor(0, 190, 255, 170), 1));
    painter.drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()));
    painter.drawLine(QPointF(c.x(), r.top()), QPointF(c.x(), r.bottom()));
  }
  painter.setPen(Qt::white);
  QFont f = painter.font();
  f.setPointSizeF(9);
  painter.setFont(f);
  if (decor.colorBar && layers_.base.volume) paintColorBar(painter, target);
  if (decor.scaleBar && layers_.base.volume) paintScaleBar(painter, r);
  if (!decor.labels) return painter.restore();
  painter.setPen(Qt::white);
  const QRectF text = target.adjusted(6, 4, -6, -4);
  painter.drawText(text, Qt::AlignLeft | Qt::AlignTop, title_ + (caption_.isEmpty() ? QString() : "\n" + caption_));
  if (layers_.base.volume) {
    const long index = cursor_->cursor()[size_t(axis_)], count = sliceCount(*layers_.base.volume, axis_);
    painter.drawText(text, Qt::AlignLeft | Qt::AlignBottom, QString("%1 / %2").arg(index + 1).arg(count));
  }
  painter.restore();
}

void SliceView::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  paintPanel(painter, QRectF(rect()), decor());
  if (hasFocus()) {
    painter.setPen(QPen(QColor(0, 190, 255), 2));
    painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
  }
}

void SliceView::mousePressEvent(QMouseEvent* e) {
  lastMouse_ = e->position().toPoint();
  dragStart_ = layers_.base.windowLevel;
  if (e->button() == Qt::LeftButton)
    if (auto v = voxelAt(e->position())) cursor_->setCursor(*v);
}

void SliceView::mouseMoveEvent(QMouseEvent* e) {
  const QPoint d = e->position().toPoint() - lastMouse_;
  if (e->buttons() & Qt::LeftButton) {
    if (auto v = voxelAt(e->position())) cursor_->setCursor(*v);
  } else if (e->buttons() & Qt::RightButton) {
    // One pixel of drag changes the window by 0.5 % of its start value (at least a tiny step).
    WindowLevel wl = dragStart_;
    const double step = std::max(std::abs(dragStart_.window) * 0.005, 1e-6);
    wl.window = std::max(step, dragStart_.window + d.x() * step);
    wl.level = dragStart_.level - d.y() * step;
    setWindowLevel(wl);
    Q_EMIT windowLevelEdited(wl);
  } else if (e->buttons() & Qt::MiddleButton) {
    pan_ += QPointF(d);
    lastMouse_ = e->position().toPoint();
    update();
  }
}

void SliceView::wheelEvent(QWheelEvent* e) {
  const int steps = e->angleDelta().y() / 120;
  if (steps == 0) return;
  if (e->modifiers() & Qt::ControlModifier) {
    zoom_ = std::clamp(zoom_ * std::pow(1.25, steps), 0.25, 32.0);
    update();
  } else {
    cursor_->step(int(axis_), steps);
  }
}

void SliceView::keyPressEvent(QKeyEvent* e) {
  switch (e->key()) {
    case Qt::Key_Up: cursor_->step(int(axis_), 1); break;
    case Qt::Key_Down: cursor_->step(int(axis_), -1); break;
    case Qt::Key_PageUp: cursor_->step(int(axis_), 10); break;
    case Qt::Key_PageDown: cursor_->step(int(axis_), -10); break;
    case Qt::Key_Plus: zoom_ = std::min(32.0, zoom_ * 1.25); update(); break;
    case Qt::Key_Minus: zoom_ = std::max(0.25, zoom_ / 1.25); update(); break;
    case Qt::Key_R: zoom_ = 1; pan_ = {}; update(); break;
    case Qt::Key_A:
      if (layers_.base.volume) {
        setWindowLevel(WindowLevel::fromPercentiles(*layers_.base.volume));
        Q_EMIT windowLevelEdited(layers_.base.windowLevel);
      }
      break;
    default: QWidget::keyPressEvent(e);
  }
}

}  // namespace tiss::viewers
