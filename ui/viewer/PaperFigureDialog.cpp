#include "viewer/PaperFigureDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "viewer/PaperFigureModel.h"

namespace tiss::ui {

namespace {
QListWidget* checkList(const QStringList& items, const QStringList& checked, QWidget* parent) {
  auto* list = new QListWidget(parent);
  for (const QString& text : items) {
    auto* item = new QListWidgetItem(text, list);
    item->setCheckState(checked.contains(text) ? Qt::Checked : Qt::Unchecked);
  }
  return list;
}
}  // namespace

PaperFigureDialog::PaperFigureDialog(PaperFigureModel* model, QWidget* parent) : QDialog(parent), model_(model) {
  setWindowTitle(tr("Paper Figure"));
  QStringList columnTitles;
  for (const auto& c : model_->candidateColumns()) columnTitles << c.title;
  cases_ = checkList(model_->allCases(), model_->spec.cases, this);
  columns_ = checkList(columnTitles, columnTitles, this);
  rule_ = new QComboBox(this);
  rule_->addItems({tr("Largest tumor slice of each case"), tr("Fixed slice")});
  slice_ = new QSpinBox(this);
  slice_->setRange(0, 10000);
  dpi_ = new QSpinBox(this);
  dpi_->setRange(72, 1200);
  dpi_->setValue(int(model_->options.dpi));
  dpi_->setSuffix(tr(" dpi"));
  width_ = new QDoubleSpinBox(this);
  width_->setRange(20, 500);
  width_->setValue(model_->options.widthMm);
  width_->setSuffix(tr(" mm"));
  status_ = new QLabel(tr("Ground truth contoured in yellow, results in green."), this);
  auto* form = new QFormLayout;
  form->addRow(tr("Cases (rows)"), cases_);
  form->addRow(tr("Columns"), columns_);
  form->addRow(tr("Slice"), rule_);
  form->addRow(tr("Fixed slice index"), slice_);
  form->addRow(tr("Width"), width_);
  form->addRow(tr("Resolution (PNG)"), dpi_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  export_ = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
  connect(export_, &QPushButton::clicked, this, &PaperFigureDialog::exportTo);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(model_, &PaperFigureModel::finished, this, [this](const QString& error) {
    export_->setEnabled(true);
    status_->setText(error.isEmpty() ? tr("Figure written.") : error);
  });
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(status_);
  layout->addWidget(buttons);
}

void PaperFigureDialog::apply() {
  model_->spec.cases.clear();
  for (int i = 0; i < cases_->count(); ++i)
    if (cases_->item(i)->checkState() == Qt::Checked) model_->spec.cases << cases_->item(i)->text();
  model_->spec.columns.clear();
  for (int i = 0; i < columns_->count(); ++i)
    if (columns_->item(i)->checkState() == Qt::Checked) model_->spec.columns.push_back(model_->candidateColumns()[size_t(i)]);
  model_->spec.largestTumorSlice = rule_->currentIndex() == 0;
  model_->spec.fixedSlice = slice_->value();
  model_->options.dpi = dpi_->value();
  model_->options.widthMm = width_->value();
}

void PaperFigureDialog::exportTo() {
  apply();
  const QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), "figure.pdf",
                                                    tr("PDF document (*.pdf);;SVG drawing (*.svg);;PNG image (*.png)"));
  if (path.isEmpty()) return;
  export_->setEnabled(false);
  status_->setText(tr("Reading %n case(s)…", "", int(model_->spec.cases.size())));
  model_->exportFigure(path);
}

}  // namespace tiss::ui
