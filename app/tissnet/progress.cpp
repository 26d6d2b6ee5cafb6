#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <mutex>

namespace tissnet {

std::function<void(int, int)> terminalProgress(const std::string& label) {
  if (!::isatty(STDERR_FILENO)) return {};
  return [label](int done, int total) {
    static std::mutex m;
    std::lock_guard<std::mutex> lock(m);
    std::fprintf(stderr, "\r%s %d/%d%s", label.c_str(), done, total, done == total ? "\n" : "");
  };
}

int fail(const tiss::Error& error) {
  std::fprintf(stderr, "tissnet: %s\n", error.describe().c_str());
  return 1;
}

}  // namespace tissnet
