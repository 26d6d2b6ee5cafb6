#pragma once
/// The one table of config keys (3D Slicer's CLI descriptions): each key's type, range or
/// choices, unit, help and the version that added it. It drives parsing and per-key checks
/// (config.cpp), `tissnet config --describe`, the workbench's training form and the generated
/// docs/config.md. Plain C++: the workbench includes it.
#include <string>
#include <vector>

namespace tiss {

enum class KeyType {
  Integer,   ///< a whole number in [min, max]
  Real,      ///< a number in [min, max]
  Boolean,   ///< true or false
  Text,      ///< a string (a path, a modality name)
  Choice,    ///< one of `choices`
  Size,      ///< "DxHxW" voxels
  IntegerList,
  RealList,  ///< lists: each item in [min, max]
  Special    ///< words and values explained by `help` (e.g. a choice or a share)
};
std::string toString(KeyType t);

struct ConfigKey {
  std::string key;                   ///< dotted, e.g. "loss.lambda_p"
  KeyType type = KeyType::Text;
  double min = 0, max = 0;           ///< Integer, Real and list items
  std::vector<std::string> choices;  ///< Choice; Special: the words it accepts
  std::string unit;                  ///< e.g. "voxels", "iterations"; empty for plain flags and names
  std::string help;                  ///< one or two sentences
  std::string since = "0.1.0";       ///< the version that added the key
};

/// Every key, in the order configs are written.
const std::vector<ConfigKey>& configKeys();
/// The key named `key`, or nullptr.
const ConfigKey* findConfigKey(const std::string& key);
/// The key's default in `preset` ("paper", "cpu-small"), as written in a config ("25", "true",
/// "tissnet", "[32,64,128,256,512]", "16x128x128").
std::string configDefault(const std::string& key, const std::string& preset);
/// The table as plain text (`tissnet config --describe`) or as the Markdown page
/// docs/config.md.
std::string describeConfigKeys(bool markdown);

}  // namespace tiss
