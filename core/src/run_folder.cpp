#include "tiss/run_folder.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tiss/atomic_file.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tiss {

Result<RunFolder> RunFolder::open(const std::string& dir, bool resume) {
  RunFolder r{dir};
  std::error_code ec;
  const bool holdsRun = fs::exists(r.configFile(), ec);
  if (resume && !holdsRun) return makeError(dir, "holds no run to resume (no config.json)");
  if (!resume && holdsRun) return makeError(dir, "already holds a run; use --resume to continue it, or another folder");
  fs::create_directories(fs::path(dir) / "checkpoints", ec);
  fs::create_directories(r.previewDir(), ec);
  if (ec) return makeError(dir, "cannot create the run folder: " + ec.message());
  return r;
}

Result<RunFolder> RunFolder::existing(const std::string& dir) {
  RunFolder r{dir};
  std::error_code ec;
  if (!fs::exists(r.configFile(), ec)) return makeError(dir, "is not a run folder (no config.json)");
  return r;
}

Status writeStatus(const RunFolder& run, const RunStatus& s) {
  const json j = {{"state", s.state}, {"step", s.step}, {"message", s.message}};
  return writeFileAtomically(run.statusFile(), j.dump() + "\n");
}

Result<RunStatus> readStatus(const RunFolder& run) {
  std::ifstream in(run.statusFile());
  if (!in) return makeError(run.statusFile(), "no status yet");
  const json j = json::parse(in, nullptr, false);
  if (j.is_discarded()) return makeError(run.statusFile(), "corrupt status file");
  return RunStatus{j.value("state", ""), j.value("step", 0L), j.value("message", "")};
}

Status appendEvent(const RunFolder& run, const std::string& line) {
  std::FILE* f = std::fopen(run.eventsFile().c_str(), "a");
  if (!f) return makeError(run.eventsFile(), "cannot append to the event log");
  const bool ok = std::fputs(line.c_str(), f) >= 0 && std::fputc('\n', f) != EOF && std::fflush(f) == 0;
  std::fclose(f);
  if (!ok) return makeError(run.eventsFile(), "could not write to the event log (disk full?)");
  return Status();
}

}  // namespace tiss
