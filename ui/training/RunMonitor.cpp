#include "training/RunMonitor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>

#include <csignal>

#include <sys/stat.h>
#include <unistd.h>

#include "common/RunFiles.h"

namespace tiss::ui {
namespace {

struct Read {
  RunHistory delta;
  qint64 offset = 0;
  QByteArray rest;
  quint64 inode = 0;
  bool fresh = false;  // the file was replaced or shortened: the delta is the whole history
};

// Reads `file` from `offset` (at most 16 MB) and parses the complete lines into a delta.
void readNew(const QString& file, qint64 offset, const QByteArray& partial, quint64 inode, Read& r) {
  r.offset = offset;
  r.rest = partial;
  r.inode = inode;
  struct stat st {};
  if (::stat(QFile::encodeName(file).constData(), &st) != 0) return;
  r.inode = quint64(st.st_ino);
  if ((inode != 0 && r.inode != inode) || st.st_size < offset) {  // rewound by a resume
    r.fresh = true;
    r.offset = offset = 0;
    r.rest.clear();
  }
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly) || !f.seek(offset)) return;
  QByteArray bytes = r.rest + f.read(16 << 20);
  r.offset = offset + (bytes.size() - r.rest.size());
  const int end = bytes.lastIndexOf('\n');
  r.rest = end < 0 ? bytes : bytes.mid(end + 1);
  if (end < 0) return;
  for (const QByteArray& line : bytes.left(end).split('\n')) r.delta.apply(line);
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
  QFile f(runFile(folder_, &RunFolder::infoFile));
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
  const QString file = runFile(folder_, &RunFolder::eventsFile);
  const qint64 offset = offset_;
  const QByteArray partial = partial_;
  const quint64 inode = inode_;
  auto alive = alive_;
  QThreadPool::globalInstance()->start([this, file, offset, partial, inode, alive] {
    auto r = std::make_shared<Read>();
    readNew(file, offset, partial, inode, *r);
    if (!*alive) return;
    QMetaObject::invokeMethod(this, [this, r] { merge(r->delta, r->offset, r->rest, r->inode, r->fresh); }, Qt::QueuedConnection);
  });
}

void RunMonitor::merge(const RunHistory& d, qint64 offset, const QByteArray& rest, quint64 inode, bool fresh) {
  reading_ = false;
  offset_ = offset;
  partial_ = rest;
  inode_ = inode;
  if (fresh) history_ = RunHistory();
  if (d.lines > 0 || d.badLines > 0) {
    for (auto it = d.losses.begin(); it != d.losses.end(); ++it) history_.losses[it.key()].add(*it);
    for (auto it = d.validation.begin(); it != d.validation.end(); ++it) history_.validation[it.key()].add(*it);
    for (auto it = d.gradients.begin(); it != d.gradients.end(); ++it) history_.gradients[it.key()].add(*it);
    history_.learningRate.add(d.learningRate);
    if (d.progress.step > 0) history_.progress = d.progress;
    if (!d.state.isEmpty()) history_.state = d.state, history_.message = d.message;
    if (!d.select.isEmpty()) history_.select = d.select;
    if (d.bestStep >= 0) history_.bestStep = d.bestStep, history_.bestScore = d.bestScore;
    history_.previews += d.previews;
    history_.previewCases += d.previewCases;
    history_.lines += d.lines;
    history_.badLines += d.badLines;
  }
  updateState();
  if (d.lines > 0 || fresh) Q_EMIT updated();
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
