// Engine commands: train, infer, params.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "commands.h"
#include "progress.h"
#include "tiss/engine/engine.h"

namespace tissnet {
namespace {

std::atomic<bool> cancelRequested{false};
// The first SIGINT/SIGTERM stops at the next step or validation case with a last checkpoint;
// a second one exits at once (checkpoints are written atomically, so the last good one stays).
extern "C" void onSignal(int) {
  if (cancelRequested.exchange(true)) std::_Exit(130);
}

// One line per sliding-window pass: the workbench's progress bar reads them (docs/events.md).
void printProgressLine(int caseIndex, int cases, int windows, int total) {
  std::printf("{\"event\": \"progress\", \"case\": %d, \"cases\": %d, \"windows_done\": %d, \"windows\": %d}\n",
              caseIndex, cases, windows, total);
  std::fflush(stdout);
}

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t comma; (comma = s.find(',', start)) != std::string::npos; start = comma + 1) out.push_back(s.substr(start, comma - start));
  if (start < s.size()) out.push_back(s.substr(start));
  return out;
}

}  // namespace

void addTrainCommand(CLI::App& app, int& exitCode, int argc, char** argv) {
  auto* cmd = app.add_subcommand("train", "Train a stage (sp, tissnet, synthesis, seg-*) into a run folder; "
                                          "one JSON event per line on stdout");
  auto r = std::make_shared<tiss::TrainRequest>();
  r->commandLine.assign(argv, argv + argc);
  cmd->add_option("--config", r->configFile, "JSON config file (docs/engine.md); default: the preset");
  cmd->add_option("--preset", r->preset, "paper or cpu-small");
  cmd->add_option("--set", r->overrides, "override a key, e.g. --set loss.lambda_p=15 (repeatable)");
  cmd->add_option("--data", r->dataDir, "data set folder")->required();
  cmd->add_option("--run", r->runDir, "run folder to create (or resume)")->required();
  cmd->add_option("--device", r->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_option("--threads", r->threads, "CPU threads (0: LibTorch's default)")->check(CLI::Range(0, 1024));
  cmd->add_flag("--resume", r->resume, "continue the run in --run from its last checkpoint");
  cmd->add_option("--nproc", r->nproc,
                  "data-parallel: start this many local ranks (Gloo on CPU, NCCL on CUDA; under torchrun or srun the ranks "
                  "come from the environment instead)")
      ->check(CLI::Range(1, 64));
  cmd->add_option("--timeout", r->timeoutS, "data-parallel: seconds a rank waits for its peers before all give up")
      ->check(CLI::Range(10, 86400))
      ->capture_default_str();
  cmd->callback([r, &exitCode] {
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    auto st = tiss::train(*r, [](const std::string& line) { std::printf("%s\n", line.c_str()); std::fflush(stdout); },
                          &cancelRequested);
    exitCode = st ? 0 : fail(st.error());
  });
}

void addInferCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("infer", "Sliding-window inference of a trained run on a data set");
  auto r = std::make_shared<tiss::InferRequest>();
  auto cases = std::make_shared<std::string>("test");
  cmd->add_option("--run", r->runDir, "trained run folder")->required();
  cmd->add_option("--data", r->dataDir, "data set folder")->required();
  cmd->add_option("--out", r->outDir, "output folder")->required();
  cmd->add_option("--cases", *cases, "test, val, train, all, or comma-separated case ids")->capture_default_str();
  cmd->add_option("--device", r->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_option("--threads", r->threads, "CPU threads (0: LibTorch's default)")->check(CLI::Range(0, 1024));
  cmd->add_option("--overlap", r->overlap, "sliding-window overlap in [0, 0.9] (default: the run's)")->check(CLI::Range(0.0, 0.9));
  cmd->add_option("--output", r->output, "segmentation output: yf, yr or mean (default: the run's)");
  cmd->add_option("--window", r->window,
                  "sliding window: slab (the patch's depth by the whole image), patch (the training patch) or DxHxW "
                  "(default: the run's inference.window)");
  cmd->add_option("--checkpoint", r->checkpoint, "best or last")->check(CLI::IsMember({"best", "last"}))->capture_default_str();
  cmd->add_flag("--crop-from-label", r->cropFromLabel,
                "the paper's protocol: crop each case around its ground-truth tumor (reads the label; "
                "optimistic, recorded in inference.json and marked in every table)");
  r->onWarning = [](const std::string& w) { std::fprintf(stderr, "tissnet: warning: %s\n", w.c_str()); };
  cmd->add_flag("--skip-existing", r->skipExisting, "keep the cases OUT/inference.json lists (after a kill) and infer the rest");
  auto lines = std::make_shared<bool>(false);
  cmd->add_flag("--progress-lines", *lines,
                "print progress as JSON lines on stdout ({\"event\": \"progress\", ...}), for the workbench and scripts");
  cmd->callback([r, cases, lines, &exitCode] {
    r->cases = splitList(*cases);
    if (*lines) r->onWindows = printProgressLine;
    auto st = tiss::infer(*r, *lines ? std::function<void(int, int)>() : terminalProgress("infer: cases"));
    if (!st) {
      exitCode = fail(st.error());
      return;
    }
    std::printf("wrote results to %s\n", r->outDir.c_str());
  });
}

}  // namespace tissnet
