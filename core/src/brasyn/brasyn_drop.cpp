// tissnet brasyn drop: BraSyn's validation conditions made from a user's own data set.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "brasyn/brasyn_common.h"
#include "tiss/util/atomic_file.h"
#include "tiss/util/random.h"
#include "tiss/util/safe_path.h"
#include "tiss/io/image_io.h"

#include <algorithm>

namespace fs = std::filesystem;

namespace tiss {

std::vector<std::string> brasynKeys(const Task& task) {
  std::vector<std::string> keys = task.sources;
  if (!task.target.empty()) keys.push_back(task.target);
  return keys;
}

Status requireFourSequences(const Dataset& d) {
  if (brasynKeys(d.manifest.task).size() != 4 || d.manifest.task.name != "glioma")
    return makeError(d.root, "BraSyn needs the four glioma sequences (t1, t1ce, t2, flair); this data set's task is '" +
                                 d.manifest.task.name + "'");
  return Status();
}

std::string ownName(const Manifest& m, const std::string& key) {
  const auto it = m.names.find(key);
  return it == m.names.end() ? key : it->second;
}

namespace {

Status outFolderFree(const std::string& out) {
  std::error_code ec;
  if (fs::exists(out, ec) && !fs::is_empty(out, ec))
    return makeError(out, "already exists and is not empty; choose a new folder (nothing was written)");
  return Status();
}

}  // namespace

Status copyCaseFiles(const Dataset&, const CaseFiles& c, const std::string& out, const std::vector<std::string>& skip) {
  for (const auto& [key, path] : c.paths) {
    if (std::count(skip.begin(), skip.end(), key) || !volumeExists(path)) continue;
    const auto rel = c.relative.find(key);
    if (rel == c.relative.end()) return makeError(path, "has no place in the data set's layout (a loose case cannot be copied)");
    auto to = pathInside(out, rel->second);
    if (!to) return to.error();
    if (auto st = copyFileAtomically(path, *to); !st) return st;
  }
  return Status();
}

uint64_t caseStream(const std::string& id) { return stableHash(id); }

Status copyRecordFiles(const std::string& from, const std::string& out, const std::vector<std::string>& names) {
  std::error_code ec;
  for (const auto& name : names)
    if (fs::is_regular_file(fs::path(from) / name, ec))
      if (auto st = copyFileAtomically((fs::path(from) / name).string(), (fs::path(out) / name).string()); !st) return st;
  return Status();
}

Status requireFinished(const std::string& file, const std::string& step, bool required) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    if (!required) return Status();
    return makeError(file, "not found: this folder was not made by a finished '" + step + "' (run it again into a new folder)");
  }
  std::ifstream in(file);
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return makeError(file, "is damaged: run '" + step + "' again into a new folder");
  if (j.value("status", std::string("done")) != "done")
    return makeError(file, "says '" + step + "' did not finish (stopped or killed): run it again into a new folder");
  return Status();
}

Result<std::map<std::string, std::string>> dropSequences(const DropOptions& o) {
  auto d = openDataset(o.data);
  if (!d) return d.error();
  if (auto st = requireFourSequences(*d); !st) return st.error();
  if (d->manifest.layout == "msd")
    return makeError(o.data, "MSD keeps the four sequences in one 4D file per case; export it first (tissnet export nnunet)");
  if (auto st = outFolderFree(o.out); !st) return st.error();
  const auto keys = brasynKeys(d->manifest.task);
  std::map<std::string, std::string> dropped;
  nlohmann::json record = {{"seed", o.seed}, {"source", printableName(fs::absolute(o.data).string())},
                           {"status", "running"}, {"dropped", nlohmann::json::object()}};
  // Written first: a killed drop leaves a record saying so, which complete refuses.
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (auto st = writeFileAtomically((fs::path(o.out) / kDropRecord).string(), record.dump(2) + "\n"); !st) return st.error();
  for (size_t i = 0; i < d->cases.size(); ++i) {
    const CaseFiles& c = d->cases[i];
    // One stream per case: a case's choice does not depend on which other cases exist before it.
    const std::string key = keys[size_t(Rng::stream(o.seed, caseStream(c.id)).integer(0, 3))];
    if (auto st = copyCaseFiles(*d, c, o.out, {key, d->manifest.task.label}); !st) return st.error();
    dropped[c.id] = key;
    record["dropped"][c.id] = {{"key", key}, {"name", ownName(d->manifest, key)}};
  }
  if (auto st = copyRecordFiles(o.data, o.out, {kManifestFile, "dataset.json"}); !st) return st.error();
  record["status"] = "done";
  if (auto st = writeFileAtomically((fs::path(o.out) / kDropRecord).string(), record.dump(2) + "\n"); !st) return st.error();
  return dropped;
}

}  // namespace tiss
