// SweepPanel: construction and controls. Refreshing and exports: SweepPanel_refresh.cpp.
#include "sweep/SweepPanel.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include "common/ErrorText.h"
#include "sweep/ProgressDelegate.h"
#include "sweep/ResultsTableModel.h"
#include "sweep/SweepModel.h"
#include "sweep/SweepPlot.h"

namespace tiss::ui {

SweepPanel::SweepPanel(SweepModel* model, QWidget* parent)
    : QWidget(parent), model_(model), resultsModel_(new ResultsTableModel(this)) {
  setObjectName("SweepPanel");
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(makeControls());
  auto* split = new QSplitter(Qt::Vertical, this);
  trials_ = new QTableView(split);
  trials_->setModel(model_);
  trials_->setSelectionBehavior(QAbstractItemView::SelectRows);
  trials_->setSelectionMode(QAbstractItemView::SingleSelection);
  trials_->horizontalHeader()->setSectionResizeMode(SweepModel::TrialColumn, QHeaderView::Stretch);
  trials_->verticalHeader()->hide();
  trials_->setItemDelegateForColumn(SweepModel::ProgressColumn, new ProgressDelegate(trials_));
  auto* tabs = new QTabWidget(split);
  tabs->addTab(makeResults(), QString());
  tabs->addTab(makePlotArea(), QString());
  tabs->setObjectName("sweepTabs");
  split->setStretchFactor(1, 2);
  layout->addWidget(split, 1);
  connect(trials_, &QTableView::activated, this, [this](const QModelIndex& index) {
    const QString run = model_->runFolder(index.row());
    if (!run.isEmpty()) Q_EMIT runActivated(run);
  });
  connect(model_, &SweepModel::updated, this, &SweepPanel::refresh);
  connect(model_, &QAbstractItemModel::modelReset, this, &SweepPanel::refreshChoices);
  retranslate();
  refresh();
}

QWidget* SweepPanel::makeControls() {
  auto* box = new QWidget(this);
  auto* grid = new QGridLayout(box);
  grid->setContentsMargins(0, 0, 0, 0);
  sweeps_ = new QComboBox(box);
  sweeps_->setMinimumContentsLength(30);
  new_ = new QPushButton(box);
  open_ = new QPushButton(box);
  pause_ = new QPushButton(box);
  cancel_ = new QPushButton(box);
  retry_ = new QPushButton(box);
  continue_ = new QPushButton(box);
  summary_ = new QLabel(box);
  best_ = new QLabel(box);
  scheduler_ = new QLabel(box);
  progress_ = new QProgressBar(box);
  progress_->setRange(0, 100);
  progress_->setFormat(QStringLiteral("%p %"));
  int col = 0;
  for (QWidget* w : std::initializer_list<QWidget*>{sweeps_, new_, open_, pause_, cancel_, retry_, continue_}) grid->addWidget(w, 0, col++);
  grid->addWidget(summary_, 1, 0, 1, 3);
  grid->addWidget(progress_, 1, 3, 1, 4);
  grid->addWidget(best_, 2, 0, 1, 4);
  grid->addWidget(scheduler_, 2, 4, 1, 3);
  grid->setColumnStretch(0, 1);
  connect(new_, &QPushButton::clicked, this, &SweepPanel::newSweepRequested);
  connect(open_, &QPushButton::clicked, this, &SweepPanel::openSweepRequested);
  connect(continue_, &QPushButton::clicked, this, &SweepPanel::continueRequested);
  connect(sweeps_, &QComboBox::activated, this, [this](int i) {
    if (i >= 0 && i < sweepFolders_.size()) Q_EMIT sweepChosen(sweepFolders_[i]);
  });
  auto report = [this](const Status& st, const QString& what) {
    if (!st) Q_EMIT errorOccurred(errorText(st.error(), what));
  };
  connect(pause_, &QPushButton::clicked, this, [this, report] {
    report(model_->paused() ? model_->resume() : model_->pause(), tr("Pausing or resuming the sweep"));
    model_->reload();
  });
  connect(cancel_, &QPushButton::clicked, this, [this, report] { report(model_->cancel(selectedRow()), tr("Cancelling the job")); });
  connect(retry_, &QPushButton::clicked, this, [this, report] {
    report(model_->retry(selectedRow()), tr("Retrying the job"));
    if (model_->needsScheduler()) Q_EMIT continueRequested();
  });
  return box;
}

QWidget* SweepPanel::makeResults() {
  auto* box = new QWidget(this);
  auto* layout = new QVBoxLayout(box);
  auto* row = new QHBoxLayout;
  baseline_ = new QComboBox(box);
  exportTable_ = new QPushButton(box);
  exportCases_ = new QPushButton(box);
  baselineLabel_ = new QLabel(box);
  testLabel_ = new QLabel(box);
  test_ = new QComboBox(box);
  correction_ = new QComboBox(box);
  row->addWidget(baselineLabel_);
  row->addWidget(baseline_, 1);
  row->addWidget(testLabel_);
  row->addWidget(test_);
  row->addWidget(correction_);
  row->addWidget(exportTable_);
  row->addWidget(exportCases_);
  layout->addLayout(row);
  results_ = new QTableView(box);
  // Sorted by a column's mean (UserRole; missing cells last), the method column by name.
  auto* sorted = new QSortFilterProxyModel(box);
  sorted->setSourceModel(resultsModel_);
  sorted->setSortRole(Qt::UserRole);
  results_->setModel(sorted);
  results_->setSortingEnabled(true);
  results_->sortByColumn(-1, Qt::AscendingOrder);  // the sweep's order until a header is clicked
  results_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  results_->verticalHeader()->hide();
  layout->addWidget(results_, 1);
  note_ = new QLabel(box);
  note_->setWordWrap(true);
  layout->addWidget(note_);
  connect(baseline_, &QComboBox::activated, this, &SweepPanel::refreshResults);
  connect(test_, &QComboBox::activated, this, &SweepPanel::chooseComparison);
  connect(correction_, &QComboBox::activated, this, &SweepPanel::chooseComparison);
  connect(exportTable_, &QPushButton::clicked, this, &SweepPanel::exportTable);
  connect(exportCases_, &QPushButton::clicked, this, &SweepPanel::exportCases);
  return box;
}

QWidget* SweepPanel::makePlotArea() {
  auto* box = new QWidget(this);
  auto* layout = new QVBoxLayout(box);
  auto* row = new QHBoxLayout;
  kind_ = new QComboBox(box);
  metric_ = new QComboBox(box);
  for (const auto& c : metricColumns()) metric_->addItem(QString::fromStdString(c.title), QString::fromStdString(c.key));
  xAxis_ = new QComboBox(box);
  yAxis_ = new QComboBox(box);
  exportPlot_ = new QPushButton(box);
  for (QWidget* w : std::initializer_list<QWidget*>{kind_, metric_, xAxis_, yAxis_}) row->addWidget(w, 1);
  row->addWidget(exportPlot_);
  layout->addLayout(row);
  plot_ = new SweepPlot(box);
  layout->addWidget(plot_, 1);
  for (QComboBox* c : {kind_, metric_, xAxis_, yAxis_}) connect(c, &QComboBox::activated, this, &SweepPanel::refreshPlot);
  connect(exportPlot_, &QPushButton::clicked, this, &SweepPanel::choosePlotFile);
  return box;
}

void SweepPanel::retranslate() {
  new_->setText(tr("New Sweep…"));
  open_->setText(tr("Open Sweep…"));
  cancel_->setText(tr("Cancel Job"));
  retry_->setText(tr("Retry Job"));
  continue_->setText(tr("Continue"));
  continue_->setToolTip(tr("Start the scheduler for this sweep (none drives it now)"));
  exportTable_->setText(tr("Export Table…"));
  exportCases_->setText(tr("Export Per-Case CSV…"));
  exportPlot_->setText(tr("Export Plot…"));
  baselineLabel_->setText(tr("Baseline (†: adjusted p < 0.05, p on hover):"));
  testLabel_->setText(tr("Test:"));
  const int test = test_->currentIndex(), correction = correction_->currentIndex();
  test_->clear();
  test_->addItem(tr("paired t-test"), "t");
  test_->addItem(tr("Wilcoxon signed-rank"), "wilcoxon");
  test_->setCurrentIndex(std::max(0, test));
  correction_->clear();
  correction_->addItem(tr("Holm"), "holm");
  correction_->addItem(tr("Bonferroni"), "bonferroni");
  correction_->addItem(tr("no correction"), "none");
  correction_->setCurrentIndex(std::max(0, correction));
  auto* tabs = findChild<QTabWidget*>("sweepTabs");
  tabs->setTabText(0, tr("Results"));
  tabs->setTabText(1, tr("Plot"));
  const int kind = kind_->currentIndex();
  kind_->clear();
  kind_->addItems({tr("Metric vs value"), tr("Heat map"), tr("Every swept value side by side"), tr("Parallel coordinates"),
                   tr("Synthesis quality vs metric (Pareto front)")});
  kind_->setCurrentIndex(std::max(0, kind));
  refresh();
}

void SweepPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

int SweepPanel::selectedRow() const {
  const auto rows = trials_->selectionModel()->selectedRows();
  return rows.isEmpty() ? -1 : rows.first().row();
}

}  // namespace tiss::ui
