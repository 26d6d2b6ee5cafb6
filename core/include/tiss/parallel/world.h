#pragma once
/// Where this process stands in a data-parallel training (torchrun's and Slurm's conventions),
/// read from the environment. Plain C++: the command line and the workbench include it.
#include <map>
#include <string>

#include "tiss/util/result.h"

namespace tiss {

struct World {
  int rank = 0, size = 1, localRank = 0;
  /// "single" (no launcher), "nproc" (tissnet train --nproc), "torchrun" (RANK, WORLD_SIZE...)
  /// or "slurm" (srun: SLURM_PROCID, SLURM_NTASKS...).
  std::string launcher = "single";
  /// The rendezvous: a FileStore file (nproc), else MASTER_ADDR:MASTER_PORT (a TCPStore that
  /// rank 0 serves).
  std::string storeFile, masterAddr;
  int masterPort = 0;
  bool distributed() const { return size > 1; }
};

/// The world this process belongs to, from `env` (the process environment when empty):
/// TISS_STORE_FILE with RANK/WORLD_SIZE/LOCAL_RANK (set by `tissnet train --nproc`); else
/// RANK/WORLD_SIZE/LOCAL_RANK/MASTER_ADDR/MASTER_PORT (torchrun); else SLURM_PROCID/
/// SLURM_NTASKS/SLURM_LOCALID with the first host of SLURM_JOB_NODELIST and MASTER_PORT (or
/// 29500 plus the job id's last three digits); else a single process. Fails naming the
/// variable that is malformed or missing.
Result<World> worldFromEnvironment(const std::map<std::string, std::string>& env = {});

/// The first host of a Slurm node list: "gpu[03-05,09],cpu1" -> "gpu03".
std::string firstSlurmHost(const std::string& nodeList);

/// The default port of the rendezvous (torchrun's): 29500.
constexpr int kDefaultMasterPort = 29500;

}  // namespace tiss
