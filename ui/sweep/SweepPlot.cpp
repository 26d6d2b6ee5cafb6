#include "sweep/SweepPlot.h"

#include <QVBoxLayout>

#include <cmath>

#include "common/PlotExport.h"
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
  if (plot_->plotLayout()->hasElement(1, 0) && plot_->plotLayout()->element(1, 0) == plot_->legend) {  // the Pareto view's
    plot_->plotLayout()->take(plot_->legend);
    plot_->plotLayout()->simplify();
    plot_->axisRect()->insetLayout()->addElement(plot_->legend, Qt::AlignRight | Qt::AlignTop);
  }
  for (QCPAxisRect* rect : extraRects_) plot_->plotLayout()->remove(rect);
  if (!extraRects_.empty()) plot_->plotLayout()->simplify();
  extraRects_.clear();
  if (scale_) {
    plot_->plotLayout()->remove(scale_);
    plot_->plotLayout()->simplify();
    scale_ = nullptr;
  }
  plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  plot_->xAxis->setTickLabelRotation(0);
  plot_->yAxis->setTickLabels(true);
  plot_->yAxis->setTicks(true);
  plot_->legend->setVisible(false);
  graph_ = nullptr;
  bars_ = nullptr;
  map_ = nullptr;
  parallel_.clear();
  pareto_.clear();
}

std::pair<double, double> SweepPlot::drawSeries(const std::vector<SeriesPoint>& points, QCPAxis* xAxis, QCPAxis* yAxis) {
  auto* graph = plot_->addGraph(xAxis, yAxis);
  graph->setPen(QPen(QColor(31, 119, 180), 2));
  graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 8));
  auto* bars = new QCPErrorBars(xAxis, yAxis);
  bars->setDataPlottable(graph);
  bars->setPen(QPen(QColor(31, 119, 180)));
  QVector<double> x, y, e;
  bool numeric = true;
  auto ticks = QSharedPointer<QCPAxisTickerText>::create();
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  for (const SeriesPoint& p : points) {
    bool isNumber = false;
    numeric = numeric && QString::fromStdString(p.name).toDouble(&isNumber) == p.x && isNumber;
    x << p.x;
    y << p.summary.mean;
    e << p.summary.sd;
    ticks->addTick(p.x, QString::fromStdString(p.name));
    lo = std::min(lo, p.summary.mean - p.summary.sd);
    hi = std::max(hi, p.summary.mean + p.summary.sd);
  }
  graph->setData(x, y, true);
  bars->setData(e);
  if (!numeric) xAxis->setTicker(ticks);
  graph->rescaleKeyAxis();
  xAxis->scaleRange(1.15, xAxis->range().center());
  if (!graph_) {
    graph_ = graph;
    bars_ = bars;
  }
  return {lo, hi};
}

void SweepPlot::showSeries(const std::vector<SeriesPoint>& points, const QString& axis, const QString& metricTitle) {
  showPanels({{axis, points}}, metricTitle);
}

void SweepPlot::showPanels(const std::vector<std::pair<QString, std::vector<SeriesPoint>>>& panels, const QString& metricTitle) {
  reset();
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  std::vector<QCPAxisRect*> rects{plot_->axisRect()};
  for (size_t i = 1; i < panels.size(); ++i) {
    auto* rect = new QCPAxisRect(plot_);
    plot_->plotLayout()->addElement(0, int(i), rect);
    extraRects_.push_back(rect);
    rects.push_back(rect);
  }
  for (size_t i = 0; i < panels.size(); ++i) {
    QCPAxis* x = rects[i]->axis(QCPAxis::atBottom);
    QCPAxis* y = rects[i]->axis(QCPAxis::atLeft);
    const auto [l, h] = drawSeries(panels[i].second, x, y);
    lo = std::min(lo, l);
    hi = std::max(hi, h);
    x->setLabel(panels[i].first);
  }
  // One y range for every panel, with room around the points and their error bars.
  const double pad = 0.1 * (hi - lo + 1e-9);
  for (QCPAxisRect* rect : rects)
    if (lo <= hi) rect->axis(QCPAxis::atLeft)->setRange(lo - pad, hi + pad);
  plot_->yAxis->setLabel(tr("%1, mean ± sd over cases").arg(metricTitle));
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
// A figure size independent of the window (the page may be small or hidden); panels side by
// side get 360 pixels each.
bool SweepPlot::save(const QString& path) const {
  const int panels = panelCount();
  return panels > 1 ? savePlot(plot_, path, std::max(720, 360 * panels), 400) : savePlot(plot_, path, 720, 480);
}

}  // namespace tiss::ui
