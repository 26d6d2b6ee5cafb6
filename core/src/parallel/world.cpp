#include "tiss/parallel/world.h"

#include <cstdlib>

extern char** environ;

namespace tiss {
namespace {

std::map<std::string, std::string> processEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    const std::string kv = *e;
    const size_t eq = kv.find('=');
    if (eq != std::string::npos) env[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return env;
}

// A non-negative whole number from variable `name`.
Result<int> number(const std::map<std::string, std::string>& env, const std::string& name) {
  const auto it = env.find(name);
  if (it == env.end()) return makeError(name, "is not set");
  char* end = nullptr;
  const long v = std::strtol(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end || v < 0 || v > 1000000) return makeError(name, "is '" + it->second + "'; expected a whole number");
  return int(v);
}

Status checkRanks(const World& w, const std::string& rankVar, const std::string& sizeVar) {
  if (w.size < 1) return makeError(sizeVar, "must be at least 1");
  if (w.rank >= w.size) return makeError(rankVar, "is " + std::to_string(w.rank) + ", not below " + sizeVar + " " + std::to_string(w.size));
  return Status();
}

Result<World> fromTorchrun(const std::map<std::string, std::string>& env, const std::string& launcher) {
  World w;
  w.launcher = launcher;
  auto rank = number(env, "RANK"), size = number(env, "WORLD_SIZE");
  if (!rank) return rank.error();
  if (!size) return size.error();
  w.rank = *rank, w.size = *size;
  w.localRank = env.count("LOCAL_RANK") ? 0 : w.rank;
  if (env.count("LOCAL_RANK")) {
    auto local = number(env, "LOCAL_RANK");
    if (!local) return local.error();
    w.localRank = *local;
  }
  if (auto st = checkRanks(w, "RANK", "WORLD_SIZE"); !st) return st.error();
  if (launcher == "nproc") {
    w.storeFile = env.at("TISS_STORE_FILE");
    return w;
  }
  if (!env.count("MASTER_ADDR")) return makeError("MASTER_ADDR", "is not set (the host of rank 0)");
  w.masterAddr = env.at("MASTER_ADDR");
  auto port = env.count("MASTER_PORT") ? number(env, "MASTER_PORT") : Result<int>(kDefaultMasterPort);
  if (!port) return port.error();
  w.masterPort = *port;
  return w;
}

Result<World> fromSlurm(const std::map<std::string, std::string>& env) {
  World w;
  w.launcher = "slurm";
  auto rank = number(env, "SLURM_PROCID"), size = number(env, "SLURM_NTASKS"), local = number(env, "SLURM_LOCALID");
  if (!rank) return rank.error();
  if (!size) return size.error();
  if (!local) return local.error();
  w.rank = *rank, w.size = *size, w.localRank = *local;
  if (auto st = checkRanks(w, "SLURM_PROCID", "SLURM_NTASKS"); !st) return st.error();
  const auto nodes = env.find("SLURM_JOB_NODELIST");
  w.masterAddr = env.count("MASTER_ADDR") ? env.at("MASTER_ADDR") : nodes != env.end() ? firstSlurmHost(nodes->second) : "";
  if (w.masterAddr.empty()) return makeError("SLURM_JOB_NODELIST", "is not set (needed for the host of rank 0)");
  if (env.count("MASTER_PORT")) {
    auto port = number(env, "MASTER_PORT");
    if (!port) return port.error();
    w.masterPort = *port;
  } else {
    // One port per job, so two jobs on a node do not meet (as many Slurm examples do).
    const std::string job = env.count("SLURM_JOB_ID") ? env.at("SLURM_JOB_ID") : "0";
    w.masterPort = kDefaultMasterPort + std::atoi(job.substr(job.size() > 3 ? job.size() - 3 : 0).c_str());
  }
  return w;
}

}  // namespace

std::string firstSlurmHost(const std::string& list) {
  const size_t comma = list.find(','), bracket = list.find('[');
  if (bracket == std::string::npos || (comma != std::string::npos && comma < bracket)) return list.substr(0, comma);
  // prefix[03-05,09]: the prefix and the first number as written (leading zeros kept).
  const std::string prefix = list.substr(0, bracket);
  const size_t end = list.find_first_of("-,]", bracket + 1);
  return prefix + list.substr(bracket + 1, end == std::string::npos ? std::string::npos : end - bracket - 1);
}

Result<World> worldFromEnvironment(const std::map<std::string, std::string>& given) {
  const auto env = given.empty() ? processEnvironment() : given;
  if (env.count("TISS_STORE_FILE")) return fromTorchrun(env, "nproc");
  if (env.count("RANK") || env.count("WORLD_SIZE")) return fromTorchrun(env, "torchrun");
  // Under srun with more than one task; a single-task job (or sbatch's own shell) trains alone.
  if (env.count("SLURM_PROCID") && env.count("SLURM_NTASKS") && env.at("SLURM_NTASKS") != "1" && env.count("SLURM_STEP_ID"))
    return fromSlurm(env);
  return World{};
}

}  // namespace tiss
