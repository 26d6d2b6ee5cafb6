#pragma once
/// The engine's plain facade: training, inference and model sizes, for the command line and
/// the workbench alike. LibTorch stays behind it.
#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "tiss/config/config.h"
#include "tiss/util/result.h"

namespace tiss {

struct TrainRequest {
  std::string configFile;               ///< may be empty: preset defaults
  std::string preset;                   ///< overrides the file's preset when set
  std::vector<std::string> overrides;   ///< "key=value"
  std::string dataDir, runDir;
  std::string device = "auto";
  int threads = 0;                      ///< CPU threads; 0: LibTorch's default
  bool resume = false;
  std::vector<std::string> commandLine; ///< recorded in run.json; --nproc restarts it once per rank
  /// Data-parallel: > 1 starts this many local ranks (this program again, as torchrun's
  /// standalone mode does; docs/engine.md, "Data-parallel training"). Under torchrun or srun
  /// the ranks come from the environment instead (tiss/parallel/world.h).
  int nproc = 1;
  /// Seconds a collective waits for a peer before every rank gives up (a dead or hung rank).
  int timeoutS = 1800;
};

/// Trains into the run folder. Every event line (docs/events.md) is also passed to `onEvent`.
/// Data-parallel ranks (nproc > 1, or the launcher's environment) each call it; rank 0 alone
/// writes into the run folder.
/// Stops early, with a last checkpoint and status "stopped", when `cancel` becomes true.
/// Returns an error for bad input and for a failed run (status "failed" says why).
Status train(const TrainRequest& request, const std::function<void(const std::string&)>& onEvent,
             const std::atomic<bool>* cancel = nullptr);

struct InferRequest {
  std::string runDir, dataDir, outDir;
  std::vector<std::string> cases;  ///< ids, or {"test"} / {"val"} / {"train"} / {"all"}; empty: test
  std::string device = "auto";
  int threads = 0;
  double overlap = -1;             ///< < 0: the run's validation overlap
  std::string output;              ///< yf, yr or mean; empty: the run's choice
  std::string window;              ///< inference.window: slab, patch or DxHxW; empty: the run's
  std::string checkpoint = "best"; ///< best or last
  bool cropFromLabel = false;      ///< the paper's GT-centred test-time crop (also when the run's config says so)
  bool skipExisting = false;       ///< keep the cases OUT/inference.json lists (same checkpoint and protocol)
  std::function<void(const std::string&)> onWarning;  ///< e.g. the data set's split changed since the run
  /// (case index from 0, cases, windows done, windows of the case) after each sliding-window pass
  std::function<void(int, int, int, int)> onWindows;
};

/// Sliding-window inference of the listed cases, results uncropped to each input's geometry
/// and written as OUT/CASE/CASE_<output>.nii.gz (docs/engine.md), with OUT/inference.json
/// recording the run, checkpoint, crop rule (crop_from_label), window rule, overlap and each
/// case's crop box.
/// Only what a clinic has is read: the source images (and the real target for stages that
/// take it as input: sp, seg-target, seg-all); never the label, unless crop_from_label.
/// split names (test, val, train) are the run's own ids. A failing case is reported and the
/// others go on (returned error names them). inference.json is rewritten after every case, so
/// a kill loses at most the case in progress; `skipExisting` then goes on from there.
Status infer(const InferRequest& request, const std::function<void(int, int)>& progress = {});

/// Trainable parameters of every network a config builds, by name, for `sources` channels.
std::map<std::string, int64_t> parameterCounts(const TrainConfig& config, int sources);

}  // namespace tiss
