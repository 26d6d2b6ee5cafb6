#include "layout/ComparisonView.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "tiss/metrics/metrics.h"
#include "tiss/io/preview.h"

namespace tiss::viewers {

double sliceDice(const Volume& a, const Volume& b, SliceAxis axis, long index) {
  const SlicePlane p = slicePlane(axis);
  const long w = a.size()[size_t(p.column)], h = a.size()[size_t(p.row)];
  long both = 0, sa = 0, sb = 0;
  for (long r = 0; r < h; ++r)
    for (long c = 0; c < w; ++c) {
      const Index3 x = p.voxel(c, r, index, int(axis), a.size());
      const bool ia = a.at(x[0], x[1], x[2]) > 0.5f, ib = b.at(x[0], x[1], x[2]) > 0.5f;
      both += ia && ib, sa += ia, sb += ib;
    }
  return sa + sb == 0 ? -1 : 200.0 * double(both) / double(sa + sb);
}

ComparisonView::ComparisonView(QWidget* parent) : QWidget(parent), grid_(new QGridLayout), readout_(new QLabel(this)) {
  setObjectName("ComparisonView");
  grid_->setSpacing(2);
  readout_->setObjectName("readout");
  readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // A long readout wraps instead of widening the window.
  readout_->setWordWrap(true);
  readout_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(grid_, 1);
  layout->addWidget(readout_);
  connect(&cursor_, &CursorModel::cursorChanged, this, [this] {
    updateCaptions();
    readout_->setText(readout());
    Q_EMIT readoutChanged(readout_->text());
  });
}

void ComparisonView::display(std::shared_ptr<const CaseImages> images, const LayoutSpec& layout, SliceAxis axis) {
  images_ = std::move(images);
  layout_ = layout;
  axis_ = axis;
  derived_.clear();
  volumeDice_.clear();
  const Index3 previous = cursor_.cursor();
  const bool sameCase = images_ && cursor_.geometry().sameAs(images_->geometry);
  if (images_ && !sameCase) cursor_.setGeometry(images_->geometry);
  rebuild();
  if (sameCase) cursor_.setCursor(previous);
  updateCaptions();
  readout_->setText(readout());
}

void ComparisonView::setAxis(SliceAxis axis) {
  axis_ = axis;
  rebuild();
  updateCaptions();
}

void ComparisonView::applyWindowPreset(WindowLevel::Preset preset) {
  for (SliceView* v : views_) {
    const auto& base = v->layers().base;
    if (base.volume && base.colorMap == ColorMap::Grey) v->setWindowLevel(WindowLevel::fromPreset(*base.volume, preset));
  }
}

void ComparisonView::centreOn(const Volume& mask) {
  const Box box = boundingBox(mask, 0.5f);
  if (box.empty()) return;
  cursor_.setCursor({box.begin[0] + box.size[0] / 2, box.begin[1] + box.size[1] / 2, largestSlice(mask)});
}

void ComparisonView::rebuild() {
  for (auto* v : views_) delete v;
  views_.clear();
  shown_.clear();
  if (!images_) return;
  for (const auto& p : layout_.panels) {
    // A panel needs its image; missing overlays are just not drawn.
    if (!images_->get(p.base) || (!p.minus.isEmpty() && !images_->get(p.minus))) continue;
    auto* view = new SliceView(&cursor_, axis_, this);
    view->setObjectName(QString("panel%1").arg(views_.size()));
    view->setTitle(p.title);
    view->setLayers(layersOf(p));
    view->setColorBar(p.colorBar);
    views_.push_back(view);
    shown_.push_back(&p);
  }
  columns_ = layout_.columns > 0 ? layout_.columns : int(views_.size());
  for (size_t i = 0; i < views_.size(); ++i) {
    grid_->addWidget(views_[i], int(i) / columns_, int(i) % columns_);
    if (isVisible()) views_[i]->show();  // now, not at the next event loop pass
  }
}

std::shared_ptr<const Volume> ComparisonView::difference(const QString& a, const QString& b) {
  const QString key = a + "\n" + b;
  auto& d = derived_[key];
  if (!d) d = std::make_shared<const Volume>(absoluteDifference(*images_->get(a), *images_->get(b)));
  return d;
}

SliceLayers ComparisonView::layersOf(const PanelSpec& p) {
  SliceLayers l;
  l.base.volume = p.minus.isEmpty() ? images_->get(p.base) : difference(p.base, p.minus);
  l.base.colorMap = p.colorMap;
  l.base.name = p.title;
  l.base.windowLevel = p.minus.isEmpty() ? WindowLevel::fromPercentiles(*l.base.volume)
                                         : WindowLevel::fromPercentiles(*l.base.volume, 0, 99.5);
  for (const auto& o : p.overlays) {
    auto v = images_->get(o.key);
    if (!v) continue;
    if (o.probability) l.probabilities.push_back({v, ColorMap::Viridis, o.opacity, 0.05, o.key});
    else l.labels.push_back({v, o.colour, o.opacity, o.contour, o.key});
  }
  return l;
}

double ComparisonView::volumeDice(size_t i) const {
  const auto it = volumeDice_.find(i);
  return it == volumeDice_.end() ? -1 : it->second;
}

void ComparisonView::updateCaptions() {
  const QLocale locale;
  for (size_t i = 0; i < views_.size(); ++i) {
    const PanelSpec& p = *shown_[i];
    auto truth = images_->get(p.diceAgainst);
    const auto& labels = views_[i]->layers().labels;
    if (!truth || labels.empty()) continue;
    if (!volumeDice_.count(i)) volumeDice_[i] = dicePercent(*labels.front().mask, tumorMask(*truth));
    const double slice = sliceDice(*labels.front().mask, *truth, axis_, cursor_.cursor()[size_t(axis_)]);
    views_[i]->setCaption(tr("Dice %1 % (slice), %2 % (volume)")
                              .arg(slice < 0 ? QString("–") : locale.toString(slice, 'f', 1),
                                   locale.toString(volumeDice_[i], 'f', 1)));
  }
}

QString ComparisonView::readout() const {
  if (!images_) return {};
  const Index3 c = cursor_.cursor();
  const Vec3 mm = cursor_.positionMm();
  const QLocale locale;
  QString text = tr("voxel (%1, %2, %3)   %4, %5, %6 mm")
                     .arg(c[0]).arg(c[1]).arg(c[2])
                     .arg(locale.toString(mm[0], 'f', 1), locale.toString(mm[1], 'f', 1), locale.toString(mm[2], 'f', 1));
  for (const auto& [key, v] : images_->volumes)
    if (!key.endsWith("_mask"))  // binary copies of the probabilities shown next to them
      text += QString("   %1 %2").arg(key, locale.toString(v->at(c[0], c[1], c[2]), 'g', 4));
  return text;
}

}  // namespace tiss::viewers
