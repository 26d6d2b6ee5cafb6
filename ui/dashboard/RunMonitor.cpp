#include "dashboard/RunMonitor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>

#include <csignal>

#include <unistd.h>

namespace tiss::ui {
namespace {

// Reads `file` from `offset` (at most 16 MB) and parses the complete lines into a delta.
void readNew(const QString& file, qint64 offset, const QByteArray& partial, RunHistory& delta, qint64& newOffset,
             QByteArray& rest) {
  QFile f(file);
  newOffset = offset;
  rest = partial;
  if (!f.open(QIODevice::ReadOnly) || !f.seek(offset)) return;
  QByteArray bytes = partial + f.read(16 << 20);
  newOffset = offset + (bytes.size() - partial.size());
  const int end = bytes.lastIndexOf('\n');
  rest = end < 0 ? bytes : bytes.mid(end + 1);
  if (end < 0) return;
  for (const QByteArray& line : bytes.left(end).split('\n')) delta.apply(line);
}

}  // namespace

RunMonitor::RunMonitor(const QString& folder, QObject* parent) : QObject(parent), folder_(QDir(folder).absolutePath()) {
  qRegisterMetaType<RunMonitor::State>();
  timer_.setInterval(kPollMs);
  connect(&timer_, &QTimer::timeout, this, &RunMonitor::poll);
  timer_.start();
  poll();
}

RunMonitor::~RunMonitor() { *alive_ = false; }

QString RunMonitor::name() const { return QFileInfo(folder_).fileName(); }

QString RunMonitor::stateText(State s) {
  switch (s) {
    case State::Waiting: return tr("waiting");
    case State::Running: return tr("running");
    case State::Finished: return tr("finished");
    case State::Diverged: return tr("diverged");
    case State::Failed: return tr("failed");
    case State::Stopped: return tr("stopped");
    case State::Crashed: return tr("crashed");
  }
  return {};
}

void RunMonitor::setWriterPid(qint64 pid) {
  pid_ = pid;
  poll();
}

qint64 RunMonitor::writerPid() const {
  if (pid_ > 0) return pid_;
  QFile f(folder_ + "/run.json");
  if (!f.open(QIODevice::ReadOnly)) return 0;
  const QJsonObject info = QJsonDocument::fromJson(f.readAll()).object();
  char host[256] = {};
  ::gethostname(host, sizeof(host) - 1);
  // Another machine's process cannot be checked or stopped from here.
  if (info.value("host").toString() != QString::fromLocal8Bit(host)) return 0;
  // A pid read from a file is checked before anyone signals it: > 1 and within pid_t.
  const qint64 pid = info.value("pid").toInteger();
  return pid > 1 && pid <= 0x7fffffff ? pid : 0;
}

void RunMonitor::poll() {
  if (reading_) return;  // one read in flight at a time keeps the lines in order
  reading_ = true;
  const QString file = folder_ + "/events.jsonl";
  const qint64 offset = offset_;
  const QByteArray partial = partial_;
  auto alive = alive_;
  QThreadPool::globalInstance()->start([this, file, offset, partial, alive] {
    auto delta = std::make_shared<RunHistory>();
    qint64 newOffset = 0;
    QByteArray rest;
    readNew(file, offset, partial, *delta, newOffset, rest);
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, delta, newOffset, rest] { merge(*delta, newOffset, rest); }, Qt::QueuedConnection);
  });
}

void RunMonitor::merge(const RunHistory& d, qint64 offset, const QByteArray& rest) {
  reading_ = false;
  offset_ = offset;
  partial_ = rest;
  if (d.lines > 0 || d.badLines > 0) {
    for (auto it = d.losses.begin(); it != d.losses.end(); ++it) history_.losses[it.key()].add(*it);
    for (auto it = d.validation.begin(); it != d.validation.end(); ++it) history_.validation[it.key()].add(*it);
    history_.learningRate.add(d.learningRate);
    if (d.progress.step > 0) history_.progress = d.progress;
    if (!d.state.isEmpty()) history_.state = d.state, history_.message = d.message;
    history_.previews += d.previews;
    history_.previewCases += d.previewCases;
    history_.lines += d.lines;
    history_.badLines += d.badLines;
  }
  updateState();
  if (d.lines > 0) Q_EMIT updated();
}

bool RunMonitor::writerAlive() const {
  const qint64 pid = writerPid();
  if (pid <= 0) return true;  // unknown (another machine): trust the status the run wrote
  return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

void RunMonitor::updateState() {
  State s = State::Waiting;
  const QString& st = history_.state;
  if (st == "finished") s = State::Finished;
  else if (st == "stopped") s = State::Stopped;
  else if (st == "failed") s = history_.message.contains("non-finite") ? State::Diverged : State::Failed;
  else if (st == "running") s = writerAlive() ? State::Running : State::Crashed;
  else if (pid_ > 0 && !writerAlive()) s = State::Crashed;  // ended before writing any status
  if (s == state_) return;
  state_ = s;
  Q_EMIT stateChanged(s);
}

}  // namespace tiss::ui
