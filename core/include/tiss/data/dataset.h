#pragma once
/// Data sets: a folder of cases. BraTS 2020/2021 (CASE/CASE_t1.nii.gz, _t1ce, _t2, _flair,
/// _seg), BraTS 2023-2025 (CASE/CASE-t1n.nii.gz, -t1c, -t2w, -t2f, -seg), MSD tasks (dataset.json
/// "modality", 4D imagesTr/CASE.nii.gz, labelsTr/, imagesTs/) and nnU-Net v2 raw datasets
/// (dataset.json, imagesTr/CASE_0000.nii.gz, labelsTr/CASE.nii.gz, imagesTs/) are detected as
/// they are; any other layout is described by a manifest.json in the folder (modality key ->
/// file pattern with {case}), which also overrides a detected layout.
/// The train/val/test split lives beside it in split.json so every run uses the same one.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tiss/util/result.h"

namespace tiss {

inline constexpr const char* kManifestFile = "manifest.json";
inline constexpr const char* kSplitFile = "split.json";

/// Which modalities are source and target, and how the label file becomes the tumor mask
/// (tumor = label > 0; `labelValues` lists the values a valid label file may hold).
struct Task {
  std::string name;  ///< "glioma", "vs" or a custom name
  std::vector<std::string> sources;
  std::string target;
  std::string label = "seg";
  std::vector<int> labelValues;
};

Task gliomaTask();  ///< t1, t1ce, t2 -> flair; labels {0, 1, 2, 4}
Task vsTask();      ///< T2 -> ceT1; labels {0, 1}

struct Manifest {
  std::string layout = "manifest";  ///< detected: "brats", "brats2023", "msd", "nnunet"; else "manifest"
  std::map<std::string, std::string> patterns;  ///< key -> "{case}/{case}_t1.nii.gz"
  std::map<std::string, std::string> names;     ///< key -> the layout's own name (t1 -> t1n), when it differs
  /// Layout "files" (a case opened without a data set, tiss/data/loose_case.h): the case ids it
  /// lists; its patterns are absolute files and may leave out the task's target and label.
  std::vector<std::string> cases;
  Task task;

  /// Every key the task needs (sources, target, label) that has no pattern.
  std::vector<std::string> missingKeys() const;
  /// Path of `key` for case `caseId`, relative to the data set folder (`{case}` expanded in
  /// one pass).
  std::string relativePath(const std::string& key, const std::string& caseId) const;
};

/// The task with `key` as its target and the other modalities (sources and old target, in
/// that order) as sources: a run's `data.target`. `key` is a task key (flair) or the layout's
/// own name for it (t2f); "" keeps the task. An error names the key and the choices.
Result<Task> retarget(const Manifest& manifest, const std::string& key);

/// One line for people: the layout, the task and how its keys map to the layout's files, e.g.
/// "layout brats2023, task glioma: sources t1 = t1n, t1ce = t1c, t2 = t2w; target flair = t2f;
/// label seg (values 0 1 2 3)".
std::string describeLayout(const Manifest& manifest);

Manifest bratsManifest(const std::string& extension = ".nii.gz");
Manifest vsManifest();
Result<Manifest> readManifest(const std::string& file);
Status writeManifest(const Manifest& manifest, const std::string& file);

/// Proposes a manifest for a folder-per-case layout from the files of its first case, for
/// the user to edit: keys are the file names without case id and extension.
Result<Manifest> guessManifest(const std::string& dir);

enum class SplitPart { Train, Val, Test, Unassigned };
std::string toString(SplitPart part);

struct Split {
  uint64_t seed = 0;
  std::map<std::string, SplitPart> assignment;  ///< case id -> part
  SplitPart partOf(const std::string& id) const;
  std::vector<std::string> ids(SplitPart part) const;  ///< sorted
};

/// Shuffles the sorted ids with `seed` and cuts them by `fractions` (train, val, test;
/// counts rounded, the test part takes the rest): 369 BraTS cases give 258 / 37 / 74.
Split drawSplit(std::vector<std::string> ids, uint64_t seed,
                const std::array<double, 3>& fractions = {0.7, 0.1, 0.2});
Result<Split> readSplit(const std::string& file);
Status writeSplit(const Split& split, const std::string& file);

struct CaseFiles {
  std::string id;
  /// manifest key -> full path (may not exist); "FILE#N" names channel N of a 4D image (MSD)
  std::map<std::string, std::string> paths;
  /// From imagesTs/ (nnU-Net, MSD): images only, by design without a label; never in the split.
  bool heldOut = false;
  /// manifest key -> path relative to the data set folder as the layout names it ("CASE/CASE_t1.nii.gz",
  /// "imagesTs/CASE_0000.nii.gz"; MSD's "#N" kept): what a command copying the case writes under
  /// its output folder. Empty for a loose case (its files are absolute).
  std::map<std::string, std::string> relative = {};
};

struct Dataset {
  std::string root;
  Manifest manifest;
  std::vector<CaseFiles> cases;  ///< sorted by id
  Split split;                   ///< from split.json, or drawn with seed 0 when absent
  bool splitSaved = false;
  /// Cases left out by the case-id rule (tiss/util/safe_path.h), each naming its file or folder
  /// and why: the data set opens without them, `tissnet check` lists them as problems.
  std::vector<Error> refused;

  const CaseFiles* find(const std::string& id) const;
};

/// The labelled cases (not held out): the only ones a split or a fold may hold.
std::vector<std::string> splittableIds(const Dataset& dataset);

/// Opens a data set folder: manifest.json when present, else the detected layout. Fails when
/// the folder is missing, holds no case, or has neither a manifest nor a known layout (the
/// message lists the layouts and says how to write a manifest). Case ids that break the
/// case-id rule (checkCaseId) are left out and listed in `refused`. Opening writes nothing.
Result<Dataset> openDataset(const std::string& dir);

}  // namespace tiss
