#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tiss/util/atomic_file.h"
#include "tiss/data/dataset.h"
#include "tiss/util/random.h"

using nlohmann::json;

namespace tiss {

std::string toString(SplitPart part) {
  switch (part) {
    case SplitPart::Train: return "train";
    case SplitPart::Val: return "val";
    case SplitPart::Test: return "test";
    case SplitPart::Unassigned: break;
  }
  return "unassigned";
}

SplitPart Split::partOf(const std::string& id) const {
  const auto it = assignment.find(id);
  return it == assignment.end() ? SplitPart::Unassigned : it->second;
}

std::vector<std::string> Split::ids(SplitPart part) const {
  std::vector<std::string> out;
  for (const auto& [id, p] : assignment)
    if (p == part) out.push_back(id);
  return out;
}

Split drawSplit(std::vector<std::string> ids, uint64_t seed, const std::array<double, 3>& fractions) {
  std::sort(ids.begin(), ids.end());
  Rng rng(seed);
  for (size_t i = ids.size(); i > 1; --i) std::swap(ids[i - 1], ids[size_t(rng.integer(0, long(i) - 1))]);
  const double n = double(ids.size());
  const size_t train = size_t(std::lround(n * fractions[0]));
  const size_t val = std::min(ids.size() - train, size_t(std::lround(n * fractions[1])));
  Split s;
  s.seed = seed;
  for (size_t i = 0; i < ids.size(); ++i)
    s.assignment[ids[i]] = i < train ? SplitPart::Train : i < train + val ? SplitPart::Val : SplitPart::Test;
  return s;
}

Result<Split> readSplit(const std::string& file) {
  std::ifstream in(file);
  if (!in) return makeError(file, "cannot open the split file");
  try {
    const json j = json::parse(in);
    Split s;
    s.seed = j.value("seed", uint64_t(0));
    for (SplitPart part : {SplitPart::Train, SplitPart::Val, SplitPart::Test})
      for (const auto& id : j.value(toString(part), std::vector<std::string>{})) {
        if (s.assignment.count(id)) return makeError(file, "case '" + id + "' is in more than one part");
        s.assignment[id] = part;
      }
    return s;
  } catch (const json::exception& e) {
    return makeError(file, std::string("not a valid split file: ") + e.what());
  }
}

Status writeSplit(const Split& s, const std::string& file) {
  json j;
  j["seed"] = s.seed;
  for (SplitPart part : {SplitPart::Train, SplitPart::Val, SplitPart::Test}) j[toString(part)] = s.ids(part);
  return writeFileAtomically(file, j.dump(2) + "\n");
}

}  // namespace tiss
