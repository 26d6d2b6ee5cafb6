// Plot data of a sweep: metric vs one swept value (Fig. 6), a 2-D heat map, point summaries
// for the parallel-coordinates view and the Pareto front of synthesis quality vs Dice.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "tiss/sweep/sweep_results.h"

namespace tiss {
namespace {

// Per-case values of `metric` of the given trials, each case averaged over the trials.
Summary pooled(const std::vector<const TrialRecord*>& trials, const std::string& metric) {
  std::map<std::string, std::vector<double>> byCase;
  for (const TrialRecord* t : trials)
    for (const auto& [id, row] : t->cases)
      if (row.count(metric)) byCase[id].push_back(row.at(metric));
  std::vector<double> values;
  for (const auto& [id, list] : byCase) values.push_back(summarize(list).mean);
  return summarize(values);
}

bool evaluated(const TrialRecord& t) { return !t.job.shared && !t.cases.empty(); }

}  // namespace

std::vector<SeriesPoint> metricSeries(const SweepSnapshot& sweep, const std::string& axisKey, const std::string& metric) {
  const bool oneAtATime = sweep.folder.spec.mode == SweepMode::OneAtATime;
  std::vector<std::string> order;
  std::map<std::string, std::vector<const TrialRecord*>> groups;
  std::map<std::string, double> numbers;
  for (const TrialRecord& t : sweep.trials) {
    if (!evaluated(t) || !t.job.params.count(axisKey)) continue;
    if (oneAtATime && t.job.varied != axisKey && t.job.point != "base") continue;
    const std::string name = t.job.params.at(axisKey);
    if (!groups.count(name)) order.push_back(name);
    groups[name].push_back(&t);
    if (t.job.numbers.count(axisKey)) numbers[name] = t.job.numbers.at(axisKey);
  }
  std::vector<SeriesPoint> out;
  for (size_t i = 0; i < order.size(); ++i) {
    SeriesPoint p;
    p.name = order[i];
    p.x = numbers.size() == order.size() ? numbers[order[i]] : double(i);
    p.summary = pooled(groups[order[i]], metric);
    if (p.summary.n > 0) out.push_back(p);
  }
  if (numbers.size() == order.size())
    std::sort(out.begin(), out.end(), [](const SeriesPoint& a, const SeriesPoint& b) { return a.x < b.x; });
  return out;
}

HeatMap metricHeatMap(const SweepSnapshot& sweep, const std::string& xKey, const std::string& yKey,
                      const std::string& metric) {
  HeatMap h;
  std::map<std::pair<std::string, std::string>, std::vector<const TrialRecord*>> cells;
  for (const TrialRecord& t : sweep.trials) {
    if (t.job.shared || !t.job.params.count(xKey) || !t.job.params.count(yKey)) continue;
    const std::string x = t.job.params.at(xKey), y = t.job.params.at(yKey);
    if (std::find(h.xs.begin(), h.xs.end(), x) == h.xs.end()) h.xs.push_back(x);
    if (std::find(h.ys.begin(), h.ys.end(), y) == h.ys.end()) h.ys.push_back(y);
    if (evaluated(t)) cells[{x, y}].push_back(&t);
  }
  h.mean.assign(h.ys.size(), std::vector<double>(h.xs.size(), std::nan("")));
  for (size_t yi = 0; yi < h.ys.size(); ++yi)
    for (size_t xi = 0; xi < h.xs.size(); ++xi) {
      const auto it = cells.find({h.xs[xi], h.ys[yi]});
      if (it != cells.end()) h.mean[yi][xi] = pooled(it->second, metric).mean;
    }
  return h;
}

std::vector<PointSummary> pointSummaries(const SweepSnapshot& sweep) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const TrialRecord*>> groups;
  for (const TrialRecord& t : sweep.trials) {
    if (!evaluated(t)) continue;
    if (!groups.count(t.job.point)) order.push_back(t.job.point);
    groups[t.job.point].push_back(&t);
  }
  std::vector<PointSummary> out;
  for (const auto& point : order) {
    const TrialRecord* first = groups[point].front();
    PointSummary p{point, first->job.params, first->job.numbers, {}};
    std::set<std::string> metrics;
    for (const TrialRecord* t : groups[point])
      for (const auto& [id, row] : t->cases)
        for (const auto& [name, value] : row) metrics.insert(name);
    for (const auto& m : metrics) {
      const Summary s = pooled(groups[point], m);
      if (s.n > 0) p.metrics[m] = s.mean;
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<size_t> paretoFront(const std::vector<std::pair<double, double>>& points) {
  std::vector<size_t> front;
  for (size_t i = 0; i < points.size(); ++i) {
    const auto& [a, b] = points[i];
    const bool dominated = std::any_of(points.begin(), points.end(), [&](const std::pair<double, double>& q) {
      return q.first >= a && q.second >= b && (q.first > a || q.second > b);
    });
    if (!dominated) front.push_back(i);
  }
  std::sort(front.begin(), front.end(), [&](size_t x, size_t y) { return points[x].first < points[y].first; });
  return front;
}

}  // namespace tiss
