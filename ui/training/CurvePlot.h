#pragma once
/// A curve plot over QCustomPlot, TensorBoard-like: each curve raw (faint) and smoothed by an
/// exponential moving average, per-curve visibility, log scale, drag to pan, wheel to zoom,
/// a readout of step and value under the mouse. Holds every point; QCustomPlot's adaptive
/// sampling draws 100 000-point curves without slowing down, and a curve that grew by a few
/// steps is appended to (raw points and the moving average), not rebuilt. Tick counts follow
/// the widget's size so labels never overlap; a constant curve gets a readable range.
#include <QColor>
#include <QHash>
#include <QWidget>

#include "training/RunHistory.h"

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
  /// A band between `lo` and `hi` under curve `name` (which must exist), in its colour, faint:
  /// the spread of a group of runs (mean ± sd). Removed with the curve.
  void setBand(const QString& name, const Series& lo, const Series& hi);
  /// Whether curve `name` has a band (for tests).
  bool hasBand(const QString& name) const { return bands_.contains(name); }
  void removeCurve(const QString& name);
  void clear();
  QStringList curves() const { return raw_.keys(); }
  void setCurveVisible(const QString& name, bool visible);
  /// The colour curve `name` is drawn in (invalid when there is no such curve).
  QColor colour(const QString& name) const;
  void setLegendVisible(bool visible);
  /// The legend in a row under the plot (entries side by side), never over the curves.
  void setLegendBelow();
  /// EMA weight 0 (none) .. 0.99, as TensorBoard's smoothing slider.
  void setSmoothing(double weight);
  double smoothing() const { return smoothing_; }
  void setLogScale(bool on);
  /// Value-axis labels in scientific notation (2·10⁻⁴), for the learning rate.
  void setScientific(bool on);
  /// A marker on every point (validation: a single point shows).
  void setMarkers(bool on);
  /// The pixel rectangles of the tick labels of the x (or left y) axis as last drawn.
  QList<QRect> tickLabelRects(bool xAxis) const;
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
  void resizeEvent(QResizeEvent* event) override;

 private:
  void restyle(const QString& name);
  bool append(const QString& name, const Series& series);
  void fitTickCounts();
  void fitToData();
  void grow(const QString& name, const QVector<double>& keys, const QVector<double>& values, int from);

  /// The extent of a curve's raw points, kept as they arrive: fitting the axes costs O(curves),
  /// not O(points) (its moving average lies inside it).
  struct Bounds {
    double keyLo = 0, keyHi = 0, lo = 0, hi = 0, positiveLo = 0;
    bool any = false, anyPositive = false;
  };

  struct Ema {
    double last = 0, weight = 0;
  };

  QCustomPlot* plot_;
  QHash<QString, QCPGraph*> raw_, smooth_;
  QHash<QString, QPair<QCPGraph*, QCPGraph*>> bands_;  ///< curve -> (lower, upper) edge, the upper filled to the lower
  QHash<QString, QVector<double>> values_;
  QHash<QString, Ema> ema_;  ///< the moving average's state after the last point, per curve
  QHash<QString, Bounds> bounds_;
  bool log_ = false;
  bool markers_ = false;
  bool legendWanted_ = true;
  double smoothing_ = 0.6;
  bool following_ = true;
};

}  // namespace tiss::ui
