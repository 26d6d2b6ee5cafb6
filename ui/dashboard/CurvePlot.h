#pragma once
/// A curve plot over QCustomPlot, TensorBoard-like: each curve raw (faint) and smoothed by an
/// exponential moving average, per-curve visibility, log scale, drag to pan, wheel to zoom,
/// a readout of step and value under the mouse. Holds every point; QCustomPlot's adaptive
/// sampling draws 100 000-point curves without slowing down.
#include <QColor>
#include <QHash>
#include <QWidget>

#include "dashboard/RunHistory.h"

class QCustomPlot;
class QCPGraph;
class QCPAxis;

namespace tiss::ui {

class CurvePlot : public QWidget {
  Q_OBJECT
 public:
  explicit CurvePlot(QWidget* parent = nullptr);

  /// Adds or replaces curve `name` with `series`; `rightAxis` puts it on the right y axis.
  void setCurve(const QString& name, const Series& series, const QColor& colour, bool rightAxis = false);
  void removeCurve(const QString& name);
  void clear();
  QStringList curves() const { return raw_.keys(); }
  void setCurveVisible(const QString& name, bool visible);
  /// The colour curve `name` is drawn in (invalid when there is no such curve).
  QColor colour(const QString& name) const;
  void setLegendVisible(bool visible);
  /// EMA weight 0 (none) .. 0.99, as TensorBoard's smoothing slider.
  void setSmoothing(double weight);
  double smoothing() const { return smoothing_; }
  void setLogScale(bool on);
  void setAxisLabels(const QString& x, const QString& y, const QString& y2 = {});
  /// Fits the axes to the visible curves.
  void rescale();
  /// True until the user pans or zooms (double-click returns to it): new data rescales the axes.
  bool following() const { return following_; }
  /// Redraws after new data, rescaling when following.
  void refreshView();
  /// Raw points of a curve as plotted (for tests and CSV export).
  Series plotted(const QString& name) const;
  /// The smoothed values of a curve as plotted.
  QVector<double> smoothed(const QString& name) const;
  /// Text of the readout for a point on the widget (nearest step of the visible curves).
  QString readoutAt(const QPoint& pos) const;
  /// Writes the plot (.png at 2x, .pdf or .svg); false when it cannot be written.
  bool save(const QString& path) const;
  QCustomPlot* plot() const { return plot_; }

  /// TensorBoard's debiased EMA of `values` with weight `w`.
  static QVector<double> ema(const QVector<double>& values, double w);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void restyle(const QString& name);

  QCustomPlot* plot_;
  QHash<QString, QCPGraph*> raw_, smooth_;
  QHash<QString, QVector<double>> values_;
  double smoothing_ = 0.6;
  bool following_ = true;
};

}  // namespace tiss::ui
