#include "training/CurvePlot.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

#include "common/PlotExport.h"
#include "qcustomplot.h"

namespace tiss::ui {
namespace {

// Iterations as TensorBoard writes them: 25000 is "25k", so two labels fit a narrow chart.
class StepTicker : public QCPAxisTicker {
 protected:
  QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override {
    if (std::abs(tick) >= 10000) return QString::number(tick / 1000, 'g', 4) + "k";
    return QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision);
  }
};

}  // namespace

QVector<double> CurvePlot::ema(const QVector<double>& values, double w) {
  QVector<double> out(values.size());
  double last = 0, weight = 0;
  for (int i = 0; i < values.size(); ++i) {
    last = last * w + (1 - w) * values[i];
    weight = weight * w + (1 - w);
    out[i] = w > 0 ? last / weight : values[i];  // divided by the weight: no bias toward 0 at the start
  }
  return out;
}

CurvePlot::CurvePlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot_->axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
  plot_->legend->setVisible(false);  // shown with the first curve
  plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new StepTicker));
  plot_->legend->setFont(QFont(font().family(), 8));
  plot_->setNoAntialiasingOnDrag(true);
  plot_->installEventFilter(this);
  setMouseTracking(true);
  plot_->setMouseTracking(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
}

void CurvePlot::setCurve(const QString& name, const Series& s, const QColor& colour, bool rightAxis) {
  if (!raw_.contains(name)) {
    QCPAxis* y = rightAxis ? plot_->yAxis2 : plot_->yAxis;
    if (rightAxis) plot_->yAxis2->setVisible(true);
    raw_[name] = plot_->addGraph(plot_->xAxis, y);
    smooth_[name] = plot_->addGraph(plot_->xAxis, y);
    raw_[name]->removeFromLegend();
    smooth_[name]->setName(name);
    raw_[name]->setPen(QPen(QColor(colour.red(), colour.green(), colour.blue(), 60)));
    smooth_[name]->setPen(QPen(colour, 1.6));
    if (markers_) smooth_[name]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 6));
  }
  plot_->legend->setVisible(legendWanted_);
  const int had = raw_[name]->dataCount();
  const bool appended = append(name, s);
  values_[name] = s.values;
  if (appended) return grow(name, s.steps, s.values, had);
  raw_[name]->setData(s.steps, s.values, true);
  bounds_.remove(name);
  grow(name, s.steps, s.values, 0);
  restyle(name);
}

void CurvePlot::grow(const QString& name, const QVector<double>& keys, const QVector<double>& values, int from) {
  Bounds& b = bounds_[name];
  for (int i = from; i < keys.size() && i < values.size(); ++i) {
    const double k = keys[i], v = values[i];
    if (!std::isfinite(v)) continue;
    b.keyLo = b.any ? std::min(b.keyLo, k) : k;
    b.keyHi = b.any ? std::max(b.keyHi, k) : k;
    b.lo = b.any ? std::min(b.lo, v) : v;
    b.hi = b.any ? std::max(b.hi, v) : v;
    b.any = true;
    if (v > 0) {
      b.positiveLo = b.anyPositive ? std::min(b.positiveLo, v) : v;
      b.anyPositive = true;
    }
  }
}

// A live run's curve grows by a few steps between refreshes: add just those (O(new points)).
bool CurvePlot::append(const QString& name, const Series& s) {
  QCPGraph* raw = raw_.value(name);
  const int have = raw ? raw->dataCount() : 0;
  if (have == 0 || have > s.steps.size() || !ema_.contains(name)) return false;
  const auto last = raw->data()->constEnd() - 1;
  if (last->key != s.steps[have - 1] || last->value != s.values[have - 1]) return false;  // replaced (a resume redid steps)
  Ema& e = ema_[name];
  QVector<double> keys, smoothed;
  for (int i = have; i < s.steps.size(); ++i) {
    e.last = e.last * smoothing_ + (1 - smoothing_) * s.values[i];
    e.weight = e.weight * smoothing_ + (1 - smoothing_);
    keys << s.steps[i];
    smoothed << (smoothing_ > 0 ? e.last / e.weight : s.values[i]);
  }
  raw->addData(keys, s.values.mid(have), true);
  smooth_[name]->addData(keys, smoothed, true);
  return true;
}

void CurvePlot::restyle(const QString& name) {
  QCPGraph* smooth = smooth_.value(name);
  if (!smooth) return;
  Ema e;
  for (double v : values_[name]) {
    e.last = e.last * smoothing_ + (1 - smoothing_) * v;
    e.weight = e.weight * smoothing_ + (1 - smoothing_);
  }
  ema_[name] = e;
  smooth->setData(raw_[name]->data()->isEmpty() ? QVector<double>() : plotted(name).steps, ema(values_[name], smoothing_), true);
}

void CurvePlot::setScientific(bool on) {
  plot_->yAxis->setNumberFormat(on ? "eb" : "gb");
  plot_->yAxis->setNumberPrecision(on ? 2 : 6);  // 1.25·10⁻³, not a rounded 1.3
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::setMarkers(bool on) {
  markers_ = on;
  for (QCPGraph* g : smooth_) {
    const QColor c = g->pen().color();
    g->setScatterStyle(on ? QCPScatterStyle(QCPScatterStyle::ssCircle, c, c, 6) : QCPScatterStyle());
  }
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

// As many ticks as labels of the current range fit with a gap (the axis rect as last laid out):
// labels keep their distance at any size.
void CurvePlot::fitTickCounts() {
  const QFontMetrics fm(plot_->xAxis->tickLabelFont());
  const QCPRange x = plot_->xAxis->range();
  const double widest = std::max(std::abs(x.lower), std::abs(x.upper));
  const QString sample = widest >= 10000 ? QString::number(widest / 1000, 'f', 1) + "k" : QString::number(widest, 'f', 0);
  const int labelWidth = fm.horizontalAdvance(sample) + 3 * fm.averageCharWidth();
  const int across = std::max(plot_->axisRect()->width(), width() / 2);
  plot_->xAxis->ticker()->setTickCount(std::clamp(across / std::max(1, labelWidth), 1, 8));
  const int up = std::max(plot_->axisRect()->height(), height() / 2);
  // Scientific labels ("2.0·10⁻³") stand taller than plain ones.
  const int labelHeight = plot_->yAxis->numberFormat().startsWith('e') ? 2 * fm.height() : fm.height() * 8 / 5;
  for (QCPAxis* y : {plot_->yAxis, plot_->yAxis2}) y->ticker()->setTickCount(std::clamp(up / (labelHeight + 6), 1, 6));
}

void CurvePlot::resizeEvent(QResizeEvent* event) {
  fitTickCounts();
  QWidget::resizeEvent(event);
}

QList<QRect> CurvePlot::tickLabelRects(bool xAxis) const {
  QCPAxis* axis = xAxis ? plot_->xAxis : plot_->yAxis;
  const QFontMetrics fm(axis->tickLabelFont());
  QList<QRect> rects;
  const QVector<double> ticks = axis->tickVector();
  const QVector<QString> labels = axis->tickVectorLabels();
  for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
    if (!axis->range().contains(ticks[i])) continue;
    const double at = axis->coordToPixel(ticks[i]);
    // Labels may be two lines (scientific "2·10" with a raised exponent): measured as drawn.
    QRect r = fm.boundingRect(QRect(0, 0, 1000, 1000), Qt::AlignLeft | Qt::AlignTop, labels[i]);
    if (labels[i].contains(QChar(0x00B7))) r.setHeight(r.height() + fm.height() / 2);
    r.moveCenter(xAxis ? QPoint(int(at), 0) : QPoint(0, int(at)));
    rects << r;
  }
  return rects;
}

void CurvePlot::setBand(const QString& name, const Series& lo, const Series& hi) {
  QCPGraph* curve = smooth_.value(name);
  if (!curve) return;
  if (!bands_.contains(name)) {
    QCPGraph* lower = plot_->addGraph(plot_->xAxis, curve->valueAxis());
    QCPGraph* upper = plot_->addGraph(plot_->xAxis, curve->valueAxis());
    QColor fill = curve->pen().color();
    fill.setAlpha(45);
    for (QCPGraph* g : {lower, upper}) {
      g->removeFromLegend();
      g->setPen(Qt::NoPen);
    }
    upper->setBrush(fill);
    upper->setChannelFillGraph(lower);
    bands_[name] = {lower, upper};
  }
  bands_[name].first->setData(lo.steps, lo.values, true);
  bands_[name].second->setData(hi.steps, hi.values, true);
  // The axes fit the band too.
  grow(name, lo.steps, lo.values, 0);
  grow(name, hi.steps, hi.values, 0);
}

void CurvePlot::removeCurve(const QString& name) {
  if (bands_.contains(name)) {
    const auto band = bands_.take(name);
    plot_->removeGraph(band.first);
    plot_->removeGraph(band.second);
  }
  if (!raw_.contains(name)) return;
  plot_->removeGraph(raw_.take(name));
  plot_->removeGraph(smooth_.take(name));
  values_.remove(name);
  ema_.remove(name);
  bounds_.remove(name);
}

void CurvePlot::clear() {
  plot_->clearGraphs();
  plot_->legend->setVisible(false);
  bands_.clear();
  raw_.clear();
  smooth_.clear();
  values_.clear();
  ema_.clear();
  bounds_.clear();
}

void CurvePlot::setCurveVisible(const QString& name, bool visible) {
  if (!raw_.contains(name)) return;
  raw_[name]->setVisible(visible);
  smooth_[name]->setVisible(visible);
  if (bands_.contains(name)) {
    bands_[name].first->setVisible(visible);
    bands_[name].second->setVisible(visible);
  }
  if (visible) smooth_[name]->addToLegend();
  else smooth_[name]->removeFromLegend();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

QColor CurvePlot::colour(const QString& name) const {
  const QCPGraph* g = smooth_.value(name);
  return g ? g->pen().color() : QColor();
}

void CurvePlot::setLegendVisible(bool visible) {
  legendWanted_ = visible;
  plot_->legend->setVisible(visible && !raw_.isEmpty());  // no empty legend box
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::setLegendBelow() {
  if (plot_->plotLayout()->rowCount() > 1) return;
  plot_->axisRect()->insetLayout()->take(plot_->legend);
  plot_->plotLayout()->addElement(1, 0, plot_->legend);
  plot_->plotLayout()->setRowStretchFactor(1, 0.001);
  plot_->legend->setWrap(2);  // two entries a row: long names are never cut
  plot_->legend->setIconSize(QSize(16, 8));
  plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
  plot_->legend->setBorderPen(Qt::NoPen);
  plot_->legend->setMargins(QMargins(2, 0, 2, 0));
}

void CurvePlot::setSmoothing(double weight) {
  if (std::abs(weight - smoothing_) < 1e-12) return;
  smoothing_ = std::clamp(weight, 0.0, 0.99);
  for (const QString& name : raw_.keys()) restyle(name);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::setLogScale(bool on) {
  log_ = on;
  for (QCPAxis* y : {plot_->yAxis, plot_->yAxis2}) {
    y->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    y->setTicker(on ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  }
  rescale();
}

void CurvePlot::setAxisLabels(const QString& x, const QString& y, const QString& y2) {
  plot_->xAxis->setLabel(x);
  plot_->yAxis->setLabel(y);
  plot_->yAxis2->setLabel(y2);
}

void CurvePlot::rescale() {
  fitToData();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

// Each axis to the extent of its visible curves. A constant curve (a fixed learning rate, one
// validation point) gets +-10 % of its value, not QCustomPlot's unit range (a flat line on -2..2).
void CurvePlot::fitToData() {
  for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis, plot_->yAxis2}) {
    const bool keys = axis->orientation() == Qt::Horizontal, log = !keys && log_;
    bool found = false;
    QCPRange data;
    for (auto it = raw_.begin(); it != raw_.end(); ++it) {
      const Bounds b = bounds_.value(it.key());
      if (!it.value()->visible() || !b.any || (!keys && it.value()->valueAxis() != axis) || (log && !b.anyPositive)) continue;
      const QCPRange r = keys ? QCPRange(b.keyLo, b.keyHi) : QCPRange(log ? b.positiveLo : b.lo, b.hi);
      data = found ? QCPRange(std::min(data.lower, r.lower), std::max(data.upper, r.upper)) : r;
      found = true;
    }
    if (!found) continue;
    if (data.size() <= 1e-9 * std::max(1e-12, std::abs(data.center()))) {
      const double pad = data.center() != 0 ? std::abs(data.center()) * 0.1 : 1.0;
      data = QCPRange(data.center() - pad, data.center() + pad);
    } else if (!keys && !log) {
      data = QCPRange(data.lower - 0.05 * data.size(), data.upper + 0.05 * data.size());  // curves off the frame
    }
    axis->setRange(data);
  }
}

Series CurvePlot::plotted(const QString& name) const {
  Series s;
  if (QCPGraph* g = raw_.value(name))
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) {
      s.steps.push_back(it->key);
      s.values.push_back(it->value);
    }
  return s;
}

QVector<double> CurvePlot::smoothed(const QString& name) const {
  QVector<double> v;
  if (QCPGraph* g = smooth_.value(name))
    for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it) v.push_back(it->value);
  return v;
}

QString CurvePlot::readoutAt(const QPoint& pos) const {
  const double step = plot_->xAxis->pixelToCoord(pos.x());
  QStringList lines;
  for (auto it = smooth_.begin(); it != smooth_.end(); ++it) {
    if (!it.value()->visible() || it.value()->data()->isEmpty()) continue;
    // The point nearest to the mouse: the first at or after it, or the one before when closer.
    const auto data = it.value()->data();
    auto point = data->findBegin(step, false);
    if (point == data->constEnd() || (point != data->constBegin() && step - (point - 1)->key < point->key - step)) --point;
    const auto raw = raw_[it.key()]->data()->findBegin(point->key, true);
    lines << QString("%1: %2 (raw %3)").arg(it.key(), QString::number(point->value, 'g', 4), QString::number(raw->value, 'g', 4));
    if (lines.size() == 1) lines.prepend(tr("step %1").arg(point->key, 0, 'f', 0));
  }
  return lines.join('\n');
}

void CurvePlot::refreshView() {
  if (following_) fitToData();
  fitTickCounts();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

bool CurvePlot::eventFilter(QObject* watched, QEvent* event) {
  if (watched == plot_ && (event->type() == QEvent::Wheel || event->type() == QEvent::MouseButtonPress)) following_ = false;
  if (watched == plot_ && event->type() == QEvent::MouseButtonDblClick) {
    following_ = true;
    rescale();
  }
  if (watched == plot_ && event->type() == QEvent::MouseMove) {
    auto* e = static_cast<QMouseEvent*>(event);
    if (e->buttons() == Qt::NoButton) QToolTip::showText(e->globalPosition().toPoint(), readoutAt(e->position().toPoint()), plot_);
  }
  return QWidget::eventFilter(watched, event);
}

bool CurvePlot::save(const QString& path) const { return savePlot(plot_, path); }

}  // namespace tiss::ui
