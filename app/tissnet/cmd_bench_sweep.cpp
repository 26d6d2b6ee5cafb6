// tissnet bench sweep: how long a sweep with hundreds of finished trials takes to open (the
// workbench's Sweeps page reads it the same way), from the metric files and from the index.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "commands.h"
#include "progress.h"
#include "tiss/sweep/sweep_results.h"

namespace fs = std::filesystem;

namespace tissnet {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A finished sweep of `trials` points with `cases` cases each, metrics drawn at random.
tiss::Status fakeSweep(const std::string& dir, int trials, int cases) {
  auto spec = tiss::sweepSpecFromJson("{\"name\": \"bench\", \"axes\": [{\"key\": \"loss.lambda_c\", \"range\": {\"from\": 0, "
                                      "\"to\": 10, \"steps\": " + std::to_string(trials) + "}}]}", "bench");
  if (!spec) return spec.error();
  spec->data = "/bench";
  auto f = tiss::SweepFolder::create(dir, *spec);
  if (!f) return f.error();
  std::mt19937 rng(1);
  std::normal_distribution<double> dice(80, 8), hd(6, 2);
  for (const auto& job : f->jobs) {
    tiss::CaseMetrics m;
    for (int c = 0; c < cases; ++c) m["case" + std::to_string(c)] = {{"dice_pct", dice(rng)}, {"assd_mm", hd(rng) / 3}, {"hd95_mm", hd(rng)}};
    fs::create_directories(f->jobDir(job));
    std::ofstream(f->metricsFile(job)) << tiss::metricsCsv(m);
    tiss::TrialState s;
    s.state = "finished";
    if (auto st = tiss::writeTrialState(*f, job, s); !st) return st;
  }
  return tiss::Status();
}

int benchSweep(const std::string& dir, int trials, int cases) {
  if (!fs::exists(dir + "/sweep.json")) {
    if (auto st = fakeSweep(dir, trials, cases); !st) return fail(st.error());
    std::printf("wrote a finished sweep of %d trials x %d cases to %s\n", trials, cases, dir.c_str());
  }
  std::error_code ec;
  fs::remove(dir + "/index.json", ec);
  for (const char* pass : {"from the metric files", "from index.json"}) {
    const auto t0 = Clock::now();
    auto s = tiss::readSweep(dir);
    if (!s) return fail(s.error());
    const double read = since(t0);
    const auto t1 = Clock::now();
    const auto table = tiss::sweepTable(*s);
    const auto series = tiss::metricSeries(*s, s->folder.spec.axes.empty() ? "" : s->folder.spec.axes[0].key, "dice_pct");
    std::printf("open %zu trials %s: %.3f s; results table (%zu rows, t-tests) and plot series: %.3f s\n", s->trials.size(),
                pass, read, table.rows.size(), since(t1));
  }
  return 0;
}

}  // namespace

void addSweepBench(CLI::App* bench, int& exitCode) {
  auto dir = std::make_shared<std::string>();
  auto trials = std::make_shared<int>(300);
  auto cases = std::make_shared<int>(50);
  auto* cmd = bench->add_subcommand("sweep", "Seconds to open a sweep's results (hundreds of trials)");
  cmd->add_option("DIR", *dir, "sweep folder (a finished fake sweep is written there when it holds none)")->required();
  cmd->add_option("--trials", *trials, "trials of the fake sweep")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->add_option("--cases", *cases, "cases per trial of the fake sweep")->check(CLI::Range(1, 100000))->capture_default_str();
  cmd->callback([=, &exitCode] { exitCode = benchSweep(*dir, *trials, *cases); });
}

}  // namespace tissnet
