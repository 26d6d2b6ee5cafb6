// The validation hook: sliding-window inference on the validation cases every K iterations
// (cases cropped by the test-time rule, as inference sees them), Dice (and PSNR of x_t' and
// perceptibility Dice when the stage synthesizes), a preview slice, the best checkpoint by the
// run's criterion (validation.select) and the plateau schedule of the U-Net stages.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "training/predictor.h"
#include "training/tensors.h"
#include "tiss/metrics/metrics.h"
#include "tiss/io/preview.h"
#include "training/trainer.h"

using nlohmann::json;

namespace tiss {
namespace {

class ValidationHook : public TrainHook {
 public:
  explicit ValidationHook(TrainingContext& c)
      : c_(c), select_(resolveSelect(c.config, !c.config.spRun.empty())), key_(selectMetricKey(select_)) {
    const OptimConfig& o = c.config.optim;
    patience_ = std::max<int64_t>(1, (int64_t(o.plateauPatience) * o.iterationsPerEpoch + c.config.validateEvery - 1) /
                                         c.config.validateEvery);
  }

  Status afterStep(LoopState& s) override {
    const int64_t it = s.trainer.iteration;
    if (s.stop || (it % c_.config.validateEvery != 0 && it != s.total)) return Status();
    c_.model->train(false);
    const Scores v = validate(it);
    if (cancelled()) return Status();  // stopped mid-validation: no partial scores are recorded
    json e{{"event", "validation"}, {"step", it}, {"dice_pct", v.dice}, {"cases", cases()}, {"select", key_}};
    if (!std::isnan(v.psnrDb)) e["psnr_db"] = v.psnrDb;
    if (!std::isnan(v.percDice)) e["perc_dice_pct"] = v.percDice;
    const double score = select_ == Select::Psnr ? v.psnrDb : select_ == Select::Perceptibility ? v.percDice : v.dice;
    if (std::isnan(score)) {
      c_.emit(json{{"event", "warning"}, {"step", it}, {"message", "validation gives no " + key_ + "; best checkpoint not updated"}}.dump());
    } else {
      e["score"] = score;
    }
    c_.emit(e.dump());
    // bestDice holds the best score of the run's criterion (higher is better for each).
    if (!std::isnan(score) && score > s.trainer.bestDice) {
      s.trainer.bestDice = score;
      s.trainer.bestIteration = it;
      s.trainer.sinceImprovement = 0;
      if (auto st = saveCheckpoint(c_.run.bestCheckpoint(), *c_.model, s.trainer); !st)
        c_.emit(json{{"event", "warning"}, {"step", it}, {"message", st.error().describe()}}.dump());
      else
        c_.emit(json{{"event", "checkpoint"}, {"step", it}, {"kind", "best"}, {"select", key_}, {key_, score}}.dump());
    } else if (++s.trainer.sinceImprovement >= patience_ && c_.config.stage != Stage::TissNet &&
               c_.config.stage != Stage::Synthesis) {
      s.trainer.lrScale *= 0.5;
      s.trainer.sinceImprovement = 0;
      c_.emit(json{{"event", "lr_halved"}, {"step", it}, {"lr", c_.config.optim.lr * s.trainer.lrScale}}.dump());
    }
    return Status();
  }

 private:
  bool cancelled() const { return c_.cancel && c_.cancel->load(); }

  size_t cases() const {
    const size_t limit = c_.config.validationCases > 0 ? size_t(c_.config.validationCases) : c_.validation.size();
    return std::min(limit, c_.validation.size());
  }

  struct Scores {
    double dice, psnrDb, percDice;
  };

  // Mean Dice (%) of "seg", mean PSNR (dB, data range 2, inside the head of the target) of
  // "synth" and mean Dice (%) of S_p on x_t' over the cases; NaN where the stage has none.
  Scores validate(int64_t it) {
    double dice = 0, psnrSum = 0, percSum = 0;
    int psnrCount = 0, percCount = 0;
    for (size_t i = 0; i < cases() && !cancelled(); ++i) {
      const MappedCase& m = *c_.validation[i];
      const Batch whole = batchFromCase(m, c_.sources, c_.device);
      Outputs out = Predictor(*c_.model, c_.config).predict(whole);
      Geometry g;
      g.size = m.size();
      const Volume seg = toVolume(out.at("seg"), g), label = toVolume(whole.label, g);
      dice += dicePercent(seg, label);
      Volume target, synth;
      if (out.count("synth") && whole.target.defined()) {
        target = toVolume(whole.target, g);
        synth = toVolume(out.at("synth"), g);
        psnrSum += psnr(synth, target, 2.0, referenceHead(target));
        ++psnrCount;
      }
      if (out.count("sp_on_synth")) {
        percSum += dicePercent(toVolume(out.at("sp_on_synth"), g), label);
        ++percCount;
      }
      if (i == 0) writePreview(it, m.id(), target, synth, label, seg);
    }
    return {cases() ? dice / double(cases()) : std::nan(""), psnrCount ? psnrSum / psnrCount : std::nan(""),
            percCount ? percSum / percCount : std::nan("")};
  }

  void writePreview(int64_t it, const std::string& caseId, const Volume& target, const Volume& synth, const Volume& label, const Volume& seg) {
    std::vector<PreviewPanel> panels;
    if (!target.voxels.empty()) panels.push_back({&target, true});
    if (!synth.voxels.empty()) panels.push_back({&synth, true});
    panels.push_back({&label, false});
    panels.push_back({&seg, false});
    char name[32];
    std::snprintf(name, sizeof name, "/step_%07lld.png", static_cast<long long>(it));
    if (auto st = writePreviewPng(panels, largestSlice(label), c_.run.previewDir() + name); !st)
      c_.emit(json{{"event", "warning"}, {"step", it}, {"message", st.error().describe()}}.dump());
    else
      c_.emit(json{{"event", "preview"}, {"step", it}, {"file", std::string("previews") + name}, {"case", caseId}}.dump());
  }

  TrainingContext& c_;
  Select select_;
  std::string key_;
  int64_t patience_;
};

}  // namespace

std::unique_ptr<TrainHook> makeValidationHook(TrainingContext& c) { return std::make_unique<ValidationHook>(c); }

}  // namespace tiss
