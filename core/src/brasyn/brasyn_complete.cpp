// tissnet complete: each case's missing sequence synthesized by the run trained for it.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "brasyn/brasyn_common.h"
#include "tiss/util/atomic_file.h"
#include "tiss/config/config.h"
#include "tiss/engine/engine.h"
#include "tiss/io/image_io.h"
#include "tiss/preprocessing/preprocess.h"
#include "tiss/training/run_folder.h"
#include "tiss/util/safe_path.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

struct Plan {
  std::map<std::string, std::string> runFor;                 // key -> run folder
  std::map<std::string, std::vector<std::string>> casesFor;  // key -> case ids missing it
};

Result<TrainConfig> runConfig(const std::string& run) { return readRunConfig(RunFolder{run}); }

// Each run keyed by the sequence it synthesizes, checked against its own data.target.
Result<std::map<std::string, std::string>> runsByKey(const Manifest& m, const std::map<std::string, std::string>& runs) {
  std::map<std::string, std::string> out;
  for (const auto& [name, run] : runs) {
    auto wanted = retarget(m, name);
    if (!wanted) return makeError("--runs", wanted.error().message);
    auto c = runConfig(run);
    if (!c) return c.error();
    auto own = retarget(m, c->target);
    if (!own) return makeError(run, own.error().message);
    if (own->target != wanted->target)
      return makeError(run, "synthesizes " + ownName(m, own->target) + " (data.target), not " + name);
    if (c->stage != Stage::TissNet && c->stage != Stage::Synthesis)
      return makeError(run, "is a " + toString(c->stage) + " run; a tissnet or synthesis run synthesizes a sequence");
    out[wanted->target] = run;
  }
  return out;
}

Result<Plan> plan(const Dataset& d, const CompleteOptions& o) {
  auto runs = runsByKey(d.manifest, o.runs);
  if (!runs) return runs.error();
  Plan p{*runs, {}};
  for (const auto& c : d.cases) {
    std::vector<std::string> missing;
    for (const auto& k : brasynKeys(d.manifest.task))
      if (!c.paths.count(k) || !volumeExists(c.paths.at(k))) missing.push_back(ownName(d.manifest, k));
    if (missing.size() != 1)
      return makeError(d.root + "/" + c.id, "case " + c.id + " misses " + std::to_string(missing.size()) +
                                                " of the four sequences; BraSyn completes exactly one");
    auto key = retarget(d.manifest, missing.front());
    if (!p.runFor.count(key->target))
      return makeError("--runs", "case " + c.id + " misses " + missing.front() + " and no run synthesizes it (--runs " + missing.front() + "=RUN)");
    p.casesFor[key->target].push_back(c.id);
  }
  return p;
}

// The 99.5th percentile of an image's head voxels (preprocess.h's head rule).
float headPercentile(const Volume& v) {
  const Volume head = headMask(v);
  std::vector<float> inside;
  for (size_t i = 0; i < v.voxels.size(); ++i)
    if (head.voxels[i] > 0.5f) inside.push_back(v.voxels[i]);
  if (inside.empty()) return 0.f;
  auto at = inside.begin() + std::ptrdiff_t(0.995 * double(inside.size() - 1));
  std::nth_element(inside.begin(), at, inside.end());
  return *at;
}

// [-1, 1] onto [0, R] (brasyn.h), 0 outside the first source's head, in its geometry and type.
Result<Volume> denormalize(const Volume& synth, const Dataset& d, const CaseFiles& c) {
  std::vector<float> highs;
  Volume first;
  for (const auto& k : brasynKeys(d.manifest.task)) {
    if (!c.paths.count(k) || !volumeExists(c.paths.at(k))) continue;
    auto v = readVolume(c.paths.at(k));
    if (!v) return v.error();
    highs.push_back(headPercentile(*v));
    if (first.voxels.empty()) first = std::move(*v);
  }
  std::nth_element(highs.begin(), highs.begin() + std::ptrdiff_t(highs.size() / 2), highs.end());
  const float range = highs[highs.size() / 2];
  const Volume head = headMask(first);
  Volume out(first.geometry, 0.f, first.pixelType);
  for (size_t i = 0; i < out.voxels.size(); ++i)
    if (head.voxels[i] > 0.5f) out.voxels[i] = std::clamp((synth.voxels[i] + 1.f) / 2.f, 0.f, 1.f) * range;
  return out;
}

// The case's present files copied, the synthesized one written where the layout puts it: a
// held-out case stays in imagesTs/ with its other channels.
Status writeCompleted(const Dataset& d, const CaseFiles& c, const std::string& key, const Volume& synth, const std::string& out) {
  if (auto st = copyCaseFiles(d, c, out, {key}); !st) return st;
  const auto rel = c.relative.find(key);
  if (rel == c.relative.end()) return makeError(c.id, "has no place for " + key + " in the data set's layout");
  auto file = pathInside(out, rel->second);
  if (!file) return file.error();
  return writeVolume(synth, *file);
}

// The cases a run trained or selected its checkpoint on: their synthesis is no test result.
void warnSeen(const std::string& run, const std::vector<std::string>& ids, const CompleteOptions& o) {
  auto folder = RunFolder::existing(run);
  auto split = folder ? readRunSplit(*folder) : Result<RunSplit>(makeError(run, ""));
  if (!split || !o.onWarning) return;
  for (const auto& id : ids)
    if (std::count(split->train.begin(), split->train.end(), id) || std::count(split->val.begin(), split->val.end(), id))
      o.onWarning("case " + id + " is in the training or validation split of " + run + ": its synthesis is not a test result");
}

}  // namespace

Result<std::vector<CompletedCase>> completeCases(const CompleteOptions& o) {
  if (auto st = requireFinished((fs::path(o.data) / kDropRecord).string(), "tissnet brasyn drop", false); !st) return st.error();
  auto d = openDataset(o.data);
  if (!d) return d.error();
  if (auto st = requireFourSequences(*d); !st) return st.error();
  auto p = plan(*d, o);
  if (!p) return p.error();
  std::error_code ec;
  if (fs::exists(o.out, ec) && !fs::is_empty(o.out, ec)) return makeError(o.out, "already exists and is not empty; choose a new folder");
  const std::string work = (fs::path(o.out) / ".tissnet-complete").string();
  std::vector<CompletedCase> done;
  nlohmann::json record = {{"data", printableName(fs::absolute(o.data).string())}, {"cases", nlohmann::json::object()}};
  for (const auto& [key, ids] : p->casesFor) {
    const std::string run = p->runFor.at(key);
    warnSeen(run, ids, o);
    InferRequest r;
    r.runDir = run;
    r.dataDir = o.data;
    r.outDir = work + "/" + key;
    r.cases = ids;
    r.device = o.device;
    r.threads = o.threads;
    if (auto st = infer(r, [&](int i, int) { if (o.progress) o.progress(int(done.size()) + i, int(d->cases.size())); }); !st) return st.error();
    for (const auto& id : ids) {
      auto synth = readVolume(r.outDir + "/" + id + "/" + id + "_synth.nii.gz");
      if (!synth) return synth.error();
      auto volume = denormalize(*synth, *d, *d->find(id));
      if (!volume) return volume.error();
      if (auto st = writeCompleted(*d, *d->find(id), key, *volume, o.out); !st) return st.error();
      done.push_back({id, key, d->find(id)->relative.at(key), run});
      record["cases"][id] = {{"key", key}, {"name", ownName(d->manifest, key)}, {"file", done.back().file},
                             {"run", printableName(fs::absolute(run).string())}};
    }
  }
  if (auto st = copyRecordFiles(o.data, o.out, {kManifestFile, "dataset.json", kDropRecord}); !st) return st.error();
  removeInside(o.out, ".tissnet-complete");
  if (auto st = writeFileAtomically((fs::path(o.out) / kCompleteRecord).string(), record.dump(2) + "\n"); !st) return st.error();
  return done;
}

}  // namespace tiss
