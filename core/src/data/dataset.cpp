#include "tiss/data/dataset.h"

#include "tiss/util/atomic_file.h"
#include "tiss/util/safe_path.h"

#include "data/layouts.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace tiss {

Task gliomaTask() { return {"glioma", {"t1", "t1ce", "t2"}, "flair", "seg", {0, 1, 2, 4}}; }
Task vsTask() { return {"vs", {"T2"}, "ceT1", "seg", {0, 1}}; }

std::vector<std::string> Manifest::missingKeys() const {
  std::vector<std::string> keys = task.sources;
  keys.push_back(task.target);
  keys.push_back(task.label);
  std::vector<std::string> missing;
  for (const auto& k : keys)
    if (!k.empty() && !patterns.count(k)) missing.push_back(k);
  return missing;
}

std::string Manifest::relativePath(const std::string& key, const std::string& id) const {
  const auto it = patterns.find(key);
  return it == patterns.end() ? std::string() : expandCasePattern(it->second, id);
}

Result<Task> retarget(const Manifest& m, const std::string& key) {
  Task t = m.task;
  if (key.empty() || key == t.target) return t;
  std::vector<std::string> all = t.sources;
  if (!t.target.empty()) all.push_back(t.target);
  std::string wanted = key, choices;
  for (const auto& k : all) {
    const auto own = m.names.find(k);
    if (own != m.names.end() && own->second == key) wanted = k;
    choices += (choices.empty() ? "" : ", ") + k;
  }
  if (std::find(all.begin(), all.end(), wanted) == all.end())
    return makeError("data.target", "'" + key + "' is not a modality of the " + t.name + " task (" + choices + ")");
  t.target = wanted;
  t.sources.clear();
  for (const auto& k : all)
    if (k != wanted) t.sources.push_back(k);
  return t;
}

std::string describeLayout(const Manifest& m) {
  auto named = [&](const std::string& key) {
    const auto it = m.names.find(key);
    return it == m.names.end() || it->second == key ? key : key + " = " + it->second;
  };
  std::string s = "layout " + m.layout + ", task " + m.task.name + ": sources ";
  for (size_t i = 0; i < m.task.sources.size(); ++i) s += (i ? ", " : "") + named(m.task.sources[i]);
  s += "; target " + (m.task.target.empty() ? std::string("none (segmentation only)") : named(m.task.target));
  s += "; label " + named(m.task.label);
  if (!m.task.labelValues.empty()) {
    s += " (values";
    for (int v : m.task.labelValues) s += " " + std::to_string(v);
    s += ")";
  }
  return s;
}

Manifest bratsManifest(const std::string& ext) {
  Manifest m;
  m.layout = "brats";
  m.task = gliomaTask();
  for (const char* key : {"t1", "t1ce", "t2", "flair", "seg"})
    m.patterns[key] = std::string("{case}/{case}_") + key + ext;
  return m;
}

Manifest vsManifest() {
  Manifest m;
  m.task = vsTask();
  for (const char* key : {"T2", "ceT1", "seg"}) m.patterns[key] = std::string("{case}/{case}_") + key + ".nii.gz";
  return m;
}

Result<Manifest> readManifest(const std::string& file) {
  std::ifstream in(file);
  if (!in) return makeError(file, "cannot open the manifest");
  try {
    const json j = json::parse(in);
    Manifest m;
    m.layout = j.value("layout", "manifest");
    m.names = j.value("names", std::map<std::string, std::string>{});
    m.patterns = j.at("patterns").get<std::map<std::string, std::string>>();
    const json& t = j.at("task");
    m.task.name = t.value("name", "custom");
    m.task.sources = t.at("sources").get<std::vector<std::string>>();
    m.task.target = t.value("target", "");
    m.task.label = t.value("label", "seg");
    m.task.labelValues = t.value("label_values", std::vector<int>{});
    m.cases = j.value("cases", std::vector<std::string>{});
    for (const auto& [key, pattern] : m.patterns) {
      if (m.layout == "files") continue;
      // Any valid id is one component, neither . nor ..: "x" stands for all of them.
      const fs::path rel = fs::path(expandCasePattern(pattern.substr(0, pattern.find('#')), "x")).lexically_normal();
      if (pattern.empty() || rel.is_absolute() || rel.empty() || *rel.begin() == ".." || rel == ".")
        return makeError(file, "the pattern of '" + key + "' must name a file inside the data set folder");
    }
    if (m.layout == "files" && m.cases.empty()) return makeError(file, "layout \"files\" lists no case in \"cases\"");
    if (auto missing = m.missingKeys(); !missing.empty() && m.layout != "files")
      return makeError(file, "the task names '" + missing.front() + "' but \"patterns\" has no entry for it");
    return m;
  } catch (const json::exception& e) {
    return makeError(file, std::string("not a valid manifest: ") + e.what());
  }
}

Status writeManifest(const Manifest& m, const std::string& file) {
  json j;
  j["layout"] = m.layout;
  j["patterns"] = m.patterns;
  if (!m.names.empty()) j["names"] = m.names;
  if (!m.cases.empty()) j["cases"] = m.cases;
  j["task"] = {{"name", m.task.name}, {"sources", m.task.sources}, {"target", m.task.target},
               {"label", m.task.label}, {"label_values", m.task.labelValues}};
  return writeFileAtomically(file, j.dump(2) + "\n");
}

namespace {

std::vector<std::string> caseFolders(const std::string& dir) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_directory(ec) && !name.empty() && name[0] != '.') ids.push_back(name);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}


// The ids that pass the case-id rule; the others become `refused` entries naming `where`/ID.
std::vector<std::string> validIds(const std::vector<std::string>& ids, const std::string& where, Dataset& d) {
  std::vector<std::string> kept;
  for (const auto& id : ids) {
    if (auto st = checkCaseId(id); !st) d.refused.push_back(makeError(where + "/" + printableName(id), st.error().message));
    else kept.push_back(id);
  }
  return kept;
}

CaseFiles layoutCase(const Dataset& d, const std::string& id, const std::string& folder, bool heldOut) {
  CaseFiles c{id, {}, heldOut, {}};
  for (const auto& [key, pattern] : d.manifest.patterns) {
    std::string rel = d.manifest.relativePath(key, id);
    if (heldOut) {
      // imagesTs/ holds the images only, named as in imagesTr/.
      if (key == d.manifest.task.label || pattern.rfind("imagesTr/", 0) != 0) continue;
      rel = folder + "/" + rel.substr(9);
    }
    c.relative[key] = rel;
    c.paths[key] = (fs::path(d.root) / rel).string();
  }
  return c;
}

// imagesTs/: the cases a challenge keeps its labels of. Listed (to view, to run a model on)
// with their images only, never in the split.
void addHeldOutCases(Dataset& d) {
  for (const auto& id : validIds(layoutCaseIds(d.root, d.manifest, "imagesTs"), d.root + "/imagesTs", d)) {
    if (d.find(id)) continue;
    d.cases.push_back(layoutCase(d, id, "imagesTs", true));
  }
  std::sort(d.cases.begin(), d.cases.end(), [](const CaseFiles& a, const CaseFiles& b) { return a.id < b.id; });
}

// A case opened without a data set: its files are absolute, it belongs to no split.
Dataset looseCaseDataset(Dataset d) {
  for (const auto& id : validIds(d.manifest.cases, d.root + "/" + kManifestFile, d)) {
    CaseFiles c{id, {}, true, {}};
    for (const auto& [key, file] : d.manifest.patterns) c.paths[key] = file;
    d.cases.push_back(std::move(c));
  }
  d.split = drawSplit({}, 0);
  return d;
}

}  // namespace

Result<Manifest> guessManifest(const std::string& dir) {
  std::vector<std::string> ids;
  for (const auto& id : caseFolders(dir))
    if (checkCaseId(id)) ids.push_back(id);
  if (ids.empty()) return makeError(dir, "holds no case folder");
  Manifest m;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / ids.front())) {
    std::string ext, stem = splitImageExtension(e.path().filename().string(), &ext);
    if (stem.empty()) continue;
    const bool prefixed = stem.rfind(ids.front() + "_", 0) == 0;
    const std::string key = prefixed ? stem.substr(ids.front().size() + 1) : stem;
    m.patterns[key] = std::string("{case}/") + (prefixed ? "{case}_" : "") + key + ext;
  }
  if (m.patterns.empty()) return makeError(dir + "/" + ids.front(), "holds no image file");
  auto has = [&](const char* k) { return m.patterns.count(k) > 0; };
  if (has("t1") && has("t1ce") && has("t2") && has("flair")) m.task = gliomaTask();
  else if (has("T2") && has("ceT1")) m.task = vsTask();
  else {
    m.task.name = "custom";
    for (const auto& [k, p] : m.patterns)
      if (k != "seg") m.task.sources.push_back(k);
    m.task.target = m.task.sources.empty() ? "" : m.task.sources.back();
    if (!m.task.sources.empty()) m.task.sources.pop_back();
  }
  return m;
}

std::vector<std::string> splittableIds(const Dataset& d) {
  std::vector<std::string> ids;
  for (const auto& c : d.cases)
    if (!c.heldOut) ids.push_back(c.id);
  return ids;
}

const CaseFiles* Dataset::find(const std::string& id) const {
  for (const auto& c : cases)
    if (c.id == id) return &c;
  return nullptr;
}

Result<Dataset> openDataset(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return makeError(dir, "data set folder not found");
  Dataset d;
  d.root = dir;
  auto ids = caseFolders(dir);
  const fs::path manifestFile = fs::path(dir) / kManifestFile;
  if (fs::exists(manifestFile, ec)) {
    auto m = readManifest(manifestFile.string());
    if (!m) return m.error();
    d.manifest = *m;
  } else {
    auto detected = detectLayout(dir, ids);
    if (!detected) return detected.error();
    if (!*detected)
      return makeError(dir, "no known layout (BraTS 2020/2021 CASE/CASE_flair.nii.gz, BraTS 2023-2025 "
                            "CASE/CASE-t2f.nii.gz, MSD or nnU-Net v2 dataset.json + imagesTr/) and no manifest.json; "
                            "write one with 'tissnet manifest " + dir + "' and edit it");
    d.manifest = **detected;
  }
  const bool imagesFolder = imagesFolderLayout(d.manifest);
  if (imagesFolder) ids = layoutCaseIds(dir, d.manifest);
  if (d.manifest.layout == "files") return looseCaseDataset(std::move(d));
  ids = validIds(ids, imagesFolder ? dir + "/imagesTr" : dir, d);
  if (ids.empty() && d.refused.empty()) return makeError(dir, imagesFolder ? "imagesTr/ holds no case" : "holds no case folder");
  if (ids.empty()) return makeError(d.refused.front().file, d.refused.front().message + " (no other case)");
  for (const auto& id : ids) d.cases.push_back(layoutCase(d, id, "", false));
  if (imagesFolder) addHeldOutCases(d);
  const fs::path splitFile = fs::path(dir) / kSplitFile;
  if (fs::exists(splitFile, ec)) {
    auto s = readSplit(splitFile.string());
    if (!s) return s.error();
    d.split = *s;
    d.splitSaved = true;
  } else {
    d.split = drawSplit(ids, 0);
  }
  return d;
}

}  // namespace tiss
