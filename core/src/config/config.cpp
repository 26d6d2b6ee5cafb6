#include "tiss/config/config.h"

#include "config/config_codec.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <type_traits>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using nlohmann::json;

namespace tiss {
namespace {
constexpr int64_t kIntMax = 2147483647;

template <class E>
struct Names {
  E value;
  const char* name;
};
const Names<Stage> kStages[] = {{Stage::Sp, "sp"},           {Stage::TissNet, "tissnet"},
                                {Stage::Synthesis, "synthesis"}, {Stage::SegSource, "seg-source"},
                                {Stage::SegTarget, "seg-target"}, {Stage::SegAll, "seg-all"},
                                {Stage::SegSynth, "seg-synth"}};
const Names<SegInput> kInputs[] = {{SegInput::SourceSynthCoarse, "xs+xt'+yc"}, {SegInput::SynthCoarse, "xt'+yc"},
                                   {SegInput::Synth, "xt'"}, {SegInput::Source, "xs"}};
const Names<Select> kSelects[] = {{Select::Auto, "auto"}, {Select::Dice, "dice"}, {Select::Psnr, "psnr"},
                                  {Select::Perceptibility, "perceptibility"}};
const Names<ConvPath> kConvPaths[] = {{ConvPath::Auto, "auto"}, {ConvPath::Native, "native"}, {ConvPath::Sliced, "sliced"}, {ConvPath::OneDnn, "onednn"}};
const Names<SegOutput> kOutputs[] = {{SegOutput::Fine, "yf"}, {SegOutput::Refined, "yr"}, {SegOutput::Mean, "mean"}};

template <class E, size_t N>
std::string nameOf(const Names<E> (&table)[N], E v) {
  for (const auto& e : table)
    if (e.value == v) return e.name;
  return "?";
}

// Copies `patch` into `base`, refusing keys `base` does not have.
Status mergeKnown(json& base, const json& patch, const std::string& prefix) {
  if (!patch.is_object()) return makeError("", "'" + prefix + "' must be an object");
  for (const auto& [key, value] : patch.items()) {
    const std::string path = prefix.empty() ? key : prefix + "." + key;
    if (!base.contains(key)) return makeError("", "unknown key '" + path + "'");
    if (base[key].is_object()) {
      if (auto st = mergeKnown(base[key], value, path); !st) return st;
    } else {
      base[key] = value;
    }
  }
  return Status();
}

Status applyOverride(json& base, const std::string& assignment) {
  const size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) return makeError("", "override '" + assignment + "' is not key=value");
  const std::string key = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) value = text;  // a bare word is a string
  std::vector<std::string> parts;
  std::stringstream path(key);
  for (std::string part; std::getline(path, part, '.');) parts.push_back(part);
  json patch = value;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) patch = json{{*it, patch}};
  return mergeKnown(base, patch, "");
}

// A TISS-Net output that no loss reaches would be written and shown as if it were trained:
// refuse the settings that ask for one (docs/engine.md, "The coarse branch").
std::string untrainedBranch(const TrainConfig& c) {
  if (c.stage != Stage::TissNet) return "";
  // lambda_c = 0 with detached (or without S) leaves y_c untrained: it is then not an output
  // (TissNetModel::outputKinds), as a swept lambda_c = 0 still measures S without it.
  if (c.loss.lambdaS <= 0) return "";
  const bool fineTrained = c.loss.fine || c.loss.con, errorTrained = c.loss.err || c.loss.con;
  if (!fineTrained && !errorTrained) return "loss.fine, loss.err and loss.con are all off: S learns nothing (set loss.lambda_s = 0 to leave S out)";
  if (!fineTrained && c.output != SegOutput::Refined)
    return "inference.output '" + toString(c.output) + "' needs y_f, which no loss trains with loss.fine and loss.con off (use yr)";
  if (!errorTrained && c.output != SegOutput::Fine)
    return "inference.output '" + toString(c.output) + "' needs y_r, whose error branch no loss trains with loss.err and loss.con off (use yf)";
  return "";
}

Status validate(const TrainConfig& c) {
  auto bad = [](const std::string& what) { return Status(makeError("", what)); };
  if (c.net.channels.size() != 5 || c.net.dropout.size() != 5) return bad("net.channels and net.dropout need 5 values (one per level)");
  for (int ch : c.net.channels)
    if (ch <= 0) return bad("net.channels must be positive");
  for (double p : c.net.dropout)
    if (p < 0 || p >= 1) return bad("net.dropout values must be in [0, 1)");
  if (c.patch[2] % 4 || c.patch[1] % 16 || c.patch[0] % 16)
    return bad("data.patch: D must be a multiple of 4 and H, W of 16 (two 3D and four 2D poolings)");
  if (c.batch < 1) return bad("data.batch must be at least 1");
  if (c.batch % c.optim.accumulate) return bad("optim.accumulate must divide data.batch (equal micro-batches)");
  if (c.tumorShare < 0 || c.tumorShare > 1) return bad("data.tumor_share must be in [0, 1]");
  if (c.optim.lr <= 0) return bad("optim.lr must be positive");
  if (c.optim.iterationsPerEpoch < 1 || c.optim.epochsConstant < 0 || c.optim.epochsDecay < 0 || c.totalIterations() < 1)
    return bad("optim: the schedule needs at least one iteration");
  if (c.totalIterations() > kIntMax)
    return bad("optim: (epochs_constant + epochs_decay) x iterations_per_epoch exceeds 2^31 - 1 iterations");
  if (c.checkpointEvery < 1) return bad("checkpoint.every must be at least 1");
  if (c.validateEvery < 0) return bad("validation.every must be 0 (off) or more");
  for (long p : c.patch)
    if (p <= 0) return bad("data.patch sizes must be positive");
  if (c.windowRule == WindowRule::Fixed && (c.inferenceWindow[2] % 4 || c.inferenceWindow[1] % 16 || c.inferenceWindow[0] % 16))
    return bad("inference.window: D must be a multiple of 4 and H, W of 16, as data.patch");
  for (long w : c.inferenceWindow)
    if (w > 1024) return bad("inference.window: at most 1024 voxels along each axis (a larger window is a whole-volume pass)");
  if (c.overlap < 0 || c.overlap > 0.9) return bad("validation.overlap must be in [0, 0.9]");
  for (double w : {c.loss.alphaG, c.loss.alphaT, c.loss.lambdaP, c.loss.lambdaC, c.loss.lambdaS})
    if (w < 0) return bad("loss weights must be non-negative");
  if (auto why = untrainedBranch(c); !why.empty()) return bad(why);
  const bool synthesizes = c.stage == Stage::TissNet || c.stage == Stage::Synthesis;
  if ((c.select == Select::Psnr || c.select == Select::Perceptibility) && !synthesizes)
    return bad("validation.select '" + toString(c.select) + "' needs a synthesizing stage (tissnet or synthesis)");
  if (c.select == Select::Perceptibility && c.spRun.empty())
    return bad("validation.select 'perceptibility' needs runs.sp (a trained S_p)");
  return Status();
}

}  // namespace

TrainConfig presetConfig(const std::string& name) {
  TrainConfig c;
  c.preset = name;
  if (name == "cpu-small") {
    c.net.channels = {8, 16, 32, 64, 128};
    c.net.discChannels = 16;
    c.patch = {64, 64, 16};
    c.optim.lr = 1e-3;  // short schedule: a larger step than the paper's 1e-4
    c.optim.epochsConstant = 6;
    c.optim.epochsDecay = 4;
    c.optim.iterationsPerEpoch = 25;
    c.optim.plateauPatience = 3;
    c.validateEvery = 50;
    c.checkpointEvery = 25;
  }
  return c;
}

std::string toString(Stage s) { return nameOf(kStages, s); }
std::string toString(SegInput s) { return nameOf(kInputs, s); }
std::string toString(SegOutput s) { return nameOf(kOutputs, s); }
std::string toString(Select s) { return nameOf(kSelects, s); }
std::string toString(ConvPath p) { return nameOf(kConvPaths, p); }

Select resolveSelect(const TrainConfig& c, bool hasSp) {
  if (c.select != Select::Auto) return c.select;
  if (c.stage != Stage::Synthesis) return Select::Dice;
  return hasSp ? Select::Perceptibility : Select::Psnr;
}

std::string windowText(const TrainConfig& c) {
  if (c.windowRule == WindowRule::Fixed) return formatSizeDHW(c.inferenceWindow);
  return c.windowRule == WindowRule::Slab ? "slab" : "patch";
}

std::string selectMetricKey(Select s) {
  return s == Select::Psnr ? "psnr_db" : s == Select::Perceptibility ? "perc_dice_pct" : "dice_pct";
}

std::vector<std::string> presetNames() { return {"paper", "cpu-small"}; }

Result<TrainConfig> loadConfig(const std::string& file, const std::vector<std::string>& overrides,
                               const std::string& preset) {
  json fileJson = json::object();
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) return makeError(file, "cannot open the config file");
    fileJson = json::parse(in, nullptr, false, true);
    if (fileJson.is_discarded() || !fileJson.is_object()) return makeError(file, "not a JSON object");
  }
  if (fileJson.contains("preset") && !fileJson["preset"].is_string())
    return makeError(file, "'preset' must be a string (paper, cpu-small), not " + fileJson["preset"].dump());
  std::string name = preset.empty() ? fileJson.value("preset", std::string("paper")) : preset;
  for (const auto& o : overrides)
    if (o.rfind("preset=", 0) == 0) name = o.substr(7);
  const auto names = presetNames();
  if (std::find(names.begin(), names.end(), name) == names.end())
    return makeError(file, "unknown preset '" + name + "' (paper, cpu-small)");
  json merged = configToObject(presetConfig(name));
  fileJson.erase("preset");
  if (auto st = mergeKnown(merged, fileJson, ""); !st) return makeError(file, st.error().message);
  for (const auto& o : overrides)
    if (o.rfind("preset=", 0) != 0)
      if (auto st = applyOverride(merged, o); !st) return makeError("--set", st.error().message);
  auto c = configFromObject(merged);
  if (!c) return makeError(file, c.error().message);
  if (auto st = validate(*c); !st) return makeError(file, st.error().message);
  return c;
}

Status applySetting(TrainConfig& config, const std::string& assignment) {
  const size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) return makeError("", "'" + assignment + "' is not key=value");
  const std::string key = assignment.substr(0, eq), text = assignment.substr(eq + 1);
  json value = json::parse(text, nullptr, false);
  if (value.is_discarded()) value = text;  // a bare word is a string
  TrainConfig changed = config;
  if (auto st = setConfigKey(changed, key, value); !st) return st;
  if (auto st = validate(changed); !st) return st;
  config = changed;
  return Status();
}

std::string toJson(const TrainConfig& c) { return configToObject(c).dump(2) + "\n"; }

Result<TrainConfig> configFromJson(const std::string& text, const std::string& source) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return makeError(source, "not valid JSON");
  // Keys added since the file was written take their preset's default.
  if (j.contains("preset") && !j["preset"].is_string()) return makeError(source, "'preset' must be a string");
  const std::string preset = j.value("preset", std::string("paper"));
  const auto names = presetNames();
  if (std::find(names.begin(), names.end(), preset) == names.end())
    return makeError(source, "unknown preset '" + preset + "' (paper, cpu-small)");
  json merged = configToObject(presetConfig(preset));
  // Runs stored before loss.coarse_gradient existed trained with the full gradient, the
  // default then; a new run's default is detached (docs/engine.md, "The coarse branch").
  if (j.contains("loss") && j["loss"].is_object() && !j["loss"].contains("coarse_gradient"))
    merged["loss"]["coarse_gradient"] = "full";
  if (auto st = mergeKnown(merged, j, ""); !st) return makeError(source, st.error().message);
  auto c = configFromObject(merged);
  if (!c) return makeError(source, c.error().message);
  // A stored config (resume, inference) passes the same checks as a new one.
  if (auto st = validate(*c); !st) return makeError(source, st.error().message);
  return c;
}

}  // namespace tiss
