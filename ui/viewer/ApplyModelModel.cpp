#include "viewer/ApplyModelModel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>

#include "common/RunFiles.h"
#include "tiss/engine/command_line.h"
#include "tiss/util/atomic_file.h"
#include "tiss/util/safe_path.h"

namespace tiss::ui {
namespace {

QJsonObject readJson(const QString& file) {
  QFile f(file);
  return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

bool isRun(const QString& dir) { return runPresenceOf(dir) == RunPresence::Trained; }

// The last best checkpoint's score from the event log: "dice_pct 81.2".
QString bestMetric(const QString& run) {
  QFile f(runFile(run, &RunFolder::eventsFile));
  if (!f.open(QIODevice::ReadOnly)) return {};
  QString metric;
  for (const QByteArray& line : f.readAll().split('\n')) {
    if (!line.contains("\"checkpoint\"") || !line.contains("\"best\"")) continue;
    const QJsonObject e = QJsonDocument::fromJson(line).object();
    const QString key = e["select"].toString();
    if (!key.isEmpty() && e.contains(key)) metric = QString("%1 %2").arg(key).arg(e[key].toDouble(), 0, 'f', 1);
  }
  return metric;
}

// RESULTS/NAME of a run: its folder name, or NAME-2, NAME-3... when a folder of that name
// holds another run's results (A/t000 and B/t000), told by the run's absolute path recorded in
// NAME/source-run.json when the folder is first used.
Result<QString> claimResultsFolder(const QString& resultsRoot, const QString& runDir) {
  const QString run = QFileInfo(runDir).absoluteFilePath(), base = QFileInfo(runDir).fileName();
  for (int k = 1; k < 1000; ++k) {
    const QString name = k == 1 ? base : QString("%1-%2").arg(base).arg(k), folder = resultsRoot + "/" + name;
    const QString record = folder + "/source-run.json";
    if (QFileInfo::exists(folder)) {
      if (readJson(record)["run"].toString() == run) return name;
      continue;
    }
    if (!QDir().mkpath(folder)) return makeError(folder.toStdString(), ApplyModelModel::tr("cannot create the folder").toStdString());
    const QByteArray json = QJsonDocument(QJsonObject{{"run", run}}).toJson();
    if (auto st = writeFileAtomically(record.toStdString(), json.toStdString()); !st) return st.error();
    return name;
  }
  return makeError(resultsRoot.toStdString(), ApplyModelModel::tr("holds too many results of runs with this name").toStdString());
}

RunChoice choiceOf(const QString& dir, const QString& name) {
  return {QFileInfo(dir).absoluteFilePath(), name, readJson(runFile(dir, &RunFolder::configFile))["stage"].toString(),
          readJson(runFile(dir, &RunFolder::infoFile))["target"].toString(), bestMetric(dir)};
}

}  // namespace

ApplyModelModel::ApplyModelModel(QObject* parent) : QObject(parent), tissnet_(defaultTissnet()) {}

ApplyModelModel::~ApplyModelModel() {
  if (process_) {
    process_->disconnect(this);
    process_->kill();
    process_->waitForFinished(5000);
  }
}

void ApplyModelModel::scan(const QStringList& runFolders) {
  runs_.clear();
  for (const QString& root : runFolders) {
    if (isRun(root)) {
      runs_ << choiceOf(root, QFileInfo(root).fileName());
      continue;
    }
    // A folder of runs (runs/) or a sweep (its trials/).
    const QString trials = QFileInfo::exists(root + "/sweep.json") ? root + "/trials" : root;
    const QString prefix = trials == root ? QString() : QFileInfo(root).fileName() + "/";
    for (const QString& d : QDir(trials).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
      if (isRun(trials + "/" + d)) runs_ << choiceOf(trials + "/" + d, prefix + d);
  }
  std::sort(runs_.begin(), runs_.end(), [](const RunChoice& a, const RunChoice& b) { return a.name < b.name; });
}

Status ApplyModelModel::start(const QString& dataDir, const QString& caseId, const QString& runDir, const QString& resultsRoot) {
  if (process_) return makeError(runDir.toStdString(), tr("another model is running on a case; wait or cancel it").toStdString());
  if (!isRun(runDir)) return makeError(runDir.toStdString(), tr("is not a run with a checkpoint").toStdString());
  if (auto st = checkCaseId(caseId.toStdString()); !st) return st;
  if (!QDir().mkpath(resultsRoot)) return makeError(resultsRoot.toStdString(), tr("cannot create the results folder").toStdString());
  // Staged beside the results (same file system: the final move is a rename).
  staging_ = std::make_unique<QTemporaryDir>(resultsRoot + "/.apply-XXXXXX");
  if (!staging_->isValid()) return makeError(resultsRoot.toStdString(), tr("cannot create a staging folder").toStdString());
  caseId_ = caseId;
  auto name = claimResultsFolder(resultsRoot, runDir);
  if (!name) return name.error();
  runName_ = *name;
  resultsRoot_ = resultsRoot;
  stderr_.clear();
  fraction_ = 0;
  cancelling_ = false;
  process_ = new QProcess(this);
  connect(process_, &QProcess::readyReadStandardOutput, this, &ApplyModelModel::readLines);
  connect(process_, &QProcess::readyReadStandardError, this, [this] { stderr_ += QString::fromUtf8(process_->readAllStandardError()); });
  connect(process_, &QProcess::finished, this, &ApplyModelModel::processFinished);
  // A program that cannot start emits no finished(): without this the job would run forever.
  // Queued, so that start() has returned before the job ends.
  QProcess* child = process_;
  connect(
      process_, &QProcess::errorOccurred, this,
      [this, child](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process_ != child) return;
        const QString why = tr("%1 could not be started: %2").arg(tissnet_, child->errorString());
        const bool wasCancelling = cancelling_;
        reset();
        if (wasCancelling) Q_EMIT cancelled();
        else Q_EMIT failed(why);
      },
      Qt::QueuedConnection);
  InferRequest request;
  request.runDir = runDir.toStdString();
  request.dataDir = dataDir.toStdString();
  request.outDir = staging_->path().toStdString();
  request.cases = {caseId.toStdString()};
  request.threads = threads_;
  process_->start(tissnet_, qstrings(inferArguments(request, true)));
  Q_EMIT runningChanged(true);
  Q_EMIT progressChanged(0);
  return Status();
}

void ApplyModelModel::readLines() {
  double latest = -1;
  while (process_ && process_->canReadLine()) {
    const QJsonObject e = QJsonDocument::fromJson(process_->readLine()).object();
    if (e["event"].toString() == "progress" && e["windows"].toInt() > 0)
      latest = (e["case"].toInt() + e["windows_done"].toDouble() / e["windows"].toInt()) / std::max(1, e["cases"].toInt());
  }
  // A burst of lines is one refresh.
  if (latest >= 0) Q_EMIT progressChanged(fraction_ = latest);
}

void ApplyModelModel::cancel() {
  if (!process_) return;
  cancelling_ = true;
  process_->terminate();
}

void ApplyModelModel::processFinished(int code, QProcess::ExitStatus status) {
  if (cancelling_) {
    reset();
    Q_EMIT cancelled();
    return;
  }
  if (status != QProcess::NormalExit || code != 0) {
    const QString why = stderr_.trimmed().isEmpty() ? tr("tissnet infer stopped (exit code %1)").arg(code) : stderr_.trimmed();
    reset();
    Q_EMIT failed(why);
    return;
  }
  if (auto st = publish(); !st) {
    reset();
    Q_EMIT failed(QString::fromStdString(st.error().describe()));
    return;
  }
  const QString folder = resultsRoot_ + "/" + runName_;
  reset();
  Q_EMIT finished(folder, caseId_);
}

// RESULTS/RUN/CASE replaced by the staged case folder in one rename; the record kept beside it.
Status ApplyModelModel::publish() {
  const QString target = resultsRoot_ + "/" + runName_, from = staging_->path() + "/" + caseId_, to = target + "/" + caseId_;
  if (!QDir().mkpath(target)) return makeError(target.toStdString(), tr("cannot create the folder").toStdString());
  // Confined to RESULTS/RUN: an odd id can never make this delete anything else.
  if (auto st = removeInside(target.toStdString(), caseId_.toStdString()); !st) return st;
  if (!QDir().rename(from, to)) return makeError(to.toStdString(), tr("cannot move the results into place").toStdString());
  QFile::remove(target + "/" + caseId_ + ".inference.json");
  QFile::rename(staging_->path() + "/inference.json", target + "/" + caseId_ + ".inference.json");
  return Status();
}

void ApplyModelModel::reset() {
  if (process_) process_->deleteLater();
  process_ = nullptr;
  staging_.reset();  // removes whatever is left of the staging folder
  Q_EMIT runningChanged(false);
}

}  // namespace tiss::ui
