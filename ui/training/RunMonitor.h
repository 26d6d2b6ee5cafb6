#pragma once
/// Follows one run folder: new lines of events.jsonl are read and parsed on a worker thread
/// every `kPollMs` and merged here in one batch, so a run writing thousands of events a second
/// costs the UI thread one cheap merge per tick. Works the same for a run this workbench
/// started, one started by hand, and one on another machine writing to a shared folder.
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

#include "training/RunHistory.h"

namespace tiss::ui {

class RunMonitor : public QObject {
  Q_OBJECT
 public:
  enum class State { Waiting, Running, Finished, Diverged, Failed, Stopped, Crashed };
  static constexpr int kPollMs = 250;

  explicit RunMonitor(const QString& folder, QObject* parent = nullptr);
  ~RunMonitor() override;

  QString folder() const { return folder_; }
  /// The run folder's name, used as the run's label.
  QString name() const;
  const RunHistory& history() const { return history_; }
  State state() const { return state_; }
  static QString stateText(State state);

  /// For a run this workbench started: the trainer's process id (a run whose process ended
  /// without a final status crashed). Without it the pid in run.json is checked when the run
  /// is on this host.
  void setWriterPid(qint64 pid);
  /// The trainer's process id: the one given, else run.json's (0 when unknown).
  qint64 writerPid() const;
  /// Reads whatever is new now (also done by the timer).
  void poll();

 Q_SIGNALS:
  /// New events were merged (at most once per poll).
  void updated();
  void stateChanged(tiss::ui::RunMonitor::State state);

 private:
  void merge(const RunHistory& delta, qint64 offset, const QByteArray& rest, quint64 inode, bool fresh);
  void updateState();
  bool writerAlive() const;

  QString folder_;
  RunHistory history_;
  State state_ = State::Waiting;
  QTimer timer_;
  qint64 offset_ = 0;
  quint64 inode_ = 0;  // a resume rewrites the log (a new file): then it is read again from the start
  QByteArray partial_;  // a line the writer has not finished yet
  bool reading_ = false;
  qint64 pid_ = 0;
  std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

}  // namespace tiss::ui

Q_DECLARE_METATYPE(tiss::ui::RunMonitor::State)
