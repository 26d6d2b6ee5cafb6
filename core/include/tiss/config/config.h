#pragma once
/// The one configuration type of training and inference: every hyperparameter, readable as
/// JSON. Defaults < preset < file < --set key=value overrides; unknown keys are errors (a typo
/// never silently falls back to a default). docs/engine.md lists every key.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/io/volume.h"

namespace tiss {

/// What a run trains. `sp` and the seg-* stages train one 2.5D U-Net on a channel set;
/// `tissnet` trains G, S, D_g and D_t end to end (needs an sp run unless lambda_p = 0);
/// `synthesis` is TISS-Net with lambda_S = 0 (no segmentor); `seg-synth` trains a U-Net on
/// the sources plus the synthesized target of a frozen synthesis (or tissnet) run.
enum class Stage { Sp, TissNet, Synthesis, SegSource, SegTarget, SegAll, SegSynth };
std::string toString(Stage s);

/// Input of the segmentor S (Table 2 / 6).
enum class SegInput { SourceSynthCoarse, SynthCoarse, Synth, Source };
std::string toString(SegInput s);

/// Inference output of S (Table 3): y_f, y_r or their average.
enum class SegOutput { Fine, Refined, Mean };
std::string toString(SegOutput s);

/// How 3D convolutions are computed (net.conv); every path gives Conv3d's result. Auto picks
/// per call by the input's shape where each is faster on this CPU (docs/engine.md). OneDnn
/// calls oneDNN's convolution directly (CPU; elsewhere it is Native).
enum class ConvPath { Auto, Native, Sliced, OneDnn };
std::string toString(ConvPath p);

struct NetConfig {
  std::vector<int> channels{32, 64, 128, 256, 512};       ///< five levels, top first
  std::vector<double> dropout{0.0, 0.0, 0.3, 0.4, 0.5};    ///< per level
  int discChannels = 64;                                   ///< first PatchGAN layer
  bool linearUpsampling = false;  ///< decoder: trilinear upsampling + 1x1x1 conv instead of transposed conv
  bool decoderDropout = true;     ///< decoder blocks use their level's dropout, as PyMIC's UNet2D5
  ConvPath conv = ConvPath::Auto;
};

/// What picks the best checkpoint (validation.select). Auto: Dice of the segmentation output
/// for segmenting stages; for `synthesis`, perceptibility Dice when an S_p is loaded, else the
/// PSNR of x_t'. resolveSelect() turns Auto into the metric a run actually uses.
enum class Select { Auto, Dice, Psnr, Perceptibility };
std::string toString(Select s);

struct LossConfig {
  double alphaG = 50, alphaT = 200, lambdaP = 25, lambdaC = 1, lambdaS = 25;
  bool synT = true;   ///< L_syn-t (tumor-aware synthesis)
  bool fine = true, err = true, con = true;  ///< the three terms of L_S
  SegInput segInput = SegInput::SourceSynthCoarse;
  /// loss.coarse_gradient: the share of the segmentor's gradient that reaches y_c through S's
  /// input and y_r (0 "detached", the default: y_c learns from L_c alone and stays a coarse
  /// segmentation; 1 "full": plain autograd, as the paper's equations read, under which y_c
  /// becomes a code for S; in between: scaled). The values S sees are the same in every case.
  /// Stored run configs without the key trained with the full gradient and read as 1.
  double coarseGradient = 0;
};

struct OptimConfig {
  double lr = 1e-4;
  int epochsConstant = 100, epochsDecay = 150;  ///< constant lr, then linear decay to 0
  int iterationsPerEpoch = 250;
  int plateauPatience = 30;  ///< sp: halve lr after this many epochs without val improvement
  bool amp = true;  ///< mixed precision (autocast + dynamic loss scaling) when training on CUDA; CPU ignores it
  /// optim.gradient_norms_every: every N steps log the gradient norm each loss group sends into
  /// each decoder (events "gradients"; extra backward passes, so 0 = off by default).
  int gradientNormsEvery = 0;
  /// optim.accumulate: data.batch is split into this many micro-batches whose gradients add up
  /// before one optimizer step (each with its own BatchNorm statistics and losses, as one rank
  /// of a data-parallel run); 1: the whole batch at once.
  int accumulate = 1;
  /// optim.overlap_allreduce: data-parallel runs average a bucket of gradients over the ranks
  /// as soon as backward has produced it, while backward goes on (as torch DDP); false: all
  /// buckets after backward. The weights are the same either way.
  bool overlapAllreduce = true;
};

/// Sliding-window rules (inference.window): the training patch, a fixed size, or a slab.
enum class WindowRule { Patch, Fixed, Slab };
/// The largest in-plane side of a slab window (voxels): a 512x512 VS slice is run as 256-voxel
/// windows, so one pass of the paper preset stays within a GPU's memory.
constexpr long kMaxSlabSide = 256;

struct TrainConfig {
  Stage stage = Stage::TissNet;
  std::string preset = "paper";
  uint64_t seed = 1;
  Size3 patch{128, 128, 16};
  /// data.target: which modality this run synthesizes, the others being its sources ("" : the
  /// data set's target). BraSyn trains one run per missing sequence (t1n, t1c, t2w, t2f).
  std::string target;
  int batch = 2;
  double tumorShare = 0.5;
  bool flips = true;
  int loaderWorkers = 2;
  /// data.cache: the folder of the preprocessed cache (nnU-Net's nnUNet_preprocessed); "" :
  /// $TISS_PREPROCESSED, else the per-user cache (~/.cache/tiss-workbench/preprocessed). Never
  /// the data set folder, which may be read-only or shared (preprocessing/prepared_store.h).
  std::string cacheDir;
  /// data.fold: the cross-validation fold this run trains (its train and val from the data
  /// set's splits_final.json, tiss/data/folds.h); -1: the data set's split.json.
  int fold = -1;
  NetConfig net;
  LossConfig loss;
  OptimConfig optim;
  int validateEvery = 250;     ///< iterations; 0 disables validation
  double overlap = 0.5;        ///< sliding-window overlap in [0, 0.9]
  int inferenceBatch = 4;      ///< patch-sized sliding windows per forward pass (MONAI's sw_batch_size), 1 to 64; Predictor::windowsPerPass
  /// How validation and inference choose the sliding window (inference.window): "slab" (the
  /// default), "patch" or "DxHxW". The networks are fully convolutional (BN uses its running
  /// statistics at test time), so a larger window sees more context per pass and fewer voxels
  /// are computed twice; docs/engine.md has the measured effect on speed and scores.
  WindowRule windowRule = WindowRule::Slab;
  Size3 inferenceWindow{0, 0, 0};  ///< the window (x, y, z) of WindowRule::Fixed
  /// The size every test-time case is padded to at least (x, y, z): the fixed window, else the patch.
  Size3 minWindow() const { return windowRule == WindowRule::Fixed ? inferenceWindow : patch; }
  int validationCases = 0;     ///< 0: every validation case
  int checkpointEvery = 250;   ///< iterations
  std::string spRun;           ///< tissnet: run folder of the pre-trained S_p
  std::string synthesisRun;    ///< seg-synth: run folder of the synthesis model
  SegOutput output = SegOutput::Fine;
  bool cropFromLabel = false;  ///< test-time crop centred on the ground truth (the paper's protocol); off: from the images
  Select select = Select::Auto;

  /// In 64 bits: epochs x iterations cannot overflow (validation caps it at 2^31 - 1).
  int64_t totalIterations() const {
    return (int64_t(optim.epochsConstant) + optim.epochsDecay) * int64_t(optim.iterationsPerEpoch);
  }
};

/// The checkpoint criterion a config uses (never Auto); `hasSp`: an S_p run is loaded.
Select resolveSelect(const TrainConfig& config, bool hasSp);
/// inference.window as written in configs: "slab", "patch" or "DxHxW".
std::string windowText(const TrainConfig& config);
/// The validation event key of a criterion: dice_pct, psnr_db or perc_dice_pct.
std::string selectMetricKey(Select s);

/// Names of the presets: "paper" (the paper's widths and schedule) and "cpu-small" (narrow
/// nets, short schedule, small patches: trains on a laptop CPU in minutes).
std::vector<std::string> presetNames();

/// Builds a config: preset defaults, then the JSON file (may be empty: none), then each
/// "key=value" override (dotted keys, e.g. loss.lambda_p=15). Fails naming the file or key.
Result<TrainConfig> loadConfig(const std::string& file, const std::vector<std::string>& overrides,
                               const std::string& preset = "");

/// Sets one key of a resolved config from "key=value" (the value as in --set), through the key
/// table, then checks the whole config again. Fails naming the key; `config` is then unchanged.
Status applySetting(TrainConfig& config, const std::string& assignment);

/// Fully resolved JSON text of a config (what a run folder stores), and back.
std::string toJson(const TrainConfig& config);
Result<TrainConfig> configFromJson(const std::string& text, const std::string& source);

}  // namespace tiss
