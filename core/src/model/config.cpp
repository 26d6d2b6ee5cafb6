#include "tiss/model/config.h"

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

// "full", "detached" or the share in between.
json coarseGradientValue(const LossConfig& l) {
  if (l.coarseGradient == 1) return "full";
  if (l.coarseGradient == 0) return "detached";
  return l.coarseGradient;
}

Result<double> parseCoarseGradient(const json& v) {
  if (v.is_string() && v.get<std::string>() == "full") return 1.0;
  if (v.is_string() && v.get<std::string>() == "detached") return 0.0;
  double share = -1;
  if (v.is_number()) share = v.get<double>();
  if (v.is_string()) {
    const std::string text = v.get<std::string>();
    char* end = nullptr;
    share = std::strtod(text.c_str(), &end);
    if (text.empty() || *end) share = -1;
  }
  if (share >= 0 && share <= 1) return share;
  return makeError("", "'loss.coarse_gradient' is " + v.dump() + "; expected full, detached or a share in [0, 1]");
}

json toObject(const TrainConfig& c) {
  return {{"stage", nameOf(kStages, c.stage)},
          {"preset", c.preset},
          {"seed", c.seed},
          {"data", {{"patch", formatSizeDHW(c.patch)}, {"target", c.target}, {"batch", c.batch}, {"tumor_share", c.tumorShare},
                    {"flips", c.flips}, {"workers", c.loaderWorkers}, {"cache", c.cacheDir}, {"fold", c.fold}}},
          {"net", {{"channels", c.net.channels}, {"dropout", c.net.dropout}, {"disc_channels", c.net.discChannels},
                   {"upsampling", c.net.linearUpsampling ? "linear" : "transposed"}, {"decoder_dropout", c.net.decoderDropout},
                   {"conv", nameOf(kConvPaths, c.net.conv)}}},
          {"loss", {{"alpha_g", c.loss.alphaG}, {"alpha_t", c.loss.alphaT}, {"lambda_p", c.loss.lambdaP},
                    {"lambda_c", c.loss.lambdaC}, {"lambda_s", c.loss.lambdaS}, {"syn_t", c.loss.synT},
                    {"fine", c.loss.fine}, {"err", c.loss.err}, {"con", c.loss.con},
                    {"seg_input", nameOf(kInputs, c.loss.segInput)}, {"coarse_gradient", coarseGradientValue(c.loss)}}},
          {"optim", {{"lr", c.optim.lr}, {"epochs_constant", c.optim.epochsConstant},
                     {"epochs_decay", c.optim.epochsDecay}, {"iterations_per_epoch", c.optim.iterationsPerEpoch},
                     {"plateau_patience", c.optim.plateauPatience}, {"amp", c.optim.amp},
                     {"gradient_norms_every", c.optim.gradientNormsEvery}}},
          {"validation", {{"every", c.validateEvery}, {"overlap", c.overlap}, {"cases", c.validationCases},
                          {"select", nameOf(kSelects, c.select)}}},
          {"checkpoint", {{"every", c.checkpointEvery}}},
          {"runs", {{"sp", c.spRun}, {"synthesis", c.synthesisRun}}},
          {"inference", {{"output", nameOf(kOutputs, c.output)}, {"crop_from_label", c.cropFromLabel},
                         {"batch", c.inferenceBatch},
                         {"window", windowText(c)}}}};
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

// A key of the wrong type or out of range, named by its dotted path.
struct KeyError {
  std::string message;
};

const json& at(const json& o, const char* key, const std::string& path) {
  if (!o.is_object() || !o.contains(key)) throw KeyError{"missing key '" + path + "'"};
  return o.at(key);
}

template <class T>
T integer(const json& o, const char* key, const std::string& path, int64_t lo, int64_t hi) {
  const json& v = at(o, key, path);
  if (!v.is_number_integer()) throw KeyError{"'" + path + "' must be a whole number, not " + v.dump()};
  const int64_t x = v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX) ? INT64_MAX : v.get<int64_t>();
  if (x < lo || x > hi)
    throw KeyError{"'" + path + "' is " + v.dump() + "; expected " + std::to_string(lo) + " to " + std::to_string(hi)};
  return T(x);
}

double real(const json& o, const char* key, const std::string& path, double lo, double hi) {
  const json& v = at(o, key, path);
  if (!v.is_number()) throw KeyError{"'" + path + "' must be a number, not " + v.dump()};
  const double x = v.get<double>();
  if (!(x >= lo && x <= hi)) throw KeyError{"'" + path + "' is " + v.dump() + "; expected " + json(lo).dump() + " to " + json(hi).dump()};
  return x;
}

bool boolean(const json& o, const char* key, const std::string& path) {
  const json& v = at(o, key, path);
  if (!v.is_boolean()) throw KeyError{"'" + path + "' must be true or false, not " + v.dump()};
  return v.get<bool>();
}

std::string text(const json& o, const char* key, const std::string& path) {
  const json& v = at(o, key, path);
  if (!v.is_string()) throw KeyError{"'" + path + "' must be a string, not " + v.dump()};
  return v.get<std::string>();
}

template <class T>
std::vector<T> list(const json& o, const char* key, const std::string& path, double lo, double hi) {
  const json& v = at(o, key, path);
  if (!v.is_array()) throw KeyError{"'" + path + "' must be a list, not " + v.dump()};
  std::vector<T> out;
  for (size_t i = 0; i < v.size(); ++i) {
    const json one = {{"v", v[i]}};
    const std::string item = path + "[" + std::to_string(i) + "]";
    out.push_back(std::is_integral<T>::value ? T(integer<int64_t>(one, "v", item, int64_t(lo), int64_t(hi))) : T(real(one, "v", item, lo, hi)));
  }
  return out;
}

template <class E, size_t N>
E named(const Names<E> (&table)[N], const json& o, const char* key, const std::string& path) {
  auto v = parseName(table, text(o, key, path), path);
  if (!v) throw KeyError{v.error().message};
  return *v;
}

constexpr int64_t kIntMax = 2147483647;

Result<TrainConfig> fromObject(const json& j) {
  try {
    TrainConfig c = presetConfig(text(j, "preset", "preset"));
    c.stage = named(kStages, j, "stage", "stage");
    c.seed = uint64_t(integer<int64_t>(j, "seed", "seed", 0, INT64_MAX));
    const json& d = at(j, "data", "data");
    auto patch = parseSizeDHW(text(d, "patch", "data.patch"));
    if (!patch) return makeError("", "'data.patch': " + patch.error().message);
    c.patch = *patch;
    c.target = text(d, "target", "data.target");
    c.batch = integer<int>(d, "batch", "data.batch", 1, 1024);
    c.tumorShare = real(d, "tumor_share", "data.tumor_share", 0, 1);
    c.flips = boolean(d, "flips", "data.flips");
    c.loaderWorkers = integer<int>(d, "workers", "data.workers", 0, 64);
    // Optional: configs written before the key existed use the default location.
    c.cacheDir = d.contains("cache") ? text(d, "cache", "data.cache") : std::string();
    c.fold = d.contains("fold") ? integer<int>(d, "fold", "data.fold", -1, 999) : -1;
    const json& n = at(j, "net", "net");
    c.net.channels = list<int>(n, "channels", "net.channels", 1, 4096);
    c.net.dropout = list<double>(n, "dropout", "net.dropout", 0, 0.99);
    c.net.discChannels = integer<int>(n, "disc_channels", "net.disc_channels", 1, 4096);
    const std::string up = text(n, "upsampling", "net.upsampling");
    if (up != "transposed" && up != "linear") return makeError("", "'net.upsampling' is '" + up + "'; expected transposed or linear");
    c.net.linearUpsampling = up == "linear";
    c.net.decoderDropout = boolean(n, "decoder_dropout", "net.decoder_dropout");
    c.net.conv = named(kConvPaths, n, "conv", "net.conv");
    const json& l = at(j, "loss", "loss");
    c.loss.alphaG = real(l, "alpha_g", "loss.alpha_g", 0, 1e6);
    c.loss.alphaT = real(l, "alpha_t", "loss.alpha_t", 0, 1e6);
    c.loss.lambdaP = real(l, "lambda_p", "loss.lambda_p", 0, 1e6);
    c.loss.lambdaC = real(l, "lambda_c", "loss.lambda_c", 0, 1e6);
    c.loss.lambdaS = real(l, "lambda_s", "loss.lambda_s", 0, 1e6);
    c.loss.synT = boolean(l, "syn_t", "loss.syn_t");
    c.loss.fine = boolean(l, "fine", "loss.fine");
    c.loss.err = boolean(l, "err", "loss.err");
    c.loss.con = boolean(l, "con", "loss.con");
    c.loss.segInput = named(kInputs, l, "seg_input", "loss.seg_input");
    // Optional: the preset's default when absent (configFromJson reads a stored run's missing
    // key as the full gradient it trained with).
    if (l.contains("coarse_gradient")) {
      auto share = parseCoarseGradient(l["coarse_gradient"]);
      if (!share) throw KeyError{share.error().message};
      c.loss.coarseGradient = *share;
    }
    const json& o = at(j, "optim", "optim");
    c.optim.lr = real(o, "lr", "optim.lr", 1e-12, 10);
    c.optim.epochsConstant = integer<int>(o, "epochs_constant", "optim.epochs_constant", 0, kIntMax);
    c.optim.epochsDecay = integer<int>(o, "epochs_decay", "optim.epochs_decay", 0, kIntMax);
    c.optim.iterationsPerEpoch = integer<int>(o, "iterations_per_epoch", "optim.iterations_per_epoch", 1, kIntMax);
    c.optim.plateauPatience = integer<int>(o, "plateau_patience", "optim.plateau_patience", 1, kIntMax);
    c.optim.amp = boolean(o, "amp", "optim.amp");
    c.optim.gradientNormsEvery =
        o.contains("gradient_norms_every") ? integer<int>(o, "gradient_norms_every", "optim.gradient_norms_every", 0, kIntMax) : 0;
    const json& v = at(j, "validation", "validation");
    c.validateEvery = integer<int>(v, "every", "validation.every", 0, kIntMax);
    c.overlap = real(v, "overlap", "validation.overlap", 0, 0.9);
    c.validationCases = integer<int>(v, "cases", "validation.cases", 0, kIntMax);
    c.select = named(kSelects, v, "select", "validation.select");
    c.checkpointEvery = integer<int>(at(j, "checkpoint", "checkpoint"), "every", "checkpoint.every", 1, kIntMax);
    const json& r = at(j, "runs", "runs");
    c.spRun = text(r, "sp", "runs.sp");
    c.synthesisRun = text(r, "synthesis", "runs.synthesis");
    const json& i = at(j, "inference", "inference");
    c.output = named(kOutputs, i, "output", "inference.output");
    c.cropFromLabel = boolean(i, "crop_from_label", "inference.crop_from_label");
    c.inferenceBatch = integer<int>(i, "batch", "inference.batch", 1, 64);
    const std::string w = text(i, "window", "inference.window");
    c.windowRule = w == "patch" ? WindowRule::Patch : w == "slab" ? WindowRule::Slab : WindowRule::Fixed;
    if (c.windowRule == WindowRule::Fixed) {
      auto size = parseSizeDHW(w);
      if (!size) return makeError("", "'inference.window' is '" + w + "'; expected slab, patch or DxHxW: " + size.error().message);
      c.inferenceWindow = *size;
    }
    return c;
  } catch (const KeyError& e) {
    return makeError("", e.message);
  } catch (const json::exception& e) {
    return makeError("", std::string("wrong value type: ") + e.what());
  }
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

Size3 TrainConfig::windowFor(const Size3& size) const {
  if (windowRule != WindowRule::Slab) return minWindow();
  Size3 w = patch;
  for (int a = 0; a < 2; ++a) {  // x and y; the depth stays the patch's (the 3D levels' context)
    const long rounded = (size[size_t(a)] + 15) / 16 * 16;
    w[size_t(a)] = std::clamp(rounded, patch[size_t(a)], std::max(patch[size_t(a)], kMaxSlabSide));
  }
  return w;
}

int TrainConfig::windowsPerPass(const Size3& window) const {
  const double patchVoxels = double(patch[0]) * double(patch[1]) * double(patch[2]);
  const double windowVoxels = double(window[0]) * double(window[1]) * double(window[2]);
  return std::max(1, int(double(inferenceBatch) * patchVoxels / windowVoxels));
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
  if (j.contains("preset") && !j["preset"].is_string()) return makeError(source, "'preset' must be a string");
  const std::string preset = j.value("preset", std::string("paper"));
  const auto names = presetNames();
  if (std::find(names.begin(), names.end(), preset) == names.end())
    return makeError(source, "unknown preset '" + preset + "' (paper, cpu-small)");
  json merged = toObject(presetConfig(preset));
  // Runs stored before loss.coarse_gradient existed trained with the full gradient, the
  // default then; a new run's default is detached (docs/engine.md, "The coarse branch").
  if (j.contains("loss") && j["loss"].is_object() && !j["loss"].contains("coarse_gradient"))
    merged["loss"]["coarse_gradient"] = "full";
  if (auto st = mergeKnown(merged, j, ""); !st) return makeError(source, st.error().message);
  auto c = fromObject(merged);
  if (!c) return makeError(source, c.error().message);
  // A stored config (resume, inference) passes the same checks as a new one.
  if (auto st = validate(*c); !st) return makeError(source, st.error().message);
  return c;
}

}  // namespace tiss
