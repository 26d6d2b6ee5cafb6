#include "dataset/OpenCaseModel.h"

#include <QDir>
#include <QFileInfo>

#include "common/ErrorText.h"

namespace tiss::ui {

OpenCaseModel::OpenCaseModel(QObject* parent) : QObject(parent) {}

QString OpenCaseModel::setPaths(const QStringList& paths) {
  std::vector<std::string> in;
  for (const QString& p : paths) in.push_back(p.toStdString());
  const auto found = imageFilesOf(in);
  if (!found) return errorText(found.error(), tr("Opening a case"));
  files_.clear();
  for (const auto& f : *found) files_ << QString::fromStdString(f);
  caseId_ = QString::fromStdString(guessCaseId(*found));
  guessKeys();
  return {};
}

void OpenCaseModel::guessKeys() {
  const LooseCase guess = guessLooseCase([this] {
    std::vector<std::string> v;
    for (const QString& f : files_) v.push_back(f.toStdString());
    return v;
  }(), task_);
  keys_.clear();
  for (const QString& f : files_) {
    QString key;
    for (const auto& [k, file] : guess.files)
      if (QString::fromStdString(file) == f) key = QString::fromStdString(k);
    keys_ << key;
  }
  Q_EMIT changed();
}

void OpenCaseModel::setKey(int row, const QString& key) {
  if (row < 0 || row >= keys_.size() || (!key.isEmpty() && !keyChoices().contains(key))) return;
  if (!key.isEmpty())
    for (QString& k : keys_)
      if (k == key) k.clear();
  keys_[row] = key;
  Q_EMIT changed();
}

QStringList OpenCaseModel::keyChoices() const {
  QStringList keys;
  for (const auto& s : task_.sources) keys << QString::fromStdString(s);
  keys << QString::fromStdString(task_.target) << QString::fromStdString(task_.label);
  return keys;
}

void OpenCaseModel::setTaskName(const QString& name) {
  task_ = name == "vs" ? vsTask() : gliomaTask();
  guessKeys();
}

void OpenCaseModel::setCaseId(const QString& id) {
  caseId_ = id.trimmed();
  Q_EMIT changed();
}

LooseCase OpenCaseModel::looseCase() const {
  LooseCase c;
  c.id = caseId_.toStdString();
  c.task = task_;
  for (int i = 0; i < files_.size(); ++i)
    if (!keys_[i].isEmpty()) c.files[keys_[i].toStdString()] = files_[i].toStdString();
  return c;
}

QStringList OpenCaseModel::problems() const {
  QStringList p;
  if (files_.isEmpty()) return {tr("No image file: drop a case folder or its NIfTI files.")};
  if (caseId_.isEmpty() || caseId_.startsWith('.') || caseId_.contains('/') || caseId_.contains('\\'))
    p << tr("The case id must not be empty, start with a dot or hold a slash.");
  const LooseCase c = looseCase();
  bool source = false;
  for (const auto& s : task_.sources) source = source || c.files.count(s);
  if (!source) p << tr("No source image: use at least one file as %1.").arg(keyChoices().mid(0, int(task_.sources.size())).join(", "));
  for (int i = 0; i < files_.size(); ++i)
    if (!keys_[i].isEmpty() && !QFileInfo(files_[i]).isFile()) p << tr("%1 is no longer there.").arg(files_[i]);
  return p;
}

QString OpenCaseModel::save(const QString& casesRoot, QString* error) {
  if (!valid()) {
    *error = problems().join("\n");
    return {};
  }
  auto kept = keepLooseCase(looseCase(), casesRoot.toStdString());
  if (!kept) {
    *error = errorText(kept.error(), tr("Keeping the case in the workspace"));
    return {};
  }
  caseId_ = QString::fromStdString(kept->id);
  return QDir(casesRoot).filePath(caseId_);
}

}  // namespace tiss::ui
