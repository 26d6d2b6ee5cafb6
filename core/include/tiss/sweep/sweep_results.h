#pragma once
/// What a sweep folder says, for the dashboard and the exports: every job's state and
/// progress, each trial's per-case metrics (through index.json, a cache rebuilt from the
/// metrics files whenever one changed), the results table rows, and plot series.
#include <map>
#include <string>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/evaluation/results_table.h"
#include "tiss/sweep/sweep_folder.h"

namespace tiss {

struct TrialRecord {
  SweepJob job;
  TrialState state;
  long step = 0, totalSteps = 0;  ///< training iterations done / planned
  CaseMetrics cases;              ///< empty until evaluated
  std::string metricsError;       ///< a metrics.csv that could not be read, and why
  bool cropFromLabel = false;     ///< evaluated on a GT-centred test-time crop (metrics.csv.json)
  std::string surface;            ///< ASSD / HD95 convention of its metrics, when recorded
  /// 0..1: training share up to 0.9, then inference and evaluation; 1 when finished.
  double progress() const;
};

struct SweepSnapshot {
  SweepFolder folder;
  std::vector<TrialRecord> trials;
  SchedulerInfo scheduler;
  bool paused = false;
  bool cluster = false;  ///< Slurm runs its jobs (cluster.json): nothing here starts any
  int count(const std::string& state) const;
  /// The finished trial with the best mean of the spec's metric, or nullptr.
  const TrialRecord* best() const;
};

/// Reads a sweep folder; `withMetrics` also loads every finished trial's per-case metrics.
Result<SweepSnapshot> readSweep(const std::string& dir, bool withMetrics = true);

/// Rows of the results table: one per point, in trial order, each case's values averaged
/// over the point's seeds. Shared runs are left out.
std::vector<MethodResults> sweepPoints(const SweepSnapshot& sweep);
/// Row of the spec's baseline among `points` (by name; the first when unnamed or absent).
int baselineIndex(const SweepSnapshot& sweep, const std::vector<MethodResults>& points);

/// The spec's "statistics" as table options (paper presets: the paper's convention).
ComparisonOptions sweepComparison(const SweepSpec& spec);

/// The results table of a sweep: its points (each case averaged over the point's seeds first:
/// the unit of a test is the case), every metric column, comparisons vs the baseline as the
/// spec's "statistics" say.
ResultsTable sweepTable(const SweepSnapshot& sweep);

/// Metric vs one axis: mean ± sd over cases per value of `axisKey` (one-at-a-time: the points
/// varying it plus the base; grid: pooled over the other axes). Sorted by x when numeric.
struct SeriesPoint {
  double x = 0;        ///< the value, or its position for categorical axes
  std::string name;    ///< the value as text
  Summary summary;
};
std::vector<SeriesPoint> metricSeries(const SweepSnapshot& sweep, const std::string& axisKey,
                                      const std::string& metric);

/// Mean metric over a 2-D grid of two axes; NaN where no trial finished.
struct HeatMap {
  std::vector<std::string> xs, ys;
  std::vector<std::vector<double>> mean;  ///< [y][x]
};
HeatMap metricHeatMap(const SweepSnapshot& sweep, const std::string& xKey, const std::string& yKey,
                      const std::string& metric);

/// One point of a sweep (its seeds pooled) for the parallel-coordinates and Pareto views:
/// the value of every swept key and the mean over cases of every metric (cases averaged over
/// the point's seeds, as in the results table).
struct PointSummary {
  std::string point;
  std::map<std::string, std::string> params;  ///< swept key -> value name
  std::map<std::string, double> numbers;      ///< swept key -> numeric value, when numeric
  std::map<std::string, double> metrics;      ///< metric -> mean over cases
};
std::vector<PointSummary> pointSummaries(const SweepSnapshot& sweep);

/// Indices of the points not dominated when both coordinates are to be maximised (a point is
/// dominated when another is >= in both and > in one), ordered by the first coordinate.
std::vector<size_t> paretoFront(const std::vector<std::pair<double, double>>& points);

}  // namespace tiss
