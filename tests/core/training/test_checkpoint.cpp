// Checkpoints from elsewhere: a CPU run's checkpoint whose tensors are marked for a CUDA device
// (as a GPU machine writes them) loads onto the CPU model, and a checkpoint of another width is
// refused naming the first differing parameter, before anything is loaded.
#include <caffe2/serialize/inline_container.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <random>
#include <string>

#include "model/stage_model.h"
#include "training/checkpoint.h"

using namespace tiss;
namespace fs = std::filesystem;

namespace {

TrainConfig tiny(Stage stage, std::vector<int> channels = {4, 8, 8, 16, 16}) {
  TrainConfig c;
  c.stage = stage;
  c.net.channels = std::move(channels);
  c.net.dropout = {0, 0, 0, 0, 0};
  c.net.discChannels = 4;
  return c;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("tiss-checkpoint-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  return dir / name;
}

// Copies the archive `from` to `to` with every storage's location "cpu" written as "cuda:0", as
// torch::save on a GPU machine writes it (the pickle's BINUNICODE strings). Returns how many.
int markForCuda(const fs::path& from, const fs::path& to) {
  caffe2::serialize::PyTorchStreamReader reader(from.string());
  caffe2::serialize::PyTorchStreamWriter writer(to.string());
  writer.setMinVersion(reader.version());
  const std::string cpu("X\x03\x00\x00\x00" "cpu", 8), cuda("X\x06\x00\x00\x00" "cuda:0", 11);
  int marked = 0;
  for (const auto& name : reader.getAllRecords()) {
    if (name == "version" || name == ".data/version") continue;  // the writer writes its own
    auto [data, size] = reader.getRecord(name);
    std::string bytes(static_cast<const char*>(data.get()), size);
    if (name == "data.pkl")
      for (size_t at = 0; (at = bytes.find(cpu, at)) != std::string::npos; at += cuda.size(), ++marked) bytes.replace(at, cpu.size(), cuda);
    writer.writeRecord(name, bytes.data(), bytes.size());
  }
  writer.writeEndOfFile();
  return marked;
}

}  // namespace

TEST(Checkpoint, TensorsMarkedForAnotherDeviceLoadOntoTheModelsDevice) {
  torch::manual_seed(3);
  auto saved = makeStageModel(tiny(Stage::SegSource), 3, torch::kCPU);
  const fs::path file = scratch("last.pt"), gpu = file.parent_path() / "from-gpu.pt";
  TrainerState state;
  state.iteration = 7;
  ASSERT_TRUE(saveCheckpoint(file.string(), *saved, state).ok());
  ASSERT_GT(markForCuda(file, gpu), 0) << "no storage location found to mark";
  // Without a device to map to, LibTorch puts the tensors where the file says: on this CUDA-less
  // build that fails, so the file really asks for CUDA.
  EXPECT_ANY_THROW({
    torch::serialize::InputArchive plain;
    plain.load_from(gpu.string());
  });
  torch::manual_seed(4);  // other initial weights: the load must replace them
  auto loaded = makeStageModel(tiny(Stage::SegSource), 3, torch::kCPU);
  auto result = loadCheckpoint(gpu.string(), *loaded, false);
  ASSERT_TRUE(result.ok()) << result.error().describe();
  EXPECT_EQ(result->iteration, 7);
  const auto a = saved->parameters(), b = loaded->parameters();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(b[i].device().is_cpu());
    EXPECT_TRUE(torch::equal(a[i], b[i])) << "parameter " << i;
  }
  fs::remove_all(file.parent_path());
}

TEST(Checkpoint, AnotherWidthIsNamedBeforeAnythingLoads) {
  auto wide = makeStageModel(tiny(Stage::SegSource, {8, 16, 16, 32, 32}), 3, torch::kCPU);
  const fs::path file = scratch("best.pt");
  ASSERT_TRUE(saveCheckpoint(file.string(), *wide, TrainerState{}).ok());
  auto narrow = makeStageModel(tiny(Stage::SegSource), 3, torch::kCPU);
  const auto before = narrow->parameters().front().clone();
  auto result = loadCheckpoint(file.string(), *narrow, false);
  ASSERT_FALSE(result.ok());
  const std::string message = result.error().message;
  EXPECT_NE(message.find("parameter '"), std::string::npos) << message;
  EXPECT_NE(message.find("8x3x"), std::string::npos) << message;  // the checkpoint's first conv: 8 filters over 3 sources
  EXPECT_NE(message.find("4x3x"), std::string::npos) << message;
  EXPECT_TRUE(torch::equal(before, narrow->parameters().front()));  // nothing was loaded
  // Another number of sources is a shape mismatch too.
  auto twoSources = makeStageModel(tiny(Stage::SegSource, {8, 16, 16, 32, 32}), 2, torch::kCPU);
  auto other = loadCheckpoint(file.string(), *twoSources, false);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("8x2x"), std::string::npos) << other.error().message;
  fs::remove_all(file.parent_path());
}
