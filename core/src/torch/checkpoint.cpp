#include "checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace tiss {
namespace {

torch::Tensor scalar(double v) { return torch::tensor({v}, torch::kFloat64); }

}  // namespace

Status saveCheckpoint(const std::string& path, StageModel& model, const TrainerState& s) {
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / (".partial-" + target.filename().string());
  try {
    torch::serialize::OutputArchive archive, trainer;
    model.save(archive);
    trainer.write("iteration", scalar(double(s.iteration)));
    trainer.write("best_dice", scalar(s.bestDice));
    trainer.write("best_iteration", scalar(double(s.bestIteration)));
    trainer.write("lr_scale", scalar(s.lrScale));
    trainer.write("since_improvement", scalar(double(s.sinceImprovement)));
    at::Generator generator = at::detail::getDefaultCPUGenerator();
    {
      std::lock_guard<std::mutex> lock(generator.mutex());
      trainer.write("rng", generator.get_state());
    }
    archive.write("trainer", trainer);
    archive.save_to(tmp.string());
  } catch (const std::exception& e) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return makeError(path, std::string("checkpoint not written (previous one kept): ") + e.what());
  }
  // Flush to disk before the rename makes it the checkpoint.
  const int fd = ::open(tmp.c_str(), O_RDONLY);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  std::error_code ec;
  if (synced) fs::rename(tmp, target, ec);
  if (!synced || ec) {
    fs::remove(tmp, ec);
    return makeError(path, "checkpoint not written (previous one kept): cannot flush or rename");
  }
  return Status();
}

Result<TrainerState> loadCheckpoint(const std::string& path, StageModel& model, bool restoreRng) {
  TrainerState s;
  try {
    torch::serialize::InputArchive archive, trainer;
    archive.load_from(path);
    model.load(archive);
    archive.read("trainer", trainer);
    auto get = [&](const char* key) {
      torch::Tensor t;
      trainer.read(key, t);
      return t.item<double>();
    };
    s.iteration = int64_t(get("iteration"));
    s.bestDice = get("best_dice");
    s.bestIteration = int64_t(get("best_iteration"));
    s.lrScale = get("lr_scale");
    s.sinceImprovement = int64_t(get("since_improvement"));
    if (restoreRng) {
      torch::Tensor rng;
      trainer.read("rng", rng);
      at::Generator generator = at::detail::getDefaultCPUGenerator();
      std::lock_guard<std::mutex> lock(generator.mutex());
      generator.set_state(rng);
    }
  } catch (const std::exception& e) {
    return makeError(path, std::string("unreadable checkpoint: ") + e.what());
  }
  return s;
}

}  // namespace tiss
