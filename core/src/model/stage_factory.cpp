// makeStageModel: the stage's model, by config.stage (builders declared in stage_model.h).
#include "model/stage_model.h"

namespace tiss {

std::unique_ptr<StageModel> makeStageModel(const TrainConfig& c, int sources, torch::Device device, Borrowed b) {
  if (c.stage == Stage::TissNet || c.stage == Stage::Synthesis) return makeTissNetModel(c, sources, device, std::move(b));
  return makeSegmenterModel(c, sources, device, std::move(b));
}

std::vector<Batch> splitBatch(const Batch& b, int parts) {
  if (parts <= 1) return {b};
  std::vector<Batch> out(static_cast<size_t>(parts));
  auto split = [parts](const torch::Tensor& t) { return t.defined() ? t.chunk(parts, 0) : std::vector<torch::Tensor>(size_t(parts)); };
  const auto sources = split(b.sources), target = split(b.target), label = split(b.label);
  for (size_t i = 0; i < out.size(); ++i) out[i] = Batch{sources[i], target[i], label[i]};
  return out;
}

}  // namespace tiss
