#include "tiss/training/run_folder.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "tiss/util/atomic_file.h"
#include "tiss/util/process.h"

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
  if (!isRunFolder(dir)) return makeError(dir, "is not a run folder (no config.json)");
  return RunFolder{dir};
}

RunPresence runPresence(const std::string& dir) {
  const RunFolder r{dir};
  std::error_code ec;
  if (fs::exists(r.configFile(), ec))
    return fs::exists(r.bestCheckpoint(), ec) || fs::exists(r.lastCheckpoint(), ec) ? RunPresence::Trained : RunPresence::Configured;
  return fs::exists(r.eventsFile(), ec) ? RunPresence::EventsOnly : RunPresence::None;
}

Result<TrainConfig> readRunConfig(const RunFolder& run) {
  std::ifstream in(run.configFile());
  if (!in) return makeError(run.configFile(), "cannot be read: is " + run.root + " a run folder?");
  return configFromJson(std::string(std::istreambuf_iterator<char>(in), {}), run.configFile());
}

Result<std::unique_ptr<FileLock>> acquireRunLock(const RunFolder& run) {
  return FileLock::acquire(run.root + "/trainer.lock", run.root,
                           "is being trained by another process; wait for it to end or stop it first");
}

Status recordWriter(const RunFolder& run) {
  std::ifstream in(run.infoFile());
  json j = in ? json::parse(in, nullptr, false) : json::object();
  if (!j.is_object()) return makeError(run.infoFile(), "not valid JSON");
  j["pid"] = long(::getpid());
  j["host"] = hostName();
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  j["restarted"] = buf;
  return writeFileAtomically(run.infoFile(), j.dump(2) + "\n");
}

Status writeStatus(const RunFolder& run, const RunStatus& s) {
  const json j = {{"state", s.state}, {"step", s.step}, {"message", s.message}};
  return writeFileAtomically(run.statusFile(), j.dump() + "\n");
}

Result<RunStatus> readStatus(const RunFolder& run) {
  std::ifstream in(run.statusFile());
  if (!in) return makeError(run.statusFile(), "no status yet");
  const json j = json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return makeError(run.statusFile(), "corrupt status file");
  try {
    return RunStatus{j.value("state", ""), j.value("step", 0L), j.value("message", "")};
  } catch (const json::exception&) {
    return makeError(run.statusFile(), "'state', 'step' or 'message' has the wrong type");
  }
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
  std::FILE* f = std::fopen(run.eventsFile().c_str(), "a+b");
  if (!f) return makeError(run.eventsFile(), "cannot append to the event log");
  // A line cut short by a kill or a full disk is ended first, so the next event stays whole.
  bool partial = false;
  if (std::fseek(f, -1, SEEK_END) == 0) {
    const int last = std::fgetc(f);
    partial = last != EOF && last != '\n';
    std::fseek(f, 0, SEEK_END);  // a read must be followed by a seek before a write
  }
  const bool ok = (!partial || std::fputc('\n', f) != EOF) && std::fputs(line.c_str(), f) >= 0 && std::fputc('\n', f) != EOF && std::fflush(f) == 0;
  std::fclose(f);
  if (!ok) return makeError(run.eventsFile(), "could not write to the event log (disk full?)");
  return Status();
}

Status rewindEvents(const RunFolder& run, int64_t step) {
  std::ifstream in(run.eventsFile(), std::ios::binary);
  if (!in) return Status();  // nothing logged yet
  std::string kept, line;
  while (std::getline(in, line)) {
    const json e = json::parse(line, nullptr, false);
    if (!e.is_object()) continue;  // a line cut short by the kill
    const auto s = e.find("step");
    if (s != e.end() && s->is_number() && s->get<double>() > double(step)) continue;
    kept += line;
    kept += '\n';
  }
  if (in.bad()) return makeError(run.eventsFile(), "cannot read the event log");
  return writeFileAtomically(run.eventsFile(), kept);
}

}  // namespace tiss
