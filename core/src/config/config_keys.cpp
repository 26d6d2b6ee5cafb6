// The table of config keys: one entry per key with its description and its codec (how it is
// written into, and read and checked from, a config's JSON).
#include "tiss/config/config_keys.h"

#include <cstdint>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <sstream>

#include "config/config_codec.h"

using nlohmann::json;

namespace tiss {
namespace {

// A key of the wrong type or out of range, named by its dotted path.
struct KeyError {
  std::string message;
};

struct Codec {
  ConfigKey info;
  std::function<json(const TrainConfig&)> get;
  std::function<void(TrainConfig&, const json&)> set;  // throws KeyError
};

constexpr double kIntMax = 2147483647;

int64_t checkedInteger(const json& v, const std::string& path, double lo, double hi) {
  if (!v.is_number_integer()) throw KeyError{"'" + path + "' must be a whole number, not " + v.dump()};
  const int64_t x = v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX) ? INT64_MAX : v.get<int64_t>();
  const int64_t low = int64_t(lo), high = hi >= 9.2e18 ? INT64_MAX : int64_t(hi);
  if (x < low || x > high)
    throw KeyError{"'" + path + "' is " + v.dump() + "; expected " + std::to_string(low) + " to " + std::to_string(high)};
  return x;
}

double checkedReal(const json& v, const std::string& path, double lo, double hi) {
  if (!v.is_number()) throw KeyError{"'" + path + "' must be a number, not " + v.dump()};
  const double x = v.get<double>();
  if (!(x >= lo && x <= hi)) throw KeyError{"'" + path + "' is " + v.dump() + "; expected " + json(lo).dump() + " to " + json(hi).dump()};
  return x;
}

bool checkedBool(const json& v, const std::string& path) {
  if (!v.is_boolean()) throw KeyError{"'" + path + "' must be true or false, not " + v.dump()};
  return v.get<bool>();
}

std::string checkedText(const json& v, const std::string& path) {
  if (!v.is_string()) throw KeyError{"'" + path + "' must be a string, not " + v.dump()};
  return v.get<std::string>();
}

std::string checkedChoice(const json& v, const ConfigKey& k) {
  const std::string s = checkedText(v, k.key);
  std::string allowed;
  for (const auto& c : k.choices) {
    if (s == c) return s;
    allowed += (allowed.empty() ? "" : ", ") + c;
  }
  throw KeyError{"'" + k.key + "' is '" + s + "'; expected one of " + allowed};
}

// Builders: `ref` is a generic lambda giving the field of a (const or not) config.
template <class Ref>
Codec integerKey(ConfigKey k, double lo, double hi, Ref ref) {
  k.type = KeyType::Integer, k.min = lo, k.max = hi;
  return {k, [ref](const TrainConfig& c) { return json(ref(c)); },
          [ref, k](TrainConfig& c, const json& v) {
            using T = std::decay_t<decltype(ref(c))>;
            ref(c) = T(checkedInteger(v, k.key, k.min, k.max));
          }};
}

template <class Ref>
Codec realKey(ConfigKey k, double lo, double hi, Ref ref) {
  k.type = KeyType::Real, k.min = lo, k.max = hi;
  return {k, [ref](const TrainConfig& c) { return json(ref(c)); },
          [ref, k](TrainConfig& c, const json& v) { ref(c) = checkedReal(v, k.key, k.min, k.max); }};
}

template <class Ref>
Codec boolKey(ConfigKey k, Ref ref) {
  k.type = KeyType::Boolean;
  return {k, [ref](const TrainConfig& c) { return json(ref(c)); },
          [ref, k](TrainConfig& c, const json& v) { ref(c) = checkedBool(v, k.key); }};
}

template <class Ref>
Codec textKey(ConfigKey k, Ref ref) {
  k.type = KeyType::Text;
  return {k, [ref](const TrainConfig& c) { return json(ref(c)); },
          [ref, k](TrainConfig& c, const json& v) { ref(c) = checkedText(v, k.key); }};
}

// An enumeration written by its toString() name.
template <class E, class Ref>
Codec choiceKey(ConfigKey k, std::vector<E> values, Ref ref) {
  k.type = KeyType::Choice;
  for (E e : values) k.choices.push_back(toString(e));
  return {k, [ref](const TrainConfig& c) { return json(toString(ref(c))); },
          [ref, k, values](TrainConfig& c, const json& v) {
            const std::string s = checkedChoice(v, k);
            for (E e : values)
              if (toString(e) == s) ref(c) = e;
          }};
}

template <class T, class Ref>
Codec listKey(ConfigKey k, double lo, double hi, Ref ref) {
  k.type = std::is_integral<T>::value ? KeyType::IntegerList : KeyType::RealList, k.min = lo, k.max = hi;
  return {k, [ref](const TrainConfig& c) { return json(ref(c)); },
          [ref, k](TrainConfig& c, const json& v) {
            if (!v.is_array()) throw KeyError{"'" + k.key + "' must be a list, not " + v.dump()};
            std::vector<T> out;
            for (size_t i = 0; i < v.size(); ++i) {
              const std::string item = k.key + "[" + std::to_string(i) + "]";
              out.push_back(std::is_integral<T>::value ? T(checkedInteger(v[i], item, k.min, k.max)) : T(checkedReal(v[i], item, k.min, k.max)));
            }
            ref(c) = out;
          }};
}

// The table. `ref` lambdas name the field; help says what the value does (docs/engine.md
// discusses the choices at length).
ConfigKey key(const char* name, const char* unit, const char* help, const char* since = "0.1.0") {
  ConfigKey k;
  k.key = name, k.unit = unit, k.help = help, k.since = since;
  return k;
}

std::vector<Codec> topKeys() {
  std::vector<Codec> t;
  ConfigKey preset = key("preset", "", "the defaults every other key starts from: the paper's widths and schedule, or narrow nets and a short schedule that train on a laptop CPU in minutes");
  preset.type = KeyType::Choice, preset.choices = presetNames();
  t.push_back({preset, [](const TrainConfig& c) { return json(c.preset); }, [](TrainConfig&, const json&) {}});  // read first
  t.push_back(choiceKey(key("stage", "", "what the run trains: sp (S_p on the real target), tissnet (G, S, D_g, D_t end to end), synthesis (TISS-Net without S), seg-source / seg-target / seg-all (a U-Net on those channels), seg-synth (a U-Net on the sources and a frozen synthesis run's x_t')"),
                        std::vector<Stage>{Stage::Sp, Stage::TissNet, Stage::Synthesis, Stage::SegSource, Stage::SegTarget, Stage::SegAll, Stage::SegSynth},
                        [](auto& c) -> auto& { return c.stage; }));
  t.push_back(integerKey(key("seed", "", "seeds the weights, the patch sampler and dropout"), 0, 9.3e18, [](auto& c) -> auto& { return c.seed; }));
  return t;
}

std::vector<Codec> dataKeys() {
  std::vector<Codec> t;
  ConfigKey patch = key("data.patch", "voxels (D x H x W)", "training patch; D a multiple of 4, H and W of 16 (two 3D and four 2D poolings)");
  patch.type = KeyType::Size;
  t.push_back({patch, [](const TrainConfig& c) { return json(formatSizeDHW(c.patch)); },
               [](TrainConfig& c, const json& v) {
                 auto size = parseSizeDHW(checkedText(v, "data.patch"));
                 if (!size) throw KeyError{"'data.patch': " + size.error().message};
                 c.patch = *size;
               }});
  t.push_back(textKey(key("data.target", "", "the modality this run synthesizes, the others being its sources (\"\": the data set's target); BraSyn trains one run per missing sequence"),
                      [](auto& c) -> auto& { return c.target; }));
  t.push_back(integerKey(key("data.batch", "patches", "patches per training step"), 1, 1024, [](auto& c) -> auto& { return c.batch; }));
  t.push_back(realKey(key("data.tumor_share", "share of patches", "share of patches centred on a tumor voxel (the rest anywhere in the head)"), 0, 1,
                      [](auto& c) -> auto& { return c.tumorShare; }));
  t.push_back(boolKey(key("data.flips", "", "random flips of training patches"), [](auto& c) -> auto& { return c.flips; }));
  t.push_back(integerKey(key("data.workers", "threads", "patch loader threads"), 0, 64, [](auto& c) -> auto& { return c.loaderWorkers; }));
  t.push_back(textKey(key("data.cache", "folder", "root of the preprocessed cache (\"\": $TISS_PREPROCESSED, else the per-user cache); never the data set folder"),
                      [](auto& c) -> auto& { return c.cacheDir; }));
  t.push_back(integerKey(key("data.fold", "", "the cross-validation fold of splits_final.json this run trains (-1: split.json)"), -1, 999,
                         [](auto& c) -> auto& { return c.fold; }));
  return t;
}

std::vector<Codec> netKeys() {
  std::vector<Codec> t;
  t.push_back(listKey<int>(key("net.channels", "channels", "feature channels of the five U-Net levels, top first"), 1, 4096,
                           [](auto& c) -> auto& { return c.net.channels; }));
  t.push_back(listKey<double>(key("net.dropout", "probability", "dropout of the five levels, top first"), 0, 0.99,
                              [](auto& c) -> auto& { return c.net.dropout; }));
  t.push_back(integerKey(key("net.disc_channels", "channels", "first layer of the PatchGAN discriminators"), 1, 4096,
                         [](auto& c) -> auto& { return c.net.discChannels; }));
  ConfigKey up = key("net.upsampling", "", "decoder upsampling: transposed convolution, or trilinear upsampling and a 1x1x1 convolution");
  up.type = KeyType::Choice, up.choices = {"transposed", "linear"};
  t.push_back({up, [](const TrainConfig& c) { return json(c.net.linearUpsampling ? "linear" : "transposed"); },
               [up](TrainConfig& c, const json& v) { c.net.linearUpsampling = checkedChoice(v, up) == "linear"; }});
  t.push_back(boolKey(key("net.decoder_dropout", "", "decoder blocks use their level's dropout, as PyMIC's UNet2D5"),
                      [](auto& c) -> auto& { return c.net.decoderDropout; }));
  t.push_back(choiceKey(key("net.conv", "", "how 3D convolutions are computed; every path gives Conv3d's result (auto picks per shape, docs/engine.md \"Speed\")"),
                        std::vector<ConvPath>{ConvPath::Auto, ConvPath::Native, ConvPath::Sliced, ConvPath::OneDnn},
                        [](auto& c) -> auto& { return c.net.conv; }));
  return t;
}

std::vector<Codec> lossKeys() {
  std::vector<Codec> t;
  auto weight = [&t](const char* name, const char* help, auto ref) { t.push_back(realKey(key(name, "weight", help), 0, 1e6, ref)); };
  weight("loss.alpha_g", "α_g: L_syn-g, the whole-image synthesis loss (0 switches it off)", [](auto& c) -> auto& { return c.loss.alphaG; });
  weight("loss.alpha_t", "α_t: L_syn-t, the tumor-region synthesis loss", [](auto& c) -> auto& { return c.loss.alphaT; });
  weight("loss.lambda_p", "λ_p: L_p, the perceptibility loss (a frozen S_p on x_t'; needs runs.sp)", [](auto& c) -> auto& { return c.loss.lambdaP; });
  weight("loss.lambda_c", "λ_c: L_c, the coarse segmentation loss of G's y_c", [](auto& c) -> auto& { return c.loss.lambdaC; });
  weight("loss.lambda_s", "λ_S: L_S, the segmentor's loss (0: no S is built)", [](auto& c) -> auto& { return c.loss.lambdaS; });
  t.push_back(boolKey(key("loss.syn_t", "", "L_syn-t, the tumor-aware synthesis term"), [](auto& c) -> auto& { return c.loss.synT; }));
  t.push_back(boolKey(key("loss.fine", "", "L_fine of L_S (trains y_f)"), [](auto& c) -> auto& { return c.loss.fine; }));
  t.push_back(boolKey(key("loss.err", "", "L_err of L_S (trains the error branch y_e)"), [](auto& c) -> auto& { return c.loss.err; }));
  t.push_back(boolKey(key("loss.con", "", "L_con of L_S (y_f against y_r = y_c ⊕ y_e)"), [](auto& c) -> auto& { return c.loss.con; }));
  t.push_back(choiceKey(key("loss.seg_input", "", "the segmentor's input (Table 2 / 6)"),
                        std::vector<SegInput>{SegInput::SourceSynthCoarse, SegInput::SynthCoarse, SegInput::Synth, SegInput::Source},
                        [](auto& c) -> auto& { return c.loss.segInput; }));
  ConfigKey cg = key("loss.coarse_gradient", "share", "share of S's gradient that reaches y_c: detached (0, y_c learns from L_c alone), full (1, plain autograd as the paper's equations read) or a share in [0, 1]; stored runs without the key read as full (docs/engine.md, \"The coarse branch\")");
  cg.type = KeyType::Special, cg.choices = {"detached", "full", "0 to 1"}, cg.min = 0, cg.max = 1;
  t.push_back({cg,
               [](const TrainConfig& c) {
                 const double g = c.loss.coarseGradient;
                 return g == 1 ? json("full") : g == 0 ? json("detached") : json(g);
               },
               [](TrainConfig& c, const json& v) {
                 double share = -1;
                 if (v.is_string() && v.get<std::string>() == "full") share = 1;
                 else if (v.is_string() && v.get<std::string>() == "detached") share = 0;
                 else if (v.is_number()) share = v.get<double>();
                 else if (v.is_string()) {
                   const std::string text = v.get<std::string>();
                   char* end = nullptr;
                   share = std::strtod(text.c_str(), &end);
                   if (text.empty() || *end) share = -1;
                 }
                 if (!(share >= 0 && share <= 1))
                   throw KeyError{"'loss.coarse_gradient' is " + v.dump() + "; expected full, detached or a share in [0, 1]"};
                 c.loss.coarseGradient = share;
               }});
  return t;
}

std::vector<Codec> optimKeys() {
  std::vector<Codec> t;
  t.push_back(realKey(key("optim.lr", "", "Adam's learning rate"), 1e-12, 10, [](auto& c) -> auto& { return c.optim.lr; }));
  t.push_back(integerKey(key("optim.epochs_constant", "epochs", "TISS-Net stages: epochs at optim.lr"), 0, kIntMax,
                         [](auto& c) -> auto& { return c.optim.epochsConstant; }));
  t.push_back(integerKey(key("optim.epochs_decay", "epochs", "TISS-Net stages: epochs of linear decay to 0 after them"), 0, kIntMax,
                         [](auto& c) -> auto& { return c.optim.epochsDecay; }));
  t.push_back(integerKey(key("optim.iterations_per_epoch", "iterations", "training steps per epoch"), 1, kIntMax,
                         [](auto& c) -> auto& { return c.optim.iterationsPerEpoch; }));
  t.push_back(integerKey(key("optim.plateau_patience", "epochs", "U-Net stages: halve the rate after this many epochs without a better validation Dice"), 1, kIntMax,
                         [](auto& c) -> auto& { return c.optim.plateauPatience; }));
  t.push_back(boolKey(key("optim.amp", "", "mixed precision (autocast, dynamic loss scaling) on CUDA; the CPU ignores it"),
                      [](auto& c) -> auto& { return c.optim.amp; }));
  t.push_back(integerKey(key("optim.gradient_norms_every", "iterations", "every N steps log the gradient norm each loss group sends into each part of G (a \"gradients\" event; 0: never)"),
                         0, kIntMax, [](auto& c) -> auto& { return c.optim.gradientNormsEvery; }));
  t.push_back(integerKey(key("optim.accumulate", "micro-batches", "split data.batch into this many micro-batches whose gradients add up before one step (each with its own BatchNorm statistics and losses, as the ranks of a data-parallel run); must divide data.batch"),
                         1, 64, [](auto& c) -> auto& { return c.optim.accumulate; }));
  t.push_back(boolKey(key("optim.overlap_allreduce", "", "data-parallel runs: average each bucket of gradients over the ranks while backward still runs (as torch DDP); false: all after backward. The weights are the same either way"),
                      [](auto& c) -> auto& { return c.optim.overlapAllreduce; }));
  return t;
}

std::vector<Codec> testKeys() {
  std::vector<Codec> t;
  t.push_back(integerKey(key("validation.every", "iterations", "validate every N steps (0: never)"), 0, kIntMax, [](auto& c) -> auto& { return c.validateEvery; }));
  t.push_back(realKey(key("validation.overlap", "share of the window", "sliding-window overlap of validation and inference"), 0, 0.9,
                      [](auto& c) -> auto& { return c.overlap; }));
  t.push_back(integerKey(key("validation.cases", "cases", "validation cases per validation (0: all)"), 0, kIntMax,
                         [](auto& c) -> auto& { return c.validationCases; }));
  t.push_back(choiceKey(key("validation.select", "", "what picks best.pt: auto (Dice of the segmentation; for synthesis the perceptibility Dice with runs.sp, else PSNR), or dice, psnr, perceptibility"),
                        std::vector<Select>{Select::Auto, Select::Dice, Select::Psnr, Select::Perceptibility},
                        [](auto& c) -> auto& { return c.select; }));
  t.push_back(integerKey(key("checkpoint.every", "iterations", "write checkpoints/last.pt every N steps"), 1, kIntMax,
                         [](auto& c) -> auto& { return c.checkpointEvery; }));
  t.push_back(textKey(key("runs.sp", "folder", "tissnet and synthesis: the finished sp run whose S_p is borrowed, frozen"), [](auto& c) -> auto& { return c.spRun; }));
  t.push_back(textKey(key("runs.synthesis", "folder", "seg-synth: the finished synthesis or tissnet run whose G is borrowed, frozen"),
                      [](auto& c) -> auto& { return c.synthesisRun; }));
  t.push_back(choiceKey(key("inference.output", "", "the segmentation written as the result: y_f, y_r or their mean (Table 3)"),
                        std::vector<SegOutput>{SegOutput::Fine, SegOutput::Refined, SegOutput::Mean}, [](auto& c) -> auto& { return c.output; }));
  t.push_back(boolKey(key("inference.crop_from_label", "", "the paper's test-time crop centred on the ground truth (reads the label; marked in every output); off: from the images alone"),
                      [](auto& c) -> auto& { return c.cropFromLabel; }));
  t.push_back(integerKey(key("inference.batch", "patches", "patch-sized sliding windows per forward pass (MONAI's sw_batch_size); a larger window counts as several"), 1, 64,
                         [](auto& c) -> auto& { return c.inferenceBatch; }));
  ConfigKey w = key("inference.window", "voxels (D x H x W)", "the sliding window: slab (the patch's depth by the whole image in plane, at most 256 voxels a side), patch (the training patch) or a fixed DxHxW");
  w.type = KeyType::Special, w.choices = {"slab", "patch", "DxHxW"};
  t.push_back({w, [](const TrainConfig& c) { return json(windowText(c)); },
               [](TrainConfig& c, const json& v) {
                 const std::string s = checkedText(v, "inference.window");
                 c.windowRule = s == "patch" ? WindowRule::Patch : s == "slab" ? WindowRule::Slab : WindowRule::Fixed;
                 if (c.windowRule != WindowRule::Fixed) return;
                 auto size = parseSizeDHW(s);
                 if (!size) throw KeyError{"'inference.window' is '" + s + "'; expected slab, patch or DxHxW: " + size.error().message};
                 c.inferenceWindow = *size;
               }});
  return t;
}

const std::vector<Codec>& codecs() {
  static const std::vector<Codec> table = [] {
    std::vector<Codec> all;
    for (auto part : {topKeys, dataKeys, netKeys, lossKeys, optimKeys, testKeys})
      for (auto& codec : part()) all.push_back(std::move(codec));
    return all;
  }();
  return table;
}

}  // namespace

const std::vector<ConfigKey>& configKeys() {
  static const std::vector<ConfigKey> keys = [] {
    std::vector<ConfigKey> k;
    for (const auto& c : codecs()) k.push_back(c.info);
    return k;
  }();
  return keys;
}

const ConfigKey* findConfigKey(const std::string& key) {
  for (const auto& k : configKeys())
    if (k.key == key) return &k;
  return nullptr;
}

namespace {

// The value at a dotted path of a nested object (null when absent).
json lookup(const json& o, const std::string& key) {
  const json* at = &o;
  std::stringstream path(key);
  for (std::string part; std::getline(path, part, '.');) {
    if (!at->is_object() || !at->contains(part)) return json();
    at = &(*at)[part];
  }
  return *at;
}

// As a user types it: strings bare ("" when empty), whole numbers without ".0".
std::string valueText(const json& v) {
  if (v.is_string()) return v.get<std::string>().empty() ? "\"\"" : v.get<std::string>();
  if (v.is_number_float() && v.get<double>() == double(int64_t(v.get<double>())) && std::abs(v.get<double>()) < 1e15)
    return std::to_string(int64_t(v.get<double>()));
  if (v.is_array()) {
    std::string s = "[";
    for (const auto& e : v) s += (s.size() > 1 ? "," : "") + valueText(e);
    return s + "]";
  }
  return v.dump();
}

}  // namespace

json configToObject(const TrainConfig& c) {
  json o = json::object();
  for (const auto& codec : codecs()) o[json::json_pointer("/" + [&] {
                                      std::string p = codec.info.key;
                                      for (auto& ch : p) ch = ch == '.' ? '/' : ch;
                                      return p;
                                    }())] = codec.get(c);
  return o;
}

Result<TrainConfig> configFromObject(const json& j) {
  try {
    const json preset = lookup(j, "preset");
    if (!preset.is_string()) throw KeyError{preset.is_null() ? "missing key 'preset'" : "'preset' must be a string, not " + preset.dump()};
    TrainConfig c = presetConfig(preset.get<std::string>());
    for (const auto& codec : codecs()) {
      const json v = lookup(j, codec.info.key);
      if (v.is_null()) throw KeyError{"missing key '" + codec.info.key + "'"};
      codec.set(c, v);
    }
    return c;
  } catch (const KeyError& e) {
    return makeError("", e.message);
  } catch (const json::exception& e) {
    return makeError("", std::string("wrong value type: ") + e.what());
  }
}

Status setConfigKey(TrainConfig& c, const std::string& key, const json& value) {
  for (const auto& codec : codecs()) {
    if (codec.info.key != key) continue;
    try {
      codec.set(c, value);
      return Status();
    } catch (const KeyError& e) {
      return makeError("", e.message);
    }
  }
  return makeError("", "unknown key '" + key + "'");
}

std::string configDefault(const std::string& key, const std::string& preset) {
  return valueText(lookup(configToObject(presetConfig(preset)), key));
}

}  // namespace tiss
