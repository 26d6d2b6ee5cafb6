#include "engine/trained_run.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/torch_device.h"
#include "training/checkpoint.h"

namespace fs = std::filesystem;

namespace tiss {

namespace {

// The source modalities the run trained on, from its run.json.
Result<std::vector<std::string>> runSources(const RunFolder& run) {
  std::ifstream in(run.infoFile());
  const nlohmann::json j = in ? nlohmann::json::parse(in, nullptr, false) : nlohmann::json();
  if (!j.is_object() || !j.contains("sources") || !j["sources"].is_array() || j["sources"].empty())
    return makeError(run.infoFile(), "names no source modalities (\"sources\"); is the run complete?");
  std::vector<std::string> names;
  for (const auto& s : j["sources"]) {
    if (!s.is_string()) return makeError(run.infoFile(), "\"sources\" must list modality names");
    names.push_back(s.get<std::string>());
  }
  return names;
}

// --output and --window, each set and checked as the config key it is; an error names the option.
Status applyChoices(const InferenceChoices& choices, TrainConfig& c) {
  if (choices.cropFromLabel) c.cropFromLabel = true;
  const std::pair<const char*, std::string> settings[] = {{"--output", "inference.output=" + choices.output},
                                                          {"--window", "inference.window=" + choices.window}};
  for (const auto& [option, setting] : settings)
    if (setting.back() != '=')
      if (auto st = applySetting(c, setting); !st) return makeError(option, st.error().message);
  return Status();
}

Result<TrainedRun> openOn(const std::string& runDir, torch::Device device, const std::string& checkpoint,
                          const InferenceChoices& choices, bool withBorrowed) {
  auto folder = RunFolder::existing(runDir);
  if (!folder) return folder.error();
  auto config = readRunConfig(*folder);
  if (!config) return config.error();
  TrainedRun run{*folder, *config, device, 0, {}, nullptr, ""};
  if (auto st = applyChoices(choices, run.config); !st) return st.error();
  auto sources = runSources(*folder);
  if (!sources) return sources.error();
  run.sourceNames = *sources;
  run.sources = int(sources->size());
  Borrowed borrowed;
  if (withBorrowed) {
    auto b = borrowModels(run.config, device, BorrowPurpose::Inference);
    if (!b) return b.error();
    borrowed = *b;
  }
  run.model = makeStageModel(run.config, run.sources, device, borrowed);
  const bool last = checkpoint == "last" || !fs::exists(folder->bestCheckpoint());
  run.checkpoint = last ? folder->lastCheckpoint() : folder->bestCheckpoint();
  if (auto st = loadCheckpoint(run.checkpoint, *run.model, false); !st) return st.error();
  run.model->train(false);
  return run;
}

// A trained model of another run, frozen: S_p for tissnet, G for seg-synth.
Result<std::shared_ptr<StageModel>> loadFrozen(const std::string& dir, torch::Device device, const char* role) {
  if (dir.empty()) return makeError("", std::string("this stage needs runs.") + role + " (a finished run folder)");
  auto run = openOn(dir, device, "best", {}, false);
  if (!run) return run.error();
  run->model->freeze();
  return run->model;
}

}  // namespace

Result<TrainedRun> openRun(const std::string& runDir, const std::string& device, const std::string& checkpoint,
                           const InferenceChoices& choices, int threads) {
  if (checkpoint != "best" && checkpoint != "last") return makeError("--checkpoint", "is '" + checkpoint + "'; expected best or last");
  auto d = setUpDevice(device, threads);
  if (!d) return d.error();
  return openOn(runDir, *d, checkpoint, choices, true);
}

Result<Borrowed> borrowModels(const TrainConfig& c, torch::Device device, BorrowPurpose purpose) {
  Borrowed b;
  const bool wantsSp = c.stage == Stage::TissNet || c.stage == Stage::Synthesis;
  // Inference loads S_p whenever the run names one, so perceptibility is measured for
  // lambda_p = 0 too (Table 1's first rows); training needs it for L_p, and the synthesis
  // stage also to pick its best checkpoint by perceptibility (validation.select).
  const bool spForValidation = c.stage == Stage::Synthesis && !c.spRun.empty();
  const bool inference = purpose == BorrowPurpose::Inference;
  if (wantsSp && (inference || spForValidation ? !c.spRun.empty() : c.loss.lambdaP > 0)) {
    auto sp = loadFrozen(c.spRun, device, "sp");
    if (!sp) return sp.error();
    b.spForward = [sp = *sp](const torch::Tensor& x) { return sp->predict(Batch{torch::Tensor(), x, torch::Tensor()}).at("seg"); };
  }
  if (c.stage == Stage::SegSynth) {
    auto g = loadFrozen(c.synthesisRun, device, "synthesis");
    if (!g) return g.error();
    b.synthesize = [g = *g](const torch::Tensor& xs) { return g->predict(Batch{xs, torch::Tensor(), torch::Tensor()}).at("synth"); };
  }
  return b;
}

}  // namespace tiss
