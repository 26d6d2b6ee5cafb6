#include "parallel/distributed.h"

#include <torch/csrc/distributed/c10d/FileStore.hpp>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include "model/torch_compat.h"

namespace tiss {

struct Communicator::Group {
  c10::intrusive_ptr<c10d::Store> store;
  c10::intrusive_ptr<compat::CollectiveBackend> pg;
  torch::Device device{torch::kCPU};
};

namespace {

Result<c10::intrusive_ptr<c10d::Store>> rendezvous(const World& w, std::chrono::milliseconds timeout) {
  try {
    if (!w.storeFile.empty()) return c10::intrusive_ptr<c10d::Store>(c10::make_intrusive<c10d::FileStore>(w.storeFile, w.size));
    c10d::TCPStoreOptions o;
    o.port = uint16_t(w.masterPort);
    o.isServer = w.rank == 0;
    o.numWorkers = w.size;
    o.waitWorkers = true;
    o.timeout = timeout;
    return c10::intrusive_ptr<c10d::Store>(c10::make_intrusive<c10d::TCPStore>(w.masterAddr, o));
  } catch (const std::exception& e) {
    const std::string where = w.storeFile.empty() ? w.masterAddr + ":" + std::to_string(w.masterPort) : w.storeFile;
    return makeError(where, std::string("the ranks could not meet: ") + e.what());
  }
}

}  // namespace

Result<std::unique_ptr<Communicator>> Communicator::connect(const World& w, torch::Device device, std::chrono::milliseconds timeout) {
  auto store = rendezvous(w, timeout);
  if (!store) return store.error();
  auto group = std::make_unique<Group>();
  group->store = *store;
  group->device = device;
  std::string backend = "gloo";
  try {
#ifdef USE_C10D_NCCL
    if (device.is_cuda()) {
      auto o = c10d::ProcessGroupNCCL::Options::create();
      o->timeout = timeout;
      group->pg = c10::make_intrusive<c10d::ProcessGroupNCCL>(*store, w.rank, w.size, o);
      backend = "nccl";
    }
#endif
    if (!group->pg) {
      auto o = c10d::ProcessGroupGloo::Options::create();
      o->timeout = timeout;
      o->devices.push_back(w.storeFile.empty() ? c10d::ProcessGroupGloo::createDefaultDevice()
                                               : c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
      group->pg = c10::make_intrusive<c10d::ProcessGroupGloo>(*store, w.rank, w.size, o);
    }
  } catch (const std::exception& e) {
    return makeError("rank " + std::to_string(w.rank), std::string("cannot join the process group: ") + e.what());
  }
  return std::unique_ptr<Communicator>(new Communicator(w, backend, std::move(group)));
}

Communicator::Communicator(World world, std::string backend, std::unique_ptr<Group> group)
    : world_(std::move(world)), backend_(std::move(backend)), group_(std::move(group)) {}

Communicator::~Communicator() = default;

namespace {

// Runs `op` on the tensors flattened into buckets (Gloo is faster on few large messages).
template <class Op>
void bucketed(const std::vector<torch::Tensor>& tensors, int64_t bucketBytes, Op op) {
  std::vector<torch::Tensor> bucket;
  int64_t bytes = 0;
  auto flush = [&] {
    if (bucket.empty()) return;
    std::vector<torch::Tensor> flat{torch::cat([&] {
      std::vector<torch::Tensor> views;
      for (const auto& t : bucket) views.push_back(t.reshape({-1}));
      return views;
    }())};
    op(flat);
    int64_t at = 0;
    for (auto& t : bucket) {
      t.copy_(flat[0].narrow(0, at, t.numel()).view_as(t));
      at += t.numel();
    }
    bucket.clear();
    bytes = 0;
  };
  for (const auto& t : tensors) {
    if (!t.defined()) continue;
    if (!bucket.empty() && (t.scalar_type() != bucket.front().scalar_type() || bytes + int64_t(t.nbytes()) > bucketBytes)) flush();
    bucket.push_back(t);
    bytes += int64_t(t.nbytes());
  }
  flush();
}

}  // namespace

void Communicator::broadcast(const std::vector<torch::Tensor>& tensors, int root) {
  torch::NoGradGuard noGrad;
  bucketed(tensors, 25 << 20, [&](std::vector<torch::Tensor>& flat) {
    c10d::BroadcastOptions o;
    o.rootRank = root;
    group_->pg->broadcast(flat, o)->wait();
  });
}

void Communicator::average(const std::vector<torch::Tensor>& tensors, int64_t bucketBytes) {
  torch::NoGradGuard noGrad;
  const auto t0 = std::chrono::steady_clock::now();
  bucketed(tensors, bucketBytes, [&](std::vector<torch::Tensor>& flat) {
    reducedBytes_ += int64_t(flat[0].nbytes());
    group_->pg->allreduce(flat)->wait();
    flat[0].div_(double(world_.size));
  });
  reduceSeconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void PendingSum::wait() {
  if (work_) work_->wait();
  work_.reset();
}

PendingSum Communicator::startSum(torch::Tensor flat) {
  std::vector<torch::Tensor> t{std::move(flat)};
  return PendingSum(group_->pg->allreduce(t));
}

void Communicator::countReduce(int64_t bytes, double seconds) {
  reducedBytes_ += bytes;
  reduceSeconds_ += seconds;
}

bool Communicator::any(bool flag) {
  std::vector<torch::Tensor> t{torch::full({1}, flag ? 1.0f : 0.0f, torch::TensorOptions().device(group_->device))};
  c10d::AllreduceOptions o;
  o.reduceOp = c10d::ReduceOp::MAX;
  group_->pg->allreduce(t, o)->wait();
  return t[0].item<float>() > 0;
}

std::vector<double> Communicator::gather(double value) {
  auto all = torch::zeros({world_.size}, torch::TensorOptions().dtype(torch::kDouble).device(group_->device));
  all[world_.rank] = value;
  std::vector<torch::Tensor> t{all};
  group_->pg->allreduce(t)->wait();  // zeros elsewhere: the sum is the gather
  const auto cpu = t[0].cpu();
  return std::vector<double>(cpu.data_ptr<double>(), cpu.data_ptr<double>() + world_.size);
}

void Communicator::barrier() { group_->pg->barrier()->wait(); }

double Communicator::takeReduceSeconds() {
  const double s = reduceSeconds_;
  reduceSeconds_ = 0;
  return s;
}

int64_t Communicator::takeReducedBytes() {
  const int64_t b = reducedBytes_;
  reducedBytes_ = 0;
  return b;
}

}  // namespace tiss
