// tissnet brasyn eval: each synthesized sequence against the real one (BraSyn's convention) and
// the completed case's segmentation against the label, summarized by dropped sequence.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "brasyn/brasyn_common.h"
#include "tiss/io/image_io.h"
#include "tiss/metrics/metrics.h"
#include "tiss/metrics/statistics.h"
#include "tiss/util/safe_path.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

Volume tumorOf(const Volume& label) {
  Volume mask(label.geometry, 0.f, PixelType::UInt8);
  for (size_t i = 0; i < mask.voxels.size(); ++i) mask.voxels[i] = label.voxels[i] > 0.5f ? 1.f : 0.f;
  return mask;
}

Result<BrasynCaseScore> scoreCase(const Dataset& d, const std::string& id, const std::string& key, const std::string& synthFile,
                                  const BrasynEvalOptions& o) {
  const CaseFiles* c = d.find(id);
  if (!c) return makeError(o.data, "has no case '" + id + "' (the original of a completed case)");
  const auto realFile = c->paths.find(key), labelFile = c->paths.find(d.manifest.task.label);
  if (realFile == c->paths.end() || labelFile == c->paths.end())
    return makeError(o.data, "case " + id + " has no " + (realFile == c->paths.end() ? key : std::string("label")) +
                                 " to score the completed case against");
  auto real = readVolume(realFile->second);
  auto synth = readVolume(synthFile);
  auto label = readVolume(labelFile->second);
  for (const auto* r : {&real, &synth, &label})
    if (!*r) return r->error();
  const Volume truth = tumorOf(*label);
  auto b = brasynScores(*synth, *real, truth);
  if (!b) return b.error();
  BrasynCaseScore s{id, key, b->psnrDb, b->ssimTumor, b->ssimHealthy, -1};
  if (!o.seg.empty()) {
    auto file = pathInside(o.seg, expandCasePattern(o.segPattern, id));
    if (!file) return file.error();
    auto seg = readVolume(*file);
    if (!seg) return seg.error();
    s.dicePct = dicePercent(tumorOf(*seg), truth);
  }
  return s;
}

}  // namespace

Result<std::vector<BrasynCaseScore>> evaluateBrasyn(const BrasynEvalOptions& o) {
  auto d = openDataset(o.data);
  if (!d) return d.error();
  const std::string recordFile = (fs::path(o.completed) / kCompleteRecord).string();
  std::ifstream in(recordFile);
  const nlohmann::json record = nlohmann::json::parse(in, nullptr, false);
  if (!in || !record.is_object() || !record.contains("cases") || !record["cases"].is_object())
    return makeError(recordFile, "not found or not a tissnet complete record: evaluate the output of tissnet complete");
  std::vector<BrasynCaseScore> scores;
  try {
    for (const auto& [id, c] : record["cases"].items()) {
      if (auto st = checkCaseId(id); !st) return makeError(recordFile, st.error().message);
      // A held-out case (imagesTs/) has no label to score against: it is not scored.
      if (const CaseFiles* original = d->find(id); original && original->heldOut) continue;
      auto synth = pathInside(o.completed, c.at("file").get<std::string>());
      if (!synth) return synth.error();
      auto s = scoreCase(*d, id, c.at("key").get<std::string>(), *synth, o);
      if (!s) return s.error();
      scores.push_back(*s);
    }
  } catch (const nlohmann::json::exception& e) {
    return makeError(recordFile, std::string("malformed: ") + e.what());
  }
  return scores;
}

std::string brasynTable(const std::vector<BrasynCaseScore>& scores) {
  std::map<std::string, std::vector<const BrasynCaseScore*>> byKey;
  for (const auto& s : scores) byKey[s.key].push_back(&s);
  byKey["all"];
  for (const auto& s : scores) byKey["all"].push_back(&s);
  auto cell = [](const std::vector<const BrasynCaseScore*>& rows, double BrasynCaseScore::*f, const char* format) {
    std::vector<double> v;
    for (const auto* r : rows)
      if (r->*f >= 0 || f != &BrasynCaseScore::dicePct) v.push_back(r->*f);
    if (v.empty()) return std::string("n/a");
    const Summary m = summarize(v);
    char text[64];
    std::snprintf(text, sizeof text, format, m.mean, m.sd);
    return std::string(text);
  };
  std::string t = "| dropped | cases | PSNR (dB) | SSIM tumor | SSIM healthy | Dice (%) |\n| --- | --- | --- | --- | --- | --- |\n";
  for (const auto& [key, rows] : byKey)
    t += "| " + key + " | " + std::to_string(rows.size()) + " | " + cell(rows, &BrasynCaseScore::psnrDb, "%.2f ± %.2f") + " | " +
         cell(rows, &BrasynCaseScore::ssimTumor, "%.3f ± %.3f") + " | " + cell(rows, &BrasynCaseScore::ssimHealthy, "%.3f ± %.3f") +
         " | " + cell(rows, &BrasynCaseScore::dicePct, "%.1f ± %.1f") + " |\n";
  t += "\nmean ± sd over cases. BraSyn convention: each image clipped to the [0.5, 99.5] percentiles of its positive "
       "voxels and scaled to [0, 1]; PSNR over the head of the real image; SSIM of both images times the tumor mask "
       "(tumor) and times the head without the tumor (healthy). Dice: whole tumor (label > 0) of the completed case's "
       "segmentation.\n";
  return t;
}

}  // namespace tiss
