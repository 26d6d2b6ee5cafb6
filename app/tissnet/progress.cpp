#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <exception>
#include <new>
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

int runCommandLine(CLI::App& app, int argc, char** argv, const int& exitCode) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "tissnet: out of memory\n");
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tissnet: internal error: %s\n", e.what());
    return 2;
  }
  return exitCode;
}

}  // namespace tissnet
