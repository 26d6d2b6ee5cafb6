#include "sweep/SweepModel.h"

#include <cmath>

#include <QBrush>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QThreadPool>

#include "common/RunFiles.h"

namespace tiss::ui {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString stateText(const TrialState& s) {
  if (s.state == "queued") return SweepModel::tr("queued");
  if (s.state == "finished") return SweepModel::tr("finished");
  if (s.state == "failed") return SweepModel::tr("failed");
  if (s.state == "stopped") return SweepModel::tr("stopped");
  if (s.state == "cancelled") return SweepModel::tr("cancelled");
  if (s.state == "unreadable") return SweepModel::tr("unreadable");  // why: in the tooltip
  if (s.phase == "train") return SweepModel::tr("training");
  if (s.phase == "infer") return SweepModel::tr("inference");
  if (s.phase == "eval") return SweepModel::tr("evaluation");
  if (s.phase == "wait") return SweepModel::tr("waiting for a shared run");
  return SweepModel::tr("starting");
}

QColor stateColour(const std::string& state) {
  if (state == "failed" || state == "unreadable") return QColor(190, 30, 30);
  if (state == "finished") return QColor(20, 120, 40);
  if (state == "running") return QColor(20, 80, 170);
  if (state == "cancelled" || state == "stopped") return QColor(120, 120, 120);
  return {};
}

// Which trials have results, and how many cases: enough to tell that the results changed.
std::string resultsKey(const SweepSnapshot& s) {
  std::string key = s.folder.root;
  for (const auto& t : s.trials)
    if (!t.cases.empty()) key += "|" + t.job.id + ":" + std::to_string(t.cases.size()) + ":" + std::to_string(t.state.metric);
  return key;
}

}  // namespace

SweepModel::SweepModel(QObject* parent) : QAbstractTableModel(parent) {
  timer_.setInterval(kPollMs);
  connect(&timer_, &QTimer::timeout, this, &SweepModel::poll);
}

SweepModel::~SweepModel() { *alive_ = false; }

Status SweepModel::open(const QString& dir) {
  auto s = readSweep(QFileInfo(dir).absoluteFilePath().toStdString());
  if (!s) return s.error();
  folder_ = QFileInfo(dir).absoluteFilePath();
  test_.clear();
  correction_.clear();
  beginResetModel();
  snapshot_ = std::move(*s);
  resultsKey_ = resultsKey(*snapshot_);
  ++resultsVersion_;
  endResetModel();
  timer_.start();
  Q_EMIT updated();
  return Status();
}

void SweepModel::reload() {
  if (folder_.isEmpty()) return;
  if (auto s = readSweep(folder_.toStdString())) merge(std::move(*s));
}

void SweepModel::poll() {
  if (reading_ || folder_.isEmpty()) return;
  reading_ = true;
  const std::string dir = folder_.toStdString();
  auto alive = alive_;
  QThreadPool::globalInstance()->start([this, dir, alive] {
    auto s = std::make_shared<Result<SweepSnapshot>>(readSweep(dir));
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, s] {
      reading_ = false;
      if (s->ok()) merge(std::move(s->value()));
    }, Qt::QueuedConnection);
  });
}

void SweepModel::merge(SweepSnapshot s) {
  if (const std::string key = resultsKey(s); key != resultsKey_) {
    resultsKey_ = key;
    ++resultsVersion_;
  }
  const bool sameRows = snapshot_ && snapshot_->trials.size() == s.trials.size();
  if (!sameRows) beginResetModel();
  snapshot_ = std::move(s);
  if (sameRows && rowCount() > 0) Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
  if (!sameRows) endResetModel();
  Q_EMIT updated();
}

int SweepModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !snapshot_ ? 0 : int(snapshot_->trials.size());
}

int SweepModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SweepModel::data(const QModelIndex& index, int role) const {
  if (!snapshot_ || !index.isValid() || index.row() >= rowCount()) return {};
  const TrialRecord& t = snapshot_->trials[size_t(index.row())];
  const MetricColumn* metric = findMetric(snapshot_->folder.spec.metric);
  if (role == Qt::ToolTipRole) {
    // A finished trial whose metrics file cannot be read is missing from the results: say why.
    const std::string why = t.metricsError.empty() ? t.state.message : t.metricsError;
    return why.empty() ? QVariant() : q(why);
  }
  if (role == Qt::ForegroundRole && index.column() == StateColumn) {
    const QColor c = stateColour(t.metricsError.empty() ? t.state.state : "failed");
    return c.isValid() ? QVariant(QBrush(c)) : QVariant();
  }
  if (role == Qt::UserRole) return q(t.state.state);
  if (role == Qt::UserRole + 1 && index.column() == ProgressColumn) return qRound(100 * t.progress());
  if (role == Qt::TextAlignmentRole && index.column() >= ProgressColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case IdColumn: return t.job.shared ? tr("%1 (shared)").arg(q(t.job.id)) : q(t.job.id);
    case TrialColumn: return q(t.job.label);
    case StateColumn:
      return t.metricsError.empty() ? stateText(t.state) : tr("finished, metrics unreadable");
    case ProgressColumn: return tr("%1 %").arg(qRound(100 * t.progress()));
    case MetricColumnIndex:
      if (t.state.state != "finished" || t.job.shared || !metric) return QString();
      if (std::isnan(t.state.metric)) return tr("n/a");
      return QString::number(t.state.metric, 'f', metric->decimals);
    case AttemptsColumn: return t.state.attempts;
  }
  return {};
}

QVariant SweepModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case IdColumn: return tr("Job");
    case TrialColumn: return tr("Trial");
    case StateColumn: return tr("State");
    case ProgressColumn: return tr("Progress");
    case MetricColumnIndex: {
      const MetricColumn* m = snapshot_ ? findMetric(snapshot_->folder.spec.metric) : nullptr;
      return m ? q(m->title) : tr("Metric");
    }
    case AttemptsColumn: return tr("Attempts");
  }
  return {};
}

QString SweepModel::runFolder(int row) const {
  if (!snapshot_ || row < 0 || row >= rowCount()) return {};
  const SweepJob& job = snapshot_->trials[size_t(row)].job;
  const SweepJob* owner = job.from.empty() ? &job : snapshot_->folder.find(job.from);
  const QString dir = owner ? q(snapshot_->folder.jobDir(*owner)) : QString();
  return !dir.isEmpty() && runPresenceOf(dir) >= RunPresence::Configured ? dir : QString();
}

QString SweepModel::summaryText() const {
  if (!snapshot_) return tr("No sweep open.");
  const SweepSnapshot& s = *snapshot_;
  QString text = tr("%1 of %n job(s) finished", nullptr, int(s.trials.size())).arg(s.count("finished"));
  text += tr(", %1 running, %2 queued").arg(s.count("running")).arg(s.count("queued") + s.count("stopped"));
  if (s.count("failed")) text += tr(", %1 failed").arg(s.count("failed"));
  if (s.count("cancelled")) text += tr(", %1 cancelled").arg(s.count("cancelled"));
  if (s.paused) text += tr(" (paused)");
  return text;
}

QString SweepModel::bestText() const {
  const TrialRecord* best = snapshot_ ? snapshot_->best() : nullptr;
  const MetricColumn* metric = snapshot_ ? findMetric(snapshot_->folder.spec.metric) : nullptr;
  if (!best || !metric) return tr("Best so far: none finished yet");
  return tr("Best so far: %1 (%2), %3 %4")
      .arg(q(best->job.id), q(best->job.label), q(metric->title), QString::number(best->state.metric, 'f', metric->decimals));
}

int SweepModel::percentDone() const {
  if (!snapshot_ || snapshot_->trials.empty()) return 0;
  double sum = 0;
  for (const auto& t : snapshot_->trials) sum += t.state.state == "cancelled" ? 1.0 : t.progress();
  return qRound(100 * sum / double(snapshot_->trials.size()));
}

bool SweepModel::paused() const { return snapshot_ && snapshot_->paused; }
bool SweepModel::schedulerRunning() const { return snapshot_ && snapshot_->scheduler.alive; }
bool SweepModel::onCluster() const { return snapshot_ && snapshot_->cluster; }

bool SweepModel::needsScheduler() const {
  // A sweep on Slurm is driven by its array tasks: the workbench only follows it.
  if (!snapshot_ || snapshot_->scheduler.alive || snapshot_->cluster) return false;
  return snapshot_->count("queued") + snapshot_->count("stopped") + snapshot_->count("running") > 0;
}

Status SweepModel::pause() { return snapshot_ ? setPaused(snapshot_->folder, true) : makeError("", "no sweep open"); }
Status SweepModel::resume() { return snapshot_ ? setPaused(snapshot_->folder, false) : makeError("", "no sweep open"); }

Status SweepModel::cancel(int row) {
  if (!snapshot_ || row < 0 || row >= rowCount()) return makeError("", "no such job");
  return request(snapshot_->folder, "cancel", snapshot_->trials[size_t(row)].job.id);
}

Status SweepModel::retry(int row) {
  if (!snapshot_ || row < 0 || row >= rowCount()) return makeError("", "no such job");
  return request(snapshot_->folder, "retry", snapshot_->trials[size_t(row)].job.id);
}

Status SweepModel::continueSweep(const QString& tissnet) {
  if (!snapshot_) return makeError("", "no sweep open");
  if (readScheduler(snapshot_->folder).alive) return Status();
  if (tiss::onCluster(snapshot_->folder))
    return makeError(folder_.toStdString(), "runs on Slurm: its array tasks run the jobs (to run it here instead, "
                                            "cancel the array and run `tissnet sweep --out FOLDER --local`)");  if (!QFileInfo(tissnet).isExecutable()) return makeError(tissnet.toStdString(), "is not the tissnet program (not found or not executable)");
  QProcess p;
  p.setProgram(tissnet);
  p.setArguments({"sweep", "--out", folder_});
  const QString log = QDir(folder_).filePath("sweep.log");
  p.setStandardOutputFile(log, QIODevice::Append);
  p.setStandardErrorFile(log, QIODevice::Append);
  p.setStandardInputFile(QProcess::nullDevice());
  if (!p.startDetached()) return makeError(tissnet.toStdString(), "could not be started: " + p.errorString().toStdString());
  return Status();
}

ResultsTable SweepModel::resultsTable(int baseline) const {
  if (!snapshot_) return {};
  const auto rows = points();
  return buildResultsTable(rows, baseline >= 0 ? baseline : baselineIndex(*snapshot_, rows), {}, comparison());
}

ComparisonOptions SweepModel::comparison() const {
  if (!snapshot_) return {};
  const SweepSpec& spec = snapshot_->folder.spec;
  if (test_.isEmpty() && correction_.isEmpty()) return sweepComparison(spec);
  auto o = ComparisonOptions::parse(test_.isEmpty() ? spec.test : test_.toStdString(),
                                    correction_.isEmpty() ? spec.correction : correction_.toStdString());
  return o ? *o : sweepComparison(spec);
}

void SweepModel::setComparison(const QString& test, const QString& correction) {
  if (test == test_ && correction == correction_) return;
  test_ = test;
  correction_ = correction;
  ++resultsVersion_;  // the table changes though no trial did
  Q_EMIT updated();
}

std::vector<MethodResults> SweepModel::points() const { return snapshot_ ? sweepPoints(*snapshot_) : std::vector<MethodResults>{}; }

QStringList SweepModel::axes() const {
  QStringList out;
  if (snapshot_)
    for (const auto& a : snapshot_->folder.spec.axes) out << q(a.key);
  return out;
}

std::vector<SeriesPoint> SweepModel::series(const QString& axis, const QString& metric) const {
  return snapshot_ ? metricSeries(*snapshot_, axis.toStdString(), metric.toStdString()) : std::vector<SeriesPoint>{};
}

HeatMap SweepModel::heatMap(const QString& xAxis, const QString& yAxis, const QString& metric) const {
  return snapshot_ ? metricHeatMap(*snapshot_, xAxis.toStdString(), yAxis.toStdString(), metric.toStdString()) : HeatMap{};
}

}  // namespace tiss::ui
