#include "dataset/DatasetBrowserPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include "common/ErrorText.h"
#include "dataset/CaseFilterModel.h"
#include "dataset/CaseTableModel.h"
#include "dataset/ThumbnailProvider.h"

namespace tiss::ui {

DatasetBrowserPanel::DatasetBrowserPanel(CaseTableModel* cases, QWidget* parent)
    : QWidget(parent), cases_(cases), filter_(new CaseFilterModel(this)), table_(new QTableView(this)) {
  setObjectName("DatasetBrowserPanel");
  filter_->setSourceModel(cases_);
  table_->setObjectName("caseTable");
  table_->setModel(filter_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(CaseTableModel::Id, Qt::AscendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setAlternatingRowColors(true);
  table_->verticalHeader()->setDefaultSectionSize(ThumbnailProvider::kHeight + 4);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setIconSize(QSize(4 * ThumbnailProvider::kHeight + 8, ThumbnailProvider::kHeight));
  table_->setColumnWidth(CaseTableModel::Thumbnails, 4 * ThumbnailProvider::kHeight + 16);
  table_->setWordWrap(false);
  const std::pair<int, int> widths[] = {{CaseTableModel::Id, 165}, {CaseTableModel::Modalities, 150},
                                        {CaseTableModel::Size, 118}, {CaseTableModel::Spacing, 150},
                                        {CaseTableModel::TumorVolume, 100}, {CaseTableModel::SplitColumn, 55}};
  for (const auto& [column, width] : widths) table_->setColumnWidth(column, width);
  connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) {
    Q_EMIT caseActivated(index.siblingAtColumn(CaseTableModel::Id).data().toString());
  });
  summary_ = new QLabel(this);
  layoutLabel_ = new QLabel(this);
  layoutLabel_->setObjectName("layoutLabel");
  layoutLabel_->setWordWrap(true);
  layoutLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(layoutLabel_);
  layout->addWidget(makeFilterBar());
  layout->addWidget(table_, 1);
  layout->addWidget(makeSplitBar());
  connect(cases_, &QAbstractItemModel::modelReset, this, &DatasetBrowserPanel::updateSummary);
  connect(cases_, &QAbstractItemModel::dataChanged, this, &DatasetBrowserPanel::updateSummary);
  connect(filter_, &QAbstractItemModel::layoutChanged, this, &DatasetBrowserPanel::updateSummary);
  connect(cases_, &CaseTableModel::splitModifiedChanged, this, &DatasetBrowserPanel::updateSummary);
  retranslate();
}

QWidget* DatasetBrowserPanel::makeFilterBar() {
  auto* bar = new QWidget(this);
  search_ = new QLineEdit(bar);
  search_->setObjectName("caseSearch");
  search_->setClearButtonEnabled(true);
  problemsOnly_ = new QCheckBox(bar);
  problemsOnly_->setObjectName("problemsOnly");
  splitFilter_ = new QComboBox(bar);
  splitFilter_->setObjectName("splitFilter");
  connect(search_, &QLineEdit::textChanged, filter_, &CaseFilterModel::setIdFilter);
  connect(problemsOnly_, &QCheckBox::toggled, filter_, &CaseFilterModel::setProblemsOnly);
  connect(splitFilter_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
    filter_->setSplitFilter(i <= 0 ? std::nullopt : std::optional<SplitPart>(SplitPart(i - 1)));
    updateSummary();
  });
  connect(search_, &QLineEdit::textChanged, this, &DatasetBrowserPanel::updateSummary);
  connect(problemsOnly_, &QCheckBox::toggled, this, &DatasetBrowserPanel::updateSummary);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(search_, 1);
  row->addWidget(splitFilter_);
  row->addWidget(problemsOnly_);
  row->addWidget(summary_);
  return bar;
}

QWidget* DatasetBrowserPanel::makeSplitBar() {
  auto* bar = new QWidget(this);
  moveTo_ = new QComboBox(bar);
  moveTo_->setObjectName("moveTo");
  move_ = new QPushButton(bar);
  move_->setObjectName("moveSelected");
  seedLabel_ = new QLabel(bar);
  seed_ = new QSpinBox(bar);
  seed_->setObjectName("splitSeed");
  seed_->setRange(0, 1000000);
  redraw_ = new QPushButton(bar);
  redraw_->setObjectName("redrawSplit");
  save_ = new QPushButton(bar);
  save_->setObjectName("saveSplit");
  folds_ = new QSpinBox(bar);
  folds_->setObjectName("foldCount");
  folds_->setRange(2, 20);
  folds_->setValue(5);
  writeFolds_ = new QPushButton(bar);
  writeFolds_->setObjectName("writeFolds");
  connect(writeFolds_, &QPushButton::clicked, this, &DatasetBrowserPanel::writeFolds);
  connect(move_, &QPushButton::clicked, this, [this] { cases_->assign(selectedRows(), SplitPart(moveTo_->currentIndex())); });
  connect(redraw_, &QPushButton::clicked, this, [this] { cases_->redrawSplit(uint64_t(seed_->value())); });
  connect(save_, &QPushButton::clicked, this, &DatasetBrowserPanel::saveSplit);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(moveTo_);
  row->addWidget(move_);
  row->addStretch(1);
  row->addWidget(seedLabel_);
  row->addWidget(seed_);
  row->addWidget(redraw_);
  row->addWidget(save_);
  row->addSpacing(12);
  row->addWidget(folds_);
  row->addWidget(writeFolds_);
  return bar;
}

QList<int> DatasetBrowserPanel::selectedRows() const {
  QList<int> rows;
  for (const QModelIndex& i : table_->selectionModel()->selectedRows()) rows << filter_->mapToSource(i).row();
  return rows;
}

void DatasetBrowserPanel::saveSplit() {
  if (auto st = cases_->saveSplit(); !st) Q_EMIT errorOccurred(errorText(st.error(), tr("Saving the split")));
}

// K folds with the seed shown, as `tissnet split --folds K --seed S`; replacing an existing
// splits_final.json is asked first.
void DatasetBrowserPanel::writeFolds() {
  const uint64_t seed = uint64_t(seed_->value());
  auto sizes = cases_->writeFolds(folds_->value(), seed, false);
  if (!sizes && QString::fromStdString(sizes.error().message).contains(tr("already exists")) &&
      QMessageBox::question(this, tr("Replace the folds?"),
                            tr("%1 already exists. Replace it? Runs keep the split they were created with.")
                                .arg(QString::fromStdString(sizes.error().file))) == QMessageBox::Yes)
    sizes = cases_->writeFolds(folds_->value(), seed, true);
  if (!sizes) return Q_EMIT errorOccurred(errorText(sizes.error(), tr("Writing the cross-validation folds")));
  QStringList parts;
  for (size_t n : *sizes) parts << QString::number(n);
  Q_EMIT messageLogged(tr("Wrote %1 folds to splits_final.json (validation parts of %2 cases); a run trains one with data.fold")
                           .arg(sizes->size())
                           .arg(parts.join(", ")));
}

void DatasetBrowserPanel::toggleProblemsOnly() { problemsOnly_->toggle(); }

void DatasetBrowserPanel::focusSearch() {
  search_->setFocus();
  search_->selectAll();
}

void DatasetBrowserPanel::retranslate() {
  search_->setPlaceholderText(tr("Filter cases by id (Ctrl+F)"));
  problemsOnly_->setText(tr("Cases with problems"));
  const int split = std::max(0, splitFilter_->currentIndex());
  splitFilter_->clear();
  splitFilter_->addItems({tr("All parts"), splitName(SplitPart::Train), splitName(SplitPart::Val), splitName(SplitPart::Test)});
  splitFilter_->setCurrentIndex(split);
  const int to = std::max(0, moveTo_->currentIndex());
  moveTo_->clear();
  moveTo_->addItems({splitName(SplitPart::Train), splitName(SplitPart::Val), splitName(SplitPart::Test)});
  moveTo_->setCurrentIndex(to);
  move_->setText(tr("Move selected"));
  seedLabel_->setText(tr("Seed"));
  redraw_->setText(tr("Re-draw split"));
  save_->setText(tr("Save split"));
  folds_->setSuffix(tr(" folds"));
  folds_->setToolTip(tr("Cross-validation: folds over the labelled cases outside the test set"));
  writeFolds_->setText(tr("Write folds"));
  writeFolds_->setToolTip(tr("Write splits_final.json (nnU-Net's format) with the seed shown; runs name a fold with data.fold"));
  updateSummary();
}

void DatasetBrowserPanel::updateSummary() {
  summary_->setText(tr("%1 of %2 cases, %3 with problems")
                        .arg(filter_->rowCount())
                        .arg(cases_->rowCount())
                        .arg(cases_->problemCount()));
  save_->setEnabled(cases_->splitModified());
  layoutLabel_->setText(cases_->layoutText());
  layoutLabel_->setVisible(!layoutLabel_->text().isEmpty());
}

void DatasetBrowserPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace tiss::ui
