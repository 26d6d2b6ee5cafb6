#include "shell/WorkspaceModel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "tiss/util/atomic_file.h"

namespace tiss::ui {

WorkspaceModel::WorkspaceModel(QSettings* store, QObject* parent) : QObject(parent), store_(store) {}

Status WorkspaceModel::open(const QString& dir) {
  const QString abs = QFileInfo(dir).absoluteFilePath();
  QDir d(abs);
  if (!d.mkpath(".") || !d.mkpath("runs") || !d.mkpath("sweeps"))
    return makeError(abs.toStdString(), "cannot create the workspace folder");
  QStringList datasets;
  QString current;
  QJsonObject viewers;
  QStringList externalRuns, externalSweeps;
  QFile file(d.filePath(kFile));
  if (file.exists()) {
    if (!file.open(QIODevice::ReadOnly)) return makeError(file.fileName().toStdString(), "cannot be read");
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(file.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
      return makeError(file.fileName().toStdString(), "is not a valid workspace file: " + err.errorString().toStdString());
    for (const auto& v : doc.object().value("datasets").toArray()) datasets << v.toString();
    current = doc.object().value("current_dataset").toString();
    viewers = doc.object().value("viewers").toObject();
    for (const auto& v : doc.object().value("external_runs").toArray()) externalRuns << v.toString();
    for (const auto& v : doc.object().value("external_sweeps").toArray()) externalSweeps << v.toString();
  }
  folder_ = abs;
  datasets_ = datasets;
  current_ = current;
  viewers_ = viewers;
  externalRuns_ = externalRuns;
  externalSweeps_ = externalSweeps;
  QStringList recent = store_->value("workspace/recent").toStringList();
  recent.removeAll(abs);
  recent.prepend(abs);
  store_->setValue("workspace/recent", recent.mid(0, kMaxRecent));
  store_->setValue("workspace/last", abs);
  Q_EMIT changed();
  return file.exists() ? Status() : save();
}

QString WorkspaceModel::runsFolder() const { return QDir(folder_).filePath("runs"); }
QString WorkspaceModel::sweepsFolder() const { return QDir(folder_).filePath("sweeps"); }
QString WorkspaceModel::cacheFolder() const { return QDir(folder_).filePath(".cache"); }

Status WorkspaceModel::addDataset(const QString& dir) {
  const QString abs = QFileInfo(dir).absoluteFilePath();
  if (!datasets_.contains(abs)) datasets_ << abs;
  Q_EMIT changed();
  return save();
}

Status WorkspaceModel::removeDataset(const QString& dir) {
  datasets_.removeAll(QFileInfo(dir).absoluteFilePath());
  Q_EMIT changed();
  return save();
}

Status WorkspaceModel::setCurrentDataset(const QString& dir) {
  current_ = QFileInfo(dir).absoluteFilePath();
  return save();
}

Status WorkspaceModel::addExternalRun(const QString& dir) {
  const QString abs = QFileInfo(dir).absoluteFilePath();
  if (abs.startsWith(runsFolder() + "/") || externalRuns_.contains(abs)) return Status();
  externalRuns_ << abs;
  return save();
}

Status WorkspaceModel::addExternalSweep(const QString& dir) {
  const QString abs = QFileInfo(dir).absoluteFilePath();
  if (abs.startsWith(sweepsFolder() + "/") || externalSweeps_.contains(abs)) return Status();
  externalSweeps_ << abs;
  return save();
}

QStringList WorkspaceModel::sweeps() const {
  QStringList out;
  for (const QFileInfo& d : QDir(sweepsFolder()).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
    if (QFileInfo::exists(d.filePath() + "/sweep.json")) out << d.absoluteFilePath();
  for (const QString& d : externalSweeps_)
    if (QFileInfo::exists(d + "/sweep.json")) out << d;
  return out;
}

QJsonObject WorkspaceModel::viewerState(const QString& dir) const {
  return viewers_.value(QFileInfo(dir).absoluteFilePath()).toObject();
}

Status WorkspaceModel::setViewerState(const QString& dir, const QJsonObject& state) {
  viewers_.insert(QFileInfo(dir).absoluteFilePath(), state);
  return save();
}

QStringList WorkspaceModel::recentWorkspaces() const {
  QStringList existing;
  for (const auto& dir : store_->value("workspace/recent").toStringList())
    if (QFileInfo(dir).isDir()) existing << dir;
  return existing;
}

Status WorkspaceModel::save() {
  if (folder_.isEmpty()) return makeError("", "no workspace is open");
  QJsonObject o{{"version", 1}, {"datasets", QJsonArray::fromStringList(datasets_)}, {"current_dataset", current_},
                {"viewers", viewers_}, {"external_runs", QJsonArray::fromStringList(externalRuns_)},
                {"external_sweeps", QJsonArray::fromStringList(externalSweeps_)}};
  const QString path = QDir(folder_).filePath(kFile);
  return writeFileAtomically(path.toStdString(), QJsonDocument(o).toJson().toStdString());
}

}  // namespace tiss::ui
