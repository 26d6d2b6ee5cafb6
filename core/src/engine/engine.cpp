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

#include "model/networks.h"
#include "training/tensors.h"
#include "tiss/util/atomic_file.h"
#include "tiss/data/dataset.h"
#include "tiss/data/folds.h"
#include "engine/torch_device.h"
#include "engine/trained_run.h"
#include "tiss/engine/device.h"
#include "tiss/io/image_io.h"
#include "tiss/preprocessing/prepared_store.h"
#include "tiss/util/process.h"
#include "tiss/training/run_folder.h"
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
                    const std::string& device) {
  json info{{"tissnet", "0.1.0"}, {"libtorch", torchVersion()}, {"device", device}, {"threads", torch::get_num_threads()},
            {"data", fs::absolute(r.dataDir).string()}, {"task", d.manifest.task.name},
            {"sources", d.manifest.task.sources}, {"target", d.manifest.task.target}, {"split_seed", d.split.seed},
            {"split_saved", d.splitSaved}, {"fold", c.fold}, {"train", split.train}, {"val", split.val}, {"test", split.test},
            {"command_line", r.commandLine}, {"started", nowIso()},
            // Lets a monitor on the same host tell a killed trainer from a running one.
            {"pid", long(::getpid())}, {"host", hostName()}};
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

Status trainImpl(const TrainRequest& r, const std::function<void(const std::string&)>& onEvent, const std::atomic<bool>* cancel) {
  auto run = RunFolder::open(r.runDir, r.resume);
  if (!run) return run.error();
  auto lock = acquireRunLock(*run);  // one trainer per run folder, for this function's life
  if (!lock) return lock.error();
  if (r.resume && (!r.overrides.empty() || !r.configFile.empty()))
    return makeError(r.runDir, "a resumed run keeps its stored config; drop --config and --set");
  auto config = r.resume ? readRunConfig(*run) : loadConfig(r.configFile, r.overrides, r.preset);
  if (!config) return config.error();
  const TrainConfig& c = *config;
  auto device = setUpDevice(r.device, r.threads);
  if (!device) return device.error();
  auto data = openDataset(r.dataDir);
  if (!data) return data.error();
  auto retargeted = retarget(data->manifest, c.target);  // data.target: this run's own target
  if (!retargeted) return retargeted.error();
  data->manifest.task = *retargeted;
  if (auto st = useFold(*data, c.fold); !st) return st;  // data.fold: the fold's train and val
  const int sources = int(data->manifest.task.sources.size());
  // Only seg-source and seg-synth train without the real target image.
  if (data->manifest.task.target.empty() && c.stage != Stage::SegSource && c.stage != Stage::SegSynth)
    return makeError(r.dataDir, "the data set's task names no target modality (\"target\" in manifest.json), which stage " +
                                    toString(c.stage) + " trains on; use stage seg-source, or name the target");

  auto logFailure = std::make_shared<std::string>();
  auto emit = [&, logFailure](const std::string& line) {
    if (auto st = appendEvent(*run, line); !st && logFailure->empty()) *logFailure = st.error().describe();
    if (onEvent) onEvent(line);
  };
  auto warn = [&](const std::string& message) { emit(json{{"event", "warning"}, {"step", 0}, {"message", message}}.dump()); };
  auto split = runSplit(*run, *data, r.resume, warn);
  if (!split) return split.error();
  const auto& trainIds = split->train;
  const auto& valIds = split->val;
  if (trainIds.empty()) return makeError(r.dataDir, "the split has no training case");
  if (!r.resume) {
    if (auto st = writeFileAtomically(run->configFile(), toJson(c)); !st) return st;
    if (auto st = writeRunInfo(*run, r, c, *data, *split, device->str()); !st) return st;
  } else if (auto st = recordWriter(*run); !st) {
    return st;
  }
  // Training patches may use the label (training data); validation sees what a clinic has:
  // the test-time crop from the images alone, unless the run asks for the paper's protocol.
  const Task& task = data->manifest.task;
  const PreprocessOptions prep = preprocessFor(c, task);
  PreprocessOptions valPrep = PreprocessOptions::forTesting(task, c.cropFromLabel);
  valPrep.minSize = c.minWindow();
  auto cacheFolder = cacheDir(c, r.dataDir, prep, task), valCacheFolder = cacheDir(c, r.dataDir, valPrep, task);
  if (!cacheFolder) return cacheFolder.error();
  if (!valCacheFolder) return valCacheFolder.error();
  const std::string cache = *cacheFolder, valCache = *valCacheFolder;
  auto progress = [&](int done, int total) { emit(json{{"event", "prepare"}, {"done", done}, {"total", total}}.dump()); };
  if (auto st = prepareDataset(*data, trainIds, prep, cache, 2, progress); !st) return st;
  if (auto st = prepareDataset(*data, valIds, valPrep, valCache, 2, progress); !st) return st;
  if (cancel && cancel->load()) {
    writeStatus(*run, {"stopped", 0, "stopped by the user during preprocessing"});
    return Status();
  }
  auto trainCases = mapCases(cache, trainIds);
  if (!trainCases) return trainCases.error();
  auto valCases = mapCases(valCache, valIds);
  if (!valCases) return valCases.error();

  auto borrowed = borrowModels(c, *device, BorrowPurpose::Training);
  if (!borrowed) return borrowed.error();
  torch::manual_seed(c.seed);
  auto model = makeStageModel(c, sources, *device, *borrowed);
  TrainerState start;
  if (r.resume && fs::exists(run->lastCheckpoint())) {
    auto s = loadCheckpoint(run->lastCheckpoint(), *model, true);
    if (!s) return s.error();
    start = *s;
  }
  // The steps a killed trainer ran after its checkpoint are redone: their events go.
  if (r.resume) {
    if (auto st = rewindEvents(*run, start.iteration); !st) return st;
    emit(json{{"event", "resume"}, {"step", start.iteration}}.dump());
  }
  SamplerOptions so;
  so.patch = c.patch;
  so.tumorShare = c.tumorShare;
  so.flips = c.flips;
  so.workers = c.loaderWorkers;
  so.seed = c.seed;
  so.firstPatch = uint64_t(start.iteration) * uint64_t(c.batch);
  PatchSampler sampler(*trainCases, so);

  TrainingContext ctx{c, *run, model.get(), &sampler, *valCases, sources, *device, emit, logFailure, cancel};
  const RunStatus running{"running", long(start.iteration), "training " + toString(c.stage) + " on " + device->str()};
  if (auto st = writeStatus(*run, running); !st) return st;
  // The best-checkpoint criterion, recorded in the event log for the dashboard.
  const std::string select = selectMetricKey(resolveSelect(c, !c.spRun.empty()));
  emit(json{{"event", "status"}, {"state", running.state}, {"step", running.step}, {"message", running.message},
            {"parameters", model->parameterCounts()}, {"select", select}, {"crop_from_label", c.cropFromLabel}}.dump());
  const RunStatus end = runTraining(ctx, start);
  if (auto st = writeStatus(*run, end); !st)
    return makeError(r.runDir, end.message + (end.message.empty() ? "" : "; ") + "status not saved: " + st.error().describe());
  emit(json{{"event", "status"}, {"state", end.state}, {"step", end.step}, {"message", end.message}}.dump());
  if (end.state == "failed") return makeError(r.runDir, end.message);
  return Status();
}

}  // namespace

Status train(const TrainRequest& r, const std::function<void(const std::string&)>& onEvent, const std::atomic<bool>* cancel) {
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
