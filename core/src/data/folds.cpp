#include "tiss/data/folds.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "tiss/util/atomic_file.h"
#include "tiss/util/random.h"
#include "tiss/util/safe_path.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tiss {

std::vector<Fold> drawFolds(std::vector<std::string> ids, int k, uint64_t seed) {
  if (k < 2 || size_t(k) > ids.size()) return {};
  std::sort(ids.begin(), ids.end());
  Rng rng(seed);
  for (size_t i = ids.size(); i > 1; --i) std::swap(ids[i - 1], ids[size_t(rng.integer(0, long(i) - 1))]);
  std::vector<Fold> folds(static_cast<size_t>(k));
  for (size_t i = 0; i < ids.size(); ++i)
    for (size_t f = 0; f < folds.size(); ++f) (f == i % folds.size() ? folds[f].val : folds[f].train).push_back(ids[i]);
  for (auto& f : folds) {
    std::sort(f.train.begin(), f.train.end());
    std::sort(f.val.begin(), f.val.end());
  }
  return folds;
}

Result<std::vector<Fold>> readFolds(const std::string& file) {
  std::ifstream in(file);
  if (!in) return makeError(file, "not found: draw the folds with 'tissnet split DIR --folds K'");
  const json j = json::parse(in, nullptr, false);
  if (!j.is_array() || j.empty()) return makeError(file, "is not a list of folds ({\"train\": [...], \"val\": [...]})");
  std::vector<Fold> folds;
  std::set<std::string> validated;
  for (size_t f = 0; f < j.size(); ++f) {
    const json& o = j[f];
    const std::string where = "fold " + std::to_string(f);
    if (!o.is_object() || !o.contains("train") || !o.contains("val") || !o["train"].is_array() || !o["val"].is_array())
      return makeError(file, where + " is not {\"train\": [...], \"val\": [...]}");
    Fold fold;
    for (const char* part : {"train", "val"})
      for (const auto& id : o[part]) {
        if (!id.is_string()) return makeError(file, where + " lists a case that is not a string");
        if (auto st = checkCaseId(id.get<std::string>()); !st) return makeError(file, where + ": " + st.error().message);
        (std::string(part) == "train" ? fold.train : fold.val).push_back(id.get<std::string>());
      }
    for (const auto& id : fold.val) {
      if (std::count(fold.train.begin(), fold.train.end(), id)) return makeError(file, where + " has case " + id + " in train and val");
      if (!validated.insert(id).second) return makeError(file, "case " + id + " is validated in more than one fold");
    }
    folds.push_back(std::move(fold));
  }
  return folds;
}

Status writeFolds(const std::vector<Fold>& folds, const std::string& file) {
  json j = json::array();
  for (const auto& f : folds) j.push_back({{"train", f.train}, {"val", f.val}});
  return writeFileAtomically(file, j.dump(2) + "\n");
}

std::vector<std::string> foldableIds(const Dataset& d) {
  std::vector<std::string> ids;
  for (const auto& c : d.cases)
    if (!c.heldOut && (!d.splitSaved || d.split.partOf(c.id) != SplitPart::Test)) ids.push_back(c.id);
  return ids;
}

Result<Split> foldSplit(const Dataset& d, int fold) {
  const std::string file = (fs::path(d.root) / kFoldsFile).string();
  auto folds = readFolds(file);
  if (!folds) return folds.error();
  if (fold < 0 || size_t(fold) >= folds->size())
    return makeError(file, "has " + std::to_string(folds->size()) + " folds; data.fold " + std::to_string(fold) + " is not one of them");
  Split s;
  s.seed = d.split.seed;
  if (d.splitSaved)  // only a stored split.json is a fixed test set (an unsaved one is drawn on the fly)
    for (const auto& id : d.split.ids(SplitPart::Test)) s.assignment[id] = SplitPart::Test;
  const Fold& f = (*folds)[size_t(fold)];
  for (const auto* part : {&f.train, &f.val})
    for (const auto& id : *part) {
      const CaseFiles* c = d.find(id);
      if (!c || c->heldOut) return makeError(file, "fold " + std::to_string(fold) + " lists case " + id + ", which is not a labelled case of the data set");
      if (s.partOf(id) == SplitPart::Test)
        return makeError(file, "case " + id + " is in fold " + std::to_string(fold) + " and in split.json's test part; draw the folds again");
      s.assignment[id] = part == &f.train ? SplitPart::Train : SplitPart::Val;
    }
  return s;
}

Status useFold(Dataset& d, int fold) {
  if (fold < 0) return Status();
  auto split = foldSplit(d, fold);
  if (!split) return split.error();
  d.split = *split;
  return Status();
}

}  // namespace tiss
