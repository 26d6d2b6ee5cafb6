#pragma once
// Stage models: one strategy object per training stage, behind one interface the trainer,
// the validation and the inference use. Tensors are N x C x D x H x W.
#include <torch/torch.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "model/mixed_precision.h"
#include "tiss/config/config.h"

namespace tiss {

/// A training batch: source channels, the real target (may be undefined at inference) and
/// the binary label.
struct Batch {
  torch::Tensor sources, target, label;
};

/// Named outputs of a model on one input window, each N x 1 x D x H x W: probabilities of
/// segmentations ("seg" is always the stage's segmentation result) and images in [-1, 1].
using Outputs = std::map<std::string, torch::Tensor>;

/// Loss terms of one step by name ("total" included), for the event log.
using LossTerms = std::map<std::string, double>;

class StageModel {
 public:
  virtual ~StageModel() = default;
  /// Forward, losses, backward and optimizer steps on one batch. Returns every loss term.
  /// With optim.accumulate = k the batch is split into k equal parts, each with its own
  /// forward pass (BatchNorm statistics) and losses; their gradients, each divided by k, add
  /// up before one step per optimizer: what k ranks of a data-parallel run compute together.
  /// Loss terms are the mean over the parts.
  virtual LossTerms trainStep(const Batch& batch) = 0;
  /// Data-parallel runs: `make` gives each optimizer of the model its GradientSync, which
  /// averages the gradients over the ranks before every step.
  virtual void setGradientSync(const GradientSyncFactory& make) = 0;
  /// Inference on one window (no gradient; eval mode set by the caller with train(false)).
  virtual Outputs predict(const Batch& batch) = 0;
  /// Names of predict()'s outputs and whether each is an image (else a probability).
  virtual std::map<std::string, bool> outputKinds() const = 0;
  virtual void train(bool on) = 0;
  virtual void setLearningRate(double lr) = 0;
  /// Every trainable module and optimizer state, by name, for checkpoints.
  virtual void save(torch::serialize::OutputArchive& archive) = 0;
  virtual void load(torch::serialize::InputArchive& archive) = 0;
  /// Eval mode and no parameter gradients, for use as a borrowed model.
  virtual void freeze() = 0;
  /// Trainable parameters per network, e.g. {"G": ..., "S": ...}.
  virtual std::map<std::string, int64_t> parameterCounts() = 0;
  /// Every parameter of every network the stage trains (borrowed models excluded).
  virtual std::vector<torch::Tensor> parameters() = 0;
  /// The trained networks' buffers (BatchNorm running statistics), in a fixed order; empty for
  /// models that do not list them.
  virtual std::vector<torch::Tensor> buffers() { return {}; }
  /// The L2 norm of the gradient each loss group sends into each part of the networks on
  /// `batch` ("coarse_decoder/from_segmentor", ...), computed without changing any weight or
  /// accumulated gradient. Empty for stages with one loss group.
  virtual std::map<std::string, double> gradientNorms(const Batch&) { return {}; }
};

/// Frozen models a stage borrows from other runs (S_p for tissnet, G for seg-synth).
/// Gradients flow through their inputs but never into their parameters.
struct Borrowed {
  std::function<torch::Tensor(const torch::Tensor&)> spForward;   ///< target image -> tumor probability
  std::function<torch::Tensor(const torch::Tensor&)> synthesize;  ///< sources -> x_t' in [-1, 1]
};

/// `batch` in `parts` equal parts along N (parts must divide N); {batch} for one part.
std::vector<Batch> splitBatch(const Batch& batch, int parts);

/// Builds the model of `config.stage` for `sources` source channels on `device`
/// (stage_factory.cpp picks one of the two builders below).
std::unique_ptr<StageModel> makeStageModel(const TrainConfig& config, int sources, torch::Device device,
                                           Borrowed borrowed = {});
/// TISS-Net (G, S, D_g, D_t) for stages tissnet and synthesis (tissnet_stage.cpp).
std::unique_ptr<StageModel> makeTissNetModel(const TrainConfig& config, int sources, torch::Device device, Borrowed borrowed);
/// One 2.5D U-Net for stages sp and seg-* (segmenter_stage.cpp).
std::unique_ptr<StageModel> makeSegmenterModel(const TrainConfig& config, int sources, torch::Device device, Borrowed borrowed);

}  // namespace tiss
