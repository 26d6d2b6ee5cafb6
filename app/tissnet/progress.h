#pragma once
// Progress for the terminal: "label 12/40" rewritten in place on stderr, only when stderr is
// a terminal (logs and pipes stay clean).
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "tiss/util/result.h"

namespace tissnet {

std::function<void(int, int)> terminalProgress(const std::string& label);

/// Prints "tissnet: FILE: message" to stderr and returns 1.
int fail(const tiss::Error& error);

/// The boundary of every command of `app`: parses and runs it; usage errors exit 2 (as
/// argparse and getopt tools do), --help and --version 0, an escaping exception 2 with a
/// message, never std::terminate. Otherwise returns what the command set in `exitCode`.
int runCommandLine(CLI::App& app, int argc, char** argv, const int& exitCode);

}  // namespace tissnet
