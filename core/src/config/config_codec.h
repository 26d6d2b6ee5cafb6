#pragma once
// Between the key table (config_keys.cpp) and the config's loading rules (config.cpp).
#include <nlohmann/json.hpp>
#include <string>

#include "tiss/config/config.h"
#include "tiss/util/result.h"

namespace tiss {

/// The preset's defaults (config.cpp); `name` must be one of presetNames().
TrainConfig presetConfig(const std::string& name);
/// Every key of the table in its nested JSON object.
nlohmann::json configToObject(const TrainConfig& config);
/// Reads every key of the table from a complete object (the preset's object with the user's
/// values merged in), checking each key's type and range; errors name the dotted key.
Result<TrainConfig> configFromObject(const nlohmann::json& object);
/// Reads one key's value into `config` through its table entry (type and range checked);
/// fails naming the key, or "unknown key".
Status setConfigKey(TrainConfig& config, const std::string& key, const nlohmann::json& value);

}  // namespace tiss
