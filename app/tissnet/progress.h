#pragma once
// Progress for the terminal: "label 12/40" rewritten in place on stderr, only when stderr is
// a terminal (logs and pipes stay clean).
#include <functional>
#include <string>

#include "tiss/result.h"

namespace tissnet {

std::function<void(int, int)> terminalProgress(const std::string& label);

/// Prints "tissnet: FILE: message" to stderr and returns 1.
int fail(const tiss::Error& error);

}  // namespace tissnet
