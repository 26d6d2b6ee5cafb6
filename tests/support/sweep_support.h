#pragma once
// Helpers of the sweep tests: a sweep folder whose trials are marked finished with per-case
// metrics written as a trial would, without training anything.
#include <QTest>

#include <filesystem>
#include <fstream>

#include "tiss/sweep/sweep_folder.h"
#include "tiss/evaluation/results_table.h"

namespace testsupport {

/// A 2x2 grid (lambda_c 0/1 x lambda_s 1/25), one seed, on data set `data`.
inline tiss::SweepFolder gridSweep(const std::string& dir, const std::string& data = "/data") {
  auto s = tiss::sweepSpecFromJson("{\"name\": \"grid\", \"metric\": \"dice_pct\", \"axes\": ["
                                   "{\"key\": \"loss.lambda_c\", \"values\": [0, 1]},"
                                   " {\"key\": \"loss.lambda_s\", \"values\": [1, 25]}]}", "spec");
  if (!s) qFatal("%s", s.error().describe().c_str());
  s->data = data;
  auto f = tiss::SweepFolder::create(dir, *s);
  if (!f) qFatal("%s", f.error().describe().c_str());
  return *f;
}

/// Marks `job` finished with these per-case Dice values (HD95 = 10 - Dice / 10).
inline void finishJob(const tiss::SweepFolder& f, const tiss::SweepJob& job, const std::vector<double>& dice) {
  tiss::CaseMetrics m;
  double sum = 0;
  for (size_t i = 0; i < dice.size(); ++i) {
    m["case" + std::to_string(i)] = {{"dice_pct", dice[i]}, {"hd95_mm", 10 - dice[i] / 10}};
    sum += dice[i];
  }
  std::filesystem::create_directories(f.jobDir(job));
  std::ofstream(f.metricsFile(job)) << tiss::metricsCsv(m);
  tiss::TrialState s;
  s.state = "finished";
  s.metric = dice.empty() ? 0 : sum / double(dice.size());
  s.attempts = 1;
  tiss::writeTrialState(f, job, s);
}

}  // namespace testsupport
