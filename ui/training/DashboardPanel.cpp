#include "training/DashboardPanel.h"

#include <QCheckBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QTextStream>
#include <QVBoxLayout>

#include "training/CurvePlot.h"
#include "training/LossGrid.h"
#include "training/RunsModel.h"

namespace tiss::ui {

QColor curveColour(int n) {
  static const QColor palette[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44), QColor(214, 39, 40),
                                   QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
                                   QColor(188, 189, 34), QColor(23, 190, 207)};
  return palette[n % 10];
}

DashboardPanel::DashboardPanel(RunsModel* runs, QWidget* parent) : QWidget(parent), runs_(runs) {
  setObjectName("DashboardPanel");
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(makeRunList());
  auto* right = new QSplitter(Qt::Vertical, split);
  right->addWidget(makeCurveArea());
  right->addWidget(makeStatusArea());
  right->setStretchFactor(0, 4);
  right->setStretchFactor(1, 1);
  split->addWidget(right);
  split->setStretchFactor(1, 3);
  split->setSizes({330, 900});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(split);
  connect(runs_, &RunsModel::runUpdated, this, [this](int row) {
    if (shown_.contains(row)) refresh();
  });
  retranslate();
}

QWidget* DashboardPanel::makeRunList() {
  auto* box = new QWidget(this);
  table_ = new QTableView(box);
  table_->setObjectName("runTable");
  table_->setModel(runs_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    QList<int> rows;
    for (const QModelIndex& i : table_->selectionModel()->selectedRows()) rows << i.row();
    std::sort(rows.begin(), rows.end());
    showRuns(rows);
  });
  new_ = new QPushButton(box);
  open_ = new QPushButton(box);
  stop_ = new QPushButton(box);
  resume_ = new QPushButton(box);
  connect(new_, &QPushButton::clicked, this, &DashboardPanel::newRunRequested);
  connect(open_, &QPushButton::clicked, this, &DashboardPanel::openRunRequested);
  connect(stop_, &QPushButton::clicked, this, [this] {
    for (int r : shown_) Q_EMIT stopRequested(r);
  });
  connect(resume_, &QPushButton::clicked, this, [this] {
    for (int r : shown_) Q_EMIT resumeRequested(r);
  });
  auto* buttons = new QHBoxLayout;
  for (auto* b : {new_, open_, stop_, resume_}) buttons->addWidget(b);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(buttons);
  layout->addWidget(table_);
  return box;
}

QWidget* DashboardPanel::makeCurveArea() {
  auto* box = new QWidget(this);
  losses_ = new CurvePlot(box);
  losses_->setObjectName("lossPlot");
  validation_ = new CurvePlot(box);
  validation_->setObjectName("validationPlot");
  lr_ = new CurvePlot(box);
  lr_->setObjectName("lrPlot");
  lr_->setSmoothing(0);
  lr_->setScientific(true);
  lr_->setLegendVisible(false);
  losses_->setLegendVisible(false);  // the term list beside it carries the colours
  validation_->setSmoothing(0);
  validation_->setMarkers(true);  // a single validation point shows
  validation_->setLegendBelow();
  termGrid_ = new LossGrid(box);
  terms_ = new QListWidget(box);
  terms_->setObjectName("lossTerms");
  terms_->setMaximumWidth(170);
  connect(terms_, &QListWidget::itemChanged, this,
          [this](QListWidgetItem* item) { termGrid_->setTermVisible(item->text(), item->checkState() == Qt::Checked); });
  smoothing_ = new QSlider(Qt::Horizontal, box);
  smoothing_->setObjectName("smoothing");
  smoothing_->setRange(0, 99);
  smoothing_->setValue(60);
  smoothingLabel_ = new QLabel(box);
  connect(smoothing_, &QSlider::valueChanged, this, [this](int v) {
    losses_->setSmoothing(v / 100.0);
    termGrid_->setSmoothing(v / 100.0);
    smoothingLabel_->setText(tr("Smoothing %1").arg(v / 100.0, 0, 'f', 2));
  });
  logScale_ = new QCheckBox(box);
  logScale_->setObjectName("logScale");
  connect(logScale_, &QCheckBox::toggled, losses_, &CurvePlot::setLogScale);
  connect(logScale_, &QCheckBox::toggled, termGrid_, &LossGrid::setLogScale);
  groupSeeds_ = new QCheckBox(box);
  groupSeeds_->setObjectName("groupBySeed");
  // Curves are named by group or by run: switching starts the plots afresh.
  connect(groupSeeds_, &QCheckBox::toggled, this, [this] { showRuns(shown_); });
  gradients_ = new QCheckBox(box);
  gradients_->setObjectName("gradientNorms");
  connect(gradients_, &QCheckBox::toggled, this, [this] { showRuns(shown_); });
  export_ = new QPushButton(box);
  export_->setObjectName("exportPlots");
  connect(export_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the loss plot or every curve"), "curves.png",
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;CSV data (*.csv)"));
    if (path.isEmpty()) return;
    const bool ok = path.endsWith(".csv", Qt::CaseInsensitive) ? exportCsv(path) : losses_->save(path);
    if (!ok) status_->setText(tr("Could not write %1").arg(path));
  });
  auto* controls = new QVBoxLayout;
  controls->addWidget(terms_, 1);
  controls->addWidget(smoothingLabel_);
  controls->addWidget(smoothing_);
  controls->addWidget(logScale_);
  controls->addWidget(groupSeeds_);
  controls->addWidget(gradients_);
  controls->addWidget(export_);
  // The total and validation always in view; the learning rate and each term below, a chart each.
  auto* upper = new QHBoxLayout;
  upper->addWidget(losses_, 2);
  upper->addWidget(validation_, 3);
  termGrid_->setLeading(lr_);  // the learning rate first among the small charts, on its own axis
  auto* scroll = new QScrollArea(box);
  scroll->setObjectName("lossGridScroll");
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(termGrid_);
  auto* plots = new QVBoxLayout;
  plots->addLayout(upper, 2);
  plots->addWidget(scroll, 3);
  auto* layout = new QHBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(controls);
  layout->addLayout(plots, 1);
  return box;
}

QWidget* DashboardPanel::makeStatusArea() {
  auto* box = new QWidget(this);
  progress_ = new QProgressBar(box);
  progress_->setObjectName("runProgress");
  progress_->setTextVisible(false);  // its words go in the status line beside it, never over the bar
  progress_->setMaximumHeight(14);
  status_ = new QLabel(box);
  status_->setObjectName("runStatus");
  status_->setWordWrap(true);
  log_ = new QPlainTextEdit(box);
  log_->setObjectName("runLog");
  log_->setReadOnly(true);
  log_->setMaximumBlockCount(2000);
  previews_ = new QListWidget(box);
  previews_->setObjectName("previews");
  previews_->setViewMode(QListView::IconMode);
  previews_->setIconSize(QSize(240, 80));
  previews_->setFlow(QListView::LeftToRight);
  previews_->setWrapping(false);
  previews_->setMaximumHeight(120);
  connect(previews_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    Q_EMIT previewActivated(item->data(Qt::UserRole).toString(), item->data(Qt::UserRole + 1).toString(),
                            item->data(Qt::UserRole + 2).toString());
  });
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* top = new QHBoxLayout;
  top->addWidget(progress_, 1);
  top->addWidget(status_, 2);
  layout->addLayout(top);
  layout->addWidget(previews_);
  layout->addWidget(log_, 1);
  return box;
}

void DashboardPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void DashboardPanel::retranslate() {
  new_->setText(tr("New run…"));
  open_->setText(tr("Open run folder…"));
  stop_->setText(tr("Stop"));
  stop_->setToolTip(tr("Ask the trainer to save a checkpoint and stop"));
  resume_->setText(tr("Resume"));
  resume_->setToolTip(tr("Continue from the last checkpoint"));
  logScale_->setText(tr("Log scale"));
  groupSeeds_->setText(tr("Group by seed"));
  groupSeeds_->setToolTip(tr("Runs whose configs differ only by their seed: one mean curve with a band of ± one standard deviation"));
  gradients_->setText(tr("Gradient norms"));
  gradients_->setToolTip(tr("One chart per network part: the norm of each loss group's gradient reaching it, as the run "
                            "logged them (optim.gradient_norms_every)"));
  export_->setText(tr("Export…"));
  smoothingLabel_->setText(tr("Smoothing %1").arg(smoothing_->value() / 100.0, 0, 'f', 2));
  losses_->setAxisLabels(tr("iteration"), tr("total loss"));
  termGrid_->setAxisLabel(tr("iteration"));
  validation_->setAxisLabels(tr("iteration"), tr("Dice (%)"), tr("PSNR (dB)"));
  lr_->setAxisLabels(tr("iteration"), tr("learning rate"));
}

}  // namespace tiss::ui
