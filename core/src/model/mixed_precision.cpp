#include "model/mixed_precision.h"

#include "model/torch_compat.h"

namespace tiss {

AutocastScope::AutocastScope(bool enabled) : enabled_(enabled) {
  if (!enabled_) return;
  previous_ = compat::cudaAutocastEnabled();
  compat::setCudaAutocast(true);
}

AutocastScope::~AutocastScope() {
  if (!enabled_) return;
  compat::setCudaAutocast(previous_);
  // The cast-weight cache is only valid inside one autocast region.
  if (!previous_) at::autocast::clear_cache();
}

LossScaler::LossScaler(bool enabled, double initialScale, int growthInterval)
    : enabled_(enabled), scale_(enabled ? initialScale : 1.0), growthInterval_(growthInterval) {}

bool LossScaler::step(torch::optim::Optimizer& optimizer, const torch::Tensor& loss) {
  begin(optimizer);
  backward(loss, true);
  return finish(optimizer);
}

void LossScaler::begin(torch::optim::Optimizer& optimizer) {
  optimizer.zero_grad();
  params_.clear();
  for (auto& group : optimizer.param_groups())
    for (auto& p : group.params()) params_.push_back(p);
}

void LossScaler::backward(const torch::Tensor& loss, bool lastPart) {
  const torch::Tensor scaled = enabled_ ? loss.to(torch::kFloat) * scale_ : loss;
  if (lastPart && sync_) sync_->beforeLastBackward(params_, scaled);
  scaled.backward();
}

bool LossScaler::finish(torch::optim::Optimizer& optimizer) {
  if (sync_) sync_->finish(params_);
  if (!enabled_) {
    optimizer.step();
    return true;
  }
  if (!unscaleAndCheck(optimizer)) {
    scale_ /= 2;
    goodSteps_ = 0;
    optimizer.zero_grad();
    return false;
  }
  optimizer.step();
  if (++goodSteps_ >= growthInterval_) {
    scale_ *= 2;
    goodSteps_ = 0;
  }
  return true;
}

bool LossScaler::unscaleAndCheck(torch::optim::Optimizer& optimizer) const {
  torch::NoGradGuard noGrad;
  // One flag on the device, read once: a host sync per parameter would stall CUDA.
  torch::Tensor finite;
  for (auto& group : optimizer.param_groups())
    for (auto& p : group.params()) {
      if (!p.grad().defined()) continue;
      p.mutable_grad().div_(scale_);
      const auto ok = torch::isfinite(p.grad()).all();
      finite = finite.defined() ? finite.logical_and(ok) : ok;
    }
  return !finite.defined() || finite.item<bool>();
}

void LossScaler::save(torch::serialize::OutputArchive& archive) const {
  archive.write("amp_scale", torch::tensor(scale_, torch::kDouble));
  archive.write("amp_good_steps", torch::tensor(int64_t(goodSteps_)));
}

void LossScaler::load(torch::serialize::InputArchive& archive) {
  torch::Tensor scale, good;
  if (archive.try_read("amp_scale", scale)) scale_ = scale.item<double>();
  if (archive.try_read("amp_good_steps", good)) goodSteps_ = int(good.item<int64_t>());
}

}  // namespace tiss
