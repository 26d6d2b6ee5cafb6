#include "dicom/OpenDicomDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "dicom/OpenDicomModel.h"

namespace tiss::ui {

OpenDicomDialog::OpenDicomDialog(OpenDicomModel* model, QWidget* parent) : QDialog(parent), model_(model) {
  setWindowTitle(tr("Open DICOM Series"));
  caseId_ = new QLineEdit(model_->caseId(), this);
  frames_ = new QComboBox(this);
  frames_->addItem(tr("Refuse series on another grid"), int(FrameRule::Refuse));
  frames_->addItem(tr("Resample them onto the first series' grid"), int(FrameRule::Resample));
  frames_->addItem(tr("Register them rigidly, then resample (patient moved)"), int(FrameRule::Register));
  frames_->setCurrentIndex(frames_->findData(int(model_->frameRule())));
  table_ = new QTableWidget(0, 3, this);
  table_->setHorizontalHeaderLabels({tr("Series"), tr("Used as"), tr("Problem")});
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  problems_ = new QLabel(this);
  problems_->setWordWrap(true);
  problems_->setStyleSheet("color: #b00020");
  unread_ = new QLabel(this);
  unread_->setWordWrap(true);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
  auto* form = new QFormLayout;
  form->addRow(tr("Case id"), caseId_);
  form->addRow(tr("Grids"), frames_);
  auto* intro = new QLabel(tr("Each series' sequence is guessed from its description; correct it where it is wrong. The first "
                              "sequence (T1, T1ce, T2, FLAIR) gives the grid. The series are copied into the workspace as NIfTI "
                              "without patient names or ids; the DICOM files are never changed."),
                           this);
  intro->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(table_);
  layout->addWidget(unread_);
  layout->addWidget(problems_);
  layout->addWidget(buttons_);
  connect(caseId_, &QLineEdit::textEdited, model_, &OpenDicomModel::setCaseId);
  connect(frames_, &QComboBox::activated, this, [this] { model_->setFrameRule(FrameRule(frames_->currentData().toInt())); });
  connect(model_, &OpenDicomModel::changed, this, &OpenDicomDialog::refresh);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  fillTable();
  resize(760, 440);
}

void OpenDicomDialog::fillTable() {
  table_->setRowCount(model_->rows());
  const QStringList names{tr("T1 (t1n)"), tr("T1ce (t1c)"), tr("T2 (t2w)"), tr("FLAIR (t2f)")};
  for (int row = 0; row < model_->rows(); ++row) {
    table_->setItem(row, 0, new QTableWidgetItem(model_->rowText(row)));
    table_->setItem(row, 2, new QTableWidgetItem(model_->rowProblem(row)));
    auto* sequence = new QComboBox(table_);
    sequence->addItem(tr("(not used)"), QString());
    for (int i = 0; i < OpenDicomModel::sequenceChoices().size(); ++i) sequence->addItem(names[i], OpenDicomModel::sequenceChoices()[i]);
    sequence->setEnabled(model_->rowProblem(row).isEmpty());
    connect(sequence, &QComboBox::activated, this, [this, row, sequence] { model_->setSequence(row, sequence->currentData().toString()); });
    table_->setCellWidget(row, 1, sequence);
  }
  refresh();
}

// The model takes a sequence from another row when it is given twice: every combo shows the model.
void OpenDicomDialog::refresh() {
  for (int row = 0; row < table_->rowCount(); ++row)
    if (auto* sequence = qobject_cast<QComboBox*>(table_->cellWidget(row, 1)))
      sequence->setCurrentIndex(std::max(0, sequence->findData(model_->sequence(row))));
  if (caseId_->text().trimmed() != model_->caseId()) caseId_->setText(model_->caseId());
  const int unread = int(model_->unreadFiles().size());
  unread_->setVisible(unread > 0);
  unread_->setText(tr("%n file(s) not read (not DICOM, truncated or compressed in a way this program does not read).", "", unread));
  unread_->setToolTip(model_->unreadFiles().mid(0, 30).join("\n"));
  const QStringList problems = model_->problems();
  problems_->setText(problems.join("\n"));
  buttons_->button(QDialogButtonBox::Open)->setEnabled(problems.isEmpty());
}

}  // namespace tiss::ui
