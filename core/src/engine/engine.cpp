// The engine facade: resolves configs, data, devices and run folders, then hands over to the
// trainer or the sliding-window inference.
#include <unistd.h>

#include "tiss/engine/engine.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "model/networks.h"
#include "training/tensors.h"
#include "tiss/util/atomic_file.h"
#include "tiss/util/version.h"
#include "tiss/data/dataset.h"
#include "tiss/data/folds.h"
#include "engine/torch_device.h"
#include "engine/trained_run.h"
#include "tiss/engine/device.h"
#include "tiss/io/image_io.h"
#include "tiss/preprocessing/prepared_store.h"
#include "tiss/util/process.h"
#include "tiss/training/run_folder.h"
#include "parallel/distributed.h"
#include "engine/launcher.h"
#include "tiss/parallel/world.h"
#include "training/trainer.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tiss {

namespace {

std::string nowIso() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

PreprocessOptions preprocessFor(const TrainConfig& c, const Task& task) {
  PreprocessOptions o = PreprocessOptions::forTask(task);
  o.minSize = c.patch;
  return o;
}

Result<std::vector<std::shared_ptr<const MappedCase>>> mapCases(const std::string& dir, const std::vector<std::string>& ids) {
  std::vector<std::shared_ptr<const MappedCase>> cases;
  for (const auto& id : ids) {
    auto m = MappedCase::open(dir, id);
    if (!m) return m.error();
    cases.push_back(*m);
  }
  return cases;
}


Status writeRunInfo(const RunFolder& run, const TrainRequest& r, const TrainConfig& c, const Dataset& d, const RunSplit& split,
                    const std::string& device, const World& world, const std::string& backend) {
  json info{{"tissnet", version()}, {"libtorch", torchVersion()}, {"device", device}, {"threads", torch::get_num_threads()},
            {"data", fs::absolute(r.dataDir).string()}, {"task", d.manifest.task.name},
            {"sources", d.manifest.task.sources}, {"target", d.manifest.task.target}, {"split_seed", d.split.seed},
            {"split_saved", d.splitSaved}, {"fold", c.fold}, {"train", split.train}, {"val", split.val}, {"test", split.test},
            {"command_line", r.commandLine}, {"started", nowIso()},
            // Lets a monitor on the same host tell a killed trainer from a running one.
            {"pid", long(::getpid())}, {"host", hostName()},
            // Data-parallel: how many ranks, over which c10d backend, started by whom.
            {"world_size", world.size}, {"backend", backend}, {"launcher", world.launcher}};
  return writeFileAtomically(run.infoFile(), info.dump(2) + "\n");
}

// The cache folder of one preprocessing of one channel set of a data set (never inside it).
Result<std::string> cacheDir(const TrainConfig& c, const std::string& dataDir, const PreprocessOptions& prep, const Task& task) {
  std::string key = prep.signature() + " sources=";
  for (const auto& s : task.sources) key += s + ",";
  key += " target=" + task.target + " label=" + task.label;
  return preparedCacheDir(c.cacheDir, dataDir, key);
}

// The run's own split: recorded at creation, read back on resume; a data set whose split
// changed since is named in a warning, and the run keeps its ids.
Result<RunSplit> runSplit(const RunFolder& run, const Dataset& d, bool resume, const std::function<void(const std::string&)>& warn) {
  if (!resume) return runSplitOf(d.split);
  auto split = readRunSplit(run);
  if (!split) return split.error();
  const auto moved = movedCases(*split, d.split);
  if (!moved.empty()) warn(splitWarning(moved));
  return split;
}

}  // namespace

namespace {

// This process's device and CPU threads as one rank: CUDA device LOCAL_RANK when the request
// is auto or cuda; the machine's cores shared among the ranks on this host.
std::string rankDevice(const std::string& request, const World& w) {
  if (!w.distributed() || cudaDeviceCount() == 0 || (request != "auto" && request != "cuda")) return request;
  return "cuda:" + std::to_string(w.localRank % cudaDeviceCount());
}

int rankThreads(int threads, const World& w) {
  if (threads > 0 || !w.distributed()) return threads;
  const char* local = std::getenv("LOCAL_WORLD_SIZE");
  const int perHost = local ? std::max(1, std::atoi(local)) : 1;
  return std::max(1, int(std::thread::hardware_concurrency()) / perHost);
}

// Everything one rank has before its first step.
struct RankSetup {
  World world;
  std::unique_ptr<Communicator> comm;
  RunFolder run;
  std::unique_ptr<FileLock> lock;  // rank 0: one trainer per run folder
  TrainConfig config;
  torch::Device device{torch::kCPU};
  bool writer() const { return world.rank == 0; }
};

// Rank 0 opens (or creates) the run folder and takes its lock; other ranks only read it.
Status openRunFolder(const TrainRequest& r, RankSetup& s) {
  if (s.writer()) {
    auto run = RunFolder::open(r.runDir, r.resume);
    if (!run) return run.error();
    s.run = *run;
    auto lock = acquireRunLock(s.run);
    if (!lock) return lock.error();
    s.lock = std::move(*lock);
  } else {
    s.run = RunFolder{r.runDir};
  }
  if (r.resume && (!r.overrides.empty() || !r.configFile.empty()))
    return makeError(r.runDir, "a resumed run keeps its stored config; drop --config and --set");
  auto config = r.resume ? readRunConfig(s.run) : loadConfig(r.configFile, r.overrides, r.preset);
  if (!config) return config.error();
  s.config = *config;
  return Status();
}

Status setUpRank(const TrainRequest& r, RankSetup& s) {
  auto world = worldFromEnvironment();
  if (!world) return world.error();
  s.world = *world;
  if (auto st = openRunFolder(r, s); !st) return st;
  auto device = setUpDevice(rankDevice(r.device, s.world), rankThreads(r.threads, s.world));
  if (!device) return device.error();
  s.device = *device;
  if (s.world.distributed()) {
    auto comm = Communicator::connect(s.world, s.device, std::chrono::seconds(r.timeoutS));
    if (!comm) return comm.error();
    s.comm = std::move(*comm);
  }
  return Status();
}

Result<Dataset> trainingData(const TrainRequest& r, const TrainConfig& c) {
  auto data = openDataset(r.dataDir);
  if (!data) return data.error();
  auto retargeted = retarget(data->manifest, c.target);  // data.target: this run's own target
  if (!retargeted) return retargeted.error();
  data->manifest.task = *retargeted;
  if (auto st = useFold(*data, c.fold); !st) return st.error();  // data.fold: the fold's train and val
  // Only seg-source and seg-synth train without the real target image.
  if (data->manifest.task.target.empty() && c.stage != Stage::SegSource && c.stage != Stage::SegSynth)
    return makeError(r.dataDir, "the data set's task names no target modality (\"target\" in manifest.json), which stage " +
                                    toString(c.stage) + " trains on; use stage seg-source, or name the target");
  return data;
}

struct Cases {
  std::vector<std::shared_ptr<const MappedCase>> train, val;
  bool cancelled = false;
};

// Training patches may use the label (training data); validation sees what a clinic has: the
// test-time crop from the images alone, unless the run asks for the paper's protocol. Rank 0
// prepares the cache; the other ranks wait for it, then map the same files.
Result<Cases> prepareCases(const TrainRequest& r, RankSetup& s, const Dataset& d, const RunSplit& split,
                           const std::function<void(const std::string&)>& emit, const std::atomic<bool>* cancel) {
  const TrainConfig& c = s.config;
  const Task& task = d.manifest.task;
  const PreprocessOptions prep = preprocessFor(c, task);
  PreprocessOptions valPrep = PreprocessOptions::forTesting(task, c.cropFromLabel);
  valPrep.minSize = c.minWindow();
  auto cache = cacheDir(c, r.dataDir, prep, task), valCache = cacheDir(c, r.dataDir, valPrep, task);
  if (!cache) return cache.error();
  if (!valCache) return valCache.error();
  Cases out;
  if (s.comm && !s.writer()) out.cancelled = s.comm->any(false);  // waits for rank 0's cache
  auto progress = [&](int done, int total) { emit(json{{"event", "prepare"}, {"done", done}, {"total", total}}.dump()); };
  if (auto st = prepareDataset(d, split.train, prep, *cache, 2, progress); !st) return st.error();
  if (auto st = prepareDataset(d, split.val, valPrep, *valCache, 2, progress); !st) return st.error();
  if (s.writer()) {
    out.cancelled = cancel && cancel->load();
    if (s.comm) out.cancelled = s.comm->any(out.cancelled);
  }
  auto train = mapCases(*cache, split.train);
  if (!train) return train.error();
  auto val = mapCases(*valCache, split.val);
  if (!val) return val.error();
  out.train = *train, out.val = *val;
  return out;
}

// Rank r of N with batch b draws patches r*b .. r*b+b-1 of every block of N*b: together what
// one process with batch N*b draws, from the step the run resumes at.
SamplerOptions samplerFor(const TrainConfig& c, const World& w, int64_t step) {
  SamplerOptions so;
  so.patch = c.patch;
  so.tumorShare = c.tumorShare;
  so.flips = c.flips;
  so.workers = c.loaderWorkers;
  so.seed = c.seed;
  const uint64_t batch = uint64_t(c.batch), ranks = uint64_t(w.size);
  so.firstPatch = uint64_t(step) * batch * ranks + uint64_t(w.rank) * batch;
  if (w.distributed()) so.blockSize = batch, so.blockStride = batch * ranks;
  return so;
}

// Training proper, with its status written by rank 0 before and after.
Status runStages(TrainingContext& ctx, RankSetup& s, const TrainerState& start, const std::string& backend) {
  const TrainConfig& c = s.config;
  std::string on = s.device.str();
  if (s.world.distributed()) on += " (" + std::to_string(s.world.size) + " ranks, " + backend + ")";
  const RunStatus running{"running", long(start.iteration), "training " + toString(c.stage) + " on " + on};
  if (s.writer()) {
    if (auto st = writeStatus(s.run, running); !st) return st;
    // The best-checkpoint criterion, recorded in the event log for the dashboard.
    const std::string select = selectMetricKey(resolveSelect(c, !c.spRun.empty()));
    ctx.emit(json{{"event", "status"}, {"state", running.state}, {"step", running.step}, {"message", running.message},
                  {"parameters", ctx.model->parameterCounts()}, {"select", select}, {"crop_from_label", c.cropFromLabel},
                  {"world_size", s.world.size}}
                 .dump());
  }
  const RunStatus end = runTraining(ctx, start);
  if (s.writer()) {
    if (auto st = writeStatus(s.run, end); !st)
      return makeError(s.run.root, end.message + (end.message.empty() ? "" : "; ") + "status not saved: " + st.error().describe());
    ctx.emit(json{{"event", "status"}, {"state", end.state}, {"step", end.step}, {"message", end.message}}.dump());
  }
  if (end.state == "failed") return makeError(s.run.root, end.message);
  return Status();
}

Status trainImpl(const TrainRequest& r, const std::function<void(const std::string&)>& onEvent, const std::atomic<bool>* cancel) {
  RankSetup s;
  if (auto st = setUpRank(r, s); !st) return st;
  const TrainConfig& c = s.config;
  auto data = trainingData(r, c);
  if (!data) return data.error();
  const int sources = int(data->manifest.task.sources.size());
  // Only rank 0 writes into the run folder; the other ranks' events go nowhere.
  auto logFailure = std::make_shared<std::string>();
  auto emit = [&, logFailure](const std::string& line) {
    if (!s.writer()) return;
    if (auto st = appendEvent(s.run, line); !st && logFailure->empty()) *logFailure = st.error().describe();
    if (onEvent) onEvent(line);
  };
  auto warn = [&](const std::string& message) { emit(json{{"event", "warning"}, {"step", 0}, {"message", message}}.dump()); };
  auto split = runSplit(s.run, *data, r.resume, warn);
  if (!split) return split.error();
  if (split->train.empty()) return makeError(r.dataDir, "the split has no training case");
  const std::string backend = s.comm ? s.comm->backend() : "none";
  if (s.writer() && !r.resume) {
    if (auto st = writeFileAtomically(s.run.configFile(), toJson(c)); !st) return st;
    if (auto st = writeRunInfo(s.run, r, c, *data, *split, s.device.str(), s.world, backend); !st) return st;
  } else if (s.writer()) {
    if (auto st = recordWriter(s.run); !st) return st;
  }
  auto cases = prepareCases(r, s, *data, *split, emit, cancel);
  if (!cases) return cases.error();
  if (cases->cancelled) {
    if (s.writer()) writeStatus(s.run, {"stopped", 0, "stopped by the user during preprocessing"});
    return Status();
  }
  auto borrowed = borrowModels(c, s.device, BorrowPurpose::Training);
  if (!borrowed) return borrowed.error();
  torch::manual_seed(c.seed);
  auto model = makeStageModel(c, sources, s.device, *borrowed);
  TrainerState start;
  if (r.resume && fs::exists(s.run.lastCheckpoint())) {
    auto st = loadCheckpoint(s.run.lastCheckpoint(), *model, true);
    if (!st) return st.error();
    start = *st;
  }
  // The steps a killed trainer ran after its checkpoint are redone: their events go.
  if (r.resume && s.writer()) {
    if (auto st = rewindEvents(s.run, start.iteration); !st) return st;
    emit(json{{"event", "resume"}, {"step", start.iteration}, {"world_size", s.world.size}}.dump());
  }
  PatchSampler sampler(cases->train, samplerFor(c, s.world, start.iteration));
  TrainingContext ctx{c, s.run, model.get(), &sampler, cases->val, sources, s.device, emit, logFailure, cancel, s.comm.get(), s.writer()};
  return runStages(ctx, s, start, backend);
}
}  // namespace

Status train(const TrainRequest& r, const std::function<void(const std::string&)>& onEvent, const std::atomic<bool>* cancel) {
  if (r.nproc > 1) return launchRanks(r, cancel);  // the ranks call train() again, each
  // The boundary: nothing escapes as an exception; a run that had started is marked failed
  // with the reason, its last checkpoint untouched.
  std::error_code missing;
  const bool fresh = !r.resume && !fs::exists(r.runDir, missing);
  try {
    Status st = trainImpl(r, onEvent, cancel);
    // Refused before the run existed (no config.json): the folder this call made goes again.
    std::error_code ec;
    if (!st && fresh && !isRunFolder(r.runDir)) fs::remove_all(r.runDir, ec);
    return st;
  } catch (const std::exception& e) {
    const std::string reason = failureReason(e);
    RunFolder run{r.runDir};
    std::error_code ec;
    if (fs::exists(run.statusFile(), ec)) {
      auto old = readStatus(run);
      writeStatus(run, {"failed", old ? old->step : 0, "failed: " + reason});
      appendEvent(run, json{{"event", "status"}, {"state", "failed"}, {"step", old ? old->step : 0}, {"message", "failed: " + reason}}.dump());
    }
    return makeError(r.runDir, "training failed: " + reason);
  }
}

}  // namespace tiss
