#pragma once
/// The sweep's plots over QCustomPlot: a metric against one swept value with error bars of
/// ± one standard deviation over cases (Fig. 6 of the paper), or a heat map of the metric over
/// a 2-D grid of two swept values with a colour scale. Exports PNG, SVG or PDF.
#include <QWidget>

#include "tiss/sweep_results.h"

class QCustomPlot;
class QCPColorMap;
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

  QCustomPlot* plot_;
  QCPGraph* graph_ = nullptr;
  QCPErrorBars* bars_ = nullptr;
  QCPColorMap* map_ = nullptr;
  QCPColorScale* scale_ = nullptr;
};

}  // namespace tiss::ui
