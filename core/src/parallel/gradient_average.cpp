#include "parallel/gradient_average.h"

#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/utils/lambda_post_hook.h>
#include <torch/csrc/autograd/variable.h>

#include <chrono>
#include <mutex>
#include <unordered_set>

namespace tiss {

namespace {

using torch::autograd::Node;
using torch::autograd::variable_list;

// Every node backward of `loss` will run (the gradient accumulators of the leaves included).
std::unordered_set<const Node*> nodesReachedFrom(const torch::Tensor& loss) {
  std::unordered_set<const Node*> seen;
  std::vector<Node*> stack;
  if (const auto& fn = loss.grad_fn()) stack.push_back(fn.get());
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    if (!seen.insert(n).second) continue;
    for (const auto& edge : n->next_edges())
      if (edge.function) stack.push_back(edge.function.get());
  }
  return seen;
}

struct Bucket {
  std::vector<size_t> params;  // indices into GradientAverage::params_
  int64_t numel = 0;
  int pending = 0;             // gradients not yet accumulated in this step
  torch::Tensor flat;
  PendingSum sum;
};

class GradientAverage final : public GradientSync {
 public:
  GradientAverage(Communicator& comm, bool overlap, int64_t bucketBytes) : comm_(comm), overlap_(overlap), bucketBytes_(bucketBytes) {}
  ~GradientAverage() override {
    for (size_t i = 0; i < accumulators_.size(); ++i)
      if (accumulators_[i]) accumulators_[i]->del_post_hook(hookKeys_[i]);
  }

  void beforeLastBackward(const std::vector<torch::Tensor>& params, const torch::Tensor& loss) override {
    if (!overlap_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (buckets_.empty()) layOut(params);
    attachHooks();
    for (auto& b : buckets_) b.pending = int(b.params.size());
    ready_.assign(params_.size(), false);
    next_ = 0;
    armed_ = true;
    const auto reached = nodesReachedFrom(loss);
    for (size_t i = 0; i < params_.size(); ++i)
      if (!accumulators_[i] || !reached.count(accumulators_[i].get())) markReady(i);
    launchReady();
  }

  int started() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return int(next_);
  }
  int buckets() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return int(buckets_.size());
  }

  void finish(const std::vector<torch::Tensor>& params) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (buckets_.empty()) layOut(params);
    const auto t0 = std::chrono::steady_clock::now();
    if (!overlap_ || !armed_) next_ = 0;
    armed_ = false;
    while (next_ < buckets_.size()) launch(next_++);
    int64_t bytes = 0;
    torch::NoGradGuard noGrad;
    for (auto& b : buckets_) {
      b.sum.wait();
      b.flat.div_(double(comm_.world().size));
      int64_t at = 0;
      for (size_t i : b.params) {
        torch::Tensor g = params_[i].grad();
        const int64_t n = params_[i].numel();
        if (g.defined()) g.copy_(b.flat.narrow(0, at, n).view_as(g));
        at += n;
      }
      bytes += int64_t(b.flat.nbytes());
      b.flat = torch::Tensor();
    }
    next_ = 0;
    comm_.countReduce(bytes, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }

 private:
  // Buckets in reverse parameter order, split where the size, type or device would not fit.
  void layOut(const std::vector<torch::Tensor>& params) {
    params_ = params;
    bucketOf_.assign(params_.size(), 0);
    int64_t bytes = 0;
    for (size_t k = params_.size(); k-- > 0;) {
      const auto& p = params_[k];
      const bool fresh = buckets_.empty() || bytes + int64_t(p.nbytes()) > bucketBytes_ ||
                         p.scalar_type() != params_[buckets_.back().params.front()].scalar_type() ||
                         p.device() != params_[buckets_.back().params.front()].device();
      if (fresh) buckets_.emplace_back(), bytes = 0;
      buckets_.back().params.push_back(k);
      buckets_.back().numel += p.numel();
      bytes += int64_t(p.nbytes());
      bucketOf_[k] = buckets_.size() - 1;
    }
  }

  // The accumulators are held here: autograd keeps only a weak reference, and a new one would
  // lose the hook. Parameters frozen now get theirs at a later step.
  void attachHooks() {
    accumulators_.resize(params_.size());
    hookKeys_.resize(params_.size());
    for (size_t i = 0; i < params_.size(); ++i) {
      if (accumulators_[i] || !params_[i].requires_grad()) continue;
      accumulators_[i] = torch::autograd::impl::grad_accumulator(params_[i]);
      if (!accumulators_[i]) continue;
      hookKeys_[i] = accumulators_[i]->add_post_hook(std::make_unique<torch::autograd::utils::LambdaPostHook>(
          [this, i](const variable_list& outputs, const variable_list&) {
            accumulated(i);
            return outputs;
          }));
    }
  }

  void accumulated(size_t i) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!armed_ || ready_[i]) return;
    markReady(i);
    launchReady();
  }

  void markReady(size_t i) {
    ready_[i] = true;
    --buckets_[bucketOf_[i]].pending;
  }

  // Strictly in bucket order, so every rank issues the same all-reduces in the same order.
  void launchReady() {
    while (next_ < buckets_.size() && buckets_[next_].pending == 0) launch(next_++);
  }

  void launch(size_t index) {
    torch::NoGradGuard noGrad;
    Bucket& b = buckets_[index];
    const auto& first = params_[b.params.front()];
    b.flat = torch::empty({b.numel}, first.options().requires_grad(false));
    int64_t at = 0;
    for (size_t i : b.params) {
      const torch::Tensor g = params_[i].grad();
      const int64_t n = params_[i].numel();
      auto slot = b.flat.narrow(0, at, n);
      if (g.defined()) slot.copy_(g.reshape({-1}));
      else slot.zero_();  // the same layout on every rank; not copied back
      at += n;
    }
    b.sum = comm_.startSum(b.flat);
  }

  Communicator& comm_;
  const bool overlap_;
  const int64_t bucketBytes_;
  mutable std::mutex mutex_;
  std::vector<torch::Tensor> params_;
  std::vector<size_t> bucketOf_;
  std::vector<Bucket> buckets_;
  std::vector<std::shared_ptr<Node>> accumulators_;
  std::vector<uintptr_t> hookKeys_;
  std::vector<bool> ready_;
  size_t next_ = 0;
  bool armed_ = false;
};

}  // namespace

std::unique_ptr<GradientSync> makeGradientAverage(Communicator& comm, bool overlap, int64_t bucketBytes) {
  return std::make_unique<GradientAverage>(comm, overlap, bucketBytes);
}

int bucketsStarted(const GradientSync& sync) { return dynamic_cast<const GradientAverage&>(sync).started(); }

int bucketCount(const GradientSync& sync) { return dynamic_cast<const GradientAverage&>(sync).buckets(); }

}  // namespace tiss
