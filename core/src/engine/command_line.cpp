#include "tiss/engine/command_line.h"

#include <sstream>

namespace tiss {

std::vector<std::string> trainArguments(const TrainRequest& r) {
  std::vector<std::string> a{"train", "--run", r.runDir, "--data", r.dataDir, "--device", r.device};
  if (r.threads > 0) a.insert(a.end(), {"--threads", std::to_string(r.threads)});
  if (r.nproc > 1) a.insert(a.end(), {"--nproc", std::to_string(r.nproc)});
  if (r.resume) {
    a.push_back("--resume");  // a resumed run keeps its stored config
    return a;
  }
  if (!r.configFile.empty()) a.insert(a.end(), {"--config", r.configFile});
  if (!r.preset.empty()) a.insert(a.end(), {"--preset", r.preset});
  for (const auto& o : r.overrides) a.insert(a.end(), {"--set", o});
  return a;
}

std::vector<std::string> inferArguments(const InferRequest& r, bool progressLines) {
  std::string cases;
  for (const auto& c : r.cases) cases += (cases.empty() ? "" : ",") + c;
  std::vector<std::string> a{"infer", "--run", r.runDir, "--data", r.dataDir, "--out", r.outDir};
  if (!cases.empty()) a.insert(a.end(), {"--cases", cases});
  if (r.device != "auto") a.insert(a.end(), {"--device", r.device});
  if (r.threads > 0) a.insert(a.end(), {"--threads", std::to_string(r.threads)});
  if (r.overlap >= 0) {
    std::ostringstream overlap;
    overlap << r.overlap;
    a.insert(a.end(), {"--overlap", overlap.str()});
  }
  if (!r.output.empty()) a.insert(a.end(), {"--output", r.output});
  if (!r.window.empty()) a.insert(a.end(), {"--window", r.window});
  if (r.checkpoint != "best") a.insert(a.end(), {"--checkpoint", r.checkpoint});
  if (r.cropFromLabel) a.push_back("--crop-from-label");
  if (r.skipExisting) a.push_back("--skip-existing");
  if (progressLines) a.push_back("--progress-lines");
  return a;
}

std::vector<std::string> sweepTrialArguments(const std::string& sweepDir, const std::string& trial, const std::string& device,
                                             int threads, bool wait) {
  std::vector<std::string> a{"sweep-trial", "--out", sweepDir, "--trial", trial};
  if (wait) a.push_back("--wait");
  a.insert(a.end(), {"--device", device});
  if (threads > 0) a.insert(a.end(), {"--threads", std::to_string(threads)});
  return a;
}

}  // namespace tiss
