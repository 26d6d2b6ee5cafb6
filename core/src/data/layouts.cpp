// Data set layouts recognised as they are, without a manifest (docs/data.md, "Your data"):
// BraTS 2020/2021, BraTS 2023-2025, MSD (Task01_BrainTumour) and nnU-Net v2 raw datasets.
#include "data/layouts.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace tiss {
namespace {

bool fileExists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

// BraTS 2020 (uncompressed .nii) and 2021: CASE/CASE_{t1,t1ce,t2,flair,seg}.
std::optional<Manifest> brats2020(const fs::path& dir, const std::vector<std::string>& folders) {
  for (const auto& id : folders)
    for (const char* ext : {".nii.gz", ".nii"})
      if (fileExists(dir / id / (id + "_flair" + ext))) return bratsManifest(ext);
  return std::nullopt;
}

// BraTS 2023-2025 (GLI, MET, MEN, PED, SSA): CASE/CASE-{t1n,t1c,t2w,t2f,seg}.nii.gz, labels 0-3.
std::optional<Manifest> brats2023(const fs::path& dir, const std::vector<std::string>& folders) {
  const bool found = std::any_of(folders.begin(), folders.end(), [&](const std::string& id) {
    return fileExists(dir / id / (id + "-t2f.nii.gz")) || fileExists(dir / id / (id + "-t1n.nii.gz"));
  });
  if (!found) return std::nullopt;
  Manifest m;
  m.layout = "brats2023";
  m.task = gliomaTask();
  m.task.labelValues = {0, 1, 2, 3};
  for (const auto& [key, name] : std::map<std::string, std::string>{
           {"t1", "t1n"}, {"t1ce", "t1c"}, {"t2", "t2w"}, {"flair", "t2f"}, {"seg", "seg"}}) {
    m.patterns[key] = "{case}/{case}-" + name + ".nii.gz";
    m.names[key] = name;
  }
  return m;
}

// The glioma task's key for an nnU-Net / MSD channel name, or "" when it is none of them.
std::string gliomaKey(const std::string& channel) {
  const std::string c = lower(channel);
  if (c == "t1" || c == "t1w" || c == "t1n" || c == "native t1") return "t1";
  if (c == "t1ce" || c == "t1c" || c == "t1gd" || c == "t1-gd" || c == "ct1" || c == "t1 post-contrast") return "t1ce";
  if (c == "t2" || c == "t2w") return "t2";
  if (c == "flair" || c == "t2f" || c == "t2-flair") return "flair";
  return "";
}

Result<std::optional<Manifest>> described(const fs::path& file);

// A dataset.json whose values have the wrong JSON type is named, never an escaping exception.
Result<std::optional<Manifest>> nnunetOrMsd(const fs::path& dir) {
  const fs::path file = dir / "dataset.json";
  if (!fileExists(file) || !fileExists(dir / "imagesTr")) return std::optional<Manifest>();
  try {
    return described(file);
  } catch (const json::exception& e) {
    return makeError(file.string(), std::string("is not a valid nnU-Net or MSD dataset.json: ") + e.what());
  }
}

bool isNumber(const std::string& s) { return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), ::isdigit); }

// MSD (and nnU-Net v1) name the channels "modality" and the labels value -> name; nnU-Net v2
// "channel_names" and name -> value. MSD keeps the channels in one 4D file per case.
bool msdFiles(const json& j, const fs::path& dir) {
  if (!j.contains("training") || !j["training"].is_array() || j["training"].empty()) return false;
  const json& first = j["training"][0];
  return first.is_object() && first.value("image", std::string()).size() > 0 && fileExists(dir / first["image"].get<std::string>());
}

// The label values a file may hold. nnU-Net v2 region-based datasets (BraTS as Dataset137)
// give a region as a list of values ("whole tumor": [1, 2, 3]) with "regions_class_order":
// every value of every region counts, and the tumor (label > 0) is their union.
std::vector<int> labelValues(const json& j) {
  std::set<int> values;
  if (j.contains("labels") && j["labels"].is_object())
    for (const auto& [name, value] : j["labels"].items()) {
      if (value.is_number_integer()) values.insert(value.get<int>());
      else if (value.is_array()) {
        for (const auto& v : value)
          if (v.is_number_integer()) values.insert(v.get<int>());
      } else if (isNumber(name)) values.insert(std::stoi(name));
    }
  if (j.contains("regions_class_order") && j["regions_class_order"].is_array())
    for (const auto& v : j["regions_class_order"])
      if (v.is_number_integer()) values.insert(v.get<int>());
  if (!values.empty()) values.insert(0);  // background, implicit in a region list
  return {values.begin(), values.end()};
}

Result<std::optional<Manifest>> described(const fs::path& file) {
  std::ifstream in(file);
  const json j = json::parse(in, nullptr, false);
  const char* channels = j.is_object() && j.contains("channel_names") ? "channel_names" : "modality";
  if (!j.is_object() || !j.contains(channels) || !j[channels].is_object() || j[channels].empty())
    return makeError(file.string(), "is not an nnU-Net or MSD dataset.json (no \"channel_names\" or \"modality\" object)");
  Manifest m;
  const bool msd = std::string(channels) == "modality" && msdFiles(j, file.parent_path());
  m.layout = msd ? "msd" : "nnunet";
  const std::string ext = j.value("file_ending", std::string(".nii.gz"));
  std::vector<std::string> keys;
  for (const auto& [index, name] : j[channels].items()) {
    if (!name.is_string() || !isNumber(index))
      return makeError(file.string(), "\"" + std::string(channels) + "\" must map channel numbers to names");
    const std::string own = name.get<std::string>(), key = gliomaKey(own).empty() ? lower(own) : gliomaKey(own);
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "_%04d", std::stoi(index));
    m.patterns[key] = msd ? "imagesTr/{case}" + ext + "#" + std::to_string(std::stoi(index)) : "imagesTr/{case}" + std::string(suffix) + ext;
    m.names[key] = own + (msd ? " (channel " + std::to_string(std::stoi(index)) + ")" : " (" + std::string(suffix) + ")");
    keys.push_back(key);
  }
  m.patterns["seg"] = "labelsTr/{case}" + ext;
  m.names["seg"] = "labelsTr";
  const bool glioma = std::all_of(keys.begin(), keys.end(), [](const std::string& k) { return !gliomaKey(k).empty(); }) &&
                      keys.size() == 4;
  // Not the four glioma sequences: a segmentation-only task over every channel.
  m.task = glioma ? gliomaTask() : Task{j.value("name", std::string("nnunet")), keys, "", "seg", {}};
  m.task.labelValues = labelValues(j);
  return std::optional<Manifest>(m);
}

}  // namespace

Result<std::optional<Manifest>> detectLayout(const std::string& dir, const std::vector<std::string>& folders) {
  if (auto m = brats2020(dir, folders)) return m;
  if (auto m = brats2023(dir, folders)) return m;
  return nnunetOrMsd(dir);
}

bool imagesFolderLayout(const Manifest& m) { return m.layout == "nnunet" || m.layout == "msd"; }

std::vector<std::string> layoutCaseIds(const std::string& dir, const Manifest& m, const std::string& folder) {
  std::set<std::string> ids;
  if (!imagesFolderLayout(m)) return {};
  // A case is there when any of its channels is (a BraSyn case lacks one).
  std::set<std::string> tails;
  for (const auto& [key, pattern] : m.patterns)
    if (pattern.rfind("imagesTr/{case}", 0) == 0) tails.insert(pattern.substr(15, pattern.find('#') - 15));  // _0000.nii.gz; .nii.gz
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / folder, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind("._", 0) == 0) continue;  // the macOS resource forks MSD's archives carry
    for (const auto& tail : tails)
      if (name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
        ids.insert(name.substr(0, name.size() - tail.size()));
  }
  return {ids.begin(), ids.end()};
}

std::string splitImageExtension(const std::string& name, std::string* ext) {
  for (const char* e : {".nii.gz", ".nii", ".nrrd", ".mha", ".mhd", ".nhdr"}) {
    const std::string s(e);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      *ext = s;
      return name.substr(0, name.size() - s.size());
    }
  }
  return {};
}

}  // namespace tiss
