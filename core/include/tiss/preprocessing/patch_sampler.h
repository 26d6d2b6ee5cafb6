#pragma once
/// Training patches drawn from memory-mapped prepared cases on worker threads.
///
/// Patch number n depends only on (seed, n): its case, whether it is centred on the tumor
/// (probability `tumorShare`), its centre and its flips. Workers build patches ahead of the
/// consumer, at most `prefetch` of them, and next() hands them out in order, so the stream is
/// the same for any number of workers and memory stays bounded.
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "tiss/preprocessing/prepared_store.h"

namespace tiss {

struct SamplerOptions {
  Size3 patch{128, 128, 16};  ///< (x, y, z): the paper's 16x128x128 (DxHxW)
  double tumorShare = 0.5;    ///< share of patches centred on a tumor voxel
  bool flips = true;          ///< mirror each axis with probability 1/2
  int workers = 2;
  int prefetch = 8;
  uint64_t seed = 0;
  uint64_t firstPatch = 0;    ///< number of the first patch next() returns (resume)
  /// Data-parallel ranks: next() hands out blocks of `blockSize` consecutive patch numbers,
  /// each `blockStride` after the previous (rank r of N with batch b: firstPatch r*b, block b,
  /// stride N*b, so the ranks together draw what one process with batch N*b draws).
  /// 0: one contiguous stream.
  uint64_t blockSize = 0, blockStride = 0;
};

struct Patch {
  uint64_t number = 0;
  std::string caseId;
  Index3 corner{0, 0, 0};  ///< in the prepared case; may be negative where padded
  Size3 size{0, 0, 0};
  int channels = 0;
  std::vector<float> image;  ///< channels x z x y x, x fastest; -1 outside the volume
  std::vector<float> label;  ///< z x y x; 0 outside the volume
  std::array<bool, 3> flipped{false, false, false};
  bool tumorCentred = false;
};

/// Builds patch number `n` (used by the sampler; public so tests can check it directly).
Patch makePatch(const std::vector<std::shared_ptr<const MappedCase>>& cases, const SamplerOptions& o, uint64_t n);

class PatchSampler {
 public:
  /// `cases` must not be empty.
  PatchSampler(std::vector<std::shared_ptr<const MappedCase>> cases, SamplerOptions options);
  ~PatchSampler();
  PatchSampler(const PatchSampler&) = delete;
  PatchSampler& operator=(const PatchSampler&) = delete;

  /// The next patch in order; blocks until a worker has built it.
  Patch next();
  /// Patches built but not yet taken (never more than options.prefetch + workers).
  size_t buffered() const;

 private:
  void work();
  uint64_t numberOf(uint64_t taken) const;  // the patch number of the `taken`-th patch handed out

  std::vector<std::shared_ptr<const MappedCase>> cases_;
  SamplerOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<uint64_t, Patch> ready_;  // by the order next() hands them out
  uint64_t nextToBuild_, nextToTake_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace tiss
