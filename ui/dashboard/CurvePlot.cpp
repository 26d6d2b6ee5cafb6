#include "dashboard/CurvePlot.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

#include "dashboard/PlotExport.h"
#include "qcustomplot.h"

namespace tiss::ui {

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
  plot_->legend->setVisible(true);
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
  }
  raw_[name]->setData(s.steps, s.values, true);
  values_[name] = s.values;
  restyle(name);
}

void CurvePlot::restyle(const QString& name) {
  QCPGraph* smooth = smooth_.value(name);
  if (!smooth) return;
  smooth->setData(raw_[name]->data()->isEmpty() ? QVector<double>() : plotted(name).steps, ema(values_[name], smoothing_), true);
}

void CurvePlot::removeCurve(const QString& name) {
  if (!raw_.contains(name)) return;
  plot_->removeGraph(raw_.take(name));
  plot_->removeGraph(smooth_.take(name));
  values_.remove(name);
}

void CurvePlot::clear() {
  plot_->clearGraphs();
  raw_.clear();
  smooth_.clear();
  values_.clear();
}

void CurvePlot::setCurveVisible(const QString& name, bool visible) {
  if (!raw_.contains(name)) return;
  raw_[name]->setVisible(visible);
  smooth_[name]->setVisible(visible);
  if (visible) smooth_[name]->addToLegend();
  else smooth_[name]->removeFromLegend();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

QColor CurvePlot::colour(const QString& name) const {
  const QCPGraph* g = smooth_.value(name);
  return g ? g->pen().color() : QColor();
}

void CurvePlot::setLegendVisible(bool visible) {
  plot_->legend->setVisible(visible);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::setSmoothing(double weight) {
  smoothing_ = std::clamp(weight, 0.0, 0.99);
  for (const QString& name : raw_.keys()) restyle(name);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::setLogScale(bool on) {
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
  plot_->rescaleAxes(true);
  plot_->replot(QCustomPlot::rpQueuedReplot);
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
  if (following_) {
    plot_->rescaleAxes(true);
    // A constant curve (a fixed learning rate, one validation point) gets a readable range.
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis, plot_->yAxis2}) {
      const QCPRange r = axis->range();
      if (r.size() < 1e-9 * std::max(1.0, std::abs(r.center()))) {
        const double pad = std::max(std::abs(r.center()) * 0.1, 1e-6);
        axis->setRange(r.center() - pad, r.center() + pad);
      }
    }
  }
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
