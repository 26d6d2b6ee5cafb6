// SweepPanel: redrawing from the model, plot and table choices, exports.
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>

#include "common/ErrorText.h"
#include "sweep/ResultsTableModel.h"
#include "sweep/SweepModel.h"
#include "sweep/SweepPanel.h"
#include "sweep/SweepPlot.h"
#include "tiss/util/atomic_file.h"

namespace tiss::ui {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// Refills a combo box with (text, data) items, keeping the current data when still offered.
void refill(QComboBox* box, const QStringList& texts, const QStringList& data) {
  if (data.size() == box->count()) {
    bool same = true;
    for (int i = 0; i < data.size(); ++i) same = same && box->itemData(i).toString() == data[i];
    if (same) return;
  }
  const QString current = box->currentData().toString();
  box->clear();
  for (int i = 0; i < data.size(); ++i) box->addItem(texts[i], data[i]);
  box->setCurrentIndex(std::max(0, box->findData(current)));
}

}  // namespace

void SweepPanel::setSweeps(const QStringList& folders) {
  sweepFolders_ = folders;
  QStringList names;
  for (const QString& f : folders) names << f;
  refill(sweeps_, names, folders);
  sweeps_->setCurrentIndex(std::max(0, sweeps_->findData(model_->folder())));
}

void SweepPanel::refresh() {
  const bool open = model_->isOpen();
  for (QPushButton* b : {pause_, cancel_, retry_, exportTable_, exportCases_, exportPlot_}) b->setEnabled(open);
  pause_->setText(model_->paused() ? tr("Resume") : tr("Pause"));
  continue_->setVisible(model_->needsScheduler());
  summary_->setText(model_->summaryText());
  best_->setText(model_->bestText());
  scheduler_->setText(!open ? QString()
                      : model_->onCluster()        ? tr("Runs on Slurm (sweep.sbatch): followed here, started by its array tasks")
                      : model_->schedulerRunning() ? tr("Scheduler running")
                                                   : tr("No scheduler (closed workbench)"));
  progress_->setValue(model_->percentDone());
  sweeps_->setCurrentIndex(std::max(0, sweeps_->findData(model_->folder())));
  if (shownResults_ == model_->resultsVersion()) return;
  shownResults_ = model_->resultsVersion();
  refreshChoices();
  refreshResults();
  refreshPlot();
}

void SweepPanel::refreshChoices() {
  QStringList names;
  for (const auto& p : model_->points()) names << q(p.name);
  QStringList indices;
  for (int i = 0; i < names.size(); ++i) indices << QString::number(i);
  // Keep the user's baseline by name across refreshes; default: the spec's.
  const QString chosen = baseline_->currentText();
  refill(baseline_, names, names);
  if (!chosen.isEmpty() && baseline_->findText(chosen) >= 0) baseline_->setCurrentIndex(baseline_->findText(chosen));
  else if (const SweepSnapshot* s = model_->snapshot(); s && baseline_->findText(q(s->folder.spec.baseline)) >= 0)
    baseline_->setCurrentIndex(baseline_->findText(q(s->folder.spec.baseline)));
  const QStringList axes = model_->axes();
  refill(xAxis_, axes, axes);
  refill(yAxis_, axes, axes);
  if (yAxis_->currentIndex() == xAxis_->currentIndex() && yAxis_->count() > 1) yAxis_->setCurrentIndex(1);
  if (const SweepSnapshot* s = model_->snapshot(); s && metric_->property("sweep").toString() != model_->folder()) {
    metric_->setCurrentIndex(std::max(0, metric_->findData(q(s->folder.spec.metric))));
    metric_->setProperty("sweep", model_->folder());
  }
}

void SweepPanel::refreshResults() {
  resultsModel_->setTable(model_->resultsTable(baseline_->currentIndex()));
  // The choices show what the table used (the spec's statistics until the user picks).
  const ComparisonOptions o = model_->comparison();
  test_->setCurrentIndex(o.test == PairedTestKind::T ? 0 : 1);
  correction_->setCurrentIndex(o.correction == Correction::Holm ? 0 : o.correction == Correction::Bonferroni ? 1 : 2);
  note_->setText(resultsModel_->note());
}

void SweepPanel::chooseComparison() {
  model_->setComparison(test_->currentData().toString(), correction_->currentData().toString());
}

void SweepPanel::refreshPlot() {
  yAxis_->setVisible(kind_->currentIndex() == 1);
  xAxis_->setVisible(kind_->currentIndex() < 2);
  if (!model_->isOpen() || xAxis_->count() == 0) return;
  setPlot(kind_->currentIndex(), metric_->currentData().toString(), xAxis_->currentText(), yAxis_->currentText());
}

void SweepPanel::setPlot(int kind, const QString& metric, const QString& xAxis, const QString& yAxis) {
  const MetricColumn* m = findMetric(metric.toStdString());
  QString title = m ? q(m->title) : metric;
  // Results of the GT-centred test-time crop are marked on the plot as in the tables.
  bool gtCrop = false;
  for (const MethodResults& p : model_->points()) gtCrop = gtCrop || p.cropFromLabel;
  if (gtCrop) title += tr(" (‡ GT-centred test-time crop)");
  if (kind == 1) return plot_->showHeatMap(model_->heatMap(xAxis, yAxis, metric), xAxis, yAxis, title);
  if (kind == 3 || kind == 4) {
    const SweepSnapshot* s = model_->snapshot();
    const std::vector<PointSummary> points = s ? pointSummaries(*s) : std::vector<PointSummary>();
    if (kind == 3) return plot_->showParallel(points, model_->axes(), metric, title);
    // The synthesis score the trials have (PSNR of x_t' first) against the chosen metric.
    QString quality;
    for (const char* key : {"psnr_global_db", "psnr_db", "ssim_global", "psnr_brasyn_db", "ssim_brasyn_tumor"})
      for (const PointSummary& p : points)
        if (quality.isEmpty() && p.metrics.count(key)) quality = key;
    const MetricColumn* qm = findMetric(quality.toStdString());
    return plot_->showPareto(points, quality, qm ? q(qm->title) : quality, metric, title);
  }
  if (kind == 0) return plot_->showSeries(model_->series(xAxis, metric), xAxis, title);
  std::vector<std::pair<QString, std::vector<SeriesPoint>>> panels;
  for (const QString& axis : model_->axes()) panels.push_back({axis, model_->series(axis, metric)});
  plot_->showPanels(panels, title);
}

bool SweepPanel::exportPlot(const QString& path) const { return plot_->save(path); }

void SweepPanel::exportTable() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Table"), model_->folder() + "/results.tex",
                                                    tr("LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)"));
  if (path.isEmpty()) return;
  const SweepSnapshot* s = model_->snapshot();
  if (auto st = resultsModel_->exportTo(path, s ? q(s->folder.spec.name) : QString()); !st)
    Q_EMIT errorOccurred(errorText(st.error(), tr("Exporting the table")));
}

void SweepPanel::exportCases() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Per-Case Metrics"), model_->folder() + "/cases.csv",
                                                    tr("CSV (*.csv)"));
  if (path.isEmpty()) return;
  if (auto st = writeFileAtomically(path.toStdString(), perCaseCsv(model_->points())); !st)
    Q_EMIT errorOccurred(errorText(st.error(), tr("Exporting per-case metrics")));
}

void SweepPanel::choosePlotFile() {
  const QString path = QFileDialog::getSaveFileName(this, tr("Export Plot"), model_->folder() + "/plot.png",
                                                    tr("PNG (*.png);;SVG (*.svg);;PDF (*.pdf)"));
  if (!path.isEmpty() && !exportPlot(path)) Q_EMIT errorOccurred(tr("The plot could not be written to %1.").arg(path));
}

}  // namespace tiss::ui
