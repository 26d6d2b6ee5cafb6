#pragma once
// One call recorded by LibTorch's profiler: a Chrome trace and each operator's self time.
#include <functional>
#include <string>

#include "tiss/engine/bench.h"

namespace tiss {

/// Runs `work` once under LibTorch's profiler, writes its Chrome trace (chrome://tracing,
/// ui.perfetto.dev) to `traceFile` and returns every operator's self time (its time minus
/// the operators it called), most first. Fails naming the file when it cannot be written.
Result<std::vector<OperatorTime>> profileOnce(const std::function<void()>& work, const std::string& traceFile);

}  // namespace tiss
