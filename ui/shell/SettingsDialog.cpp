#include "shell/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

#include "common/Translations.h"
#include "shell/SettingsModel.h"

namespace tiss::ui {
namespace {

QWidget* folderRow(QLineEdit* edit, QWidget* parent, bool file = false) {
  auto* row = new QWidget(parent);
  auto* browse = new QPushButton(QObject::tr("Browse…"), row);
  QObject::connect(browse, &QPushButton::clicked, edit, [edit, file] {
    const QString chosen = file ? QFileDialog::getOpenFileName(edit, QObject::tr("Choose a file"), edit->text(), QObject::tr("PEM certificates (*.pem *.crt);;All files (*)"))
                                : QFileDialog::getExistingDirectory(edit, QObject::tr("Choose a folder"), edit->text());
    if (!chosen.isEmpty()) edit->setText(chosen);
  });
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(edit, 1);
  layout->addWidget(browse);
  return row;
}

}  // namespace

SettingsDialog::SettingsDialog(SettingsModel* model, QWidget* parent) : QDialog(parent), model_(model) {
  setWindowTitle(tr("Settings"));
  device_ = new QComboBox(this);
  device_->setObjectName("device");
  device_->addItem(tr("Automatic (CUDA when available)"), "auto");
  device_->addItem(tr("CPU"), "cpu");
  device_->addItem(tr("CUDA (GPU 0)"), "cuda");
  device_->setCurrentIndex(std::max(0, device_->findData(model->device())));
  threads_ = new QSpinBox(this);
  threads_->setObjectName("threads");
  threads_->setRange(1, SettingsModel::maxThreads());
  threads_->setValue(model->threads());
  maxRuns_ = new QSpinBox(this);
  maxRuns_->setObjectName("maxRuns");
  maxRuns_->setRange(1, 8);
  maxRuns_->setValue(model->maxRuns());
  data_ = new QLineEdit(model->dataFolder(), this);
  runs_ = new QLineEdit(model->runsFolder(), this);
  language_ = new QComboBox(this);
  language_->setObjectName("language");
  for (const QString& code : availableLanguages()) {
    const QLocale locale(code == "en" ? "en_US" : code);
    language_->addItem(locale.nativeLanguageName(), code);
  }
  language_->setCurrentIndex(std::max(0, language_->findData(model->language())));
  connect(language_, qOverload<int>(&QComboBox::currentIndexChanged), this,
          [this] { model_->setLanguage(language_->currentData().toString()); });
  const DicomNode pacs = model->pacs();
  pacsHost_ = new QLineEdit(QString::fromStdString(pacs.host), this);
  pacsPort_ = new QSpinBox(this);
  pacsPort_->setRange(1, 65535);
  pacsPort_->setValue(pacs.port);
  pacsCalledAe_ = new QLineEdit(QString::fromStdString(pacs.calledAe), this);
  pacsCallingAe_ = new QLineEdit(QString::fromStdString(pacs.callingAe), this);
  for (auto* ae : {pacsCalledAe_, pacsCallingAe_}) ae->setMaxLength(16);
  pacsCallingAe_->setToolTip(tr("The PACS may have to know this title (and allow it to query and retrieve)"));
  pacsTls_ = new QCheckBox(tr("DICOM TLS (where the PACS offers it on this port)"), this);
  pacsTls_->setChecked(pacs.tls);
  pacsTrusted_ = new QLineEdit(QString::fromStdString(pacs.tlsTrustedCertificates), this);
  pacsTrusted_->setPlaceholderText(tr("none: encrypted, but the PACS is not authenticated"));
  auto* form = new QFormLayout;
  form->addRow(tr("Compute device"), device_);
  form->addRow(tr("CPU threads"), threads_);
  form->addRow(tr("Runs training at once"), maxRuns_);
  form->addRow(tr("Data folder"), folderRow(data_, this));
  form->addRow(tr("Runs folder"), folderRow(runs_, this));
  form->addRow(tr("Interface language"), language_);
  form->addRow(tr("PACS host"), pacsHost_);
  form->addRow(tr("PACS DICOM port"), pacsPort_);
  form->addRow(tr("PACS AE title"), pacsCalledAe_);
  form->addRow(tr("Our AE title"), pacsCallingAe_);
  form->addRow(tr("PACS security"), pacsTls_);
  form->addRow(tr("Trusted certificates"), folderRow(pacsTrusted_, this, true));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    apply();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

void SettingsDialog::apply() {
  model_->setDevice(device_->currentData().toString());
  model_->setThreads(threads_->value());
  model_->setMaxRuns(maxRuns_->value());
  model_->setDataFolder(data_->text());
  model_->setRunsFolder(runs_->text());
  DicomNode pacs = model_->pacs();
  pacs.host = pacsHost_->text().trimmed().toStdString();
  pacs.port = pacsPort_->value();
  pacs.calledAe = pacsCalledAe_->text().trimmed().toStdString();
  pacs.callingAe = pacsCallingAe_->text().trimmed().toStdString();
  pacs.tls = pacsTls_->isChecked();
  pacs.tlsTrustedCertificates = pacsTrusted_->text().trimmed().toStdString();
  model_->setPacs(pacs);  // an invalid entry keeps the stored server
}

}  // namespace tiss::ui
