#pragma once
/// "Run model…" on a case page, without widgets: the finished runs a user can apply (workspace
/// runs, sweep trials, run folders opened), and one inference of the open case at a time in a
/// `tissnet infer --progress-lines` child process, off the UI thread, with progress and cancel.
/// Outputs are written to a hidden staging folder and moved to RESULTS/RUN/CASE/ only when
/// complete, so a cancelled or failed run never shows half of its files.
#include <QObject>
#include <QProcess>
#include <QString>
#include <QVector>

#include <memory>

#include "tiss/util/result.h"

class QTemporaryDir;

namespace tiss::ui {

/// A run that can be applied: it has a config and a checkpoint.
struct RunChoice {
  QString folder;  ///< absolute run folder
  QString name;    ///< its folder name ("sweep/trial" for sweep trials)
  QString stage, target;  ///< config.json's stage; run.json's target ("" for segmentation only)
  QString metric;  ///< the best checkpoint's validation score, e.g. "dice_pct 81.2", or ""
};

class ApplyModelModel : public QObject {
  Q_OBJECT
 public:
  explicit ApplyModelModel(QObject* parent = nullptr);
  ~ApplyModelModel() override;

  /// Lists the runs in `runFolders` (each a run, or a folder of runs such as a workspace's
  /// runs/ or a sweep's trials/), sorted by name.
  void scan(const QStringList& runFolders);
  const QVector<RunChoice>& runs() const { return runs_; }

  /// Starts inference of `caseId` of data set `dataDir` with `runDir`; outputs go to
  /// `resultsRoot`/NAME/CASE/, NAME the run folder's name, suffixed (-2, -3) when that folder holds
  /// another run's results. Refused while another runs, for a missing run, or an invalid case id.
  Status start(const QString& dataDir, const QString& caseId, const QString& runDir, const QString& resultsRoot);
  /// Stops the child; nothing of this case's outputs is kept.
  void cancel();
  bool running() const { return process_ != nullptr; }
  /// 0..1 over the windows of the case.
  double fraction() const { return fraction_; }
  /// The tissnet executable used (default: next to this program, or $TISSNET).
  void setTissnet(const QString& path) { tissnet_ = path; }
  void setThreads(int threads) { threads_ = threads; }

 Q_SIGNALS:
  void progressChanged(double fraction);
  /// The outputs are in `resultFolder` (RESULTS/RUNNAME), ready to add as a result source.
  void finished(const QString& resultFolder, const QString& caseId);
  /// The child failed: the message names the run or the file and says what is wrong.
  void failed(const QString& message);
  void cancelled();
  void runningChanged(bool running);

 private:
  void readLines();
  void processFinished(int code, QProcess::ExitStatus status);
  Status publish();
  void reset();

  QVector<RunChoice> runs_;
  QString tissnet_;
  int threads_ = 0;
  QProcess* process_ = nullptr;
  std::unique_ptr<QTemporaryDir> staging_;
  QString caseId_, runName_, resultsRoot_, stderr_;
  double fraction_ = 0;
  bool cancelling_ = false;
};

}  // namespace tiss::ui
