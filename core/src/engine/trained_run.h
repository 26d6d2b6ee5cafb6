#pragma once
// The one door into a trained run: its folder, config, device and model (with the frozen
// models it borrows from other runs), opened once for inference; the same loader gives
// training the models it borrows.
#include <torch/torch.h>

#include <memory>
#include <string>

#include "model/stage_model.h"
#include "tiss/config/config.h"
#include "tiss/training/run_folder.h"
#include "tiss/util/result.h"

namespace tiss {

/// Test-time choices that differ from the run's stored config; each is checked as the config
/// key it sets (inference.output, inference.window, inference.crop_from_label).
struct InferenceChoices {
  std::string output;          ///< yf, yr or mean; empty: the run's
  std::string window;          ///< slab, patch or DxHxW; empty: the run's
  bool cropFromLabel = false;  ///< true: the paper's label-centred crop, whatever the run says
};

/// A trained run, ready to predict.
struct TrainedRun {
  RunFolder folder;
  TrainConfig config;                  ///< the stored config with the choices applied
  torch::Device device{torch::kCPU};
  int sources = 0;                     ///< source channels the model takes (run.json's "sources")
  std::vector<std::string> sourceNames;
  std::shared_ptr<StageModel> model;   ///< eval mode; owns what it borrows
  std::string checkpoint;              ///< the file loaded (RUN/checkpoints/best.pt or last.pt)
};

/// Opens `runDir` on `device` (setUpDevice: "auto", "cpu", "cuda:N"; `threads` as
/// configureCpu): its config with `choices`, its model from `checkpoint` ("best", falling back
/// to last.pt when the run has no best.pt yet, or "last"), and the frozen S_p / G of the runs
/// its config names (runs.sp, runs.synthesis). Errors name the folder, file or key.
Result<TrainedRun> openRun(const std::string& runDir, const std::string& device, const std::string& checkpoint = "best",
                           const InferenceChoices& choices = {}, int threads = 0);

/// What a stage borrows from other runs, loaded frozen on `device`: S_p for tissnet and
/// synthesis (training: when lambda_p > 0, or for synthesis's checkpoint choice; inference:
/// whenever runs.sp names one, so perceptibility is measured), G for seg-synth.
enum class BorrowPurpose { Training, Inference };
Result<Borrowed> borrowModels(const TrainConfig& config, torch::Device device, BorrowPurpose purpose);

}  // namespace tiss
