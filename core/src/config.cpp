#include "tiss/config.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

using nlohmann::json;

namespace tiss {
namespace {

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
const Names<SegOutput> kOutputs[] = {{SegOutput::Fine, "yf"}, {SegOutput::Refined, "yr"}, {SegOutput::Mean, "mean"}};

template <class E, size_t N>
std::string nameOf(const Names<E> (&table)[N], E v) {
  for (const auto& e : table)
    if (e.value == v) return e.name;
  return "?";
}

template <class E, size_t N>
Result<E> parseName(const Names<E> (&table)[N], const std::string& s, const std::string& key) {
  std::string allowed;
  for (const auto& e : table) {
    if (s == e.name) return e.value;
    allowed += std::string(allowed.empty() ? "" : ", ") + e.name;
  }
  return makeError("", "'" + key + "' is '" + s + "'; expected one of " + allowed);
}

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

json toObject(const TrainConfig& c) {
  return {{"stage", nameOf(kStages, c.stage)},
          {"preset", c.preset},
          {"seed", c.seed},
          {"data", {{"patch", formatSizeDHW(c.patch)}, {"batch", c.batch}, {"tumor_share", c.tumorShare},
                    {"flips", c.flips}, {"workers", c.loaderWorkers}}},
          {"net", {{"channels", c.net.channels}, {"dropout", c.net.dropout}, {"disc_channels", c.net.discChannels},
                   {"upsampling", c.net.linearUpsampling ? "linear" : "transposed"}, {"decoder_dropout", c.net.decoderDropout}}},
          {"loss", {{"alpha_g", c.loss.alphaG}, {"alpha_t", c.loss.alphaT}, {"lambda_p", c.loss.lambdaP},
                    {"lambda_c", c.loss.lambdaC}, {"lambda_s", c.loss.lambdaS}, {"syn_t", c.loss.synT},
                    {"fine", c.loss.fine}, {"err", c.loss.err}, {"con", c.loss.con},
                    {"seg_input", nameOf(kInputs, c.loss.segInput)}}},
          {"optim", {{"lr", c.optim.lr}, {"epochs_constant", c.optim.epochsConstant},
                     {"epochs_decay", c.optim.epochsDecay}, {"iterations_per_epoch", c.optim.iterationsPerEpoch},
                     {"plateau_patience", c.optim.plateauPatience}, {"amp", c.optim.amp}}},
          {"validation", {{"every", c.validateEvery}, {"overlap", c.overlap}, {"cases", c.validationCases},
                          {"select", nameOf(kSelects, c.select)}}},
          {"checkpoint", {{"every", c.checkpointEvery}}},
          {"runs", {{"sp", c.spRun}, {"synthesis", c.synthesisRun}}},
          {"inference", {{"output", nameOf(kOutputs, c.output)}, {"crop_from_label", c.cropFromLabel}}}};
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

Result<TrainConfig> fromObject(const json& j) {
  try {
    TrainConfig c = presetConfig(j.at("preset").get<std::string>());
    auto stage = parseName(kStages, j.at("stage").get<std::string>(), "stage");
    if (!stage) return stage.error();
    c.stage = *stage;
    c.seed = j.at("seed").get<uint64_t>();
    const json& d = j.at("data");
    auto patch = parseSizeDHW(d.at("patch").get<std::string>());
    if (!patch) return patch.error();
    c.patch = *patch;
    c.batch = d.at("batch").get<int>();
    c.tumorShare = d.at("tumor_share").get<double>();
    c.flips = d.at("flips").get<bool>();
    c.loaderWorkers = d.at("workers").get<int>();
    const json& n = j.at("net");
    c.net.channels = n.at("channels").get<std::vector<int>>();
    c.net.dropout = n.at("dropout").get<std::vector<double>>();
    c.net.discChannels = n.at("disc_channels").get<int>();
    const std::string up = n.at("upsampling").get<std::string>();
    if (up != "transposed" && up != "linear") return makeError("", "'net.upsampling' is '" + up + "'; expected transposed or linear");
    c.net.linearUpsampling = up == "linear";
    c.net.decoderDropout = n.at("decoder_dropout").get<bool>();
    const json& l = j.at("loss");
    c.loss.alphaG = l.at("alpha_g").get<double>();
    c.loss.alphaT = l.at("alpha_t").get<double>();
    c.loss.lambdaP = l.at("lambda_p").get<double>();
    c.loss.lambdaC = l.at("lambda_c").get<double>();
    c.loss.lambdaS = l.at("lambda_s").get<double>();
    c.loss.synT = l.at("syn_t").get<bool>();
    c.loss.fine = l.at("fine").get<bool>();
    c.loss.err = l.at("err").get<bool>();
    c.loss.con = l.at("con").get<bool>();
    auto input = parseName(kInputs, l.at("seg_input").get<std::string>(), "loss.seg_input");
    if (!input) return input.error();
    c.loss.segInput = *input;
    const json& o = j.at("optim");
    c.optim.lr = o.at("lr").get<double>();
    c.optim.epochsConstant = o.at("epochs_constant").get<int>();
    c.optim.epochsDecay = o.at("epochs_decay").get<int>();
    c.optim.iterationsPerEpoch = o.at("iterations_per_epoch").get<int>();
    c.optim.plateauPatience = o.at("plateau_patience").get<int>();
    c.optim.amp = o.at("amp").get<bool>();
    c.validateEvery = j.at("validation").at("every").get<int>();
    c.overlap = j.at("validation").at("overlap").get<double>();
    c.validationCases = j.at("validation").at("cases").get<int>();
    auto select = parseName(kSelects, j.at("validation").at("select").get<std::string>(), "validation.select");
    if (!select) return select.error();
    c.select = *select;
    c.checkpointEvery = j.at("checkpoint").at("every").get<int>();
    c.spRun = j.at("runs").at("sp").get<std::string>();
    c.synthesisRun = j.at("runs").at("synthesis").get<std::string>();
    auto output = parseName(kOutputs, j.at("inference").at("output").get<std::string>(), "inference.output");
    if (!output) return output.error();
    c.output = *output;
    c.cropFromLabel = j.at("inference").at("crop_from_label").get<bool>();
    return c;
  } catch (const json::exception& e) {
    return makeError("", std::string("wrong value type: ") + e.what());
  }
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
  if (c.tumorShare < 0 || c.tumorShare > 1) return bad("data.tumor_share must be in [0, 1]");
  if (c.optim.lr <= 0) return bad("optim.lr must be positive");
  if (c.optim.iterationsPerEpoch < 1 || c.optim.epochsConstant < 0 || c.optim.epochsDecay < 0 || c.totalIterations() < 1)
    return bad("optim: the schedule needs at least one iteration");
  if (c.overlap < 0 || c.overlap > 0.9) return bad("validation.overlap must be in [0, 0.9]");
  for (double w : {c.loss.alphaG, c.loss.alphaT, c.loss.lambdaP, c.loss.lambdaC, c.loss.lambdaS})
    if (w < 0) return bad("loss weights must be non-negative");
  const bool synthesizes = c.stage == Stage::TissNet || c.stage == Stage::Synthesis;
  if ((c.select == Select::Psnr || c.select == Select::Perceptibility) && !synthesizes)
    return bad("validation.select '" + toString(c.select) + "' needs a synthesizing stage (tissnet or synthesis)");
  if (c.select == Select::Perceptibility && c.spRun.empty())
    return bad("validation.select 'perceptibility' needs runs.sp (a trained S_p)");
  return Status();
}

}  // namespace

std::string toString(Stage s) { return nameOf(kStages, s); }
std::string toString(SegInput s) { return nameOf(kInputs, s); }
std::string toString(SegOutput s) { return nameOf(kOutputs, s); }
std::string toString(Select s) { return nameOf(kSelects, s); }

Select resolveSelect(const TrainConfig& c, bool hasSp) {
  if (c.select != Select::Auto) return c.select;
  if (c.stage != Stage::Synthesis) return Select::Dice;
  return hasSp ? Select::Perceptibility : Select::Psnr;
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
  std::string name = preset.empty() ? fileJson.value("preset", std::string("paper")) : preset;
  for (const auto& o : overrides)
    if (o.rfind("preset=", 0) == 0) name = o.substr(7);
  const auto names = presetNames();
  if (std::find(names.begin(), names.end(), name) == names.end())
    return makeError(file, "unknown preset '" + name + "' (paper, cpu-small)");
  json merged = toObject(presetConfig(name));
  fileJson.erase("preset");
  if (auto st = mergeKnown(merged, fileJson, ""); !st) return makeError(file, st.error().message);
  for (const auto& o : overrides)
    if (o.rfind("preset=", 0) != 0)
      if (auto st = applyOverride(merged, o); !st) return makeError("--set", st.error().message);
  auto c = fromObject(merged);
  if (!c) return makeError(file, c.error().message);
  if (auto st = validate(*c); !st) return makeError(file, st.error().message);
  return c;
}

std::string toJson(const TrainConfig& c) { return toObject(c).dump(2) + "\n"; }

Result<TrainConfig> configFromJson(const std::string& text, const std::string& source) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return makeError(source, "not valid JSON");
  // Keys added since the file was written take their preset's default.
  const std::string preset = j.value("preset", std::string("paper"));
  json merged = toObject(presetConfig(preset));
  if (auto st = mergeKnown(merged, j, ""); !st) return makeError(source, st.error().message);
  auto c = fromObject(merged);
  if (!c) return makeError(source, c.error().message);
  return c;
}

}  // namespace tiss
