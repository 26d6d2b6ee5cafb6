#include "training/TrainingDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "training/TrainingFormModel.h"

namespace tiss::ui {

TrainingDialog::TrainingDialog(TrainingFormModel* model, QWidget* parent) : QDialog(parent), model_(model) {
  setWindowTitle(tr("New Training Run"));
  preset_ = new QComboBox(this);
  preset_->addItem(tr("Paper defaults"), "paper");
  preset_->addItem(tr("Quick CPU demo"), "cpu-small");
  preset_->setCurrentIndex(preset_->findData(model_->preset()));
  auto* copy = new QPushButton(tr("Copy from run…"), this);
  data_ = new QLineEdit(model_->dataDir, this);
  data_->setObjectName("dataDir");
  name_ = new QLineEdit(model_->runName, this);
  name_->setObjectName("runName");
  device_ = new QComboBox(this);
  device_->addItems({"auto", "cpu", "cuda"});
  device_->setCurrentText(model_->device);
  threads_ = new QSpinBox(this);
  threads_->setRange(0, 256);
  threads_->setSpecialValueText(tr("LibTorch default"));
  threads_->setValue(model_->threads);
  auto* top = new QFormLayout;
  auto* presetRow = new QHBoxLayout;
  presetRow->addWidget(preset_, 1);
  presetRow->addWidget(copy);
  top->addRow(tr("Preset"), presetRow);
  top->addRow(tr("Data set folder"), data_);
  top->addRow(tr("Run name"), name_);
  top->addRow(tr("Device"), device_);
  top->addRow(tr("CPU threads"), threads_);
  nproc_ = new QSpinBox(this);
  nproc_->setObjectName("nproc");
  nproc_->setRange(1, 64);
  nproc_->setValue(model_->nproc);
  nproc_->setToolTip(tr("Data-parallel training: this many processes, each with its own share of every batch and its own device "
                        "(CUDA device per process when there are several GPUs); gradients are averaged over them."));
  top->addRow(tr("Processes"), nproc_);
  auto* fieldsBox = new QWidget(this);
  fields_ = new QFormLayout(fieldsBox);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(fieldsBox);
  scroll->setWidgetResizable(true);
  error_ = new QLabel(this);
  error_->setObjectName("formError");
  error_->setStyleSheet("color: #c02020");
  error_->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  start_ = buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(preset_, qOverload<int>(&QComboBox::activated), this, [this] {
    model_->setPreset(preset_->currentData().toString());
    rebuildFields();
  });
  connect(copy, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Copy the configuration of a run"));
    if (dir.isEmpty()) return;
    if (auto st = model_->copyFromRun(dir); !st) return error_->setText(QString::fromStdString(st.error().describe()));
    rebuildFields();
  });
  connect(data_, &QLineEdit::textChanged, model_, &TrainingFormModel::setDataDir);
  connect(name_, &QLineEdit::textChanged, model_, &TrainingFormModel::setRunName);
  connect(device_, &QComboBox::currentTextChanged, this, [this](const QString& d) { model_->device = d; });
  connect(threads_, qOverload<int>(&QSpinBox::valueChanged), this, [this](int n) { model_->threads = n; });
  connect(nproc_, qOverload<int>(&QSpinBox::valueChanged), this, [this](int n) { model_->nproc = n; });
  connect(model_, &TrainingFormModel::changed, this, &TrainingDialog::showValidity);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(scroll, 1);
  layout->addWidget(error_);
  layout->addWidget(buttons);
  rebuildFields();
  resize(520, 720);
}

QWidget* TrainingDialog::editor(const QString& key) const { return findChild<QWidget*>("field:" + key); }

void TrainingDialog::rebuildFields() {
  while (fields_->rowCount() > 0) fields_->removeRow(0);
  for (const QString& key : model_->keys()) {
    const QString value = model_->text(key);
    QWidget* w = nullptr;
    if (const QStringList choices = TrainingFormModel::choices(key); !choices.isEmpty()) {
      auto* combo = new QComboBox;
      combo->addItems(choices);
      combo->setEditable(TrainingFormModel::choicesAreOpen(key));
      combo->setCurrentText(value);
      connect(combo, &QComboBox::currentTextChanged, this, [this, key](const QString& t) { model_->setText(key, t); });
      w = combo;
    } else if (value == "true" || value == "false") {
      auto* check = new QCheckBox;
      check->setChecked(value == "true");
      connect(check, &QCheckBox::toggled, this, [this, key](bool on) { model_->setText(key, on ? "true" : "false"); });
      w = check;
    } else {
      auto* edit = new QLineEdit(value);
      connect(edit, &QLineEdit::textChanged, this, [this, key](const QString& t) { model_->setText(key, t); });
      w = edit;
    }
    w->setObjectName("field:" + key);
    w->setToolTip(TrainingFormModel::help(key));
    fields_->addRow(key, w);
  }
  showValidity();
}

void TrainingDialog::showValidity() {
  error_->setText(model_->error());
  start_->setEnabled(model_->valid());
}

}  // namespace tiss::ui
