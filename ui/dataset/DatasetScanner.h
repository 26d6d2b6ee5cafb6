#pragma once
/// Opens and checks a data set off the UI thread. First every header (fast: the table fills
/// at once), then every voxel (truncation, NaN, label values, tumor volume). Results reach the
/// UI thread in batches at most every `flushIntervalMs`, however fast the worker produces
/// them, so a large data set never floods the event loop.
#include <QObject>
#include <QTimer>
#include <QVector>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

#include "dataset/CaseRecord.h"
#include "tiss/data/dataset.h"

namespace tiss::ui {

class DatasetScanner : public QObject {
  Q_OBJECT
 public:
  explicit DatasetScanner(QObject* parent = nullptr);
  ~DatasetScanner() override;

  /// Starts scanning `dir`, cancelling a scan under way. `fullCheck` false stops after headers.
  void start(const QString& dir, bool fullCheck = true, int threads = 2);
  /// Asks the worker to stop after the case at hand; finished() follows.
  void cancel();
  bool running() const { return running_; }
  int flushIntervalMs() const { return flush_.interval(); }

 Q_SIGNALS:
  /// The folder is a data set: its cases (listed, not yet checked) and split.
  void opened(std::shared_ptr<const tiss::Dataset> dataset);
  void failed(const tiss::Error& error);
  /// A batch of checked cases, each replacing the previous record of the same id.
  void casesUpdated(const QVector<tiss::ui::CaseRecord>& records);
  /// done of total steps: each case counts once for headers and once for voxels.
  void progress(int done, int total);
  /// The scan ended (completed, cancelled or failed).
  void finished(bool cancelled);

 private:
  void run(std::string dir, bool fullCheck, int threads);
  void scan(const std::string& dir, bool fullCheck, int threads);
  void flush();
  void join();

  QTimer flush_;
  std::thread worker_;
  std::atomic<bool> cancel_{false}, running_{false}, done_{false};
  std::mutex mutex_;  // guards the fields below, filled by the worker
  QVector<CaseRecord> pending_;
  std::shared_ptr<const Dataset> opened_;
  std::unique_ptr<Error> error_;
  int doneSteps_ = 0, totalSteps_ = 0;
};

}  // namespace tiss::ui

Q_DECLARE_METATYPE(std::shared_ptr<const tiss::Dataset>)
Q_DECLARE_METATYPE(tiss::Error)
