#include "training/trainer.h"

#include <new>

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "parallel/gradient_average.h"
#include "training/tensors.h"
#include "tiss/metrics/metrics.h"
#include "tiss/io/preview.h"

using nlohmann::json;

namespace tiss {
namespace {

using Clock = std::chrono::steady_clock;

bool plateauStage(Stage s) { return s != Stage::TissNet && s != Stage::Synthesis; }

// The learning rate: the paper's constant-then-linear-decay for TISS-Net (by epoch, with
// epochs counted in iterations), halving on a validation plateau for the U-Net stages.
class ScheduleHook : public TrainHook {
 public:
  explicit ScheduleHook(TrainingContext& c) : c_(c) {}
  void beforeStep(LoopState& s) override {
    const OptimConfig& o = c_.config.optim;
    if (plateauStage(c_.config.stage)) {
      s.lr = o.lr * s.trainer.lrScale;
    } else {
      const int64_t epoch = s.trainer.iteration / o.iterationsPerEpoch;
      const double decay = double(std::max<int64_t>(0, epoch + 1 - o.epochsConstant)) / double(o.epochsDecay + 1);
      s.lr = o.lr * std::max(0.0, 1.0 - decay);
    }
    c_.model->setLearningRate(s.lr);
  }

 private:
  TrainingContext& c_;
};

// Stops the run before a non-finite loss can reach a checkpoint.
class FiniteGuardHook : public TrainHook {
 public:
  Status afterStep(LoopState& s) override {
    for (const auto& [name, value] : s.losses)
      if (!std::isfinite(value)) {
        s.stop = true;
        s.stopState = "failed";
        s.stopMessage = "non-finite loss '" + name + "' at step " + std::to_string(s.trainer.iteration) +
                        "; the last good checkpoint is kept";
        s.trainer.iteration -= 1;  // the step did not count
        return Status();
      }
    return Status();
  }
};

class StepEventHook : public TrainHook {
 public:
  explicit StepEventHook(TrainingContext& c) : c_(c) {}
  Status afterStep(LoopState& s) override {
    if (s.stop) return Status();
    const double eta = s.secondsPerStep * double(s.total - s.trainer.iteration);
    json event{{"event", "step"}, {"step", s.trainer.iteration}, {"total", s.total},
               {"epoch", (s.trainer.iteration - 1) / c_.config.optim.iterationsPerEpoch}, {"lr", s.lr},
               {"losses", s.losses}, {"it_per_s", s.secondsPerStep > 0 ? 1 / s.secondsPerStep : 0.0},
               {"eta_s", eta}};
    if (!s.rankSecondsPerStep.empty()) {
      // Each rank's speed: the run goes at the slowest one's.
      json perRank = json::array();
      for (double sec : s.rankSecondsPerStep) perRank.push_back(sec > 0 ? 1 / sec : 0.0);
      event["rank_it_per_s"] = perRank;
      event["allreduce_mb"] = s.reducedMb;
      event["allreduce_ms"] = s.reduceMs;
    }
    c_.emit(event.dump());
    // A log that cannot be written (full disk) ends the run: nothing it does would be recorded.
    if (c_.logFailure && !c_.logFailure->empty()) return makeError("", "disk full (" + *c_.logFailure + ")");
    return Status();
  }

 private:
  TrainingContext& c_;
};

class CheckpointHook : public TrainHook {
 public:
  explicit CheckpointHook(TrainingContext& c) : c_(c) {}
  Status afterStep(LoopState& s) override {
    const bool due = s.trainer.iteration % c_.config.checkpointEvery == 0 || s.trainer.iteration == s.total;
    if (!s.stop && due) return save(s);
    return Status();
  }
  void atEnd(LoopState& s) override {
    if (s.stop && s.stopState == "stopped")
      if (auto st = save(s); !st) s.stopMessage += "; " + st.error().describe();
  }

 private:
  // A checkpoint that cannot be written ends the run as failed; the previous one is intact.
  Status save(LoopState& s) {
    if (lastSaved_ == s.trainer.iteration) return Status();
    if (auto st = saveCheckpoint(c_.run.lastCheckpoint(), *c_.model, s.trainer); !st)
      return makeError(c_.run.lastCheckpoint(), "disk full? " + st.error().message);
    lastSaved_ = s.trainer.iteration;
    c_.emit(json{{"event", "checkpoint"}, {"step", s.trainer.iteration}, {"kind", "last"}}.dump());
    return Status();
  }
  TrainingContext& c_;
  int64_t lastSaved_ = -1;
};

class CancelHook : public TrainHook {
 public:
  explicit CancelHook(const std::atomic<bool>* cancel) : cancel_(cancel) {}
  Status afterStep(LoopState& s) override {
    if (cancel_ && cancel_->load() && !s.stop) {
      s.stop = true;
      s.stopState = "stopped";
      s.stopMessage = "stopped by the user at step " + std::to_string(s.trainer.iteration);
    }
    return Status();
  }

 private:
  const std::atomic<bool>* cancel_;
};

}  // namespace

std::string failureReason(const std::exception& e) {
  const std::string what = e.what();
  const bool oom = dynamic_cast<const std::bad_alloc*>(&e) || what.find("out of memory") != std::string::npos ||
                   what.find("can't allocate memory") != std::string::npos;
  return oom ? "out of memory" : what.substr(0, what.find('\n'));
}

namespace {

// Data-parallel bookkeeping after a step, on every rank (collectives): the losses averaged over
// the ranks (what one process with the whole batch logs), each rank's speed, and one stop for
// all when any rank stops (a user's Ctrl-C reaches the ranks at different steps).
void agree(TrainingContext& c, LoopState& s) {
  std::vector<torch::Tensor> values;
  for (const auto& [name, v] : s.losses) values.push_back(torch::tensor(v, torch::kDouble).to(c.device));
  c.comm->average(values);
  size_t i = 0;
  for (auto& [name, v] : s.losses) v = values[i++].item<double>();
  s.rankSecondsPerStep = c.comm->gather(s.secondsPerStep);
  s.reducedMb = double(c.comm->takeReducedBytes()) / 1e6;
  s.reduceMs = c.comm->takeReduceSeconds() * 1e3;
}

void agreeOnStop(TrainingContext& c, LoopState& s) {
  if (!c.comm->any(s.stop) || s.stop) return;
  s.stop = true;
  s.stopState = "stopped";
  s.stopMessage = "stopped at step " + std::to_string(s.trainer.iteration) + " (another rank was asked to stop)";
}

}  // namespace

RunStatus runTraining(TrainingContext& c, const TrainerState& start) {
  try {
    return trainLoop(c, start);
  } catch (const std::exception& e) {
    // A collective outside a step failed: a peer rank ended or stopped answering.
    return {"failed", 0, "failed: a peer rank ended or stopped answering: " + failureReason(e)};
  }
}

RunStatus trainLoop(TrainingContext& c, const TrainerState& start) {
  std::vector<std::unique_ptr<TrainHook>> hooks;
  hooks.push_back(std::make_unique<ScheduleHook>(c));
  hooks.push_back(std::make_unique<FiniteGuardHook>());
  if (c.writer) {
    hooks.push_back(std::make_unique<StepEventHook>(c));
    if (c.config.validateEvery > 0 && !c.validation.empty()) hooks.push_back(makeValidationHook(c));
    hooks.push_back(std::make_unique<CheckpointHook>(c));
  }
  hooks.push_back(std::make_unique<CancelHook>(c.cancel));
  if (c.comm) {
    c.model->setGradientSync([comm = c.comm, overlap = c.config.optim.overlapAllreduce] { return makeGradientAverage(*comm, overlap); });
    c.comm->broadcast(c.model->parameters());  // rank 0's weights, at the start and after a resume
  }

  LoopState s;
  s.trainer = start;
  s.total = c.config.totalIterations();
  while (s.trainer.iteration < s.total && !s.stop) {
    for (auto& h : hooks) h->beforeStep(s);
    const auto t0 = Clock::now();
    std::vector<Patch> patches;
    for (int i = 0; i < c.config.batch; ++i) patches.push_back(c.sampler->next());
    c.model->train(true);
    if (c.comm) c.comm->broadcast(c.model->buffers());  // rank 0's BatchNorm statistics, as DDP does
    try {
      const Batch batch = batchFromPatches(patches, c.sources, c.device);
      const int every = c.config.optim.gradientNormsEvery;
      if (every > 0 && (s.trainer.iteration + 1) % every == 0)
        // Before the step, on its batch: what each loss group sends into each decoder.
        c.emit(json{{"event", "gradients"}, {"step", s.trainer.iteration + 1}, {"norms", c.model->gradientNorms(batch)}}.dump());
      s.losses = c.model->trainStep(batch);
    } catch (const std::exception& e) {
      // Out of memory (CPU or CUDA) or a LibTorch error in a step: the run fails with the
      // reason and keeps its last checkpoint (nothing is saved after a failed step).
      return {"failed", long(s.trainer.iteration),
              "failed: " + failureReason(e) + " at step " + std::to_string(s.trainer.iteration + 1)};
    }
    s.trainer.iteration += 1;
    const double dt = std::chrono::duration<double>(Clock::now() - t0).count();
    s.secondsPerStep = s.secondsPerStep > 0 ? 0.9 * s.secondsPerStep + 0.1 * dt : dt;
    if (c.comm) agree(c, s);
    for (auto& h : hooks)
      if (auto st = h->afterStep(s); !st) {
        s.stop = true;
        s.stopState = "failed";
        s.stopMessage = "failed: " + st.error().describe();
      }
    if (c.comm) agreeOnStop(c, s);
  }
  for (auto& h : hooks) h->atEnd(s);
  if (!s.stop) return {"finished", long(s.trainer.iteration), "finished the schedule"};
  return {s.stopState, long(s.trainer.iteration), s.stopMessage};
}

}  // namespace tiss
