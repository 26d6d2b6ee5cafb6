#pragma once
// Gradient averaging for data-parallel training, as torch DDP's reducer does it but on
// autograd's public hooks (a post-hook on each parameter's gradient accumulator) rather than
// c10d's internal Reducer: gradients flattened into buckets, summed over the ranks, divided by
// their number; optionally while the backward pass still runs.
#include <cstdint>
#include <memory>

#include "model/mixed_precision.h"
#include "parallel/distributed.h"

namespace tiss {

/// A GradientSync over `comm`'s ranks (which must outlive it). Gradients go into buckets of at
/// most `bucketBytes` in reverse parameter order, the order backward produces them. With
/// `overlap`, a bucket's all-reduce starts as soon as backward of the step's last micro-batch
/// has accumulated all of its gradients (parameters the loss does not reach count as done at
/// once), buckets in the same order on every rank, and finish() waits for them; without, all
/// buckets are reduced in finish(). Either way the result is the same sum divided by the same
/// count. finish() adds its bytes and the seconds it waited to the communicator's counts.
std::unique_ptr<GradientSync> makeGradientAverage(Communicator& comm, bool overlap, int64_t bucketBytes = 25 << 20);

/// The buckets of the step under way whose all-reduce has started (0 before the first step):
/// during backward it shows how much is overlapped. `sync` must come from makeGradientAverage.
int bucketsStarted(const GradientSync& sync);
/// How many buckets the gradients fill (0 before the first step).
int bucketCount(const GradientSync& sync);

}  // namespace tiss
