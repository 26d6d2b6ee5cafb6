#include "tiss/evaluation/eval.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <filesystem>
#include <iomanip>
#include <map>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tiss/data/dataset.h"
#include "tiss/io/image_io.h"
#include "tiss/util/parallel.h"
#include "tiss/util/safe_path.h"
#include "tiss/preprocessing/preprocess.h"
#include "tiss/evaluation/results_table.h"
#include "tiss/metrics/statistics.h"
#include "tiss/util/version.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

// case id -> file, for a data set (key of its manifest) or a flat folder of ID.nii[.gz].
Result<std::map<std::string, std::string>> filesOf(const std::string& dir, bool wantLabel) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return makeError(dir, "folder not found");
  std::map<std::string, std::string> files;
  if (auto d = openDataset(dir)) {
    const std::string key = wantLabel ? d->manifest.task.label : d->manifest.task.target;
    if (key.empty()) return makeError(dir, "the data set's task names no target modality: no reference image to compare with");
    for (const auto& c : d->cases)
      if (const auto f = c.paths.find(key); f != c.paths.end()) files[c.id] = f->second;
    return files;
  }
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    for (const std::string ext : {".nii.gz", ".nii"})
      if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
        if (const std::string id = name.substr(0, name.size() - ext.size()); checkCaseId(id)) files[id] = e.path().string();
        break;
      }
  }
  if (files.empty()) return makeError(dir, "is neither a data set nor a folder of CASE.nii.gz files");
  return files;
}

std::string resolve(const std::string& dir, const std::string& pattern, const std::string& id) {
  return (fs::path(dir) / expandCasePattern(pattern, id)).string();
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled.
std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

const std::string kMeanImage = "<mean of the reference>";

// The constant image that minimizes the squared error: every voxel the reference's mean.
Result<Volume> meanImageOf(const Volume& ref) {
  double sum = 0;
  for (float v : ref.voxels) sum += v;
  return Volume(ref.geometry, float(sum / double(std::max<size_t>(1, ref.voxels.size()))));
}

CaseScores scoreCase(const EvalOptions& o, const std::string& id, const std::string& predFile, const std::string& gtFile,
                     const std::string& imageFile, const std::string& refFile) {
  CaseScores s;
  s.id = id;
  auto fail = [&](const Error& e) { s.error = e.describe(); return s; };
  auto pred = readVolume(predFile);
  if (!pred) return fail(pred.error());
  auto label = readVolume(gtFile);
  if (!label) return fail(label.error());
  const Volume truth = tumorMask(*label);
  auto seg = segmentationScores(tumorMask(*pred), truth, o.surface);
  if (!seg) return fail(makeError(predFile, seg.error().message));
  s.segmentation = *seg;
  if (imageFile.empty()) return s;
  auto ref = readVolume(refFile);
  if (!ref) return fail(ref.error());
  const Volume reference = o.normalizeReference ? normalizeIntensity(*ref, PreprocessOptions()) : *ref;
  auto image = imageFile == kMeanImage ? meanImageOf(reference) : readVolume(imageFile);
  if (!image) return fail(image.error());
  auto syn = synthesisScores(*image, reference, truth, o.dataRange);
  if (!syn) return fail(makeError(imageFile, syn.error().message));
  s.synthesis = *syn;
  if (!o.brasyn) return s;
  auto b = brasynScores(*image, *ref, truth);
  if (!b) return fail(makeError(imageFile, b.error().message));
  s.brasyn = *b;
  return s;
}

}  // namespace

Result<std::vector<CaseScores>> evaluate(const EvalOptions& o, const std::function<void(int, int)>& progress) {
  std::error_code ec;
  if (!fs::is_directory(o.pred, ec)) return makeError(o.pred, "prediction folder not found");
  auto gt = filesOf(o.gt, true);
  if (!gt) return gt.error();
  std::map<std::string, std::string> refs;
  const bool synth = !o.image.empty() || o.meanImage;
  if (synth && !o.referencePattern.empty()) {
    for (const auto& [id, file] : *gt) refs[id] = resolve(o.reference.empty() ? o.gt : o.reference, o.referencePattern, id);
  } else if (synth) {
    auto r = filesOf(o.reference.empty() ? o.gt : o.reference, false);
    if (!r) return r.error();
    refs = *r;
  }
  std::vector<std::string> ids;
  bool anyPrediction = false;
  for (const auto& [id, file] : *gt)
    if (fs::exists(resolve(o.pred, o.predPattern, id), ec)) {
      anyPrediction = true;
      if (!o.skip.count(id)) ids.push_back(id);
    }
  if (!anyPrediction)
    return makeError(o.pred, "no prediction matches '" + o.predPattern + "' for any ground-truth case");
  std::vector<CaseScores> scores(ids.size());
  std::atomic<int> done{0};
  std::mutex reporting;
  parallelFor(ids.size(), o.threads, [&](size_t i) {
    const std::string& id = ids[i];
    const std::string image = o.meanImage ? kMeanImage : synth ? resolve(o.image, o.imagePattern, id) : "";
    if (synth && !refs.count(id)) {
      scores[i] = CaseScores{id, {}, {}, {}, "no reference image for this case"};
    } else {
      scores[i] = scoreCase(o, id, resolve(o.pred, o.predPattern, id), gt->at(id), image, synth ? refs.at(id) : "");
    }
    std::lock_guard<std::mutex> lock(reporting);
    if (o.onCase) o.onCase(scores[i]);
    if (progress) progress(++done, int(ids.size()));
  });
  return scores;
}

std::string toCsv(const std::vector<CaseScores>& scores) {
  bool synth = false, brasyn = false;
  for (const auto& s : scores) {
    synth = synth || s.synthesis.has_value();
    brasyn = brasyn || s.brasyn.has_value();
  }
  std::vector<std::string> names = {"dice_pct", "assd_mm", "hd95_mm"};
  if (synth) names.insert(names.end(), {"psnr_global_db", "psnr_local_db", "ssim_global", "ssim_local"});
  if (brasyn) names.insert(names.end(), {"psnr_brasyn_db", "ssim_brasyn_tumor", "ssim_brasyn_healthy"});
  std::ostringstream out;
  out << std::fixed << std::setprecision(4) << "case";
  for (const auto& n : names) out << ',' << n;
  out << ",error\n";
  std::vector<std::vector<double>> values(names.size());
  for (const auto& s : scores) {
    out << csvField(s.id);
    if (s.error.empty() && s.segmentation) {
      std::vector<std::optional<double>> row = {s.segmentation->dicePct, s.segmentation->assdMm, s.segmentation->hd95Mm};
      if (synth) {
        const auto& y = s.synthesis;
        for (double SynthesisScores::*f : {&SynthesisScores::psnrGlobalDb, &SynthesisScores::psnrLocalDb,
                                           &SynthesisScores::ssimGlobal, &SynthesisScores::ssimLocal})
          row.push_back(y ? std::optional<double>((*y).*f) : std::nullopt);
      }
      if (brasyn) {
        const auto& b = s.brasyn;
        for (double BrasynScores::*f : {&BrasynScores::psnrDb, &BrasynScores::ssimTumor, &BrasynScores::ssimHealthy})
          row.push_back(b ? std::optional<double>((*b).*f) : std::nullopt);
      }
      for (size_t c = 0; c < names.size(); ++c) {
        out << ',';
        if (!row[c] || !std::isfinite(*row[c])) continue;  // n/a, never 0
        out << *row[c];
        values[c].push_back(*row[c]);
      }
      out << ",\n";
    } else {
      // Always quoted: an error is a sentence, often with commas.
      std::string quoted = s.error;
      for (size_t p = 0; (p = quoted.find('"', p)) != std::string::npos; p += 2) quoted.insert(p, 1, '"');
      out << std::string(names.size(), ',') << ",\"" << quoted << "\"\n";
    }
  }
  for (const char* stat : {"mean", "sd"}) {
    out << stat;
    for (const auto& col : values) {
      out << ',';
      if (!col.empty()) out << (stat[0] == 'm' ? summarize(col).mean : summarize(col).sd);
    }
    out << ",\n";
  }
  return out.str();
}

Result<std::vector<CaseScores>> readScoresCsv(const std::string& file) {
  auto metrics = readEvalCsv(file);
  if (!metrics) return metrics.error();
  auto value = [](const std::map<std::string, double>& row, const char* key) {
    const auto it = row.find(key);
    return it == row.end() ? std::nan("") : it->second;
  };
  std::vector<CaseScores> out;
  for (const auto& [id, row] : *metrics) {
    CaseScores s;
    s.id = id;
    s.segmentation = SegmentationScores{value(row, "dice_pct"), value(row, "assd_mm"), value(row, "hd95_mm")};
    if (row.count("psnr_global_db"))
      s.synthesis = SynthesisScores{value(row, "psnr_global_db"), value(row, "psnr_local_db"), value(row, "ssim_global"), value(row, "ssim_local")};
    if (row.count("psnr_brasyn_db"))
      s.brasyn = BrasynScores{value(row, "psnr_brasyn_db"), value(row, "ssim_brasyn_tumor"), value(row, "ssim_brasyn_healthy")};
    out.push_back(s);
  }
  return out;
}

EvalProtocol protocolOf(const EvalOptions& o) {
  EvalProtocol p;
  p.known = true;
  p.surface = toString(o.surface);
  p.brasyn = o.brasyn;
  std::ifstream in(fs::path(o.pred) / "inference.json");
  const nlohmann::json j = in ? nlohmann::json::parse(in, nullptr, false) : nlohmann::json();
  if (j.is_object() && j.contains("crop_from_label") && j["crop_from_label"].is_boolean())
    p.cropFromLabel = j["crop_from_label"].get<bool>();
  return p;
}

std::string protocolJson(const EvalProtocol& p) {
  const nlohmann::json j = {
      {"tissnet", version()},
      {"surface_convention", p.surface},
      {"crop_from_label", p.cropFromLabel},
      {"brasyn", p.brasyn},
      {"global_region", "head of the real target (voxels above min + 5 % of (p99.5 - min))"},
      {"local_region", "bounding box of the ground-truth tumor"},
      {"empty_masks", "both empty: Dice 100 %, ASSD = HD95 = 0 mm; one empty: Dice 0 %, ASSD = HD95 = image diagonal (mm)"}};
  return j.dump(2) + "\n";
}

Result<EvalProtocol> readEvalProtocol(const std::string& csvFile) {
  EvalProtocol p;
  const std::string file = csvFile + ".json";
  std::ifstream in(file);
  if (!in) return p;
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return makeError(file, "not a JSON object");
  try {
    p.surface = j.value("surface_convention", p.surface);
    p.cropFromLabel = j.value("crop_from_label", false);
    p.brasyn = j.value("brasyn", false);
  } catch (const nlohmann::json::exception& e) {
    return makeError(file, std::string("wrong value type: ") + e.what());
  }
  p.known = true;
  return p;
}

}  // namespace tiss
