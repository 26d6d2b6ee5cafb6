#pragma once
/// Small multiples of the loss terms, as TensorBoard draws scalars: one chart per term, each
/// with its own y range (a term of 0.02 is as readable as one of 80), in a scrolling grid. The
/// total stays on its own larger chart beside the validation plot (DashboardPanel).
#include <QHash>
#include <QWidget>

#include "training/RunHistory.h"

class QGridLayout;

namespace tiss::ui {

class CurvePlot;

class LossGrid : public QWidget {
  Q_OBJECT
 public:
  explicit LossGrid(QWidget* parent = nullptr);

  /// The chart of `term`, made on first use (titled with the term, in the grid's order).
  CurvePlot* plot(const QString& term);
  QStringList terms() const { return plots_.keys(); }
  void setTermVisible(const QString& term, bool visible);
  void setSmoothing(double weight);
  void setLogScale(bool on);
  void clear();
  void refreshView();
  void setAxisLabel(const QString& x);
  /// A chart shown first in the grid (the learning rate), owned by the caller.
  void setLeading(QWidget* chart);

 private:
  void relayout();

  QGridLayout* grid_;
  QHash<QString, CurvePlot*> plots_;
  QStringList order_;
  QWidget* leading_ = nullptr;
  double smoothing_ = 0.6;
  bool log_ = false;
  QString xLabel_;
};

}  // namespace tiss::ui
