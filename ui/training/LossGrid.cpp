#include "training/LossGrid.h"

#include <QGridLayout>

#include <algorithm>

#include "training/CurvePlot.h"
#include "qcustomplot.h"

namespace tiss::ui {

namespace {
constexpr int kColumns = 3;
constexpr int kChartHeight = 170;
}  // namespace

LossGrid::LossGrid(QWidget* parent) : QWidget(parent), grid_(new QGridLayout(this)) {
  setObjectName("lossGrid");
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setSpacing(4);
}

CurvePlot* LossGrid::plot(const QString& term) {
  if (CurvePlot* p = plots_.value(term)) return p;
  auto* p = new CurvePlot(this);
  p->setObjectName("term:" + term);
  p->setMinimumHeight(kChartHeight);
  p->setLegendVisible(false);
  p->setSmoothing(smoothing_);
  p->setLogScale(log_);
  p->setAxisLabels(xLabel_, term);
  plots_[term] = p;
  order_ << term;
  // Gradient norm charts ("‖∇‖ ...", shown on request) first, then the loss terms by name.
  std::sort(order_.begin(), order_.end(), [](const QString& a, const QString& b) {
    const bool ga = a.startsWith(QStringLiteral("‖∇‖")), gb = b.startsWith(QStringLiteral("‖∇‖"));
    return ga != gb ? ga : a < b;
  });
  relayout();
  return p;
}

void LossGrid::setLeading(QWidget* chart) {
  leading_ = chart;
  chart->setMinimumHeight(kChartHeight);
  relayout();
}

void LossGrid::relayout() {
  int visible = 0;
  if (leading_) {
    grid_->removeWidget(leading_);
    grid_->addWidget(leading_, 0, 0);
    visible = 1;
  }
  for (const QString& term : order_) {
    CurvePlot* p = plots_[term];
    grid_->removeWidget(p);
    if (p->isHidden() && p->property("hiddenByUser").toBool()) continue;
    grid_->addWidget(p, visible / kColumns, visible % kColumns);
    ++visible;
  }
}

void LossGrid::setTermVisible(const QString& term, bool visible) {
  if (CurvePlot* p = plots_.value(term)) {
    p->setProperty("hiddenByUser", !visible);
    p->setVisible(visible);
    relayout();
  }
}

void LossGrid::setSmoothing(double weight) {
  smoothing_ = weight;
  for (CurvePlot* p : plots_) p->setSmoothing(weight);
}

void LossGrid::setLogScale(bool on) {
  log_ = on;
  for (CurvePlot* p : plots_) p->setLogScale(on);
}

void LossGrid::clear() {
  for (CurvePlot* p : plots_) {
    grid_->removeWidget(p);
    delete p;
  }
  plots_.clear();
  order_.clear();
}

void LossGrid::refreshView() {
  for (CurvePlot* p : plots_) p->refreshView();
}

void LossGrid::setAxisLabel(const QString& x) {
  xLabel_ = x;
  for (auto it = plots_.begin(); it != plots_.end(); ++it) it.value()->setAxisLabels(x, it.key());
}

}  // namespace tiss::ui
