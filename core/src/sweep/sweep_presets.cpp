// The built-in sweeps: Fig. 6 and the ablations of Tables 1-4 (../shared/docs/method.md),
// on the cpu-small preset so they run on a workstation; raise the preset for the paper's.
#include "tiss/sweep/sweep.h"

namespace tiss {
namespace {

AxisValue bundle(const std::string& name, std::vector<std::string> set, const std::string& from = "") {
  AxisValue v;
  v.name = name;
  v.set = std::move(set);
  v.from = from;
  return v;
}

SweepAxis numbers(const std::string& key, const std::vector<double>& values) {
  SweepAxis axis{key, {}};
  for (double x : values) {
    AxisValue v;
    v.number = x;
    v.numeric = true;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    v.name = buf;
    v.set = {key + "=" + v.name};
    axis.values.push_back(v);
  }
  return axis;
}

SweepSpec tissnetBase(const std::string& name) {
  SweepSpec s;
  s.name = name;
  // The paper's tables and Fig. 6 with the paper's equations: S's gradient reaches y_c (also
  // what gives Fig. 6's lambda_c = 0 a meaning), not the workbench's detached default.
  s.set = {"stage=tissnet", "runs.sp=@sp", "loss.coarse_gradient=full"};
  s.shared = {{"sp", {"stage=sp"}}};
  return s;
}

SweepSpec fig6() {
  SweepSpec s = tissnetBase("fig6");
  s.axes = {numbers("loss.lambda_p", {0, 5, 15, 25, 35}), numbers("loss.lambda_c", {0, 0.5, 1, 2, 5}),
            numbers("loss.lambda_s", {0, 5, 15, 25, 35})};
  s.mode = SweepMode::OneAtATime;
  s.split = "val";  // Fig. 6 plots validation Dice
  s.baseline = "base";
  // Reproducing the paper: its convention (paired t-test, no correction), said in the footnote.
  s.paperConvention = true;
  s.correction = "none";
  return s;
}

SweepSpec table1() {
  SweepSpec s = tissnetBase("table1");
  s.set = {"stage=synthesis", "runs.sp=@sp"};
  s.axes = {{"synthesis losses",
             {bundle("L_syn-g", {"loss.syn_t=false", "loss.lambda_p=0", "loss.lambda_c=0"}),
              bundle("+ L_syn-t", {"loss.syn_t=true", "loss.lambda_p=0", "loss.lambda_c=0"}),
              bundle("+ L_p", {"loss.syn_t=false", "loss.lambda_p=25", "loss.lambda_c=0"}),
              bundle("+ L_syn-t + L_p", {"loss.syn_t=true", "loss.lambda_p=25", "loss.lambda_c=0"}),
              bundle("+ L_syn-t + L_p + L_c", {"loss.syn_t=true", "loss.lambda_p=25", "loss.lambda_c=1"})}}};
  s.metric = "psnr_local_db";
  s.baseline = "L_syn-g";
  // Reproducing the paper: its convention (paired t-test, no correction), said in the footnote.
  s.paperConvention = true;
  s.correction = "none";
  return s;
}

SweepSpec table2() {
  SweepSpec s = tissnetBase("table2");
  SweepAxis input = {"loss.seg_input", {}};
  for (const char* v : {"xs", "xt'", "xt'+yc", "xs+xt'+yc"}) input.values.push_back(bundle(v, {std::string("loss.seg_input=") + v}));
  s.axes = {input,
            {"segmentor losses",
             {bundle("L_fine", {"loss.fine=true", "loss.err=false", "loss.con=false", "inference.output=yf"}),
              bundle("L_err", {"loss.fine=false", "loss.err=true", "loss.con=false", "inference.output=yr"}),
              bundle("L_fine + L_err", {"loss.fine=true", "loss.err=true", "loss.con=false"}),
              bundle("L_fine + L_err + L_con", {"loss.fine=true", "loss.err=true", "loss.con=true"})}}};
  s.baseline = "loss.seg_input=xs+xt'+yc, L_fine + L_err + L_con";
  // Reproducing the paper: its convention (paired t-test, no correction), said in the footnote.
  s.paperConvention = true;
  s.correction = "none";
  return s;
}

SweepSpec table3() {
  SweepSpec s = tissnetBase("table3");
  s.set = {};
  s.shared.push_back({"tissnet", {"stage=tissnet", "runs.sp=@sp", "loss.coarse_gradient=full"}});
  s.axes = {{"segmentation output",
             {bundle("y_f", {"inference.output=yf"}, "tissnet"), bundle("y_r", {"inference.output=yr"}, "tissnet"),
              bundle("mean of y_f and y_r", {"inference.output=mean"}, "tissnet")}}};
  s.baseline = "y_f";
  // Reproducing the paper: its convention (paired t-test, no correction), said in the footnote.
  s.paperConvention = true;
  s.correction = "none";
  return s;
}

SweepSpec table4() {
  SweepSpec s = tissnetBase("table4");
  s.set = {};
  s.shared.push_back({"pix2pix", {"stage=synthesis", "loss.syn_t=false", "loss.lambda_p=0", "loss.lambda_c=0"}});
  s.axes = {{"method",
             {bundle("source modalities only", {"stage=seg-source"}), bundle("real target", {"stage=seg-target"}),
              bundle("all modalities", {"stage=seg-all"}),
              bundle("synthesis then segmentation", {"stage=seg-synth", "runs.synthesis=@pix2pix"}),
              bundle("TISS-Net", {"stage=tissnet", "runs.sp=@sp", "loss.coarse_gradient=full"})}}};
  s.baseline = "TISS-Net";
  // Reproducing the paper: its convention (paired t-test, no correction), said in the footnote.
  s.paperConvention = true;
  s.correction = "none";
  return s;
}

}  // namespace

std::vector<std::string> sweepPresetNames() { return {"fig6", "table1", "table2", "table3", "table4"}; }

Result<SweepSpec> sweepPreset(const std::string& name) {
  if (name == "fig6") return fig6();
  if (name == "table1") return table1();
  if (name == "table2") return table2();
  if (name == "table3") return table3();
  if (name == "table4") return table4();
  return makeError("", "no sweep preset '" + name + "' (fig6, table1, table2, table3, table4)");
}

}  // namespace tiss
