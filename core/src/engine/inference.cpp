// tissnet infer: sliding-window inference of whole cases, results uncropped to each input's
// geometry and written as NIfTI (docs/engine.md lists the files).
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/trained_run.h"
#include "training/predictor.h"
#include "training/trainer.h"
#include "training/tensors.h"
#include "tiss/data/dataset.h"
#include "tiss/data/folds.h"
#include "tiss/engine/engine.h"
#include "tiss/io/image_io.h"
#include "tiss/preprocessing/preprocess.h"
#include "tiss/training/run_folder.h"
#include "tiss/util/atomic_file.h"
#include "tiss/util/version.h"
#include "tiss/util/safe_path.h"

namespace fs = std::filesystem;

namespace tiss {

namespace {

// "test", "val", "train": the run's own ids; "all": every case of the data set; else ids.
std::vector<std::string> selectCases(const Dataset& d, const RunSplit& split, const std::vector<std::string>& wanted) {
  if (wanted.empty() || (wanted.size() == 1 && wanted[0] == "test")) return split.test;
  if (wanted.size() == 1 && wanted[0] == "val") return split.val;
  if (wanted.size() == 1 && wanted[0] == "train") return split.train;
  if (wanted.size() == 1 && wanted[0] == "all") {
    std::vector<std::string> ids;
    for (const auto& c : d.cases) ids.push_back(c.id);
    return ids;
  }
  return wanted;
}

// Stages whose network takes the real target as input (upper bounds the user chose).
bool takesTarget(Stage s) { return s == Stage::Sp || s == Stage::SegTarget || s == Stage::SegAll; }

Batch batchFromPrepared(const PreparedCase& p, int sources, torch::Device device) {
  const Size3& s = p.channels.front().size();
  auto tensor = [&](const Volume& v) {
    return torch::from_blob(const_cast<float*>(v.voxels.data()), {1, 1, s[2], s[1], s[0]}).clone().to(device);
  };
  Batch b;
  std::vector<torch::Tensor> src;
  for (int i = 0; i < sources; ++i) src.push_back(tensor(p.channels[size_t(i)]));
  b.sources = torch::cat(src, 1);
  if (int(p.channels.size()) > sources) b.target = tensor(p.channels[size_t(sources)]);
  b.label = torch::zeros_like(b.sources.index({torch::indexing::Slice(), torch::indexing::Slice(0, 1)}));
  return b;
}

// Writes OUT/ID/ID_<name>.nii.gz uncropped; probabilities also as a binary _mask file.
Status writeOutput(const std::string& out, const PreparedCase& p, const std::string& name, const Volume& cropped, bool image) {
  auto inside = pathInside(out, p.id + "/" + p.id + "_" + name);
  if (!inside) return inside.error();
  const std::string base = *inside;
  const Volume full = uncrop(cropped, p.crop, p.original, image ? -1.f : 0.f);
  if (auto st = writeVolume(full, base + ".nii.gz"); !st) return st;
  if (image) return Status();
  Volume mask(full.geometry, 0.f, PixelType::UInt8);
  for (size_t i = 0; i < mask.voxels.size(); ++i) mask.voxels[i] = full.voxels[i] > 0.5f ? 1.f : 0.f;
  return writeVolume(mask, base + "_mask.nii.gz");
}

Result<Box> inferCase(const TrainedRun& run, const Dataset& d, const CaseFiles& files, double overlap, const std::string& out,
                      const std::function<void(int, int)>& onWindows) {
  const TrainConfig& c = run.config;
  PreprocessOptions prep = PreprocessOptions::forTesting(d.manifest.task, c.cropFromLabel);
  prep.minSize = c.minWindow();
  auto p = prepareCase(d, files, prep, takesTarget(c.stage) ? Need::Yes : Need::No, Need::No);
  if (!p) return p.error();
  const Batch whole = batchFromPrepared(*p, run.sources, run.device);
  const Outputs outputs = Predictor(*run.model, c, overlap).predict(whole, onWindows);
  const auto kinds = run.model->outputKinds();
  const Geometry& g = p->channels.front().geometry;
  for (const auto& [name, tensor] : outputs)
    if (auto st = writeOutput(out, *p, name, toVolume(tensor, g), kinds.at(name)); !st) return st.error();
  return p->crop;
}

nlohmann::json boxJson(const Box& b) { return {{"begin", b.begin}, {"size", b.size}}; }

// OUT/inference.json: how these outputs were made, read by eval (crop_from_label) and tables.
Status writeRecord(const InferRequest& r, const TrainConfig& c, double overlap, const std::string& checkpoint,
                   const nlohmann::json& crops) {
  nlohmann::json j = {{"tissnet", version()}, {"run", fs::absolute(r.runDir).string()}, {"data", fs::absolute(r.dataDir).string()},
                            {"stage", toString(c.stage)}, {"checkpoint", checkpoint}, {"crop_from_label", c.cropFromLabel},
                            {"crop_rule", c.cropFromLabel ? "label-centred (the paper's protocol)" : "head bounding box of the first source"},
                            {"reads_target", takesTarget(c.stage)}, {"output", toString(c.output)},
                            {"window", windowText(c)}, {"overlap", overlap}, {"crops", crops}};
  // What S's losses sent into y_c while it trained: the viewer says when y_c is not only a mask.
  if (c.stage == Stage::TissNet)
    j["coarse_gradient"] = c.loss.coarseGradient == 0 ? nlohmann::json("detached")
                           : c.loss.coarseGradient == 1 ? nlohmann::json("full") : nlohmann::json(c.loss.coarseGradient);
  std::error_code ec;
  fs::create_directories(r.outDir, ec);
  return writeFileAtomically((fs::path(r.outDir) / "inference.json").string(), j.dump(2) + "\n");
}

// The cases an earlier run into the same folder finished (its inference.json), when it used
// the same checkpoint, crop rule and output; a different one is refused, not mixed in.
Result<nlohmann::json> finishedCases(const InferRequest& r, const TrainConfig& c, double overlap, const std::string& checkpoint) {
  const std::string record = (fs::path(r.outDir) / "inference.json").string();
  std::ifstream in(record);
  if (!in) return nlohmann::json::object();
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object() || !j.contains("crops") || !j["crops"].is_object())
    return makeError(record, "is not an inference record (no 'crops'); remove it or write to another --out");
  const bool same = j.value("checkpoint", "") == checkpoint && j.value("crop_from_label", !c.cropFromLabel) == c.cropFromLabel &&
                    j.value("output", "") == toString(c.output) && j.value("stage", "") == toString(c.stage) &&
                    j.value("window", "patch") == windowText(c) && j.value("overlap", overlap) == overlap;
  if (!same)
    return makeError(record, "was made with another checkpoint, crop rule, output, stage, window or overlap: --skip-existing would mix "
                             "two protocols; write to another --out");
  return j["crops"];
}

// The data set, retargeted to the run's own target and sources.
Result<Dataset> openFor(const InferRequest& r, const TrainedRun& run) {
  const TrainConfig& c = run.config;
  auto data = openDataset(r.dataDir);
  if (!data) return data.error();
  auto task = retarget(data->manifest, c.target);
  if (!task) return task.error();
  data->manifest.task = *task;
  if (int(task->sources.size()) != run.sources)
    return makeError(r.dataDir, "gives " + std::to_string(task->sources.size()) + " source modalities; the run was trained on " +
                                    std::to_string(run.sources) + " (" + run.folder.infoFile() + ")");
  // A fold run compares its split with its fold's, when this data set has the folds (another
  // data set, e.g. a clinic's, need not).
  if (c.fold >= 0)
    if (auto fold = foldSplit(*data, c.fold)) data->split = *fold;
  return data;
}

// Whether `dataDir` is the data set the run recorded in run.json (a run without the record
// counts as trained on it, so its warnings stay).
bool trainedOn(const RunFolder& run, const std::string& dataDir) {
  std::ifstream in(run.infoFile());
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object() || !j.contains("data") || !j["data"].is_string()) return true;
  std::error_code ec;  // a recorded folder that is gone: no telling, the warning stays
  return fs::equivalent(j["data"].get<std::string>(), dataDir, ec) || ec;
}

Status inferImpl(const InferRequest& r, const std::function<void(int, int)>& progress) {
  auto opened = openRun(r.runDir, r.device, r.checkpoint, InferenceChoices{r.output, r.window, r.cropFromLabel}, r.threads);
  if (!opened) return opened.error();
  const TrainedRun& trained = *opened;
  const RunFolder& run = trained.folder;
  const TrainConfig& c = trained.config;
  auto data = openFor(r, trained);
  if (!data) return data.error();
  const double overlap = r.overlap >= 0 ? r.overlap : c.overlap;
  auto split = readRunSplit(run);
  if (!split) return split.error();
  // Moved cases matter only on the data set the run trained on; another one (a clinic's cases,
  // a case imported from DICOM) has its own split, which says nothing about the run's.
  if (const auto moved = movedCases(*split, data->split); !moved.empty() && r.onWarning && trainedOn(run, r.dataDir))
    r.onWarning(splitWarning(moved));
  const auto ids = selectCases(*data, *split, r.cases);
  if (ids.empty()) return makeError(r.dataDir, "no case to run (the chosen split part is empty)");
  for (const auto& id : ids)
    if (auto st = checkCaseId(id); !st) return makeError("--cases", st.error().message);
  std::string failures;
  const std::string checkpoint = fs::path(trained.checkpoint).filename().string();
  auto done = r.skipExisting ? finishedCases(r, c, overlap, checkpoint) : Result<nlohmann::json>(nlohmann::json::object());
  if (!done) return done.error();
  nlohmann::json crops = *done;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (crops.contains(ids[i])) continue;  // --skip-existing: inferred by an earlier, killed run
    const CaseFiles* files = data->find(ids[i]);
    auto onWindows = [&r, i, &ids](int w, int total) {
      if (r.onWindows) r.onWindows(int(i), int(ids.size()), w, total);
    };
    Result<Box> crop = files ? inferCase(trained, *data, *files, overlap, r.outDir, onWindows)
                             : Result<Box>(makeError(r.dataDir, "has no case '" + ids[i] + "'"));
    if (!crop) failures += (failures.empty() ? "" : "; ") + ids[i] + ": " + crop.error().describe();
    else crops[ids[i]] = boxJson(*crop);
    // Recorded after each case: a case listed in inference.json has all its outputs.
    if (crop)
      if (auto st = writeRecord(r, c, overlap, checkpoint, crops); !st) return st;
    if (progress) progress(int(i + 1), int(ids.size()));
  }
  if (auto st = writeRecord(r, c, overlap, checkpoint, crops); !st) return st;
  if (!failures.empty()) return makeError(r.outDir, "some cases failed: " + failures);
  return Status();
}

}  // namespace

Status infer(const InferRequest& r, const std::function<void(int, int)>& progress) {
  try {  // the boundary: nothing escapes as an exception
    return inferImpl(r, progress);
  } catch (const std::exception& e) {
    return makeError(r.outDir, "inference failed: " + failureReason(e));
  }
}

}  // namespace tiss
