// makeStageModel: the stage's model, by config.stage (builders declared in stage_model.h).
#include "model/stage_model.h"

namespace tiss {

std::unique_ptr<StageModel> makeStageModel(const TrainConfig& c, int sources, torch::Device device, Borrowed b) {
  if (c.stage == Stage::TissNet || c.stage == Stage::Synthesis) return makeTissNetModel(c, sources, device, std::move(b));
  return makeSegmenterModel(c, sources, device, std::move(b));
}

}  // namespace tiss
