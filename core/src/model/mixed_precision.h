#pragma once
// Mixed-precision training for CUDA: autocast around the forward pass and a dynamic loss scaler
// (LibTorch 1.13's C++ API has autocast but no GradScaler). On CPU both are off, so CPU runs are
// bit-for-bit the plain float32 path.
#include <torch/torch.h>

#include <functional>
#include <memory>
#include <vector>

namespace tiss {

// The seam between an optimizer step and a data-parallel run's gradient averaging: the model
// layer calls it, parallel/ implements it over c10d (model/ never sees a process group).

/// Averages the gradients of one optimizer's parameters over the ranks of a data-parallel run.
/// One instance per optimizer; every rank passes the same parameters in the same order.
class GradientSync {
 public:
  virtual ~GradientSync() = default;
  /// Called just before the backward pass of a step's last micro-batch, with that pass's loss:
  /// an implementation may start averaging a parameter's gradient as soon as backward has
  /// finished accumulating it (the earlier micro-batches' gradients are already in .grad).
  virtual void beforeLastBackward(const std::vector<torch::Tensor>& params, const torch::Tensor& loss) = 0;
  /// After the last backward, before the optimizer step: when it returns every defined
  /// gradient holds the mean over the ranks. Undefined gradients stay undefined.
  virtual void finish(const std::vector<torch::Tensor>& params) = 0;
};

/// Makes one GradientSync per optimizer of a model; empty: one process, no averaging.
using GradientSyncFactory = std::function<std::unique_ptr<GradientSync>()>;

/// Turns CUDA autocast on for its lifetime when `enabled`; restores the previous state after.
class AutocastScope {
 public:
  explicit AutocastScope(bool enabled);
  ~AutocastScope();
  AutocastScope(const AutocastScope&) = delete;
  AutocastScope& operator=(const AutocastScope&) = delete;

 private:
  bool enabled_, previous_ = false;
};

/// Dynamic loss scaling as torch.cuda.amp.GradScaler: the loss is multiplied by `scale` before
/// backward so small float16 gradients do not flush to zero; gradients are divided back before
/// the optimizer step; a step whose gradients are not finite is skipped and the scale halved;
/// after `growthInterval` good steps in a row the scale doubles. Disabled, it is a plain
/// backward + step.
class LossScaler {
 public:
  explicit LossScaler(bool enabled, double initialScale = 65536.0, int growthInterval = 2000);

  /// zero_grad, backward of `loss` (scaled), unscale, and the optimizer step unless skipped.
  /// Returns false when the step was skipped for non-finite gradients.
  bool step(torch::optim::Optimizer& optimizer, const torch::Tensor& loss);
  /// The same in parts, for gradients accumulated over micro-batches: begin (zero_grad), one
  /// backward per part (gradients add up; `lastPart` on the step's last one, where a
  /// data-parallel run starts averaging), finish (sync, unscale, check, step).
  void begin(torch::optim::Optimizer& optimizer);
  void backward(const torch::Tensor& loss, bool lastPart);
  bool finish(torch::optim::Optimizer& optimizer);
  /// Averages gradients over the ranks before each step (before the finiteness check, so
  /// every rank skips the same steps).
  void setSync(std::unique_ptr<GradientSync> sync) { sync_ = std::move(sync); }

  bool enabled() const { return enabled_; }
  double scale() const { return scale_; }
  /// State for checkpoints: the scale and the count of good steps since the last change.
  void save(torch::serialize::OutputArchive& archive) const;
  void load(torch::serialize::InputArchive& archive);

 private:
  bool unscaleAndCheck(torch::optim::Optimizer& optimizer) const;

  std::unique_ptr<GradientSync> sync_;
  std::vector<torch::Tensor> params_;  // the optimizer's, from begin()
  bool enabled_;
  double scale_;
  int growthInterval_, goodSteps_ = 0;
};

}  // namespace tiss
