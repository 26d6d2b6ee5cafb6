#pragma once
// Shared by the BraSyn commands (drop, complete, export, eval).
#include <string>
#include <vector>

#include "tiss/brasyn/brasyn.h"
#include "tiss/data/dataset.h"

namespace tiss {

/// The task's sources and target: the four sequences of a glioma task.
std::vector<std::string> brasynKeys(const Task& task);
/// An error naming the data set unless its task is the four glioma sequences.
Status requireFourSequences(const Dataset& dataset);
/// The layout's own name for `key` (t2f for flair in BraTS 2023), else `key`.
std::string ownName(const Manifest& manifest, const std::string& key);

}  // namespace tiss
