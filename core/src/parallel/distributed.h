#pragma once
// Data-parallel training over PyTorch's distributed engine (c10d): a process group of every
// rank (Gloo on CPU; NCCL on CUDA where the LibTorch has it), the collectives the trainer
// needs, and the bytes they move. One process per rank, one device per process.
#include <torch/csrc/distributed/c10d/Work.hpp>
#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "tiss/parallel/world.h"
#include "tiss/util/result.h"

namespace tiss {

/// An all-reduce started by Communicator::startSum and not yet waited for.
class PendingSum {
 public:
  PendingSum() = default;
  /// Blocks until the sum is in the tensor; throws when a peer does not answer in time.
  void wait();

 private:
  friend class Communicator;
  explicit PendingSum(c10::intrusive_ptr<c10d::Work> work) : work_(std::move(work)) {}
  c10::intrusive_ptr<c10d::Work> work_;
};

class Communicator {
 public:
  /// Joins the world: every rank calls it; it returns once all `world.size` ranks have met at
  /// the rendezvous (or fails after `timeout`, naming it). Collectives that wait longer than
  /// `timeout` for a peer throw (a dead or hung rank ends every rank).
  static Result<std::unique_ptr<Communicator>> connect(const World& world, torch::Device device, std::chrono::milliseconds timeout);
  ~Communicator();

  const World& world() const { return world_; }
  std::string backend() const { return backend_; }

  /// Every rank's `tensors` replaced by `root`'s (parameters and buffers at the start).
  void broadcast(const std::vector<torch::Tensor>& tensors, int root = 0);
  /// The mean over ranks, in place: summed (Gloo has no average) in flattened buckets of at
  /// most `bucketBytes`, then divided by the world size. Undefined tensors are skipped (every
  /// rank must pass the same list).
  void average(const std::vector<torch::Tensor>& tensors, int64_t bucketBytes = 25 << 20);
  /// Starts summing `flat` (one contiguous tensor) over the ranks, in place, and returns at
  /// once. Every rank must start the same sums in the same order.
  PendingSum startSum(torch::Tensor flat);
  /// Adds to what takeReducedBytes and takeReduceSeconds report (sums started by startSum).
  void countReduce(int64_t bytes, double seconds);
  /// True on every rank when `flag` is true on any (a stop asked on one rank stops all).
  bool any(bool flag);
  /// Each rank's `value`, in rank order.
  std::vector<double> gather(double value);
  void barrier();
  /// Bytes this rank sent into all-reduces of gradients since the last call.
  int64_t takeReducedBytes();
  /// Seconds this rank spent in those all-reduces (waiting for peers included) since the last call.
  double takeReduceSeconds();

 private:
  struct Group;
  Communicator(World world, std::string backend, std::unique_ptr<Group> group);
  World world_;
  std::string backend_;
  std::unique_ptr<Group> group_;
  int64_t reducedBytes_ = 0;
  double reduceSeconds_ = 0;
};

}  // namespace tiss
