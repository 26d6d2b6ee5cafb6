// The TISS-Net stage: generator G (x_s -> x_t', y_c), segmentor S (-> y_f, y_e),
// discriminators D_g and D_t, and the frozen S_p. With stage `synthesis` (lambda_S = 0 in the
// paper's ablations) S is not built.
#include <cmath>

#include "model/losses.h"
#include "model/mixed_precision.h"
#include "model/networks.h"
#include "model/stage_model.h"

namespace tiss {
namespace {

int segmentorInputs(SegInput in, int sources) {
  switch (in) {
    case SegInput::SourceSynthCoarse: return sources + 2;
    case SegInput::SynthCoarse: return 2;
    case SegInput::Synth: return 1;
    case SegInput::Source: return sources;
  }
  return sources + 2;
}

// Adam with pix2pix's beta1 = 0.5, usual for adversarial training.
torch::optim::AdamOptions adam(double lr) { return torch::optim::AdamOptions(lr).betas({0.5, 0.999}); }

std::vector<torch::Tensor> parametersOf(std::initializer_list<torch::nn::Module*> modules) {
  std::vector<torch::Tensor> all;
  for (auto* m : modules)
    if (m)
      for (auto& p : m->parameters()) all.push_back(p);
  return all;
}

// Turns off requires_grad of the modules' parameters for its lifetime (a graph recorded
// meanwhile computes no gradient for them), then restores each flag.
class WeightsFrozen {
 public:
  explicit WeightsFrozen(std::initializer_list<torch::nn::Module*> modules) {
    for (auto* m : modules)
      for (auto& p : m->parameters())
        if (p.requires_grad()) {
          p.set_requires_grad(false);
          frozen_.push_back(p);
        }
  }
  ~WeightsFrozen() {
    for (auto& p : frozen_) p.set_requires_grad(true);
  }
  WeightsFrozen(const WeightsFrozen&) = delete;
  WeightsFrozen& operator=(const WeightsFrozen&) = delete;

 private:
  std::vector<torch::Tensor> frozen_;
};

class TissNetModel : public StageModel {
 public:
  TissNetModel(const TrainConfig& c, int sources, torch::Device device, Borrowed b)
      : loss_(c.loss), output_(c.output), withS_(c.stage == Stage::TissNet && c.loss.lambdaS > 0), g_(sources, 1, 1, c.net),
        dg_(sources + 1, c.net.discChannels, c.net.conv), dt_(sources + 1, c.net.discChannels, c.net.conv), borrowed_(std::move(b)),
        amp_(c.optim.amp && device.is_cuda()), scalerGS_(amp_), scalerD_(amp_), accumulate_(c.optim.accumulate) {
    g_->to(device);
    dg_->to(device);
    dt_->to(device);
    if (withS_) {
      s_ = nn::DBNet(segmentorInputs(c.loss.segInput, sources), 1, 1, c.net);
      s_->to(device);
    }
    optGS_ = std::make_unique<torch::optim::Adam>(parametersOf({g_.get(), withS_ ? s_.get() : nullptr}), adam(c.optim.lr));
    optD_ = std::make_unique<torch::optim::Adam>(parametersOf({dg_.get(), loss_.synT ? dt_.get() : nullptr}), adam(c.optim.lr));
  }

  LossTerms trainStep(const Batch& b) override {
    const auto parts = splitBatch(b, accumulate_);
    const double k = double(parts.size());
    LossTerms terms;
    std::vector<torch::Tensor> fakes, masks;
    scalerGS_.begin(*optGS_);
    for (size_t i = 0; i < parts.size(); ++i) {
      const Batch& part = parts[i];
      LossTerms partTerms;
      torch::Tensor total;
      const auto mask = losses::tumorBoxMask(part.label);
      Outputs o;
      {
        // G's adversarial terms need the gradients through D_g and D_t, not of their weights
        // (the D step zeroes those before its own backward): the graph leaves them out.
        WeightsFrozen frozen({dg_.ptr().get(), dt_.ptr().get()});
        AutocastScope autocast(amp_);
        o = forward(part);
        total = generatorLoss(part, o, mask, partTerms);
      }
      partTerms["total"] = total.item<double>();
      scalerGS_.backward(parts.size() == 1 ? total : total / k, i + 1 == parts.size());
      for (const auto& [name, v] : partTerms) terms[name] += v / k;
      fakes.push_back(o["synth"].detach());
      masks.push_back(mask);
    }
    scalerGS_.finish(*optGS_);
    terms["discriminator"] = discriminatorStep(parts, fakes, masks);
    return terms;
  }
  void setGradientSync(const GradientSyncFactory& make) override {
    scalerGS_.setSync(make());
    scalerD_.setSync(make());
  }

  Outputs predict(const Batch& b) override {
    Outputs o = forward(b);
    if (borrowed_.spForward) o["sp_on_synth"] = borrowed_.spForward(o["synth"]);
    o["seg"] = withS_ ? chosen(o) : o["yc"];
    return o;
  }

  std::map<std::string, bool> outputKinds() const override {
    std::map<std::string, bool> k{{"synth", true}, {"yc", false}, {"seg", false}};
    // Only outputs some loss trains are written (config validation refuses to choose another).
    if (withS_ && (loss_.fine || loss_.con)) k["yf"] = false;
    if (withS_ && (loss_.err || loss_.con)) k.insert({{"ye", false}, {"yr", false}});
    if (borrowed_.spForward) k["sp_on_synth"] = false;
    return k;
  }
  void train(bool on) override {
    g_->train(on);
    dg_->train(on);
    dt_->train(on);
    if (withS_) s_->train(on);
  }
  void freeze() override {
    train(false);
    for (auto* m : std::initializer_list<torch::nn::Module*>{g_.get(), dg_.get(), dt_.get(), withS_ ? s_.get() : nullptr})
      if (m)
        for (auto& p : m->parameters()) p.set_requires_grad(false);
  }
  void setLearningRate(double lr) override {
    for (auto* opt : {optGS_.get(), optD_.get()})
      for (auto& g : opt->param_groups()) static_cast<torch::optim::AdamOptions&>(g.options()).lr(lr);
  }
  void save(torch::serialize::OutputArchive& a) override {
    auto put = [&](const char* key, auto& saveable) {
      torch::serialize::OutputArchive sub;
      saveable.save(sub);
      a.write(key, sub);
    };
    put("G", *g_);
    put("Dg", *dg_);
    put("Dt", *dt_);
    if (withS_) put("S", *s_);
    put("opt_gs", *optGS_);
    put("opt_d", *optD_);
    put("amp_gs", scalerGS_);
    put("amp_d", scalerD_);
  }
  void load(torch::serialize::InputArchive& a) override {
    auto get = [&](const char* key, auto& loadable, bool required) {
      torch::serialize::InputArchive sub;
      if (required) a.read(key, sub);
      else if (!a.try_read(key, sub)) return;
      loadable.load(sub);
    };
    get("G", *g_, true);
    get("Dg", *dg_, true);
    get("Dt", *dt_, true);
    if (withS_) get("S", *s_, true);
    get("opt_gs", *optGS_, false);
    get("opt_d", *optD_, false);
    get("amp_gs", scalerGS_, false);
    get("amp_d", scalerD_, false);
  }
  std::map<std::string, double> gradientNorms(const Batch& b) override {
    // The extra training-mode pass would move BatchNorm's running statistics: they are put back.
    std::vector<std::pair<torch::Tensor, torch::Tensor>> buffers;
    for (auto& t : this->buffers()) buffers.emplace_back(t, t.clone());
    auto norms = measureGradientNorms(b);
    torch::NoGradGuard noGrad;
    for (auto& [t, saved] : buffers) t.copy_(saved);
    return norms;
  }
  std::map<std::string, double> measureGradientNorms(const Batch& b) {
    const auto mask = losses::tumorBoxMask(b.label);
    WeightsFrozen frozen({dg_.ptr().get(), dt_.ptr().get()});
    AutocastScope autocast(amp_);
    Outputs o = forward(b);
    LossTerms terms;
    const std::map<std::string, torch::Tensor> groups = lossGroups(b, o, mask, terms);
    const std::map<std::string, std::vector<torch::Tensor>> parts{{"coarse_decoder", g_->second->parameters()},
                                                                  {"synthesis_decoder", g_->first->parameters()},
                                                                  {"encoder", g_->encoder->parameters()}};
    std::map<std::string, double> norms;
    for (const auto& [group, loss] : groups)
      for (const auto& [part, params] : parts) {
        // autograd::grad returns the gradients without touching the parameters' .grad.
        const auto grads = torch::autograd::grad({loss}, params, {}, /*retain_graph=*/true, /*create_graph=*/false,
                                                 /*allow_unused=*/true);
        double sum = 0;
        for (const auto& g : grads)
          if (g.defined()) sum += g.to(torch::kDouble).pow(2).sum().item<double>();
        norms[part + "/from_" + group] = std::sqrt(sum);
      }
    return norms;
  }
  std::vector<torch::Tensor> buffers() override {
    std::vector<torch::Tensor> all;
    for (auto* m : std::initializer_list<torch::nn::Module*>{g_.get(), withS_ ? s_.get() : nullptr, dg_.get(), dt_.get()})
      if (m)
        for (auto& t : m->buffers()) all.push_back(t);
    return all;
  }
  std::vector<torch::Tensor> parameters() override { return parametersOf({g_.get(), withS_ ? s_.get() : nullptr, dg_.get(), dt_.get()}); }
  std::map<std::string, int64_t> parameterCounts() override {
    std::map<std::string, int64_t> n{{"G", nn::parameterCount(*g_)}, {"D_g", nn::parameterCount(*dg_)},
                                     {"D_t", nn::parameterCount(*dt_)}};
    if (withS_) n["S"] = nn::parameterCount(*s_);
    return n;
  }

 private:
  // Every weighted term of G and S (method.md); fills `terms` with each unweighted value.
  torch::Tensor generatorLoss(const Batch& b, Outputs& o, const torch::Tensor& mask, LossTerms& terms) {
    torch::Tensor total;
    for (const auto& [group, loss] : lossGroupsInOrder(b, o, mask, terms)) total = total.defined() ? total + loss : loss;
    return total;
  }

  // The weighted terms in three groups by what they train: x_t' (L_syn-g, L_syn-t, L_p), y_c
  // (L_c) and S (L_fine, L_err, L_con).
  std::vector<std::pair<std::string, torch::Tensor>> lossGroupsInOrder(const Batch& b, Outputs& o, const torch::Tensor& mask,
                                                                       LossTerms& terms) {
    std::vector<std::pair<std::string, torch::Tensor>> groups;
    torch::Tensor sum;
    auto add = [&](const char* name, const torch::Tensor& t, double w) {
      terms[name] = t.item<double>();
      sum = sum.defined() ? sum + w * t : w * t;
    };
    auto close = [&](const char* group) {
      if (sum.defined()) groups.emplace_back(group, sum);
      sum = torch::Tensor();
    };
    add("syn_g_l1", torch::l1_loss(o["synth"], b.target), loss_.alphaG);
    add("syn_g_adv", losses::lsganGenerator(judge(dg_, torch::cat({b.sources, o["synth"]}, 1))), 1);
    if (loss_.synT) {
      add("syn_t_l1", torch::l1_loss(mask * o["synth"], mask * b.target), loss_.alphaT);
      add("syn_t_adv", losses::lsganGenerator(judge(dt_, mask * torch::cat({b.sources, o["synth"]}, 1))), 1);
    }
    if (loss_.lambdaP > 0 && borrowed_.spForward)
      add("perceptibility", losses::dice(borrowed_.spForward(o["synth"]).to(torch::kFloat), b.label), loss_.lambdaP);
    close("synthesis");
    add("coarse", losses::dice(o["yc"], b.label), loss_.lambdaC);
    close("coarse");
    if (withS_) {
      if (loss_.fine) add("fine", losses::dice(o["yf"], b.label), loss_.lambdaS);
      if (loss_.err) add("error", losses::dice(o["ye"], losses::errorTarget(o["yc"], b.label)), loss_.lambdaS);
      if (loss_.con) add("consistency", losses::consistency(o["yf"], o["yr"]), loss_.lambdaS);
      close("segmentor");
    }
    return groups;
  }

  std::map<std::string, torch::Tensor> lossGroups(const Batch& b, Outputs& o, const torch::Tensor& mask, LossTerms& terms) {
    std::map<std::string, torch::Tensor> m;
    for (auto& [group, loss] : lossGroupsInOrder(b, o, mask, terms)) m[group] = loss;
    return m;
  }

  // A discriminator's patch scores in float32: under autocast they come out as float16, and
  // the loss means are safer in full precision.
  static torch::Tensor judge(nn::PatchGAN& d, const torch::Tensor& x) { return d->forward(x).to(torch::kFloat); }

  // Network outputs are cast to float32 before the sigmoid/tanh: Dice sums over a whole
  // patch exceed float16's range.
  Outputs forward(const Batch& b) {
    Outputs o;
    auto [synth, coarse] = g_->forward(b.sources);
    o["synth"] = torch::tanh(synth.to(torch::kFloat));
    o["yc"] = torch::sigmoid(coarse.to(torch::kFloat));
    if (!withS_) return o;
    // What S reads of y_c: the same values, with loss.coarse_gradient's share of S's gradient.
    const double share = loss_.coarseGradient;
    const torch::Tensor yc = share == 1 ? o["yc"] : share == 0 ? o["yc"].detach() : share * o["yc"] + (1 - share) * o["yc"].detach();
    auto [fine, error] = s_->forward(segmentorInput(b.sources, o["synth"], yc));
    o["yf"] = torch::sigmoid(fine.to(torch::kFloat));
    o["ye"] = torch::sigmoid(error.to(torch::kFloat));
    o["yr"] = losses::refined(yc, o["ye"]);
    return o;
  }

  torch::Tensor segmentorInput(const torch::Tensor& xs, const torch::Tensor& synth, const torch::Tensor& yc) const {
    switch (loss_.segInput) {
      case SegInput::SourceSynthCoarse: return torch::cat({xs, synth, yc}, 1);
      case SegInput::SynthCoarse: return torch::cat({synth, yc}, 1);
      case SegInput::Synth: return synth;
      case SegInput::Source: return xs;
    }
    return xs;
  }

  torch::Tensor chosen(Outputs& o) const {
    switch (output_) {
      case SegOutput::Refined: return o["yr"];
      case SegOutput::Mean: return (o["yf"] + o["yr"]) / 2;
      case SegOutput::Fine: break;
    }
    return o["yf"];
  }

  // D_g and D_t on each part's real and synthesized target; one step. Returns the mean loss.
  double discriminatorStep(const std::vector<Batch>& parts, const std::vector<torch::Tensor>& fakes,
                           const std::vector<torch::Tensor>& masks) {
    scalerD_.begin(*optD_);
    double sum = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
      const Batch& b = parts[i];
      const auto real = torch::cat({b.sources, b.target}, 1), fake = torch::cat({b.sources, fakes[i]}, 1);
      torch::Tensor total;
      {
        AutocastScope autocast(amp_);
        total = losses::lsganDiscriminator(judge(dg_, real), judge(dg_, fake));
        if (loss_.synT) total = total + losses::lsganDiscriminator(judge(dt_, masks[i] * real), judge(dt_, masks[i] * fake));
      }
      scalerD_.backward(parts.size() == 1 ? total : total / double(parts.size()), i + 1 == parts.size());
      sum += total.item<double>();
    }
    scalerD_.finish(*optD_);
    return sum / double(parts.size());
  }

  LossConfig loss_;
  SegOutput output_;
  bool withS_;
  nn::DBNet g_, s_{nullptr};
  nn::PatchGAN dg_, dt_;
  std::unique_ptr<torch::optim::Adam> optGS_, optD_;
  Borrowed borrowed_;
  bool amp_;
  LossScaler scalerGS_, scalerD_;
  int accumulate_;
};

}  // namespace

std::unique_ptr<StageModel> makeTissNetModel(const TrainConfig& c, int sources, torch::Device device, Borrowed b) {
  return std::make_unique<TissNetModel>(c, sources, device, std::move(b));
}

}  // namespace tiss
