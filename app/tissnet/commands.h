#pragma once
// Each subcommand of `tissnet` registers itself on the root app; its callback returns the
// process exit code through `exitCode`.
#include <CLI/CLI.hpp>

namespace tissnet {

void addPhantomCommand(CLI::App& app, int& exitCode);
void addCheckCommand(CLI::App& app, int& exitCode);
void addManifestCommand(CLI::App& app, int& exitCode);
void addSplitCommand(CLI::App& app, int& exitCode);
void addEvalCommand(CLI::App& app, int& exitCode);
void addTableCommand(CLI::App& app, int& exitCode);
void addBenchCommand(CLI::App& app, int& exitCode);
void addTrainCommand(CLI::App& app, int& exitCode, int argc, char** argv);
void addInferCommand(CLI::App& app, int& exitCode);
void addParamsCommand(CLI::App& app, int& exitCode);
void addConfigCommand(CLI::App& app, int& exitCode);
void addSweepCommand(CLI::App& app, int& exitCode);
/// dicom scan, import, export-seg, export-synthetic, and the PACS commands.
void addDicomCommands(CLI::App& app, int& exitCode);
/// dicom echo, query, retrieve, store (registered by addDicomCommands).
void addDicomPacsCommands(CLI::App* dicom, int& exitCode);
/// brasyn drop|eval, complete, export nnunet.
void addBrasynCommands(CLI::App& app, int& exitCode);
/// `bench train|infer|parity`, registered by addBenchCommand (and by tissnet-bench).
void addEngineBenchCommands(CLI::App* bench, int& exitCode);
/// `tissnet bench sweep`, registered by addBenchCommand.
void addSweepBench(CLI::App* bench, int& exitCode);

}  // namespace tissnet
