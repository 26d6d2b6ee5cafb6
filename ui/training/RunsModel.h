#pragma once
/// The runs of the dashboard: every run folder of the workspace (re-attached at start, whoever
/// started them) plus folders added by hand; launching, stopping and resuming trainers, at most
/// `maxConcurrent` at once.
#include <QAbstractTableModel>
#include <QVector>

#include "training/RunMonitor.h"
#include "training/TrainingLauncher.h"

namespace tiss::ui {

class RunsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Name, StateColumn, Progress, Speed, Eta, BestDice, ColumnCount };

  explicit RunsModel(QObject* parent = nullptr);

  /// Attaches every run folder under `runsFolder` (folders with config.json or events.jsonl).
  void scan(const QString& runsFolder);
  /// Follows `folder` (no-op when already listed); returns its row.
  int attach(const QString& folder);
  /// Starts a trainer; refused while `maxConcurrent` runs are running (the error says so).
  Result<int> launch(const Launch& launch);
  /// Asks run `row`'s trainer to checkpoint and stop.
  bool stop(int row);
  /// Continues run `row` from its last checkpoint with `tissnet` (data set from run.json).
  Result<int> resume(int row, const QString& tissnet, int threads = 0);

  void setMaxConcurrent(int n) { maxConcurrent_ = std::max(1, n); }
  int maxConcurrent() const { return maxConcurrent_; }
  int runningCount() const;
  RunMonitor* monitor(int row) const { return runs_.value(row); }
  int rowOf(const QString& folder) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

 Q_SIGNALS:
  /// A run's events or state changed (coalesced per poll).
  void runUpdated(int row);

 private:
  QVector<RunMonitor*> runs_;
  int maxConcurrent_ = 1;
};

}  // namespace tiss::ui
