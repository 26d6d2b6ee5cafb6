// Sweep commands: `sweep` (create or continue a sweep and drive its local queue, or act on
// it: pause, resume, cancel, retry, status, exports, Slurm script) and `sweep-trial` (one job,
// what the queue and each Slurm array task run).
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "commands.h"
#include "progress.h"
#include "tiss/util/atomic_file.h"
#include "tiss/util/process.h"
#include "tiss/sweep/sweep_results.h"
#include "tiss/sweep/sweep_run.h"

namespace fs = std::filesystem;

namespace tissnet {
namespace {

std::atomic<bool> stopRequested{false};
extern "C" void onStopSignal(int) { stopRequested = true; }

struct SweepArgs {
  std::string spec, preset, out, data, split, basePreset, cancel, retry, exportTable, exportCases, sbatchExtra;
  tiss::SlurmTasks tasks;  // data-parallel trials on Slurm
  std::vector<std::string> sets, metrics;
  std::string test, correction, statsFile;
  std::vector<int> folds;
  std::vector<uint64_t> seeds;
  int maxParallel = 0;
  bool emitSlurm = false, pause = false, resume = false, status = false, local = false;
};

void logLine(const std::string& line) {
  const std::time_t now = std::time(nullptr);
  char stampText[16];
  std::strftime(stampText, sizeof stampText, "%H:%M:%S", std::localtime(&now));
  std::printf("%s %s\n", stampText, line.c_str());
  std::fflush(stdout);
}

// The sweep in --out: created from --spec / --preset (the same spec again continues it),
// or opened as it is.
tiss::Result<tiss::SweepFolder> sweepFolder(const SweepArgs& a) {
  const std::string out = fs::absolute(a.out).lexically_normal().string();
  if (a.spec.empty() && a.preset.empty()) return tiss::SweepFolder::open(out);
  auto spec = a.spec.empty() ? tiss::sweepPreset(a.preset) : tiss::loadSweepSpec(a.spec);
  if (!spec) return spec.error();
  if (!a.data.empty()) spec->data = a.data;
  if (!a.basePreset.empty()) spec->preset = a.basePreset;
  if (!a.split.empty()) spec->split = a.split;
  if (!a.seeds.empty()) spec->seeds = a.seeds;
  for (int k : a.folds)
    if (k < 0 || (a.folds.size() == 1 && k < 2))
      return tiss::makeError("--folds", "takes K >= 2 (folds 0..K-1) or a list of fold numbers >= 0, such as 0,2");
  if (a.folds.size() == 1) {  // K: folds 0..K-1
    spec->folds.clear();
    for (int k = 0; k < a.folds[0]; ++k) spec->folds.push_back(k);
  } else if (!a.folds.empty()) {
    spec->folds = a.folds;
  }
  spec->set.insert(spec->set.end(), a.sets.begin(), a.sets.end());
  if (a.maxParallel > 0) spec->maxParallel = a.maxParallel;
  if (spec->data.empty()) return tiss::makeError(a.spec.empty() ? a.preset : a.spec, "names no data set; give --data");
  // Absolute paths: trials (and cluster tasks) may start in another directory.
  spec->data = fs::absolute(spec->data).lexically_normal().string();
  if (!spec->config.empty()) spec->config = fs::absolute(spec->config).lexically_normal().string();
  return tiss::SweepFolder::create(out, *spec);
}

void printStatus(const tiss::SweepSnapshot& s) {
  std::printf("sweep %s: %zu jobs, %d finished, %d running, %d queued, %d stopped, %d failed, %d cancelled%s\n",
              s.folder.spec.name.c_str(), s.trials.size(), s.count("finished"), s.count("running"), s.count("queued"),
              s.count("stopped"), s.count("failed"), s.count("cancelled"), s.paused ? " (paused)" : "");
  for (const auto& t : s.trials)
    std::printf("  %-8s %-9s %-6s %5.1f %%  %s%s%s\n", t.job.id.c_str(), t.state.state.c_str(), t.state.phase.c_str(),
                100.0 * t.progress(), t.job.label.c_str(), t.state.message.empty() ? "" : "  | ",
                t.state.message.c_str());
  if (const auto* best = s.best())
    std::printf("best so far: %s (%s), %s = %.4f\n", best->job.id.c_str(), best->job.label.c_str(),
                s.folder.spec.metric.c_str(), best->state.metric);
  std::printf("scheduler: %s\n", s.scheduler.alive ? ("running, pid " + std::to_string(s.scheduler.pid)).c_str()
                                                    : "none (`tissnet sweep --out DIR` continues the sweep)");
}

int exportResults(const SweepArgs& a) {
  auto s = tiss::readSweep(fs::absolute(a.out).string());
  if (!s) return fail(s.error());
  if (!a.exportTable.empty()) {
    for (const auto& m : a.metrics)
      if (!tiss::findMetric(m)) return fail(tiss::makeError("--metrics", "'" + m + "' is no metric column (docs/sweeps.md)"));
    const auto points = tiss::sweepPoints(*s);
    tiss::ComparisonOptions comparison = tiss::sweepComparison(s->folder.spec);
    if (!a.test.empty() || !a.correction.empty()) {
      auto chosen = tiss::ComparisonOptions::parse(a.test, a.correction);
      if (!chosen) return fail(chosen.error());
      comparison = *chosen;
    }
    const auto table = tiss::buildResultsTable(points, tiss::baselineIndex(*s, points), a.metrics, comparison);
    if (!a.statsFile.empty())
      if (auto st = tiss::writeFileAtomically(a.statsFile, tiss::comparisonsJson(table)); !st) return fail(st.error());
    const std::string ext = fs::path(a.exportTable).extension().string();
    if (ext != ".csv" && ext != ".md" && ext != ".tex")
      return fail(tiss::makeError(a.exportTable, "unknown table format (use .csv, .md or .tex)"));
    const std::string text = ext == ".csv" ? tiss::tableCsv(table)
                             : ext == ".tex" ? tiss::tableLatex(table, s->folder.spec.name)
                                             : tiss::tableMarkdown(table);
    if (auto st = tiss::writeFileAtomically(a.exportTable, text); !st) return fail(st.error());
    std::printf("%s", ext == ".md" ? text.c_str() : "");
    std::printf("wrote %s (%zu rows)\n", a.exportTable.c_str(), table.rows.size());
  }
  if (!a.exportCases.empty()) {
    if (auto st = tiss::writeFileAtomically(a.exportCases, tiss::perCaseCsv(tiss::sweepPoints(*s))); !st)
      return fail(st.error());
    std::printf("wrote %s\n", a.exportCases.c_str());
  }
  return 0;
}

// --pause / --resume / --cancel / --retry: leave the request in the folder for the scheduler.
int control(const SweepArgs& a, const tiss::SweepFolder& f) {
  tiss::Status st;
  if (a.pause || a.resume) st = tiss::setPaused(f, a.pause);
  if (st && !a.cancel.empty()) st = tiss::request(f, "cancel", a.cancel);
  if (st && !a.retry.empty()) st = tiss::request(f, "retry", a.retry);
  if (!st) return fail(st.error());
  std::printf("%s: %s\n", f.root.c_str(), a.pause ? "paused" : a.resume ? "resumed" : "request recorded");
  if (!tiss::readScheduler(f).alive)
    std::printf("no scheduler drives this sweep now; `tissnet sweep --out %s` continues it\n", f.root.c_str());
  return 0;
}

int runSweepCommand(const SweepArgs& a) {
  auto folder = sweepFolder(a);
  if (!folder) return fail(folder.error());
  if (a.pause || a.resume || !a.cancel.empty() || !a.retry.empty()) return control(a, *folder);
  if (a.status) {
    auto s = tiss::readSweep(folder->root, false);
    if (!s) return fail(s.error());
    printStatus(*s);
    return 0;
  }
  if (!a.exportTable.empty() || !a.exportCases.empty()) return exportResults(a);
  const std::string exe = tiss::selfExecutable();
  if (a.emitSlurm) {
    const std::string file = folder->root + "/sweep.sbatch";
    // The cluster's own limits apply unless --max-parallel asks for fewer tasks at once.
    auto script = tiss::slurmScript(*folder, exe, a.maxParallel, a.sbatchExtra, a.tasks);
    if (!script) return fail(script.error());
    if (auto st = tiss::writeFileAtomically(file, *script); !st) return fail(st.error());
    fs::permissions(file, fs::perms::owner_exec, fs::perm_options::add);
    // From now on the array tasks run the jobs: no local queue starts any (--local takes it back).
    if (auto st = tiss::setOnCluster(*folder, true, file); !st) return fail(st.error());
    std::printf("wrote %s: %zu array tasks; submit with `sbatch %s`\n", file.c_str(), folder->jobs.size(), file.c_str());
    return 0;
  }
  if (tiss::onCluster(*folder) && !a.local) {
    std::fprintf(stderr, "error: %s: runs on Slurm (its sweep.sbatch was written): the array tasks run the jobs and "
                         "no local queue starts any. Follow it with `tissnet sweep --out %s --status`; to run it here "
                         "instead (after scancel), add --local\n", folder->root.c_str(), folder->root.c_str());
    return 1;
  }
  if (a.local)
    if (auto st = tiss::setOnCluster(*folder, false); !st) return fail(st.error());
  std::signal(SIGINT, onStopSignal);
  std::signal(SIGTERM, onStopSignal);
  logLine("sweep " + folder->spec.name + ": " + std::to_string(folder->jobs.size()) + " jobs in " + folder->root);
  tiss::SchedulerOptions o;
  o.tissnet = exe;
  o.maxParallel = a.maxParallel;
  if (auto st = tiss::runSweep(*folder, o, &stopRequested, logLine); !st) return fail(st.error());
  auto s = tiss::readSweep(folder->root, false);
  if (s) printStatus(*s);
  if (stopRequested) std::printf("scheduler stopped; running trials go on, `tissnet sweep --out DIR` adopts them\n");
  return s && s->count("failed") == 0 ? 0 : 1;
}

}  // namespace

void addSweepCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("sweep", "Hyperparameter sweeps and ablations: create, run (local queue), "
                                          "pause/resume/cancel/retry, status, tables, Slurm script");
  auto a = std::make_shared<SweepArgs>();
  cmd->add_option("--spec", a->spec, "sweep spec JSON (docs/sweeps.md)");
  cmd->add_option("--preset", a->preset, "built-in sweep: fig6, table1, table2, table3, table4");
  cmd->add_option("--out", a->out, "sweep folder (created, or continued)")->required();
  cmd->add_option("--data", a->data, "data set folder (overrides the spec's)");
  cmd->add_option("--split", a->split, "evaluated cases: test, val or all (overrides the spec's)")
      ->check(CLI::IsMember({"test", "val", "all"}));
  cmd->add_option("--seeds", a->seeds, "train each point once per seed, e.g. 1,2,3 (overrides the spec's)")->delimiter(',');
  cmd->add_option("--folds", a->folds,
                  "cross-validation over the data set's splits_final.json: K (folds 0..K-1) or a list such as 0,2 "
                  "(overrides the spec's; tissnet split DIR --folds K writes the folds)")
      ->delimiter(',');
  cmd->add_option("--base-preset", a->basePreset, "config preset of every job: cpu-small or paper");
  cmd->add_option("--set", a->sets, "override a config key in every job (repeatable)");
  cmd->add_option("--max-parallel", a->maxParallel, "jobs at once (default: the spec's)")->check(CLI::Range(1, 256));
  cmd->add_flag("--emit-slurm", a->emitSlurm, "write OUT/sweep.sbatch (an array job, one task per job) and exit");
  cmd->add_flag("--local", a->local, "run a sweep handed to Slurm here instead (cancel its array first)");
  cmd->add_option("--sbatch", a->sbatchExtra, "extra #SBATCH options, e.g. \"--gres=gpu:1 --time=24:00:00\"");
  cmd->add_option("--nodes", a->tasks.nodes, "with --emit-slurm: nodes per trial (data-parallel over nodes)")->check(CLI::Range(1, 1024));
  cmd->add_option("--ntasks-per-node", a->tasks.tasksPerNode,
                  "with --emit-slurm: ranks per node for each trial's data-parallel training (srun starts them)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--gpus-per-node", a->tasks.gpusPerNode, "with --emit-slurm: #SBATCH --gres=gpu:N for each trial")
      ->check(CLI::Range(0, 64));
  cmd->add_flag("--pause", a->pause, "stop the running trials at a checkpoint and start no more");
  cmd->add_flag("--resume", a->resume, "resume a paused sweep");
  cmd->add_option("--cancel", a->cancel, "cancel a job id (or all)");
  cmd->add_option("--retry", a->retry, "queue a failed, stopped or cancelled job again (or all)");
  cmd->add_flag("--status", a->status, "print every job's state and progress");
  cmd->add_option("--export-table", a->exportTable, "write the results table (.csv, .md or .tex)");
  cmd->add_option("--test", a->test, "with --export-table: t or wilcoxon (paired; default: the spec's statistics)");
  cmd->add_option("--correction", a->correction, "with --export-table: holm, bonferroni or none (default: the spec's statistics)");
  cmd->add_option("--stats", a->statsFile, "with --export-table: every comparison as JSON (p, adjusted p, CI, effect size)");
  cmd->add_option("--metrics", a->metrics, "columns of the exported table, e.g. dice_pct,assd_mm,hd95_mm (default: all)")
      ->delimiter(',');
  cmd->add_option("--export-cases", a->exportCases, "write per-case metrics of every point (CSV)");
  cmd->callback([a, &exitCode] { exitCode = runSweepCommand(*a); });

  auto* trial = app.add_subcommand("sweep-trial", "Run one job of a sweep (what the queue and Slurm tasks run)");
  auto t = std::make_shared<std::pair<std::string, std::string>>();
  auto o = std::make_shared<tiss::TrialOptions>();
  trial->add_option("--out", t->first, "sweep folder")->required();
  trial->add_option("--trial", t->second, "job id")->required();
  trial->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  trial->add_option("--threads", o->threads, "CPU threads (0: the spec's)")->check(CLI::Range(0, 1024));
  trial->add_flag("--wait", o->waitForShared, "wait for the shared runs this job builds on");
  trial->callback([t, o, &exitCode] {
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    auto folder = tiss::SweepFolder::open(t->first);
    if (!folder) {
      exitCode = fail(folder.error());
      return;
    }
    const auto st = tiss::runSweepTrial(*folder, t->second, *o, &stopRequested, logLine);
    exitCode = st ? 0 : stopRequested ? 3 : fail(st.error());
  });
}

}  // namespace tissnet
