#include "tiss/sweep/sweep_folder.h"

#include <cmath>

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tiss/util/atomic_file.h"
#include "tiss/util/process.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tiss {
namespace {

json jobToJson(const SweepJob& j) {
  return {{"id", j.id},       {"label", j.label}, {"point", j.point}, {"params", j.params}, {"numbers", j.numbers},
          {"set", j.set},     {"from", j.from},   {"after", j.after}, {"varied", j.varied}, {"seed", j.seed}, {"fold", j.fold},
          {"shared", j.shared}};
}

SweepJob jobFromJson(const json& o) {
  SweepJob j;
  j.id = o.at("id").get<std::string>();
  j.label = o.value("label", j.id);
  j.point = o.value("point", j.label);
  j.params = o.value("params", j.params);
  j.numbers = o.value("numbers", j.numbers);
  j.set = o.value("set", j.set);
  j.from = o.value("from", "");
  j.after = o.value("after", j.after);
  j.varied = o.value("varied", "");
  j.seed = o.value("seed", uint64_t(1));
  j.fold = o.value("fold", -1);
  j.shared = o.value("shared", false);
  return j;
}

std::string readText(const std::string& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

const SweepJob* SweepFolder::find(const std::string& id) const {
  for (const auto& j : jobs)
    if (j.id == id) return &j;
  return nullptr;
}

Result<SweepFolder> SweepFolder::create(const std::string& dir, const SweepSpec& spec) {
  auto jobs = expandSweep(spec);
  if (!jobs) return jobs.error();
  SweepFolder f{dir, spec, *jobs};
  json j = json::parse(toJson(spec));
  j["jobs"] = json::array();
  for (const auto& job : f.jobs) j["jobs"].push_back(jobToJson(job));
  const std::string text = j.dump(2) + "\n";
  std::error_code ec;
  if (fs::exists(f.specFile(), ec)) {
    // How it runs (jobs at once, threads, devices) may change; what it runs may not.
    auto identity = [](json s) {
      for (const char* k : {"max_parallel", "threads_per_trial", "devices"}) s.erase(k);
      return s;
    };
    const json stored = json::parse(readText(f.specFile()), nullptr, false);
    if (!stored.is_discarded() && identity(stored) == identity(j)) return open(dir);
    return makeError(dir, "already holds a different sweep; continue it with `tissnet sweep --out " + dir +
                              "` or choose another folder");
  }
  fs::create_directories(fs::path(dir) / "trials", ec);
  fs::create_directories(fs::path(dir) / "shared", ec);
  fs::create_directories(f.requestDir(), ec);
  if (ec) return makeError(dir, "cannot create the sweep folder: " + ec.message());
  if (auto st = writeFileAtomically(f.specFile(), text); !st) return st.error();
  return f;
}

Result<SweepFolder> SweepFolder::open(const std::string& dir) {
  const std::string file = dir + "/sweep.json";
  std::error_code ec;
  if (!fs::exists(file, ec)) return makeError(dir, "is not a sweep folder (no sweep.json)");
  const json j = json::parse(readText(file), nullptr, false);
  if (j.is_discarded() || !j.contains("jobs")) return makeError(file, "is corrupt (not a sweep description)");
  json specOnly = j;
  specOnly.erase("jobs");
  auto spec = sweepSpecFromJson(specOnly.dump(), file);
  if (!spec) return spec.error();
  SweepFolder f{dir, *spec, {}};
  try {
    for (const auto& o : j["jobs"]) f.jobs.push_back(jobFromJson(o));
  } catch (const json::exception& e) {
    return makeError(file, std::string("a job entry is corrupt: ") + e.what());
  }
  return f;
}

TrialState readTrialState(const SweepFolder& folder, const SweepJob& job) {
  TrialState s;
  const json j = json::parse(readText(folder.stateFile(job)), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return s;
  try {
    s.state = j.value("state", s.state);
    s.phase = j.value("phase", "");
    s.message = j.value("message", "");
    s.pid = j.value("pid", 0L);
    s.host = j.value("host", "");
    s.attempts = j.value("attempts", 0);
  } catch (const json::exception& e) {
    // Damaged by hand or by another program: shown as such, never launched, never signalled.
    TrialState bad;
    bad.state = "unreadable";
    bad.message = folder.stateFile(job) + ": a value has the wrong type (" + e.what() + ")";
    return bad;
  }
  // A missing metric is n/a (stored as null), never 0.
  s.metric = j.contains("metric") && j["metric"].is_number() ? j["metric"].get<double>() : std::nan("");
  return s;
}

Status writeTrialState(const SweepFolder& folder, const SweepJob& job, const TrialState& s) {
  std::error_code ec;
  fs::create_directories(folder.jobDir(job), ec);
  const json j = {{"state", s.state}, {"phase", s.phase}, {"message", s.message}, {"pid", s.pid},
                  {"host", s.host},   {"attempts", s.attempts}, {"metric", s.metric}};
  return writeFileAtomically(folder.stateFile(job), j.dump() + "\n");
}

Status setPaused(const SweepFolder& folder, bool paused) {
  std::error_code ec;
  if (!paused) {
    fs::remove(folder.pausedFile(), ec);
    return ec ? Status(makeError(folder.pausedFile(), "cannot remove: " + ec.message())) : Status();
  }
  return writeFileAtomically(folder.pausedFile(), "paused\n");
}

bool isPaused(const SweepFolder& folder) {
  std::error_code ec;
  return fs::exists(folder.pausedFile(), ec);
}

Status request(const SweepFolder& folder, const std::string& what, const std::string& jobId) {
  if (what != "cancel" && what != "retry") return makeError("", "unknown request '" + what + "'");
  if (jobId != "all" && !folder.find(jobId)) return makeError(folder.specFile(), "has no job '" + jobId + "'");
  std::error_code ec;
  fs::create_directories(folder.requestDir(), ec);
  // One file per request, named to sort in arrival order: no two writers share a file.
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const std::string name = std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) + "-" +
                           std::to_string(::getpid()) + "-" + what + "-" + jobId;
  // The temporary file goes beside the folder: the scheduler consumes every file in requests/.
  return writeFileAtomically(folder.requestDir() + "/" + name, what + " " + jobId + "\n", folder.root);
}

SchedulerInfo readScheduler(const SweepFolder& folder) {
  SchedulerInfo info;
  const json j = json::parse(readText(folder.schedulerFile()), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return info;
  try {
    info.pid = j.value("pid", 0L);
    info.host = j.value("host", "");
  } catch (const json::exception&) {
    return SchedulerInfo();  // damaged: no scheduler known (its lock still keeps a second one out)
  }
  info.alive = info.host == hostName() && processAlive(info.pid);
  return info;
}

Status setOnCluster(const SweepFolder& folder, bool cluster, const std::string& script) {
  if (!cluster) {
    std::error_code ec;
    fs::remove(folder.clusterFile(), ec);
    if (ec) return makeError(folder.clusterFile(), "cannot remove: " + ec.message());
    return Status();
  }
  const std::time_t t = std::time(nullptr);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  const json j = {{"scheduler", "slurm"}, {"script", script}, {"host", hostName()}, {"written", when}};
  return writeFileAtomically(folder.clusterFile(), j.dump(2) + "\n");
}

bool onCluster(const SweepFolder& folder) {
  std::error_code ec;
  return fs::exists(folder.clusterFile(), ec);
}

}  // namespace tiss
