#pragma once
/// The sweep's plots over QCustomPlot: a metric against one swept value with error bars of
/// ± one standard deviation over cases (Fig. 6 of the paper), or a heat map of the metric over
/// a 2-D grid of two swept values with a colour scale. Exports PNG, SVG or PDF.
#include <QWidget>

#include "tiss/sweep_results.h"

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
};

}  // namespace tiss::ui
