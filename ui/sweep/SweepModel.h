#pragma once
/// One sweep folder for the dashboard's Sweeps page: its jobs as table rows (trial, state,
/// progress, the ranking metric), counts and the best trial so far, read off the UI thread every
/// kPollMs and merged in one step; the results table, plot series and heat map of the finished
/// trials; and the controls (pause, resume, cancel, retry, continue), which only write to the
/// folder or start the `tissnet sweep` scheduler detached, so closing the workbench stops nothing.
#include <QAbstractTableModel>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

#include "tiss/sweep/sweep_results.h"

namespace tiss::ui {

class SweepModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { IdColumn, TrialColumn, StateColumn, ProgressColumn, MetricColumnIndex, AttemptsColumn, ColumnCount };
  static constexpr int kPollMs = 500;

  explicit SweepModel(QObject* parent = nullptr);
  ~SweepModel() override;

  /// Follows the sweep in `dir`; fails naming the folder when it holds no sweep.
  Status open(const QString& dir);
  QString folder() const { return folder_; }
  bool isOpen() const { return snapshot_.has_value(); }
  /// Reads the folder now, on the calling thread (tests; the timer reads off the UI thread).
  void reload();
  const SweepSnapshot* snapshot() const { return snapshot_ ? &*snapshot_ : nullptr; }

  /// Display text; the job's state name (UserRole) and progress 0..100 (UserRole + 1).
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  /// The run folder of the job in `row` (a shared run's for jobs inferring from one); empty
  /// before it trained.
  QString runFolder(int row) const;
  /// "3 of 13 finished, 1 running, …" and the best trial so far with the metric and its unit.
  QString summaryText() const;
  QString bestText() const;
  /// Share of the sweep done, 0..100 (each job's progress counts equally).
  int percentDone() const;
  bool paused() const;
  bool schedulerRunning() const;
  /// Slurm runs this sweep's jobs (its sweep.sbatch was written): nothing here starts any.
  bool onCluster() const;
  /// Unfinished work that no scheduler drives (the workbench offers to continue it).
  bool needsScheduler() const;

  Status pause();
  Status resume();
  Status cancel(int row);
  Status retry(int row);
  /// Starts `tissnet sweep --out DIR` detached (output in DIR/sweep.log) unless one runs.
  Status continueSweep(const QString& tissnet);

  /// Changes only when some trial's results changed: the page rebuilds tables and plots then,
  /// not on every poll (t-tests over hundreds of trials are not free).
  int resultsVersion() const { return resultsVersion_; }
  /// Rows of the results table (points x metrics) with paired tests against row `baseline`
  /// (-1: the spec's baseline), by comparison().
  ResultsTable resultsTable(int baseline = -1) const;
  /// The test and correction of the results table: the spec's statistics (the paper presets:
  /// the paper's convention) unless the page chose others with setComparison.
  ComparisonOptions comparison() const;
  /// `test` "t" or "wilcoxon", `correction` "holm", "bonferroni" or "none"; both empty: back
  /// to the spec's. Opening another sweep goes back to its spec's.
  void setComparison(const QString& test, const QString& correction);
  std::vector<MethodResults> points() const;
  /// Swept keys (axes) in spec order, for the plot choices.
  QStringList axes() const;
  std::vector<SeriesPoint> series(const QString& axis, const QString& metric) const;
  HeatMap heatMap(const QString& xAxis, const QString& yAxis, const QString& metric) const;

 Q_SIGNALS:
  /// New contents were merged (at most once per poll).
  void updated();

 private:
  void poll();
  void merge(SweepSnapshot snapshot);

  QString folder_;
  QString test_, correction_;  // the page's choice; empty: the spec's
  std::optional<SweepSnapshot> snapshot_;
  QTimer timer_;
  bool reading_ = false;
  int resultsVersion_ = 0;
  std::string resultsKey_;
  std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

}  // namespace tiss::ui
