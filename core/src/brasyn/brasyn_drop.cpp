// tissnet brasyn drop: BraSyn's validation conditions made from a user's own data set.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "brasyn/brasyn_common.h"
#include "tiss/util/atomic_file.h"
#include "tiss/util/random.h"

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

// The case's files but its label and the dropped sequence, copied under their own names.
Status copyCase(const Dataset& d, const CaseFiles& c, const std::string& dropped, const std::string& out) {
  for (const auto& [key, path] : c.paths) {
    if (key == dropped || key == d.manifest.task.label) continue;
    const std::string rel = fs::relative(path, d.root).string();
    if (auto st = copyFileAtomically(path, (fs::path(out) / rel).string()); !st) return st;
  }
  return Status();
}

}  // namespace

Result<std::map<std::string, std::string>> dropSequences(const DropOptions& o) {
  auto d = openDataset(o.data);
  if (!d) return d.error();
  if (auto st = requireFourSequences(*d); !st) return st.error();
  if (d->manifest.layout == "msd")
    return makeError(o.data, "MSD keeps the four sequences in one 4D file per case; export it first (tissnet export nnunet)");
  if (auto st = outFolderFree(o.out); !st) return st.error();
  const auto keys = brasynKeys(d->manifest.task);
  std::map<std::string, std::string> dropped;
  nlohmann::json record = {{"seed", o.seed}, {"source", fs::absolute(o.data).string()}, {"dropped", nlohmann::json::object()}};
  for (size_t i = 0; i < d->cases.size(); ++i) {
    const CaseFiles& c = d->cases[i];
    // One stream per case: a case's choice does not depend on which other cases exist before it.
    const std::string key = keys[size_t(Rng::stream(o.seed, std::hash<std::string>{}(c.id)).integer(0, 3))];
    if (auto st = copyCase(*d, c, key, o.out); !st) return st.error();
    dropped[c.id] = key;
    record["dropped"][c.id] = {{"key", key}, {"name", ownName(d->manifest, key)}};
  }
  const fs::path manifest = fs::path(o.data) / kManifestFile;
  std::error_code ec;
  if (fs::exists(manifest, ec))
    if (auto st = copyFileAtomically(manifest.string(), (fs::path(o.out) / kManifestFile).string()); !st) return st.error();
  if (fs::exists(fs::path(o.data) / "dataset.json", ec))
    if (auto st = copyFileAtomically((fs::path(o.data) / "dataset.json").string(), (fs::path(o.out) / "dataset.json").string()); !st)
      return st.error();
  if (auto st = writeFileAtomically((fs::path(o.out) / kDropRecord).string(), record.dump(2) + "\n"); !st) return st.error();
  return dropped;
}

}  // namespace tiss
