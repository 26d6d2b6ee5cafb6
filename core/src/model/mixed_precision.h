#pragma once
// Mixed-precision training for CUDA: autocast around the forward pass and a dynamic loss scaler
// (LibTorch 1.13's C++ API has autocast but no GradScaler). On CPU both are off, so CPU runs are
// bit-for-bit the plain float32 path.
#include <torch/torch.h>

#include <functional>
#include <vector>

namespace tiss {

/// Called between the backward pass and the optimizer step with the gradients of the
/// optimizer's parameters (undefined ones included, in a fixed order): a data-parallel run
/// averages them over its ranks here. Empty: one process.
using GradientSync = std::function<void(const std::vector<torch::Tensor>& gradients)>;

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
  /// backward per part (gradients add up), finish (sync, unscale, check, step).
  void begin(torch::optim::Optimizer& optimizer) { optimizer.zero_grad(); }
  void backward(const torch::Tensor& loss);
  bool finish(torch::optim::Optimizer& optimizer);
  /// Averages gradients over the ranks before each step (before the finiteness check, so
  /// every rank skips the same steps).
  void setSync(GradientSync sync) { sync_ = std::move(sync); }

  bool enabled() const { return enabled_; }
  double scale() const { return scale_; }
  /// State for checkpoints: the scale and the count of good steps since the last change.
  void save(torch::serialize::OutputArchive& archive) const;
  void load(torch::serialize::InputArchive& archive);

 private:
  bool unscaleAndCheck(torch::optim::Optimizer& optimizer) const;

  GradientSync sync_;
  bool enabled_;
  double scale_;
  int growthInterval_, goodSteps_ = 0;
};

}  // namespace tiss
