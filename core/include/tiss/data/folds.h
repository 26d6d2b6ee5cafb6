#pragma once
/// K-fold cross-validation over a data set's labelled cases, stored with the data set as
/// nnU-Net stores it (`splits_final.json`: a list of {"train": [...], "val": [...]}), so a user
/// moving between the two tools keeps the same folds. A fixed test set (split.json's "test"
/// part) is held out of every fold; held-out cases (imagesTs/) are never in a fold. A run names
/// its fold with `data.fold`; its split is then that fold's train and val, and the test set.
#include <cstdint>
#include <string>
#include <vector>

#include "tiss/data/dataset.h"

namespace tiss {

inline constexpr const char* kFoldsFile = "splits_final.json";

struct Fold {
  std::vector<std::string> train, val;  ///< sorted
};

/// K folds over `ids`: sorted, shuffled with `seed` (the project's generator), dealt round robin
/// into K validation parts whose sizes differ by at most one; each fold trains on the others.
/// K must be 2..ids.size() (else empty).
std::vector<Fold> drawFolds(std::vector<std::string> ids, int k, uint64_t seed);

/// Reads nnU-Net's format; each id must obey the case-id rule, a fold's train and val must be
/// disjoint, and the val parts of all folds must be disjoint. Errors name the file and the case.
Result<std::vector<Fold>> readFolds(const std::string& file);
Status writeFolds(const std::vector<Fold>& folds, const std::string& file);

/// The cases folds are drawn over: labelled (not held out) and not in split.json's test part.
std::vector<std::string> foldableIds(const Dataset& dataset);

/// The split of a run of fold `fold` of `dataset` (its splits_final.json): train and val of the
/// fold, test = split.json's test part. An error names the file when it is missing, the fold
/// when out of range, and a case that is also in the test part or not in the data set.
Result<Split> foldSplit(const Dataset& dataset, int fold);

/// Replaces dataset.split by foldSplit(dataset, fold); fold < 0 leaves it as it is.
Status useFold(Dataset& dataset, int fold);

}  // namespace tiss
