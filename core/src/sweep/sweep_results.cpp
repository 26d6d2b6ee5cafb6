#include "tiss/sweep/sweep_results.h"

#include "tiss/evaluation/eval.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tiss/util/atomic_file.h"
#include "tiss/training/run_folder.h"

using nlohmann::json;

namespace tiss {
namespace {

json readJson(const std::string& file) {
  std::ifstream in(file);
  if (!in) return json();
  return json::parse(in, nullptr, false);
}

// The step of the last step event: status.json is written at the start and end only, and the
// tail of events.jsonl is enough (a run's log can hold 100 000 lines).
long lastLoggedStep(const RunFolder& run) {
  std::ifstream in(run.eventsFile(), std::ios::binary | std::ios::ate);
  if (!in) return 0;
  const std::streamoff size = in.tellg();
  in.seekg(std::max<std::streamoff>(0, size - 8192));
  std::string tail((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (size_t end = tail.size(); end > 0;) {
    const size_t start = tail.rfind('\n', end - 1);
    const std::string line = tail.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1));
    if (line.find("\"event\":\"step\"") != std::string::npos) {
      const json e = json::parse(line, nullptr, false);
      if (e.is_object() && e.contains("step") && e["step"].is_number()) return e["step"].get<long>();
    }
    if (start == std::string::npos) break;
    end = start;
  }
  return 0;
}

void readProgress(const SweepFolder& folder, TrialRecord& t) {
  const RunFolder run{t.job.from.empty() ? folder.jobDir(t.job) : folder.root + "/shared/" + t.job.from};
  if (auto s = readStatus(run)) t.step = s->step;
  t.step = std::max(t.step, lastLoggedStep(run));
  const json c = readJson(run.configFile());
  if (!c.is_object() || !c.contains("optim")) return;
  const json& o = c["optim"];
  try {
    t.totalSteps = long(o.value("epochs_constant", 0) + o.value("epochs_decay", 0)) * o.value("iterations_per_epoch", 0);
  } catch (const json::exception&) {
    t.totalSteps = 0;  // a damaged config: progress unknown (the trainer refuses it with the reason)
  }
}

// File identity for the index: size and modification time in nanoseconds.
std::string stamp(const std::string& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return "";
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

// Loads every finished trial's metrics, from index.json where its stamp still matches.
void readMetrics(SweepSnapshot& s) {
  json index = readJson(s.folder.indexFile());
  if (!index.is_object()) index = json::object();
  bool changed = false;
  for (TrialRecord& t : s.trials) {
    if (t.job.shared || t.state.state != "finished") continue;
    const std::string file = s.folder.metricsFile(t.job), key = stamp(file);
    const json& entry = index.contains(t.job.id) ? index[t.job.id] : json();
    try {  // the index is a cache: a damaged entry is rebuilt from the trial's own files
      if (!key.empty() && entry.is_object() && entry.value("stamp", "") == key) {
        t.cases = entry["cases"].get<CaseMetrics>();
        t.cropFromLabel = entry.value("crop_from_label", false);
        t.surface = entry.value("surface", "");
        continue;
      }
    } catch (const json::exception&) {
      t.cases.clear();
    }
    auto m = readEvalCsv(file);
    if (!m) {
      t.metricsError = m.error().describe();
      continue;
    }
    t.cases = *m;
    auto protocol = readEvalProtocol(file);
    if (protocol) {
      t.cropFromLabel = protocol->cropFromLabel;
      t.surface = protocol->known ? protocol->surface : "";
    }
    index[t.job.id] = {{"stamp", key}, {"cases", t.cases}, {"crop_from_label", t.cropFromLabel}, {"surface", t.surface}};
    changed = true;
  }
  // A cache only: a failed write (read-only folder, full disk) costs speed, not results.
  if (changed) writeFileAtomically(s.folder.indexFile(), index.dump() + "\n");
}

}  // namespace

double TrialRecord::progress() const {
  if (state.state == "finished") return 1.0;
  const double train = totalSteps > 0 ? std::min(1.0, double(step) / double(totalSteps)) : 0.0;
  if (state.phase == "infer") return 0.9;
  if (state.phase == "eval") return 0.97;
  return job.from.empty() ? 0.9 * train : 0.0;
}

int SweepSnapshot::count(const std::string& state) const {
  int n = 0;
  for (const auto& t : trials) n += t.state.state == state;
  return n;
}

const TrialRecord* SweepSnapshot::best() const {
  const MetricColumn* metric = findMetric(folder.spec.metric);
  const TrialRecord* best = nullptr;
  for (const auto& t : trials) {
    if (t.job.shared || t.state.state != "finished" || std::isnan(t.state.metric)) continue;  // n/a never ranks
    const bool better = !best || (metric && metric->higherIsBetter ? t.state.metric > best->state.metric
                                                                     : t.state.metric < best->state.metric);
    if (better) best = &t;
  }
  return best;
}

Result<SweepSnapshot> readSweep(const std::string& dir, bool withMetrics) {
  auto folder = SweepFolder::open(dir);
  if (!folder) return folder.error();
  SweepSnapshot s;
  s.folder = *folder;
  s.scheduler = readScheduler(s.folder);
  s.paused = isPaused(s.folder);
  s.cluster = onCluster(s.folder);
  for (const SweepJob& job : s.folder.jobs) {
    TrialRecord t;
    t.job = job;
    t.state = readTrialState(s.folder, job);
    readProgress(s.folder, t);
    s.trials.push_back(t);
  }
  if (withMetrics) readMetrics(s);
  return s;
}

std::vector<MethodResults> sweepPoints(const SweepSnapshot& sweep) {
  std::vector<MethodResults> points;
  std::map<std::string, std::map<std::string, std::map<std::string, std::vector<double>>>> values;
  std::map<std::string, std::map<uint64_t, std::map<std::string, std::vector<double>>>> bySeed;  // point -> seed -> metric
  for (const TrialRecord& t : sweep.trials) {
    if (t.job.shared) continue;
    if (!values.count(t.job.point)) points.push_back({t.job.point, {}, false, ""});
    auto point = std::find_if(points.begin(), points.end(), [&](const MethodResults& m) { return m.name == t.job.point; });
    if (!t.cases.empty()) {
      point->cropFromLabel = point->cropFromLabel || t.cropFromLabel;
      if (!t.surface.empty()) point->surface = t.surface;
    }
    auto& byCase = values[t.job.point];
    for (const auto& [id, row] : t.cases)
      for (const auto& [key, v] : row) {
        byCase[id][key].push_back(v);
        bySeed[t.job.point][t.job.seed][key].push_back(v);
      }
  }
  for (auto& p : points) {
    for (const auto& [id, row] : values[p.name])
      for (const auto& [key, list] : row) p.cases[id][key] = summarize(list).mean;
    // Each seed's mean over its cases (its folds pooled): the spread between seeds.
    if (bySeed[p.name].size() > 1)
      for (const auto& [seed, metrics] : bySeed[p.name])
        for (const auto& [key, list] : metrics) p.seedMeans[key].push_back(summarize(list).mean);
  }
  // Points without any evaluated case are not rows yet.
  points.erase(std::remove_if(points.begin(), points.end(), [](const MethodResults& m) { return m.cases.empty(); }),
               points.end());
  return points;
}

int baselineIndex(const SweepSnapshot& sweep, const std::vector<MethodResults>& points) {
  for (size_t i = 0; i < points.size(); ++i)
    if (points[i].name == sweep.folder.spec.baseline) return int(i);
  return points.empty() ? -1 : 0;
}

ComparisonOptions sweepComparison(const SweepSpec& spec) {
  if (spec.paperConvention) return ComparisonOptions::paper();
  auto o = ComparisonOptions::parse(spec.test, spec.correction);
  return o ? *o : ComparisonOptions();
}

ResultsTable sweepTable(const SweepSnapshot& sweep) {
  const auto points = sweepPoints(sweep);
  return buildResultsTable(points, baselineIndex(sweep, points), {}, sweepComparison(sweep.folder.spec));
}

}  // namespace tiss
