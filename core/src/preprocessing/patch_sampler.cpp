#include "tiss/preprocessing/patch_sampler.h"

#include <algorithm>

#include "tiss/util/random.h"

namespace tiss {
namespace {

// A voxel of the tumor, by rejection sampling in its bounding box; the box centre if unlucky.
Index3 tumorVoxel(const MappedCase& c, Rng& rng) {
  const Box& b = c.tumorBox();
  const Size3& n = c.size();
  for (int attempt = 0; attempt < 200; ++attempt) {
    Index3 p;
    for (int a = 0; a < 3; ++a) p[a] = rng.integer(b.begin[a], b.end(a) - 1);
    if (c.label()[size_t(p[0] + n[0] * (p[1] + n[1] * p[2]))] > 0.5f) return p;
  }
  return {b.begin[0] + b.size[0] / 2, b.begin[1] + b.size[1] / 2, b.begin[2] + b.size[2] / 2};
}

}  // namespace

Patch makePatch(const std::vector<std::shared_ptr<const MappedCase>>& cases, const SamplerOptions& o, uint64_t n) {
  Rng rng = Rng::stream(o.seed, n);
  const MappedCase& c = *cases[size_t(rng.integer(0, long(cases.size()) - 1))];
  Patch p;
  p.number = n;
  p.caseId = c.id();
  p.size = o.patch;
  p.channels = c.imageChannels();
  p.tumorCentred = rng.uniform() < o.tumorShare && c.tumorVoxels() > 0;
  Index3 centre;
  if (p.tumorCentred) centre = tumorVoxel(c, rng);
  const Size3& vs = c.size();
  for (int a = 0; a < 3; ++a) {
    if (!p.tumorCentred) centre[a] = rng.integer(0, vs[a] - 1);
    // Keep the patch inside the volume when it fits; centre it (padding both sides) otherwise.
    p.corner[a] = vs[a] >= o.patch[a] ? std::clamp(centre[a] - o.patch[a] / 2, 0L, vs[a] - o.patch[a])
                                      : -(o.patch[a] - vs[a]) / 2;
    const bool flip = rng.uniform() < 0.5;  // drawn always, so flips on or off keep the same patches
    p.flipped[a] = o.flips && flip;
  }
  const size_t pv = size_t(o.patch[0] * o.patch[1] * o.patch[2]);
  p.image.assign(pv * size_t(p.channels), -1.f);
  p.label.assign(pv, 0.f);
  for (long z = 0; z < o.patch[2]; ++z)
    for (long y = 0; y < o.patch[1]; ++y)
      for (long x = 0; x < o.patch[0]; ++x) {
        const long src[3] = {p.corner[0] + x, p.corner[1] + y, p.corner[2] + z};
        if (src[0] < 0 || src[1] < 0 || src[2] < 0 || src[0] >= vs[0] || src[1] >= vs[1] || src[2] >= vs[2]) continue;
        const long dx = p.flipped[0] ? o.patch[0] - 1 - x : x, dy = p.flipped[1] ? o.patch[1] - 1 - y : y,
                   dz = p.flipped[2] ? o.patch[2] - 1 - z : z;
        const size_t to = size_t(dx + o.patch[0] * (dy + o.patch[1] * dz));
        const size_t from = size_t(src[0] + vs[0] * (src[1] + vs[1] * src[2]));
        for (int ch = 0; ch < p.channels; ++ch) p.image[size_t(ch) * pv + to] = c.channel(ch)[from];
        p.label[to] = c.label()[from];
      }
  return p;
}

PatchSampler::PatchSampler(std::vector<std::shared_ptr<const MappedCase>> cases, SamplerOptions options)
    : cases_(std::move(cases)), options_(options), nextToBuild_(0), nextToTake_(0) {
  options_.prefetch = std::max(1, options_.prefetch);
  for (int i = 0; i < std::max(1, options_.workers); ++i) workers_.emplace_back([this] { work(); });
}

PatchSampler::~PatchSampler() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (auto& t : workers_) t.join();
}

uint64_t PatchSampler::numberOf(uint64_t k) const {
  const auto& o = options_;
  if (o.blockSize == 0) return o.firstPatch + k;
  return o.firstPatch + (k / o.blockSize) * o.blockStride + k % o.blockSize;
}

void PatchSampler::work() {
  for (;;) {
    uint64_t n;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || nextToBuild_ < nextToTake_ + uint64_t(options_.prefetch); });
      if (stopping_) return;
      n = nextToBuild_++;
    }
    Patch p = makePatch(cases_, options_, numberOf(n));
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ready_.emplace(n, std::move(p));
    }
    changed_.notify_all();
  }
}

Patch PatchSampler::next() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return ready_.count(nextToTake_) > 0; });
  auto node = ready_.extract(nextToTake_++);
  lock.unlock();
  changed_.notify_all();
  return std::move(node.mapped());
}

size_t PatchSampler::buffered() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ready_.size();
}

}  // namespace tiss
