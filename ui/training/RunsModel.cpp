#include "training/RunsModel.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

#include "common/RunFiles.h"

namespace tiss::ui {

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunsModel::scan(const QString& runsFolder) {
  const QDir dir(runsFolder);
  for (const QString& sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
    const QDir run(dir.filePath(sub));
    if (runPresenceOf(run.absolutePath()) != RunPresence::None) attach(run.absolutePath());
  }
}

int RunsModel::rowOf(const QString& folder) const {
  const QString abs = QDir(folder).absolutePath();
  for (int i = 0; i < runs_.size(); ++i)
    if (runs_[i]->folder() == abs) return i;
  return -1;
}

int RunsModel::attach(const QString& folder) {
  if (const int row = rowOf(folder); row >= 0) return row;
  const int row = runs_.size();
  beginInsertRows({}, row, row);
  auto* m = new RunMonitor(folder, this);
  runs_.push_back(m);
  endInsertRows();
  auto changed = [this, m] {
    const int r = int(runs_.indexOf(m));
    Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    Q_EMIT runUpdated(r);
  };
  connect(m, &RunMonitor::updated, this, changed);
  connect(m, &RunMonitor::stateChanged, this, changed);
  return row;
}

int RunsModel::runningCount() const {
  return int(std::count_if(runs_.begin(), runs_.end(), [](RunMonitor* m) {
    return m->state() == RunMonitor::State::Running || (m->state() == RunMonitor::State::Waiting && m->writerPid() > 0);
  }));
}

Result<int> RunsModel::launch(const Launch& l) {
  if (runningCount() >= maxConcurrent_)
    return makeError(l.runDir.toStdString(), "not started: " + std::to_string(maxConcurrent_) +
                                                 " run(s) already train (the limit is in Settings)");
  auto pid = startTraining(l);
  if (!pid) return pid.error();
  const int row = attach(l.runDir);
  runs_[row]->setWriterPid(*pid);
  return row;
}

bool RunsModel::stop(int row) {
  RunMonitor* m = monitor(row);
  return m && stopTraining(m->writerPid());
}

Result<int> RunsModel::resume(int row, const QString& tissnet, int threads) {
  RunMonitor* m = monitor(row);
  if (!m) return makeError("", "no such run");
  QFile f(runFile(m->folder(), &RunFolder::infoFile));
  const QJsonObject info = f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
  if (!info.contains("data")) return makeError(f.fileName().toStdString(), "does not name the run's data set");
  Launch l;
  l.tissnet = tissnet;
  l.runDir = m->folder();
  l.dataDir = info.value("data").toString();
  l.device = info.value("device").toString("auto");
  l.threads = threads;
  // A data-parallel run started by --nproc resumes with as many ranks, each on its own GPU.
  if (info.value("launcher").toString() == "nproc") {
    l.nproc = std::clamp(info.value("world_size").toInt(1), 1, 64);  // what --nproc accepts
    if (l.device.startsWith("cuda")) l.device = "cuda";
  }
  l.resume = true;
  return launch(l);
}

int RunsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : runs_.size(); }
int RunsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RunsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || role != Qt::DisplayRole) return {};
  const RunMonitor* m = runs_[index.row()];
  const RunHistory& h = m->history();
  const QLocale locale;
  switch (index.column()) {
    case Name: return m->name();
    case StateColumn: return RunMonitor::stateText(m->state());
    case Progress:
      return h.progress.total > 0 ? tr("%1 / %2 (%3 %)").arg(h.progress.step).arg(h.progress.total)
                                        .arg(locale.toString(100.0 * double(h.progress.step) / double(h.progress.total), 'f', 0))
                                  : QString();
    case Speed: return h.progress.itPerS > 0 ? tr("%1 it/s").arg(locale.toString(h.progress.itPerS, 'f', 2)) : QString();
    case Eta:
      return m->state() == RunMonitor::State::Running && h.progress.etaS > 0
                 ? tr("%1 min").arg(locale.toString(h.progress.etaS / 60, 'f', 1)) : QString();
    case BestDice: {
      const auto& dice = h.validation.value("dice_pct").values;
      return dice.isEmpty() ? QString() : tr("%1 %").arg(locale.toString(*std::max_element(dice.begin(), dice.end()), 'f', 1));
    }
  }
  return {};
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case Name: return tr("Run");
    case StateColumn: return tr("State");
    case Progress: return tr("Iterations");
    case Speed: return tr("Speed");
    case Eta: return tr("Remaining");
    case BestDice: return tr("Best val. Dice");
  }
  return {};
}

}  // namespace tiss::ui
