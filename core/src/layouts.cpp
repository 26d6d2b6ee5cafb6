// Data set layouts recognised as they are, without a manifest (docs/data.md, "Your data"):
// BraTS 2020/2021, BraTS 2023-2025 and nnU-Net v2 raw datasets.
#include "layouts.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
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

Result<std::optional<Manifest>> nnunetFrom(const fs::path& file);

// A dataset.json whose values have the wrong JSON type is named, never an escaping exception.
Result<std::optional<Manifest>> nnunet(const fs::path& dir) {
  const fs::path file = dir / "dataset.json";
  if (!fileExists(file) || !fileExists(dir / "imagesTr")) return std::optional<Manifest>();
  try {
    return nnunetFrom(file);
  } catch (const json::exception& e) {
    return makeError(file.string(), std::string("is not a valid nnU-Net v2 dataset.json: ") + e.what());
  }
}

Result<std::optional<Manifest>> nnunetFrom(const fs::path& file) {
  std::ifstream in(file);
  const json j = json::parse(in, nullptr, false);
  if (!j.is_object() || !j.contains("channel_names") || !j["channel_names"].is_object() || j["channel_names"].empty())
    return makeError(file.string(), "is not an nnU-Net v2 dataset.json (no \"channel_names\" object)");
  Manifest m;
  m.layout = "nnunet";
  const std::string ext = j.value("file_ending", std::string(".nii.gz"));
  std::vector<std::string> keys;
  for (const auto& [index, name] : j["channel_names"].items()) {
    if (!name.is_string() || index.empty() || index.size() > 4 || !std::all_of(index.begin(), index.end(), ::isdigit))
      return makeError(file.string(), "\"channel_names\" must map channel numbers to names");
    const std::string key = gliomaKey(name.get<std::string>()).empty() ? lower(name.get<std::string>()) : gliomaKey(name.get<std::string>());
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "_%04d", std::stoi(index));
    m.patterns[key] = "imagesTr/{case}" + std::string(suffix) + ext;
    m.names[key] = name.get<std::string>() + " (" + suffix + ")";
    keys.push_back(key);
  }
  m.patterns["seg"] = "labelsTr/{case}" + ext;
  m.names["seg"] = "labelsTr";
  const bool glioma = std::all_of(keys.begin(), keys.end(), [](const std::string& k) { return !gliomaKey(k).empty(); }) &&
                      keys.size() == 4;
  // Not the four glioma sequences: a segmentation-only task over every channel.
  m.task = glioma ? gliomaTask() : Task{j.value("name", std::string("nnunet")), keys, "", "seg", {}};
  m.task.labelValues.clear();
  if (j.contains("labels") && j["labels"].is_object())
    for (const auto& [name, value] : j["labels"].items())
      if (value.is_number_integer()) m.task.labelValues.push_back(value.get<int>());
  std::sort(m.task.labelValues.begin(), m.task.labelValues.end());
  return std::optional<Manifest>(m);
}

}  // namespace

Result<std::optional<Manifest>> detectLayout(const std::string& dir, const std::vector<std::string>& folders) {
  if (auto m = brats2020(dir, folders)) return m;
  if (auto m = brats2023(dir, folders)) return m;
  return nnunet(dir);
}

std::vector<std::string> layoutCaseIds(const std::string& dir, const Manifest& m) {
  std::vector<std::string> ids;
  const auto it = m.task.sources.empty() ? m.patterns.end() : m.patterns.find(m.task.sources.front());
  if (m.layout != "nnunet" || it == m.patterns.end()) return ids;
  const std::string pattern = it->second;  // imagesTr/{case}_0000.nii.gz
  const std::string tail = pattern.substr(pattern.find("{case}") + 6);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "imagesTr", ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() > tail.size() && name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
      ids.push_back(name.substr(0, name.size() - tail.size()));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace tiss
