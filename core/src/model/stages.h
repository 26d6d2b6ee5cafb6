#pragma once
// The builders of the two kinds of stage model, one per source file; makeStageModel
// (stage_model.h, stage_factory.cpp) picks one by the config's stage.
#include <memory>

#include "model/stage_model.h"

namespace tiss {

/// TISS-Net (G, S, D_g, D_t) for stages tissnet and synthesis (tissnet_stage.cpp).
std::unique_ptr<StageModel> makeTissNetModel(const TrainConfig& config, int sources, torch::Device device, Borrowed borrowed);
/// One 2.5D U-Net for stages sp and seg-* (segmenter_stage.cpp).
std::unique_ptr<StageModel> makeSegmenterModel(const TrainConfig& config, int sources, torch::Device device, Borrowed borrowed);

}  // namespace tiss
