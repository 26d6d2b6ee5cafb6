// tissnet: the headless TISS-Net workbench. Every subcommand lives in its own cmd_*.cpp.
#include <csignal>

#include "commands.h"
#include "progress.h"
#include "tiss/engine/device.h"
#include "tiss/util/version.h"

int main(int argc, char** argv) {
  CLI::App app{"tissnet: brain-tumor MRI synthesis and segmentation (TISS-Net) from the command line"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tissnet ") + tiss::version() + " (LibTorch " + tiss::torchVersion() + ")");
  // A file-size limit (RLIMIT_FSIZE) must fail a write, not kill the process mid-checkpoint.
  std::signal(SIGXFSZ, SIG_IGN);
  int exitCode = 0;
  tissnet::addPhantomCommand(app, exitCode);
  tissnet::addCheckCommand(app, exitCode);
  tissnet::addManifestCommand(app, exitCode);
  tissnet::addSplitCommand(app, exitCode);
  tissnet::addEvalCommand(app, exitCode);
  tissnet::addTableCommand(app, exitCode);
  tissnet::addTrainCommand(app, exitCode, argc, argv);
  tissnet::addInferCommand(app, exitCode);
  tissnet::addParamsCommand(app, exitCode);
  tissnet::addConfigCommand(app, exitCode);
  tissnet::addSweepCommand(app, exitCode);
  tissnet::addBrasynCommands(app, exitCode);
  tissnet::addDicomCommands(app, exitCode);
  tissnet::addBenchCommand(app, exitCode);
  // The boundary of every command: a clear message and an exit code, never std::terminate.
  return tissnet::runCommandLine(app, argc, argv, exitCode);
}
