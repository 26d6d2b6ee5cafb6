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

void SettingsModel::store(const QString& key, const QVariant& value) {
  store_->setValue(key, value);
  Q_EMIT changed();
}

}  // namespace tiss::ui
