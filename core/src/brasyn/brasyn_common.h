#pragma once
// Shared by the BraSyn commands (drop, complete, export, eval).
#include <cstdint>
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

/// Copies the case's files (but the keys in `skip`, and files that do not exist) to `out`
/// under the names the layout gives them (CaseFiles::relative), each path confined to `out`
/// (pathInside): a case folder linked from elsewhere is read through, never written through.
Status copyCaseFiles(const Dataset& dataset, const CaseFiles& c, const std::string& out, const std::vector<std::string>& skip);
/// Copies the files `names` of folder `from` that exist (manifest.json, dataset.json) to `out`.
Status copyRecordFiles(const std::string& from, const std::string& out, const std::vector<std::string>& names);
/// The random stream of a case in drop: the same for an id on every platform (stableHash).
uint64_t caseStream(const std::string& id);
/// An error naming `file` unless it is a finished record of its step ("status": "done", or a
/// record written before the status existed); `step` names the command that makes it.
Status requireFinished(const std::string& file, const std::string& step, bool required);

}  // namespace tiss
