// The engine commands both executables have: `bench train|infer|parity`, `params` and `config` (tissnet,
// and tissnet-bench of the engine-only build, which has no ITK, Qt or VTK).
#include <cstdio>
#include <memory>
#include <thread>
#include <utility>

#include "commands.h"
#include "progress.h"
#include "tiss/config/config_keys.h"
#include "tiss/engine/bench.h"
#include "tiss/engine/device.h"
#include "tiss/engine/engine.h"

namespace tissnet {
namespace {

struct EngineArgs {
  std::string config, preset, device = "auto", size = "155x240x240", profile;
  std::vector<std::string> sets;
  int sources = 3, iterations = 5, threads = 0;
};

void addEngineOptions(CLI::App* cmd, EngineArgs& a) {
  cmd->add_option("--config", a.config, "JSON config file");
  cmd->add_option("--preset", a.preset, "paper or cpu-small");
  cmd->add_option("--set", a.sets, "override a key (repeatable)");
  cmd->add_option("--sources", a.sources, "source modalities (glioma 3, VS 1)")->capture_default_str();
  cmd->add_option("--device", a.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_option("--threads", a.threads, "CPU threads (0: LibTorch's default)");
}

// The operators that took most of a profiled step, and where its whole trace is.
void printProfile(const std::vector<tiss::OperatorTime>& ops, const std::string& traceFile) {
  if (traceFile.empty()) return;
  double total = 0;
  for (const auto& op : ops) total += op.selfMs;
  std::printf("profile of one more step: %.0f ms in operators; trace written to %s\n", total, traceFile.c_str());
  for (size_t i = 0; i < ops.size() && i < 12; ++i)
    std::printf("  %8.1f ms %5.1f %%  %6ld calls  %s\n", ops[i].selfMs, 100.0 * ops[i].selfMs / total, ops[i].calls,
                ops[i].name.c_str());
}

int benchEngine(const EngineArgs& a, bool training) {
  auto c = tiss::loadConfig(a.config, a.sets, a.preset);
  if (!c) return fail(c.error());
  tiss::configureCpu(a.threads);
  std::printf("machine: %u hardware threads; preset %s, stage %s, patch %s, batch %d\n", std::thread::hardware_concurrency(),
              c->preset.c_str(), tiss::toString(c->stage).c_str(), tiss::formatSizeDHW(c->patch).c_str(), c->batch);
  const tiss::Peak peak = tiss::measurePeak(a.device);
  if (!peak.blas.empty()) std::printf("BLAS: %s\n", peak.blas.c_str());
  auto rate = [&](double gflop, double secs) {
    const double g = gflop / secs;
    std::printf("  achieved %.1f GFLOP/s (%.1f GFLOP by layer shapes), %.0f %% of the sgemm peak measured now (%.1f GFLOP/s)\n",
                g, gflop, 100.0 * g / peak.sgemmGflops, peak.sgemmGflops);
  };
  if (training) {
    auto b = tiss::benchTrain(*c, a.sources, a.device, a.iterations, a.profile);
    if (!b) return fail(b.error());
    std::printf("train on %s: median %.0f ms per iteration over %d (after 1 warm-up), peak resident %.0f MB\n",
                b->device.c_str(), b->medianMsPerIteration, b->iterations, b->peakResidentMb);
    rate(b->gflopPerIteration, b->medianMsPerIteration / 1000.0);
    if (b->peakDeviceMb >= 0) std::printf("  peak GPU memory %.0f MB (amp %s)\n", b->peakDeviceMb, c->optim.amp ? "on" : "off");
    printProfile(b->profile, a.profile);
    return 0;
  }
  auto size = tiss::parseSizeDHW(a.size);
  if (!size) return fail(size.error());
  auto b = tiss::benchInfer(*c, a.sources, a.device, *size);
  if (!b) return fail(b.error());
  std::printf("infer on %s: %.2f s per %s case (%ld window%s of %s, overlap %.2f, %d per pass), peak resident %.0f MB\n",
              b->device.c_str(), b->secondsPerCase, a.size.c_str(), b->windows, b->windows == 1 ? "" : "s",
              tiss::formatSizeDHW(b->window).c_str(),
              c->overlap, b->batch, b->peakResidentMb);
  rate(b->gflopPerCase, b->secondsPerCase);
  if (b->peakDeviceMb >= 0) std::printf("  peak GPU memory %.0f MB\n", b->peakDeviceMb);
  return 0;
}

int benchParity(const EngineArgs& a) {
  auto c = tiss::loadConfig(a.config, a.sets, a.preset);
  if (!c) return fail(c.error());
  tiss::configureCpu(a.threads);
  auto p = tiss::benchParity(*c, a.sources, 2, a.device);
  if (!p) return fail(p.error());
  // One JSON object, as scripts/pytorch_reference.py parity prints it.
  std::printf("{\"parameters\": {");
  const char* sep = "";
  for (const auto& [name, n] : p->parameters) std::printf("%s\"%s\": %lld", std::exchange(sep, ", "), name.c_str(), (long long)n);
  std::printf("}, \"steps\": [");
  sep = "";
  for (const auto& step : p->steps) {
    std::printf("%s{", std::exchange(sep, ", "));
    const char* inner = "";
    for (const auto& [name, v] : step) std::printf("%s\"%s\": %.9g", std::exchange(inner, ", "), name.c_str(), v);
    std::printf("}");
  }
  std::printf("]}\n");
  return 0;
}

}  // namespace

void addEngineBenchCommands(CLI::App* bench, int& exitCode) {
  auto engine = std::make_shared<EngineArgs>();
  auto* train = bench->add_subcommand("train", "Median ms per training iteration and peak memory of a config");
  addEngineOptions(train, *engine);
  train->add_option("--iterations", engine->iterations, "timed iterations")->check(CLI::Range(1, 10000))->capture_default_str();
  train->add_option("--profile", engine->profile,
                    "profile one more step: write its Chrome trace (chrome://tracing, ui.perfetto.dev) to this file "
                    "and list the operators that took most time");
  train->callback([engine, &exitCode] { exitCode = benchEngine(*engine, true); });
  auto* infer = bench->add_subcommand("infer", "Seconds per case of sliding-window inference of a config");
  addEngineOptions(infer, *engine);
  infer->add_option("--size", engine->size, "volume DxHxW (default: BraTS)")->capture_default_str();
  infer->callback([engine, &exitCode] { exitCode = benchEngine(*engine, false); });
  auto* parity = bench->add_subcommand("parity", "Parameter counts and loss terms of two steps from fixed weights (JSON; scripts/bench-vs-pytorch)");
  addEngineOptions(parity, *engine);
  parity->callback([engine, &exitCode] { exitCode = benchParity(*engine); });
}

void addParamsCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("params", "Parameter counts of the networks a config builds");
  auto file = std::make_shared<std::string>();
  auto preset = std::make_shared<std::string>();
  auto sets = std::make_shared<std::vector<std::string>>();
  auto sources = std::make_shared<int>(3);
  cmd->add_option("--config", *file, "JSON config file");
  cmd->add_option("--preset", *preset, "paper or cpu-small");
  cmd->add_option("--set", *sets, "override a key (repeatable)");
  cmd->add_option("--sources", *sources, "number of source modalities (glioma 3, VS 1)")->capture_default_str();
  cmd->callback([=, &exitCode] {
    auto c = tiss::loadConfig(*file, *sets, *preset);
    if (!c) {
      exitCode = fail(c.error());
      return;
    }
    int64_t total = 0;
    for (const auto& [name, n] : tiss::parameterCounts(*c, *sources)) {
      std::printf("%-24s %10.2f M\n", name.c_str(), double(n) / 1e6);
      if (name.rfind("pix2pix", 0) != 0) total += n;
    }
    std::printf("%-24s %10.2f M  (preset %s, stage %s)\n", "total", double(total) / 1e6, c->preset.c_str(),
                tiss::toString(c->stage).c_str());
  });
}

void addConfigCommand(CLI::App& app, int& exitCode) {
  auto* cmd = app.add_subcommand("config", "Print the fully resolved config (every hyperparameter) as JSON, to edit; --describe lists the keys");
  auto file = std::make_shared<std::string>();
  auto preset = std::make_shared<std::string>();
  auto sets = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--config", *file, "JSON config file");
  cmd->add_option("--preset", *preset, "paper or cpu-small");
  cmd->add_option("--set", *sets, "override a key (repeatable)");
  auto describe = std::make_shared<bool>(false), markdown = std::make_shared<bool>(false);
  cmd->add_flag("--describe", *describe, "list every key: type, range or choices, unit, defaults, version, meaning");
  cmd->add_flag("--markdown", *markdown, "with --describe: as the Markdown table of docs/config.md");
  cmd->callback([=, &exitCode] {
    if (*describe) {
      std::printf("%s", tiss::describeConfigKeys(*markdown).c_str());
      return;
    }
    auto c = tiss::loadConfig(*file, *sets, *preset);
    if (!c) {
      exitCode = fail(c.error());
      return;
    }
    std::printf("%s", tiss::toJson(*c).c_str());
  });
}

}  // namespace tissnet
