// SweepPlot: the parallel-coordinates view of a sweep's points and the scatter of synthesis
// quality against Dice with its Pareto front.
#include <algorithm>
#include <cmath>

#include "qcustomplot.h"
#include "sweep/SweepPlot.h"

namespace tiss::ui {
namespace {

// One axis of the parallel view: where each point sits in [0, 1], and the end labels.
struct ParallelAxis {
  QVector<double> at;
  QString low, high;
};

ParallelAxis scaleKey(const std::vector<PointSummary>& points, const std::string& key) {
  ParallelAxis a;
  const bool numeric = std::all_of(points.begin(), points.end(), [&](const PointSummary& p) { return p.numbers.count(key) > 0; });
  std::vector<std::string> names;  // categorical: in the order they first appear
  for (const auto& p : points)
    if (p.params.count(key) && std::find(names.begin(), names.end(), p.params.at(key)) == names.end()) names.push_back(p.params.at(key));
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  for (const auto& p : points) {
    const double v = numeric ? p.numbers.at(key) : double(std::find(names.begin(), names.end(), p.params.count(key) ? p.params.at(key) : "") - names.begin());
    a.at << v;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  for (double& v : a.at) v = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  a.low = numeric ? QString::number(lo, 'g', 4) : names.empty() ? QString() : QString::fromStdString(names.front());
  a.high = numeric ? QString::number(hi, 'g', 4) : names.empty() ? QString() : QString::fromStdString(names.back());
  return a;
}

QCPItemText* label(QCustomPlot* plot, double x, double y, const QString& text, Qt::Alignment align) {
  auto* t = new QCPItemText(plot);
  t->position->setCoords(x, y);
  t->setPositionAlignment(align);
  t->setText(text);
  t->setFont(QFont(plot->font().family(), 8));
  return t;
}

}  // namespace

void SweepPlot::showParallel(const std::vector<PointSummary>& points, const QStringList& keys, const QString& metric,
                             const QString& metricTitle) {
  reset();
  std::vector<PointSummary> shown;
  for (const auto& p : points)
    if (p.metrics.count(metric.toStdString())) shown.push_back(p);
  std::vector<ParallelAxis> axes;
  for (const QString& k : keys) axes.push_back(scaleKey(shown, k.toStdString()));
  ParallelAxis m;
  double lo = HUGE_VAL, hi = -HUGE_VAL;
  for (const auto& p : shown) {
    const double v = p.metrics.at(metric.toStdString());
    m.at << v;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  for (double& v : m.at) v = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  m.low = QString::number(lo, 'f', 2);
  m.high = QString::number(hi, 'f', 2);
  axes.push_back(m);
  auto ticks = QSharedPointer<QCPAxisTickerText>::create();
  for (int i = 0; i < keys.size(); ++i) ticks->addTick(i, keys[i]);
  ticks->addTick(keys.size(), metricTitle);
  plot_->xAxis->setTicker(ticks);
  plot_->xAxis->setTickLabelRotation(keys.size() > 3 ? 20 : 0);
  QCPColorGradient gradient(QCPColorGradient::gpThermal);
  // Worst first, so the best lines are drawn on top.
  std::vector<size_t> order(shown.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return m.at[int(a)] < m.at[int(b)]; });
  for (size_t i : order) {
    QVector<double> xs, ys;
    for (size_t a = 0; a < axes.size(); ++a) {
      xs << double(a);
      ys << axes[a].at[int(i)];
    }
    auto* line = new QCPCurve(plot_->xAxis, plot_->yAxis);
    line->setData(xs, ys);
    line->setPen(QPen(QColor::fromRgb(gradient.color(0.15 + 0.7 * m.at[int(i)], QCPRange(0, 1))), 2));
    line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    line->setName(QString::fromStdString(shown[i].point));
    parallel_ << ys;
  }
  for (size_t a = 0; a < axes.size(); ++a) {
    auto* axisLine = new QCPItemLine(plot_);
    axisLine->start->setCoords(double(a), 0);
    axisLine->end->setCoords(double(a), 1);
    axisLine->setPen(QPen(Qt::darkGray, 1.5));
    label(plot_, double(a), -0.04, axes[a].low, Qt::AlignHCenter | Qt::AlignTop);
    label(plot_, double(a), 1.04, axes[a].high, Qt::AlignHCenter | Qt::AlignBottom);
  }
  plot_->yAxis->setTickLabels(false);
  plot_->yAxis->setTicks(false);
  plot_->yAxis->setLabel(tr("each axis from its lowest to its highest value"));
  plot_->xAxis->setLabel({});
  plot_->xAxis->setRange(-0.3, double(axes.size()) - 0.7);
  plot_->yAxis->setRange(-0.15, 1.15);
  plot_->replot();
}

void SweepPlot::showPareto(const std::vector<PointSummary>& points, const QString& xMetric, const QString& xTitle,
                           const QString& yMetric, const QString& yTitle) {
  reset();
  plot_->yAxis->setTickLabels(true);
  plot_->yAxis->setTicks(true);
  std::vector<std::pair<double, double>> xy;
  std::vector<const PointSummary*> shown;
  for (const auto& p : points)
    if (p.metrics.count(xMetric.toStdString()) && p.metrics.count(yMetric.toStdString())) {
      xy.push_back({p.metrics.at(xMetric.toStdString()), p.metrics.at(yMetric.toStdString())});
      shown.push_back(&p);
    }
  auto* all = plot_->addGraph();
  all->setLineStyle(QCPGraph::lsNone);
  all->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(120, 120, 120), 7));
  all->setName(tr("every point"));
  for (const auto& [x, y] : xy) all->addData(x, y);
  auto* front = plot_->addGraph();
  front->setPen(QPen(QColor(214, 39, 40), 2));
  front->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(214, 39, 40), 9));
  front->setName(tr("Pareto front (no point better on both)"));
  for (size_t i : paretoFront(xy)) {
    front->addData(xy[i].first, xy[i].second);
    pareto_ << QString::fromStdString(shown[i]->point);
    label(plot_, xy[i].first, xy[i].second, " " + pareto_.last(), Qt::AlignLeft | Qt::AlignBottom);
  }
  plot_->xAxis->setLabel(xTitle);
  plot_->yAxis->setLabel(yTitle);
  if (xy.empty()) {  // said on the plot, not an empty frame
    plot_->xAxis->setRange(0, 1);
    plot_->yAxis->setRange(0, 1);
    auto* note = label(plot_, 0.5, 0.5, tr("No trial has both %1 and %2 (synthesis scores need an evaluation with the synthesized image)")
                                           .arg(xMetric.isEmpty() ? tr("a synthesis score") : xTitle, yTitle), Qt::AlignCenter);
    note->setFont(plot_->font());
    plot_->replot();
    return;
  }
  // The legend in a row under the plot: the front's names never sit under it.
  plot_->axisRect()->insetLayout()->take(plot_->legend);
  plot_->plotLayout()->addElement(1, 0, plot_->legend);
  plot_->plotLayout()->setRowStretchFactor(1, 0.001);
  plot_->legend->setFillOrder(QCPLegend::foColumnsFirst);
  plot_->legend->setVisible(true);
  plot_->rescaleAxes();
  plot_->xAxis->scaleRange(1.2, plot_->xAxis->range().center());
  plot_->yAxis->scaleRange(1.2, plot_->yAxis->range().center());
  plot_->replot();
}

}  // namespace tiss::ui
