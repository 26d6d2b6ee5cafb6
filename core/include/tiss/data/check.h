#pragma once
/// Validation of a data set, case by case. Every problem is one sentence naming the file;
/// a bad case never stops the check of the others.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"

namespace tiss {

struct CaseReport {
  std::string id;
  std::vector<std::string> problems;
  std::map<std::string, VolumeHeader> headers;  ///< manifest key -> header of readable files
  double tumorVolumeMl = -1;                    ///< label voxels > 0 times voxel volume; -1 unknown
  bool ok() const { return problems.empty(); }
};

struct CheckOptions {
  bool headersOnly = false;  ///< geometry only: no voxel reads (fast scan of a large set)
  int threads = 2;
};

/// Checks one case: missing, empty, truncated or corrupt files, non-3D images, NaN/Inf voxels,
/// geometry (shape, spacing, origin, direction) differing between files, label values outside
/// the task's list, and an empty tumor mask.
CaseReport checkCase(const Dataset& dataset, const CaseFiles& c, const CheckOptions& options = {});

/// Checks every case on `options.threads` threads; reports come back in case order.
std::vector<CaseReport> checkDataset(const Dataset& dataset, const CheckOptions& options = {},
                                     const std::function<void(int, int)>& progress = {});

}  // namespace tiss
