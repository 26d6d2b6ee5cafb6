#include "sweep/NewSweepDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

#include "common/ErrorText.h"
#include "sweep/NewSweepModel.h"

namespace tiss::ui {
namespace {

QWidget* withBrowse(QLineEdit* edit, QWidget* parent, const std::function<QString()>& choose) {
  auto* box = new QWidget(parent);
  auto* row = new QHBoxLayout(box);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(edit);
  auto* browse = new QPushButton(NewSweepDialog::tr("Browse…"), box);
  row->addWidget(browse);
  QObject::connect(browse, &QPushButton::clicked, edit, [edit, choose] {
    const QString path = choose();
    if (!path.isEmpty()) edit->setText(path);
  });
  return box;
}

}  // namespace

NewSweepDialog::NewSweepDialog(NewSweepModel* model, QWidget* parent) : QDialog(parent), model_(model) {
  setWindowTitle(tr("New Sweep"));
  auto* form = new QFormLayout(this);
  preset_ = new QComboBox(this);
  for (const QString& p : NewSweepModel::presets()) preset_->addItem(p == "file" ? tr("Spec file…") : p, p);
  preset_->setCurrentIndex(preset_->findData(model->preset()));
  description_ = new QLabel(this);
  description_->setWordWrap(true);
  spec_ = new QLineEdit(model->specFile(), this);
  data_ = new QLineEdit(model->dataDir(), this);
  out_ = new QLineEdit(model->outDir(), this);
  base_ = new QComboBox(this);
  base_->addItems({"cpu-small", "paper"});
  base_->setCurrentText(model->basePreset());
  parallel_ = new QSpinBox(this);
  parallel_->setRange(1, 64);
  parallel_->setValue(model->maxParallel());
  threads_ = new QSpinBox(this);
  threads_->setRange(0, 256);
  threads_->setSpecialValueText(tr("LibTorch's default"));
  threads_->setValue(model->threadsPerJob());
  devices_ = new QLineEdit(model->devices(), this);
  devices_->setPlaceholderText(tr("auto, cpu, or cuda:0, cuda:1 (given to the jobs in turn)"));
  overrides_ = new QPlainTextEdit(model->overrides().join('\n'), this);
  overrides_->setPlaceholderText(tr("key=value per line, e.g. optim.epochs_constant=2"));
  overrides_->setMaximumHeight(80);
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons_->button(QDialogButtonBox::Ok)->setText(tr("Create and Start"));
  form->addRow(tr("Sweep:"), preset_);
  form->addRow(QString(), description_);
  form->addRow(tr("Spec file:"), withBrowse(spec_, this, [this] {
    return QFileDialog::getOpenFileName(this, tr("Sweep Spec"), QString(), tr("Sweep specs (*.json)"));
  }));
  form->addRow(tr("Data set:"), withBrowse(data_, this, [this] { return QFileDialog::getExistingDirectory(this, tr("Data Set")); }));
  form->addRow(tr("Sweep folder:"), withBrowse(out_, this, [this] { return QFileDialog::getExistingDirectory(this, tr("Sweep Folder")); }));
  form->addRow(tr("Config preset of every job:"), base_);
  form->addRow(tr("Jobs at once:"), parallel_);
  form->addRow(tr("CPU threads per job:"), threads_);
  form->addRow(tr("Devices:"), devices_);
  form->addRow(tr("Overrides for every job:"), overrides_);
  form->addRow(status_);
  form->addRow(buttons_);
  connect(preset_, &QComboBox::currentIndexChanged, model, [this] { model_->setPreset(preset_->currentData().toString()); });
  connect(spec_, &QLineEdit::textChanged, model, &NewSweepModel::setSpecFile);
  connect(data_, &QLineEdit::textChanged, model, &NewSweepModel::setDataDir);
  connect(out_, &QLineEdit::textChanged, model, &NewSweepModel::setOutDir);
  connect(base_, &QComboBox::currentTextChanged, model, &NewSweepModel::setBasePreset);
  connect(parallel_, &QSpinBox::valueChanged, model, &NewSweepModel::setMaxParallel);
  connect(threads_, &QSpinBox::valueChanged, model, &NewSweepModel::setThreadsPerJob);
  connect(devices_, &QLineEdit::textChanged, model, &NewSweepModel::setDevices);
  connect(overrides_, &QPlainTextEdit::textChanged, model, [this] { model_->setOverridesText(overrides_->toPlainText()); });
  connect(model, &NewSweepModel::changed, this, &NewSweepDialog::refresh);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  refresh();
}

void NewSweepDialog::refresh() {
  description_->setText(NewSweepModel::describe(model_->preset()));
  spec_->setEnabled(model_->preset() == "file");
  const Status st = model_->validate();
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(st.ok());
  status_->setStyleSheet(st.ok() ? QString() : QStringLiteral("color: #b00;"));
  status_->setText(st.ok() ? tr("%n job(s), %1 of them shared runs trained first.", nullptr, model_->jobCount()).arg(model_->sharedCount())
                           : errorText(st.error(), tr("This sweep cannot start")));
}

}  // namespace tiss::ui
