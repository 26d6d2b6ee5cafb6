#include "shell/SettingsModel.h"

#include <QDir>
#include <QRegularExpression>
#include <QThread>

#include "common/Translations.h"

namespace tiss::ui {

SettingsModel::SettingsModel(QSettings* store, QObject* parent) : QObject(parent), store_(store) {
  dataFolder_ = QDir(defaultWorkspace()).filePath("data");
  runsFolder_ = QDir(defaultWorkspace()).filePath("runs");
  // Stored values go through the same validation, so a hand-edited file cannot break the model.
  setDevice(store_->value("compute/device", device_).toString());
  setThreads(store_->value("compute/threads", std::min(2, maxThreads())).toInt());
  setMaxRuns(store_->value("compute/max_runs", 1).toInt());
  dataFolder_ = store_->value("folders/data", dataFolder_).toString();
  runsFolder_ = store_->value("folders/runs", runsFolder_).toString();
  const QString lang = store_->value("interface/language", language_).toString();
  if (availableLanguages().contains(lang)) language_ = lang;
  DicomNode pacs = pacs_;
  pacs.host = store_->value("pacs/host", QString::fromStdString(pacs.host)).toString().toStdString();
  pacs.port = store_->value("pacs/port", pacs.port).toInt();
  pacs.calledAe = store_->value("pacs/called_ae", QString::fromStdString(pacs.calledAe)).toString().toStdString();
  pacs.callingAe = store_->value("pacs/calling_ae", QString::fromStdString(pacs.callingAe)).toString().toStdString();
  pacs.tls = store_->value("pacs/tls", false).toBool();
  pacs.tlsTrustedCertificates = store_->value("pacs/tls_trusted").toString().toStdString();
  pacs.tlsCertificate = store_->value("pacs/tls_certificate").toString().toStdString();
  pacs.tlsPrivateKey = store_->value("pacs/tls_key").toString().toStdString();
  setPacs(pacs);
}

QString SettingsModel::defaultWorkspace() { return QDir::home().filePath("TissWorkbench"); }

int SettingsModel::maxThreads() { return std::max(1, QThread::idealThreadCount()); }

bool SettingsModel::setDevice(const QString& device) {
  static const QRegularExpression valid("^(auto|cpu|cuda(:\\d+)?)$");
  if (!valid.match(device).hasMatch()) return false;
  device_ = device;
  store("compute/device", device);
  return true;
}

bool SettingsModel::setThreads(int threads) {
  if (threads < 1 || threads > maxThreads()) return false;
  threads_ = threads;
  store("compute/threads", threads);
  return true;
}

bool SettingsModel::setMaxRuns(int n) {
  if (n < 1 || n > 8) return false;
  maxRuns_ = n;
  store("compute/max_runs", n);
  return true;
}

void SettingsModel::setDataFolder(const QString& dir) {
  dataFolder_ = dir;
  store("folders/data", dir);
}

void SettingsModel::setRunsFolder(const QString& dir) {
  runsFolder_ = dir;
  store("folders/runs", dir);
}

bool SettingsModel::setLanguage(const QString& code) {
  if (!switchLanguage(code)) return false;
  language_ = code;
  store("interface/language", code);
  return true;
}

bool SettingsModel::setPacs(const DicomNode& node) {
  // DICOM AE titles: 1..16 characters of the default repertoire, no backslash, no control codes.
  static const QRegularExpression ae("^[^\\\\\\x00-\\x1f]{1,16}$");
  if (node.host.empty() || node.port < 1 || node.port > 65535) return false;
  if (node.tlsCertificate.empty() != node.tlsPrivateKey.empty()) return false;  // both or neither
  if (!ae.match(QString::fromStdString(node.calledAe).trimmed()).hasMatch() || !ae.match(QString::fromStdString(node.callingAe).trimmed()).hasMatch())
    return false;
  pacs_ = node;
  store_->setValue("pacs/host", QString::fromStdString(node.host));
  store_->setValue("pacs/port", node.port);
  store_->setValue("pacs/called_ae", QString::fromStdString(node.calledAe));
  store_->setValue("pacs/tls", node.tls);
  store_->setValue("pacs/tls_trusted", QString::fromStdString(node.tlsTrustedCertificates));
  store_->setValue("pacs/tls_certificate", QString::fromStdString(node.tlsCertificate));
  store_->setValue("pacs/tls_key", QString::fromStdString(node.tlsPrivateKey));
  store("pacs/calling_ae", QString::fromStdString(node.callingAe));
  return true;
}

void SettingsModel::store(const QString& key, const QVariant& value) {
  store_->setValue(key, value);
  Q_EMIT changed();
}

}  // namespace tiss::ui
