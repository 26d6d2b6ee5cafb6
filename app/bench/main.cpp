// tissnet-bench: the engine alone (LibTorch, no ITK, Qt or VTK), for measuring it on a GPU
// server and for checking that it builds against another LibTorch (-DTISS_ENGINE_ONLY=ON).
// Its commands are the same code as tissnet's: bench train|infer|parity, params and config.
#include <csignal>

#include "../tissnet/commands.h"
#include "../tissnet/progress.h"
#include "tiss/engine/device.h"

int main(int argc, char** argv) {
  CLI::App app{"tissnet-bench: the TISS-Net engine's benchmarks and model sizes on random tensors"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tissnet-bench ") + TISS_VERSION + " (LibTorch " + tiss::torchVersion() + ", " +
                                        std::to_string(tiss::cudaDeviceCount()) + " CUDA device(s))");
  int exitCode = 0;
  auto* bench = app.add_subcommand("bench", "ms per training iteration, seconds per case, parity with PyTorch");
  bench->require_subcommand(1);
  tissnet::addEngineBenchCommands(bench, exitCode);
  tissnet::addParamsCommand(app, exitCode);
  tissnet::addConfigCommand(app, exitCode);
  return tissnet::runCommandLine(app, argc, argv, exitCode);
}
