#pragma once
// `tissnet train --nproc N`: N local ranks of this program, like torchrun's standalone mode.
#include <atomic>

#include "tiss/engine/engine.h"
#include "tiss/util/result.h"

namespace tiss {

/// Starts `request.nproc` copies of this program's command line (request.commandLine without
/// --nproc) as ranks 0..N-1 (RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE and a FileStore in
/// a private temporary folder, TISS_STORE_FILE), rank 0's output passed through. Waits for
/// them. When one rank fails the others are ended (SIGTERM, again after 2 s, SIGKILL after 30 s) and the
/// run's status says which rank and why; `cancel` (the user's Ctrl-C) is passed on as SIGTERM,
/// so every rank stops at the same step with a checkpoint.
Status launchRanks(const TrainRequest& request, const std::atomic<bool>* cancel);

}  // namespace tiss
