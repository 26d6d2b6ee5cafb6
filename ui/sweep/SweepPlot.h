#pragma once
/// The sweep's plots over QCustomPlot: a metric against one swept value with error bars of
/// ± one standard deviation over cases (Fig. 6 of the paper), a heat map of the metric over
/// a 2-D grid of two swept values with a colour scale, parallel coordinates of every swept key
/// and the metric (as W&B and Optuna draw trials), and synthesis quality against Dice with the
/// Pareto front marked. Exports PNG, SVG or PDF.
#include <QStringList>
#include <QWidget>

#include "tiss/sweep/sweep_results.h"

class QCustomPlot;
class QCPColorMap;
class QCPAxis;
class QCPAxisRect;
class QCPColorScale;
class QCPErrorBars;
class QCPGraph;

namespace tiss::ui {

class SweepPlot : public QWidget {
  Q_OBJECT
 public:
  explicit SweepPlot(QWidget* parent = nullptr);

  /// Metric (y, with its unit) against `axis` (x); categorical values get their names as ticks.
  void showSeries(const std::vector<SeriesPoint>& points, const QString& axis, const QString& metricTitle);
  /// One panel per swept value, side by side with one y range, as the paper's Fig. 6.
  void showPanels(const std::vector<std::pair<QString, std::vector<SeriesPoint>>>& panels, const QString& metricTitle);
  int panelCount() const { return 1 + int(extraRects_.size()); }
  /// Mean metric per grid cell; cells without a finished trial stay empty.
  void showHeatMap(const HeatMap& map, const QString& xAxis, const QString& yAxis, const QString& metricTitle);
  /// One vertical axis per swept key, then the metric; each point a line across them coloured
  /// by its metric (dark low, bright high). Each axis is scaled from its lowest to its highest
  /// value (categorical values in their order) and labelled with both.
  void showParallel(const std::vector<PointSummary>& points, const QStringList& keys, const QString& metric,
                    const QString& metricTitle);
  /// One dot per point, x against y (e.g. PSNR of x_t' against Dice); the points no other beats
  /// on both (the Pareto front) joined, in another colour and named.
  void showPareto(const std::vector<PointSummary>& points, const QString& xMetric, const QString& xTitle, const QString& yMetric,
                  const QString& yTitle);
  /// For tests: the lines of the parallel view (y of each in [0, 1] per axis) and the names of
  /// the Pareto front's points, left to right.
  QVector<QVector<double>> parallelLines() const { return parallel_; }
  QStringList paretoNames() const { return pareto_; }

  /// What is drawn, for tests: x, mean, sd of the series; the heat map's cell values.
  QVector<double> seriesX() const;
  QVector<double> seriesMean() const;
  QVector<double> errorBars() const;
  double cellValue(int x, int y) const;
  bool showsHeatMap() const;

  /// .png (2x), .svg or .pdf; false when it cannot be written.
  bool save(const QString& path) const;
  QCustomPlot* plot() const { return plot_; }

 private:
  void reset();
  /// Draws one series with error bars on these axes; returns its y extent (mean ± sd).
  std::pair<double, double> drawSeries(const std::vector<SeriesPoint>& points, QCPAxis* x, QCPAxis* y);

  QCustomPlot* plot_;
  QCPGraph* graph_ = nullptr;
  QCPErrorBars* bars_ = nullptr;
  QCPColorMap* map_ = nullptr;
  QCPColorScale* scale_ = nullptr;
  std::vector<QCPAxisRect*> extraRects_;  // panels after the first
  QVector<QVector<double>> parallel_;
  QStringList pareto_;
};

}  // namespace tiss::ui
