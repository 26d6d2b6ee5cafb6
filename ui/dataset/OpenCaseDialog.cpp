#include "dataset/OpenCaseDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dataset/OpenCaseModel.h"

namespace tiss::ui {

OpenCaseDialog::OpenCaseDialog(OpenCaseModel* model, QWidget* parent) : QDialog(parent), model_(model) {
  setWindowTitle(tr("Open Case"));
  caseId_ = new QLineEdit(model_->caseId(), this);
  task_ = new QComboBox(this);
  task_->addItem(tr("Glioma (BraTS): T1, T1ce, T2 → FLAIR"), "glioma");
  task_->addItem(tr("Vestibular schwannoma: T2 → ceT1"), "vs");
  task_->setCurrentIndex(task_->findData(model_->taskName()));
  table_ = new QTableWidget(0, 2, this);
  table_->setHorizontalHeaderLabels({tr("File"), tr("Used as")});
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  problems_ = new QLabel(this);
  problems_->setWordWrap(true);
  problems_->setStyleSheet("color: #b00020");
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
  auto* form = new QFormLayout;
  form->addRow(tr("Case id"), caseId_);
  form->addRow(tr("Task"), task_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("Each file's modality is guessed from its name; correct it where it is wrong. "
                                   "The files are read where they are, never changed."), this));
  layout->addLayout(form);
  layout->addWidget(table_);
  layout->addWidget(problems_);
  layout->addWidget(buttons_);
  connect(caseId_, &QLineEdit::textEdited, model_, &OpenCaseModel::setCaseId);
  connect(task_, &QComboBox::activated, this, [this] {
    model_->setTaskName(task_->currentData().toString());
    fillTable();
  });
  connect(model_, &OpenCaseModel::changed, this, &OpenCaseDialog::refresh);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  fillTable();
  resize(640, 420);
}

void OpenCaseDialog::fillTable() {
  table_->setRowCount(int(model_->files().size()));
  for (int row = 0; row < table_->rowCount(); ++row) {
    auto* name = new QTableWidgetItem(QFileInfo(model_->files()[row]).fileName());
    name->setToolTip(model_->files()[row]);
    table_->setItem(row, 0, name);
    auto* key = new QComboBox(table_);
    key->addItem(tr("(not used)"), QString());
    for (const QString& k : model_->keyChoices()) key->addItem(k, k);
    connect(key, &QComboBox::activated, this, [this, row, key] { model_->setKey(row, key->currentData().toString()); });
    table_->setCellWidget(row, 1, key);
  }
  refresh();
}

// The model takes a key from another row when it is given twice: every combo shows the model.
void OpenCaseDialog::refresh() {
  for (int row = 0; row < table_->rowCount(); ++row)
    if (auto* key = qobject_cast<QComboBox*>(table_->cellWidget(row, 1)))
      key->setCurrentIndex(std::max(0, key->findData(model_->key(row))));
  if (caseId_->text().trimmed() != model_->caseId()) caseId_->setText(model_->caseId());
  const QStringList problems = model_->problems();
  problems_->setText(problems.join("\n"));
  buttons_->button(QDialogButtonBox::Open)->setEnabled(problems.isEmpty());
}

}  // namespace tiss::ui
