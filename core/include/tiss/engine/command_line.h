#pragma once
/// The `tissnet` command lines other programs start, built in one place from the engine's own
/// request types: the workbench's training launcher and "Run model…", the sweep queue and its
/// Slurm script. Arguments only (the program is the caller's); plain C++.
#include <string>
#include <vector>

#include "tiss/engine/engine.h"

namespace tiss {

/// `train --run R --data D --device X [--threads N] [--nproc N] (--resume | [--config F] [--preset P] [--set k=v]...)`.
std::vector<std::string> trainArguments(const TrainRequest& request);
/// `infer --run R --data D --out O --cases a,b [--device X] [--threads N] [--progress-lines]`; the
/// optional choices (output, window, checkpoint, overlap, crop) only when they differ from the run's.
std::vector<std::string> inferArguments(const InferRequest& request, bool progressLines);
/// `sweep-trial --out SWEEP --trial ID [--wait] --device X [--threads N]`.
std::vector<std::string> sweepTrialArguments(const std::string& sweepDir, const std::string& trial, const std::string& device,
                                             int threads, bool wait);

}  // namespace tiss
