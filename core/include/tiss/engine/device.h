#pragma once
/// Compute device selection, shared by the command line and the workbench. Plain C++:
/// LibTorch stays behind this header.
#include <string>

#include "tiss/util/result.h"

namespace tiss {

/// Resolves a request to a concrete device name: "auto" gives "cuda:0" when a CUDA device
/// is present and "cpu" otherwise; "cpu" and "cuda" / "cuda:N" are checked against what
/// this build and machine have. Fails with a sentence naming the request otherwise.
Result<std::string> resolveDevice(const std::string& request);

/// Number of CUDA devices LibTorch sees (0 on a CPU-only build or machine).
int cudaDeviceCount();

/// Prepares the CPU side of the engine; call once before training or inference.
/// Sets LibTorch's CPU thread count (intra-op). `threads` <= 0 means the default: every core
/// of the machine unless OMP_NUM_THREADS says otherwise. (LibTorch 1.13's own default is 1
/// thread on machines whose processor its cpuinfo does not recognise, as on this one's.)
/// Also keeps freed tensor memory in the process's heap instead of returning it to the
/// kernel (glibc's mmap threshold): docs/engine.md, "Speed", has the reason and figures.
void configureCpu(int threads);

/// LibTorch version this program was built against, e.g. "1.13.1".
std::string torchVersion();

}  // namespace tiss
