#include "tiss/run_folder.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
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

Result<RunSplit> readRunSplit(const RunFolder& run) {
  std::ifstream in(run.infoFile());
  if (!in) return makeError(run.infoFile(), "cannot open the run's record");
  const json j = json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return makeError(run.infoFile(), "not valid JSON");
  RunSplit s;
  try {
    s.train = j.value("train", std::vector<std::string>{});
    s.val = j.value("val", std::vector<std::string>{});
    s.test = j.value("test", std::vector<std::string>{});
  } catch (const json::exception&) {
    return makeError(run.infoFile(), "'train', 'val' and 'test' must be lists of case ids");
  }
  if (s.train.empty() && s.val.empty() && s.test.empty()) return makeError(run.infoFile(), "records no split");
  return s;
}

RunSplit runSplitOf(const Split& split) {
  return {split.ids(SplitPart::Train), split.ids(SplitPart::Val), split.ids(SplitPart::Test)};
}

std::vector<std::string> movedCases(const RunSplit& run, const Split& current) {
  std::map<std::string, std::string> moved;
  for (SplitPart p : {SplitPart::Train, SplitPart::Val, SplitPart::Test})
    for (const auto& id : run.part(p))
      if (current.partOf(id) != p)
        moved[id] = "case " + id + ": " + toString(p) + " in the run, " + toString(current.partOf(id)) + " in the data set";
  std::vector<std::string> out;
  for (auto& [id, text] : moved) out.push_back(std::move(text));
  return out;
}

std::string splitWarning(const std::vector<std::string>& moved) {
  std::string text = "the data set's split changed after this run was created; the run keeps its own split (" +
                     std::to_string(moved.size()) + " case(s) moved: ";
  for (size_t i = 0; i < moved.size() && i < 20; ++i) text += (i ? "; " : "") + moved[i];
  return text + (moved.size() > 20 ? "; ...)" : ")");
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
