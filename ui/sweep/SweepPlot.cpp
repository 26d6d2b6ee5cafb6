#include "sweep/SweepPlot.h"

#include <QVBoxLayout>

#include <cmath>

#include "dashboard/PlotExport.h"
#include "slice/ColorMap.h"
#include "qcustomplot.h"

namespace tiss::ui {

SweepPlot::SweepPlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_);
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot_->setMinimumSize(320, 220);
}

void SweepPlot::reset() {
  plot_->clearPlottables();
  plot_->clearItems();
  if (scale_) {
    plot_->plotLayout()->remove(scale_);
    plot_->plotLayout()->simplify();
    scale_ = nullptr;
  }
  plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  graph_ = nullptr;
  bars_ = nullptr;
  map_ = nullptr;
}

void SweepPlot::showSeries(const std::vector<SeriesPoint>& points, const QString& axis, const QString& metricTitle) {
  reset();
  graph_ = plot_->addGraph(plot_->xAxis, plot_->yAxis);
  graph_->setPen(QPen(QColor(31, 119, 180), 2));
  graph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 8));
  bars_ = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
  bars_->setDataPlottable(graph_);
  bars_->setPen(QPen(QColor(31, 119, 180)));
  QVector<double> x, y, e;
  bool numeric = true;
  for (size_t i = 0; i < points.size(); ++i) numeric = numeric && QString::fromStdString(points[i].name).toDouble(&numeric) == points[i].x;
  auto ticks = QSharedPointer<QCPAxisTickerText>::create();
  for (const SeriesPoint& p : points) {
    x << p.x;
    y << p.summary.mean;
    e << p.summary.sd;
    ticks->addTick(p.x, QString::fromStdString(p.name));
  }
  graph_->setData(x, y, true);
  bars_->setData(e);
  if (!numeric) plot_->xAxis->setTicker(ticks);
  plot_->xAxis->setLabel(axis);
  plot_->yAxis->setLabel(tr("%1, mean ± sd over cases").arg(metricTitle));
  plot_->rescaleAxes();
  // Room around the points and their error bars.
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  for (int i = 0; i < y.size(); ++i) lo = std::min(lo, y[i] - e[i]), hi = std::max(hi, y[i] + e[i]);
  if (!y.isEmpty()) plot_->yAxis->setRange(lo - 0.1 * (hi - lo + 1e-9), hi + 0.1 * (hi - lo + 1e-9));
  plot_->xAxis->scaleRange(1.15, plot_->xAxis->range().center());
  plot_->replot();
}

void SweepPlot::showHeatMap(const HeatMap& map, const QString& xAxis, const QString& yAxis, const QString& metricTitle) {
  reset();
  map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
  const int nx = int(map.xs.size()), ny = int(map.ys.size());
  map_->data()->setSize(nx, ny);
  map_->data()->setRange(QCPRange(0, std::max(0, nx - 1)), QCPRange(0, std::max(0, ny - 1)));
  for (int yi = 0; yi < ny; ++yi)
    for (int xi = 0; xi < nx; ++xi) {
      const double v = map.mean[size_t(yi)][size_t(xi)];
      map_->data()->setCell(xi, yi, v);
      if (std::isnan(v)) {
        map_->data()->setAlpha(xi, yi, 0);
        continue;
      }
      // The value in the cell: a heat map is read, not only looked at.
      auto* label = new QCPItemText(plot_);
      label->position->setCoords(xi, yi);
      label->setText(QString::number(v, 'f', 2));
      label->setColor(Qt::black);
      label->setBrush(QColor(255, 255, 255, 190));  // readable on dark and light cells
      label->setPadding(QMargins(3, 1, 3, 1));
      label->setFont(QFont(font().family(), 10, QFont::Bold));
    }
  auto xt = QSharedPointer<QCPAxisTickerText>::create(), yt = QSharedPointer<QCPAxisTickerText>::create();
  for (int i = 0; i < nx; ++i) xt->addTick(i, QString::fromStdString(map.xs[size_t(i)]));
  for (int i = 0; i < ny; ++i) yt->addTick(i, QString::fromStdString(map.ys[size_t(i)]));
  plot_->xAxis->setTicker(xt);
  plot_->yAxis->setTicker(yt);
  plot_->xAxis->setLabel(xAxis);
  plot_->yAxis->setLabel(yAxis);
  scale_ = new QCPColorScale(plot_);
  plot_->plotLayout()->addElement(0, 1, scale_);
  scale_->axis()->setLabel(metricTitle);
  map_->setColorScale(scale_);
  // The viewers' viridis, so the heat map reads like the probability maps.
  QCPColorGradient viridis;
  const auto& table = viewers::colorTable(viewers::ColorMap::Viridis);
  for (int i = 0; i < table.size(); i += 16) viridis.setColorStopAt(i / 255.0, QColor(table[i]));
  viridis.setColorStopAt(1.0, QColor(table.last()));
  map_->setGradient(viridis);
  map_->setInterpolate(false);
  map_->rescaleDataRange(true);
  plot_->rescaleAxes();
  plot_->xAxis->setRange(-0.5, nx - 0.5);
  plot_->yAxis->setRange(-0.5, ny - 0.5);
  plot_->replot();
}

QVector<double> SweepPlot::seriesX() const {
  QVector<double> out;
  if (graph_)
    for (auto it = graph_->data()->constBegin(); it != graph_->data()->constEnd(); ++it) out << it->key;
  return out;
}

QVector<double> SweepPlot::seriesMean() const {
  QVector<double> out;
  if (graph_)
    for (auto it = graph_->data()->constBegin(); it != graph_->data()->constEnd(); ++it) out << it->value;
  return out;
}

QVector<double> SweepPlot::errorBars() const {
  QVector<double> out;
  if (bars_)
    for (int i = 0; i < bars_->dataCount(); ++i) out << bars_->data()->at(i).errorPlus;
  return out;
}

double SweepPlot::cellValue(int x, int y) const { return map_ ? map_->data()->cell(x, y) : std::nan(""); }
bool SweepPlot::showsHeatMap() const { return map_ != nullptr; }
// A figure size independent of the window (the page may be small or hidden).
bool SweepPlot::save(const QString& path) const { return savePlot(plot_, path, 720, 480); }

}  // namespace tiss::ui
