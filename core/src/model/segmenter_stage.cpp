// Stages that train one 2.5D U-Net: sp (real target), seg-source, seg-target, seg-all and
// seg-synth (sources plus the synthesized target of a frozen synthesis run).
#include "model/losses.h"
#include "model/mixed_precision.h"
#include "model/networks.h"
#include "model/stage_model.h"

namespace tiss {
namespace {

int inputChannels(Stage s, int sources) {
  switch (s) {
    case Stage::Sp:
    case Stage::SegTarget: return 1;
    case Stage::SegSource: return sources;
    default: return sources + 1;
  }
}

torch::optim::AdamOptions adam(double lr) { return torch::optim::AdamOptions(lr).betas({0.9, 0.999}); }

class SegmenterModel : public StageModel {
 public:
  SegmenterModel(const TrainConfig& c, int sources, torch::Device device, Borrowed b)
      : stage_(c.stage), net_(inputChannels(c.stage, sources), 1, c.net), borrowed_(std::move(b)),
        amp_(c.optim.amp && device.is_cuda()), scaler_(amp_), accumulate_(c.optim.accumulate) {
    net_->to(device);
    opt_ = std::make_unique<torch::optim::Adam>(net_->parameters(), adam(c.optim.lr));
  }

  LossTerms trainStep(const Batch& b) override {
    const auto parts = splitBatch(b, accumulate_);
    scaler_.begin(*opt_);
    double sum = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
      const Batch& part = parts[i];
      torch::Tensor logits;
      {
        AutocastScope autocast(amp_);
        logits = net_->forward(input(part));
      }
      // Dice in float32: its sums over a patch exceed float16's range.
      const auto loss = losses::dice(torch::sigmoid(logits.to(torch::kFloat)), part.label);
      scaler_.backward(parts.size() == 1 ? loss : loss / double(parts.size()), i + 1 == parts.size());
      sum += loss.item<double>();
    }
    scaler_.finish(*opt_);
    const double v = sum / double(parts.size());
    return {{"seg_dice", v}, {"total", v}};
  }
  void setGradientSync(const GradientSyncFactory& make) override { scaler_.setSync(make()); }

  Outputs predict(const Batch& b) override {
    Outputs out;
    if (stage_ == Stage::SegSynth) out["synth"] = borrowed_.synthesize(b.sources);
    out["seg"] = torch::sigmoid(net_->forward(input(b, out.count("synth") ? out["synth"] : torch::Tensor())));
    return out;
  }

  std::map<std::string, bool> outputKinds() const override {
    std::map<std::string, bool> k{{"seg", false}};
    if (stage_ == Stage::SegSynth) k["synth"] = true;
    return k;
  }
  std::vector<torch::Tensor> parameters() override { return net_->parameters(); }
  std::vector<torch::Tensor> buffers() override { return net_->buffers(); }
  void train(bool on) override { net_->train(on); }
  void freeze() override {
    net_->eval();
    for (auto& p : net_->parameters()) p.set_requires_grad(false);
  }
  void setLearningRate(double lr) override {
    for (auto& g : opt_->param_groups()) static_cast<torch::optim::AdamOptions&>(g.options()).lr(lr);
  }
  void save(torch::serialize::OutputArchive& a) override {
    torch::serialize::OutputArchive net, opt;
    net_->save(net);
    opt_->save(opt);

    a.write("net", net);
    a.write("opt", opt);
    torch::serialize::OutputArchive amp;
    scaler_.save(amp);
    a.write("amp", amp);
  }
  void load(torch::serialize::InputArchive& a) override {
    torch::serialize::InputArchive net, opt;
    a.read("net", net);
    net_->load(net);
    if (a.try_read("opt", opt)) opt_->load(opt);
    torch::serialize::InputArchive amp;
    if (a.try_read("amp", amp)) scaler_.load(amp);
  }
  std::map<std::string, int64_t> parameterCounts() override { return {{"U-Net", nn::parameterCount(*net_)}}; }

 private:
  // The network input of this stage; seg-synth reuses a synthesis made already when given.
  torch::Tensor input(const Batch& b, torch::Tensor synth = {}) {
    switch (stage_) {
      case Stage::Sp:
      case Stage::SegTarget: return b.target;
      case Stage::SegSource: return b.sources;
      case Stage::SegAll: return torch::cat({b.sources, b.target}, 1);
      default: {
        if (!synth.defined()) {
          torch::NoGradGuard frozen;
          synth = borrowed_.synthesize(b.sources);
        }
        return torch::cat({b.sources, synth}, 1);
      }
    }
  }

  Stage stage_;
  nn::UNet25D net_;
  std::unique_ptr<torch::optim::Adam> opt_;
  Borrowed borrowed_;
  bool amp_;
  LossScaler scaler_;
  int accumulate_;
};

}  // namespace

std::unique_ptr<StageModel> makeSegmenterModel(const TrainConfig& c, int sources, torch::Device device, Borrowed b) {
  return std::make_unique<SegmenterModel>(c, sources, device, std::move(b));
}

}  // namespace tiss
