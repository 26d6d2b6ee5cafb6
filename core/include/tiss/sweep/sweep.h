#pragma once
/// Hyperparameter sweeps and ablations (docs/sweeps.md). A sweep is a JSON file: a base
/// config (preset, file, overrides) plus axes over any config key, seeds per point, the
/// metric that ranks trials, and shared runs the trials build on (an S_p for TISS-Net).
/// Expanding it gives jobs: each one ordinary run folder trained, inferred on the chosen
/// split and evaluated by `tissnet sweep-trial`.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tiss/util/result.h"
#include "tiss/evaluation/results_table.h"  // metric columns: a sweep's metric is one

namespace tiss {

/// One value of an axis: either a scalar for the axis key (`set` = {"key=value"}) or a named
/// bundle of overrides ("L_fine only" = three loss switches). `from` names a shared job whose
/// trained run is reused: such a trial only infers and evaluates (Table 3's outputs).
struct AxisValue {
  std::string name;               ///< shown in tables and plots
  std::vector<std::string> set;   ///< "key=value" overrides
  std::string from;               ///< shared job name, or empty: train a run
  double number = 0;              ///< numeric value for plots (scalar numeric axes)
  bool numeric = false;
};

struct SweepAxis {
  std::string key;                ///< config key, or a free title for bundle axes
  std::vector<AxisValue> values;
};

struct SharedJob {
  std::string name;               ///< referred to as "@name" in overrides, e.g. runs.sp=@sp
  std::vector<std::string> set;
};

enum class SweepMode { Grid, OneAtATime };

struct SweepSpec {
  std::string name = "sweep";
  std::string data;                       ///< data set folder (the command line may override)
  std::string preset = "cpu-small";       ///< config preset of every job
  std::string config;                     ///< optional base config file
  std::vector<std::string> set;           ///< base overrides of every trial
  std::vector<SharedJob> shared;          ///< trained first, once
  std::vector<SweepAxis> axes;
  SweepMode mode = SweepMode::Grid;       ///< one-at-a-time: each axis varied alone (Fig. 6)
  std::vector<uint64_t> seeds{1};         ///< each point is trained once per seed
  /// "folds": K (folds 0..K-1) or a list: each point x seed is trained once per fold of the data
  /// set's splits_final.json (data.fold) and evaluated on the fold's val cases, so a point's
  /// rows pool the out-of-fold predictions: every case once. Empty: no cross-validation.
  std::vector<int> folds;
  std::string metric = "dice_pct";        ///< ranks trials (see metricColumns())
  std::string split = "test";             ///< evaluated cases: test, val or all
  std::string baseline;                   ///< point label the comparisons are against; empty: first
  /// "statistics": {"test": "t"|"wilcoxon", "correction": "holm"|"bonferroni"|"none",
  /// "convention": "paper"} - how the results table compares points with the baseline
  /// (results_table.h). The paper presets reproduce the paper's convention (t, none), said so.
  std::string test = "t";
  std::string correction = "holm";
  bool paperConvention = false;
  int maxParallel = 1;
  int threadsPerTrial = 0;                ///< 0: LibTorch's default
  std::vector<std::string> devices;       ///< assigned round robin; empty: auto
};

/// A unit of work: a shared run or a trial (one point x one seed).
struct SweepJob {
  std::string id;                         ///< folder name under trials/ (or shared/)
  std::string label;                      ///< "loss.lambda_p=15" or the bundle names
  std::string point;                      ///< label without the seed: rows of the results table
  std::map<std::string, std::string> params;  ///< axis key -> value name
  std::map<std::string, double> numbers;      ///< axis key -> numeric value, when numeric
  std::vector<std::string> set;           ///< every override, shared references still "@name"
  std::string from;                       ///< shared job to infer from, or empty
  std::vector<std::string> after;         ///< ids of shared jobs that must finish first
  std::string varied;                     ///< one-at-a-time: the axis this point varies ("" = base)
  uint64_t seed = 1;
  int fold = -1;                          ///< data.fold of the trial; -1 without folds
  bool shared = false;
};

Result<SweepSpec> sweepSpecFromJson(const std::string& text, const std::string& source);
Result<SweepSpec> loadSweepSpec(const std::string& file);
std::string toJson(const SweepSpec& spec);

/// The most trials one sweep may expand to (a typo in a grid should not exhaust memory).
constexpr int kMaxJobs = 100000;

/// Every job of the spec: shared ones first, then trials in grid order (last axis fastest,
/// seeds innermost). One-at-a-time keeps each axis' other keys at the base config and lists
/// a configuration reached twice (the centre) once. Each job's config is resolved with
/// loadConfig, so a bad key or value fails here, naming the trial.
Result<std::vector<SweepJob>> expandSweep(const SweepSpec& spec);

/// Built-in specs: "fig6" (λ_p, λ_c, λ_S one at a time around 25 / 1 / 25, validation Dice),
/// "table1" (synthesis ablation), "table2" (segmentor input x loss), "table3" (y_f vs y_r vs
/// mean from one TISS-Net run), "table4" (baselines vs TISS-Net).
std::vector<std::string> sweepPresetNames();
Result<SweepSpec> sweepPreset(const std::string& name);


}  // namespace tiss
