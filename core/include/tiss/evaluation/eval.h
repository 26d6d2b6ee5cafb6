#pragma once
/// Evaluation of predictions against a ground truth, case by case, as `tissnet eval` and the
/// workbench run it. Ground truth and reference are either a data set folder (its label and
/// target modality are used) or a flat folder of CASE.nii.gz files. Predictions and
/// synthesized images are found by a pattern with {case}.
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tiss/metrics/metrics.h"

namespace tiss {

struct CaseScores;

struct EvalOptions {
  std::string pred;                            ///< folder of predicted masks (value > 0.5 = tumor)
  std::string gt;                              ///< data set or folder of label files (> 0 = tumor)
  std::string image;                           ///< optional: folder of synthesized images
  std::string reference;                       ///< optional: data set or folder of real target images
  std::string predPattern = "{case}.nii.gz";
  std::string imagePattern = "{case}.nii.gz";
  std::string referencePattern;                ///< optional: reference file per case in `reference`
  bool meanImage = false;                      ///< baseline: score a constant image, the reference's mean
  double dataRange = 0;                        ///< <= 0: max - min of each reference
  bool normalizeReference = false;             ///< map the reference to [-1, 1] as the engine does (x_t' vs a raw target)
  bool brasyn = false;                         ///< also the BraSyn scores (raw intensities of image and reference)
  SurfaceConvention surface = SurfaceConvention::PyMIC;
  int threads = 2;
  std::set<std::string> skip;                  ///< case ids not evaluated (already scored: --skip-existing)
  std::function<void(const CaseScores&)> onCase;  ///< each case as it finishes (one call at a time)
};

/// How a set of scores was made, written beside each CSV (FILE.csv.json) and read by tables
/// and plots so every figure names its convention.
struct EvalProtocol {
  std::string surface = "pymic";        ///< ASSD / HD95 convention (metrics.h)
  bool cropFromLabel = false;           ///< the predictions came from a GT-centred test-time crop
  bool brasyn = false;                  ///< BraSyn columns present
  bool known = false;                   ///< a sidecar was found (older CSVs have none)
};
/// The protocol of an evaluation: its options plus the inference record in `pred`
/// (inference.json, written by tissnet infer).
EvalProtocol protocolOf(const EvalOptions& options);
std::string protocolJson(const EvalProtocol& protocol);
/// Reads FILE.json beside a CSV; defaults (known = false) when there is none.
Result<EvalProtocol> readEvalProtocol(const std::string& csvFile);
/// The footnote that marks GT-crop results in tables and plots.
inline constexpr const char* kCropFromLabelNote =
    "test-time crop centred on the ground truth (the paper's protocol; optimistic)";

struct CaseScores {
  std::string id;
  std::optional<SegmentationScores> segmentation;
  std::optional<SynthesisScores> synthesis;
  std::optional<BrasynScores> brasyn;
  std::string error;  ///< why this case has no scores (file and reason)
};

/// Evaluates every ground-truth case that has a prediction. Fails only when nothing can be
/// evaluated (folders missing, no prediction matching); a bad case gets its error instead.
Result<std::vector<CaseScores>> evaluate(const EvalOptions& options,
                                         const std::function<void(int, int)>& progress = {});

/// CSV with one row per case, then "mean" and "sd" rows over the cases without error.
/// Columns: case, dice_pct, assd_mm, hd95_mm[, psnr_global_db, psnr_local_db, ssim_global,
/// ssim_local][, psnr_brasyn_db, ssim_brasyn_tumor, ssim_brasyn_healthy], error. Values with
/// 4 decimals; a value that does not exist is empty (n/a), never 0.
std::string toCsv(const std::vector<CaseScores>& scores);

/// Reads a CSV written by toCsv() back (mean and sd rows skipped; values at its 4 decimals,
/// an empty cell as NaN). Fails naming the file when it is no such CSV.
Result<std::vector<CaseScores>> readScoresCsv(const std::string& file);

}  // namespace tiss
