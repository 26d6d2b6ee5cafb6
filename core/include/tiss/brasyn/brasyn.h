#pragma once
/// The BraSyn workflow (BraTS "Brain MR Image Synthesis for Tumor Segmentation"): one of the
/// four sequences is missing in each case; it is synthesized back, and the completed case is
/// segmented (docs/data.md, "BraSyn"). Drop, complete, export to nnU-Net, evaluate.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tiss/util/result.h"

namespace tiss {

inline constexpr const char* kDropRecord = "brasyn.json";       ///< written by dropSequences
inline constexpr const char* kCompleteRecord = "completed.json"; ///< written by completeCases

struct DropOptions {
  std::string data;  ///< a glioma data set (BraTS 2020-2025, nnU-Net, manifest)
  std::string out;   ///< created; must not exist or be empty
  uint64_t seed = 0;
};

/// Copies every case of `data` to `out` in the same layout (file names unchanged; a manifest
/// copied when the data set has one) without its label and without one of its four sequences,
/// drawn uniformly per case from `seed`, as the challenge's validation data are. OUT/brasyn.json
/// records case -> dropped task key, the layout's name for it, and the seed. Returns that map.
/// Refused: a task other than the four glioma sequences, MSD's 4D files, an `out` that exists
/// and is not empty.
Result<std::map<std::string, std::string>> dropSequences(const DropOptions& options);

struct CompleteOptions {
  std::string data;  ///< cases each missing one of the four sequences (e.g. dropSequences' out)
  std::string out;   ///< the completed data set: every file of `data` plus the synthesized one
  /// missing sequence -> run folder, keyed by task key (flair) or the layout's name (t2f); each
  /// run synthesizes that sequence (its data.target) from the other three.
  std::map<std::string, std::string> runs;
  std::string device = "auto";
  int threads = 0;
  std::function<void(int, int)> progress;                  ///< (cases done, cases)
  std::function<void(const std::string&)> onWarning;
};

struct CompletedCase {
  std::string id, key, file, run;  ///< file: relative to `out`, named as the layout names it
};

/// For each case of `data`, finds the one missing sequence, runs the run trained for it and
/// writes the completed case to `out`: the present files copied, the missing one written under
/// the name the layout gives it, in the geometry and pixel type of the case's first source.
/// De-normalisation: the network's [-1, 1] maps linearly onto [0, R], R the median over the
/// present sequences of their 99.5th intensity percentile inside their head (preprocess.h's
/// rule), and 0 outside the head of the first source. OUT/completed.json lists every case's
/// file, run and checkpoint. A case missing none or several sequences, or a missing sequence
/// without a run, is an error naming the case; nothing of it is written.
Result<std::vector<CompletedCase>> completeCases(const CompleteOptions& options);

struct NnunetExportOptions {
  std::string data;       ///< the glioma data set (labels always come from here)
  std::string completed;  ///< optional: completed cases whose images replace the data set's
  std::string out;        ///< .../DatasetXXX_Name, created; must not exist or be empty
};

struct NnunetExport {
  int training = 0, test = 0;  ///< cases in imagesTr (with a label) and imagesTs (without)
};

/// Writes an nnU-Net v2 raw dataset: imagesTr/CASE_0000..0003.nii.gz (T1, T1ce, T2, FLAIR),
/// labelsTr/CASE.nii.gz with the label values renumbered 0..K in order (BraTS 2020's 4 -> 3),
/// imagesTs/ for cases without a label, and dataset.json (channel_names, labels, numTraining,
/// file_ending). The folder name must be DatasetXXX_Name (three digits), as nnU-Net requires.
Result<NnunetExport> exportNnunet(const NnunetExportOptions& options);

struct BrasynEvalOptions {
  std::string data;       ///< the original data set: real sequences and labels
  std::string completed;  ///< completeCases' out (its completed.json says what was synthesized)
  std::string seg;        ///< optional: folder of tumor masks of the completed cases
  std::string segPattern = "{case}.nii.gz";
};

struct BrasynCaseScore {
  std::string id, key;  ///< key: the dropped sequence (task key)
  double psnrDb = 0, ssimTumor = 0, ssimHealthy = 0;
  double dicePct = -1;  ///< -1 without a segmentation
};

/// The BraSyn scores (metrics.h's BraSyn convention) of every synthesized sequence against the
/// real one, and the Dice (%) of the completed case's segmentation against the label.
Result<std::vector<BrasynCaseScore>> evaluateBrasyn(const BrasynEvalOptions& options);

/// A Markdown table by dropped sequence: cases, PSNR (dB), SSIM tumor, SSIM healthy, Dice (%),
/// each mean ± sd; its note names the convention.
std::string brasynTable(const std::vector<BrasynCaseScore>& scores);

}  // namespace tiss
