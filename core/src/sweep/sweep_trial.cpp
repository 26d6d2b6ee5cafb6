// One sweep job from start to metrics: train -> infer -> eval, each phase in trial.json.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>

#include "tiss/parallel/world.h"
#include "tiss/util/atomic_file.h"
#include "tiss/engine/engine.h"
#include "tiss/evaluation/eval.h"
#include "tiss/util/process.h"
#include "tiss/evaluation/results_table.h"
#include "tiss/training/run_folder.h"
#include "tiss/metrics/statistics.h"
#include "tiss/sweep/sweep_run.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

struct TrialContext {
  const SweepFolder& folder;
  const SweepJob& job;
  const TrialOptions& options;
  const std::atomic<bool>* cancel;
  TrialState state;
  /// Rank 0 of a data-parallel trial (or the only process) owns trial.json; other ranks train.
  bool writer = true;

  bool cancelled() const { return cancel && cancel->load(); }

  Status enter(const std::string& phase) {
    state.state = "running";
    state.phase = phase;
    return writer ? writeTrialState(folder, job, state) : Status();
  }

  Status end(const std::string& how, const std::string& message) {
    state.state = how;
    if (how == "finished") state.phase.clear();
    state.message = message;
    state.pid = 0;
    if (writer) writeTrialState(folder, job, state);
    if (how == "finished") return Status();
    return makeError(folder.jobDir(job), how == "stopped" ? "stopped; it resumes from its last checkpoint" : message);
  }

  // "runs.sp=@sp" -> "runs.sp=/abs/sweep/shared/sp"
  std::vector<std::string> overrides() const {
    std::vector<std::string> out;
    const std::string root = fs::absolute(folder.root).string();
    for (const std::string& o : job.set) {
      const size_t at = o.find("=@");
      out.push_back(at == std::string::npos ? o : o.substr(0, at + 1) + root + "/shared/" + o.substr(at + 2));
    }
    return out;
  }

  std::string overrideValue(const std::string& key) const {
    std::string value;
    for (const std::string& o : job.set)
      if (o.rfind(key + "=", 0) == 0) value = o.substr(key.size() + 1);
    return value;
  }

  // Given, else the spec's, else the machine's cores shared by the jobs that run at once.
  int threads() const {
    if (options.threads > 0) return options.threads;
    if (folder.spec.threadsPerTrial > 0) return folder.spec.threadsPerTrial;
    return std::max(1, int(std::thread::hardware_concurrency()) / std::max(1, folder.spec.maxParallel));
  }
};

// Why a shared run that is not finished will never finish unaided, or "" while it may: a
// stopped one (no queue resumes it on a cluster), a running one whose process is gone (on
// this host), or one on another host whose folder shows no sign of life for kSilentMinutes.
constexpr int kSilentMinutes = 20;
std::string deadShared(const SweepFolder& folder, const SweepJob& dep, const TrialState& s) {
  if (s.state == "stopped") return "was stopped";
  if (s.state != "running") return "";
  if (s.host == hostName()) return processAlive(s.pid) ? "" : "died (process " + std::to_string(s.pid) + " is gone)";
  std::error_code ec;
  auto newest = fs::file_time_type::min();
  for (const auto& e : fs::recursive_directory_iterator(folder.jobDir(dep), ec))
    newest = std::max(newest, e.last_write_time(ec));
  const auto silent = fs::file_time_type::clock::now() - newest;
  if (silent < std::chrono::minutes(kSilentMinutes)) return "";
  return "shows no sign of life on " + s.host + " for " + std::to_string(kSilentMinutes) + " minutes (it probably died)";
}

// Waits for (or, without waiting, checks) the shared runs this job builds on.
Status awaitShared(TrialContext& c) {
  for (const std::string& id : c.job.after) {
    const SweepJob* dep = c.folder.find(id);
    if (!dep) return c.end("failed", "builds on '" + id + "', which the sweep does not hold");
    for (;;) {
      const TrialState s = readTrialState(c.folder, *dep);
      if (s.state == "finished") break;
      if (s.state == "failed" || s.state == "cancelled" || !c.options.waitForShared)
        return c.end("failed", "the shared run '" + id + "' is " + s.state + ", not finished");
      // A waiting array task has no queue to restart a shared run that died: it says so.
      if (const std::string why = deadShared(c.folder, *dep, s); !why.empty())
        return c.end("failed", "the shared run '" + id + "' " + why + "; retry it (e.g. resubmit its array task)");
      if (c.cancelled()) return c.end("stopped", "");
      std::this_thread::sleep_for(std::chrono::seconds(2));
    }
  }
  return Status();
}

Status trainPhase(TrialContext& c) {
  const RunFolder run{c.folder.jobDir(c.job)};
  if (auto s = readStatus(run); s && s->state == "finished") return Status();
  if (auto st = c.enter("train"); !st) return st;
  TrainRequest r;
  r.resume = fs::exists(run.configFile());
  if (!r.resume) {  // a resumed run keeps the config it stored
    r.configFile = c.folder.spec.config;
    r.preset = c.folder.spec.preset;
    r.overrides = c.overrides();
  }
  r.dataDir = c.folder.spec.data;
  r.runDir = run.root;
  r.device = c.options.device;
  r.threads = c.threads();
  r.commandLine = {"tissnet", "sweep-trial", "--out", c.folder.root, "--trial", c.job.id};
  const Status st = train(r, {}, c.cancel);
  if (st) return st;
  // Stopped only when asked to: a resume that fails at once leaves the old "stopped" status.
  if (c.cancelled()) return c.end("stopped", "");
  return c.end("failed", st.error().describe());
}

bool anyFile(const std::string& dir, const std::string& suffix) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) return true;
  }
  return false;
}

void merge(CaseMetrics& into, const std::vector<CaseScores>& scores, const std::string& prefix) {
  for (const auto& s : scores) {
    if (!s.error.empty() || !s.segmentation) continue;
    auto& row = into[s.id];
    row[prefix + "dice_pct"] = s.segmentation->dicePct;
    row[prefix + "assd_mm"] = s.segmentation->assdMm;
    row[prefix + "hd95_mm"] = s.segmentation->hd95Mm;
    if (!s.synthesis) continue;
    row["psnr_global_db"] = s.synthesis->psnrGlobalDb;
    row["psnr_local_db"] = s.synthesis->psnrLocalDb;
    row["ssim_global"] = s.synthesis->ssimGlobal;
    row["ssim_local"] = s.synthesis->ssimLocal;
  }
}

Status evalPhase(TrialContext& c, const std::string& inferDir) {
  if (auto st = c.enter("eval"); !st) return st;
  EvalOptions o;
  o.pred = inferDir;
  o.gt = c.folder.spec.data;
  o.predPattern = "{case}/{case}_seg_mask.nii.gz";
  if (anyFile(inferDir, "_synth.nii.gz")) {
    // x_t' against the data set's real target, normalized to [-1, 1] as the engine does.
    o.image = inferDir;
    o.imagePattern = "{case}/{case}_synth.nii.gz";
    o.reference = c.folder.spec.data;
    o.normalizeReference = true;
    o.dataRange = 2;
  }
  o.threads = std::max(1, c.threads());
  auto scores = evaluate(o);
  if (!scores) return c.end("failed", scores.error().describe());
  CaseMetrics metrics;
  merge(metrics, *scores, "");
  if (anyFile(inferDir, "_sp_on_synth_mask.nii.gz")) {
    EvalOptions p;
    p.pred = inferDir;
    p.gt = c.folder.spec.data;
    p.predPattern = "{case}/{case}_sp_on_synth_mask.nii.gz";
    p.threads = o.threads;
    if (auto perc = evaluate(p)) merge(metrics, *perc, "perc_");
  }
  if (metrics.empty()) return c.end("failed", "no case of the split could be evaluated");
  // The protocol first: a metrics.csv is never read without knowing how it was made.
  if (auto st = writeFileAtomically(c.folder.metricsFile(c.job) + ".json", protocolJson(protocolOf(o))); !st)
    return c.end("failed", st.error().describe());
  if (auto st = writeFileAtomically(c.folder.metricsFile(c.job), metricsCsv(metrics)); !st)
    return c.end("failed", st.error().describe());
  std::vector<double> values;
  for (const auto& [id, row] : metrics)
    if (row.count(c.folder.spec.metric)) values.push_back(row.at(c.folder.spec.metric));
  c.state.metric = values.empty() ? std::nan("") : summarize(values).mean;
  return Status();
}

}  // namespace

Status runSweepTrial(const SweepFolder& folder, const std::string& jobId, const TrialOptions& options,
                     const std::atomic<bool>* cancel, const std::function<void(const std::string&)>& log) {
  const SweepJob* job = folder.find(jobId);
  if (!job) return makeError(folder.specFile(), "has no job '" + jobId + "'");
  TrialContext c{folder, *job, options, cancel, readTrialState(folder, *job)};
  // Under srun with several tasks (sweep --emit-slurm --ntasks-per-node): rank 0 runs the
  // trial; the others only join its training, writing nothing.
  auto world = worldFromEnvironment();
  if (!world) return world.error();
  c.writer = world->rank == 0;
  if (!c.writer) {
    if (auto st = awaitShared(c); !st) return st;
    return job->from.empty() ? trainPhase(c) : Status();
  }
  // Two starters of one job (a requeued array task and a local queue, two queues): the second
  // one leaves it to the first. The queue marks a job running with its child's pid first.
  if (c.state.state == "running" && c.state.host == hostName() && c.state.pid != long(::getpid()) &&
      processAlive(c.state.pid))
    return makeError(folder.stateFile(*job), "job " + jobId + " already runs (pid " + std::to_string(c.state.pid) + ")");
  c.state.pid = long(::getpid());
  c.state.host = hostName();
  c.state.message.clear();
  c.state.attempts += 1;
  if (auto st = c.enter("wait"); !st) return st;
  auto say = [&](const std::string& line) { if (log) log(job->id + ": " + line); };
  if (auto st = awaitShared(c); !st) return st;
  if (job->from.empty()) {
    say("training");
    if (auto st = trainPhase(c); !st) return st;
  }
  if (job->shared) return c.end("finished", "trained");
  if (c.cancelled()) return c.end("stopped", "");
  if (auto st = c.enter("infer"); !st) return st;
  say("inference on the " + (job->fold >= 0 ? std::string("val") : folder.spec.split) + " cases");
  InferRequest r;
  r.runDir = job->from.empty() ? folder.jobDir(*job) : folder.jobDir(*folder.find(job->from));
  r.dataDir = folder.spec.data;
  r.outDir = folder.jobDir(*job) + "/infer";
  // A fold's trial is scored on its fold's validation cases: the point's rows pool them.
  r.cases = {job->fold >= 0 ? std::string("val") : folder.spec.split};
  r.device = options.device;
  r.threads = c.threads();
  r.output = c.overrideValue("inference.output");
  if (auto st = infer(r); !st) return c.end("failed", st.error().describe());
  if (c.cancelled()) return c.end("stopped", "");
  say("evaluation");
  if (auto st = evalPhase(c, r.outDir); !st) return st;
  char text[96];
  if (std::isnan(c.state.metric))
    std::snprintf(text, sizeof text, "%s n/a", folder.spec.metric.c_str());
  else
    std::snprintf(text, sizeof text, "%s %.4f", folder.spec.metric.c_str(), c.state.metric);
  say(std::string("finished: ") + text);
  return c.end("finished", text);
}

}  // namespace tiss
