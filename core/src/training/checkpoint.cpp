#include "training/checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "tiss/util/atomic_file.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

torch::Tensor scalar(double v) { return torch::tensor({v}, torch::kFloat64); }

// Where the model's parameters live: a checkpoint's tensors are mapped there (map_location),
// whatever device they were saved from.
torch::Device deviceOf(StageModel& model) {
  const auto parameters = model.parameters();
  return parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
}

std::string shapeText(const torch::Tensor& t) {
  std::string s;
  for (int64_t d : t.sizes()) s += (s.empty() ? "" : "x") + std::to_string(d);
  return s.empty() ? "scalar" : s;
}

// Every tensor of `want` (the model as the config builds it) has its shape in `got` (the
// file); a tensor the file lacks is left to the model's own load. Names the first difference.
Status sameShapes(torch::serialize::InputArchive& want, torch::serialize::InputArchive& got, const std::string& prefix,
                  const std::string& path) {
  for (const auto& key : want.keys()) {
    torch::Tensor expected, found;
    if (want.try_read(key, expected)) {
      if (!got.try_read(key, found)) continue;
      if (!expected.sizes().equals(found.sizes()))
        return makeError(path, "parameter '" + prefix + key + "' is " + shapeText(found) + " in the checkpoint but " +
                                   shapeText(expected) + " in the run's config (net.width, net.conv, sources?): not this run's checkpoint");
      continue;
    }
    torch::serialize::InputArchive wantSub, gotSub;
    if (want.try_read(key, wantSub) && got.try_read(key, gotSub))
      if (auto st = sameShapes(wantSub, gotSub, prefix + key + ".", path); !st) return st;
  }
  return Status();
}

// The model's own archive, as it is now: what a checkpoint for it must match.
void archiveOf(StageModel& model, torch::serialize::InputArchive& archive) {
  torch::serialize::OutputArchive out;
  model.save(out);
  std::string bytes;
  out.save_to([&bytes](const void* data, size_t n) {
    bytes.append(static_cast<const char*>(data), n);
    return n;
  });
  archive.load_from(bytes.data(), bytes.size());
}

}  // namespace

// LibTorch's zip writer throws from its destructor when a write fails (std::terminate on a
// full disk), so it gets a writer that never fails: this one writes to our own file
// descriptor, remembers the first error and swallows the rest; the caller checks it.
struct CheckedWriter {
  int fd = -1;
  int error = 0;
  size_t operator()(const void* data, size_t n) {
    const char* p = static_cast<const char*>(data);
    for (size_t done = 0; error == 0 && done < n;) {
      const ssize_t w = ::write(fd, p + done, n - done);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) error = w < 0 ? errno : ENOSPC;
      else done += size_t(w);
    }
    return n;
  }
};

Status saveCheckpoint(const std::string& path, StageModel& model, const TrainerState& s) {
  const fs::path target(path);
  CheckedWriter writer;
  auto reserved = createTemporaryFile(path, &writer.fd);
  if (!reserved) return makeError(path, "checkpoint not written (previous one kept): " + reserved.error().message);
  const fs::path tmp = *reserved;
  auto discard = [&](const std::string& why) {
    ::close(writer.fd);
    std::error_code ec;
    fs::remove(tmp, ec);
    return Status(makeError(path, "checkpoint not written (previous one kept): " + why));
  };
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
    archive.save_to([&writer](const void* data, size_t n) { return writer(data, n); });
  } catch (const std::exception& e) {
    return discard(e.what());
  }
  if (writer.error) return discard(std::strerror(writer.error));
  // Flush to disk before the rename makes it the checkpoint.
  if (::fsync(writer.fd) != 0) return discard(std::string("cannot flush: ") + std::strerror(errno));
  if (::close(writer.fd) != 0) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return makeError(path, "checkpoint not written (previous one kept): cannot close");
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return makeError(path, "checkpoint not written (previous one kept): cannot rename");
  }
  return Status();
}

Result<TrainerState> loadCheckpoint(const std::string& path, StageModel& model, bool restoreRng) {
  TrainerState s;
  std::error_code ec;
  if (!fs::exists(path, ec)) return makeError(path, "no checkpoint here (the run has not saved one yet)");
  try {
    torch::serialize::InputArchive archive, trainer, expected;
    archive.load_from(path, deviceOf(model));
    archiveOf(model, expected);
    if (auto st = sameShapes(expected, archive, "", path); !st) return st.error();
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
    const std::string what = e.what();  // LibTorch appends a backtrace: the first line says it
    return makeError(path, "unreadable checkpoint (damaged, or made by another program or network): " + what.substr(0, what.find('\n')));
  }
  return s;
}

}  // namespace tiss
