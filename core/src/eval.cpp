#include "tiss/eval.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iomanip>
#include <map>
#include <sstream>

#include "tiss/dataset.h"
#include "tiss/image_io.h"
#include "tiss/parallel.h"
#include "tiss/statistics.h"

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
    for (const auto& c : d->cases) files[c.id] = c.paths.at(key);
    return files;
  }
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    for (const std::string ext : {".nii.gz", ".nii"})
      if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
        files[name.substr(0, name.size() - ext.size())] = e.path().string();
        break;
      }
  }
  if (files.empty()) return makeError(dir, "is neither a data set nor a folder of CASE.nii.gz files");
  return files;
}

std::string resolve(const std::string& dir, std::string pattern, const std::string& id) {
  for (size_t p; (p = pattern.find("{case}")) != std::string::npos;) pattern.replace(p, 6, id);
  return (fs::path(dir) / pattern).string();
}

const std::string kMeanImage = "<mean of the reference>";

// The constant image that minimizes the squared error: every voxel the reference's mean.
Result<Volume> meanImageOf(const Volume& ref) {
  double sum = 0;
  for (float v : ref.voxels) sum += v;
  return Volume(ref.geometry, float(sum / double(std::max<size_t>(1, ref.voxels.size()))));
}

CaseScores scoreCase(const std::string& id, const std::string& predFile, const std::string& gtFile,
                     const std::string& imageFile, const std::string& refFile, double range) {
  CaseScores s;
  s.id = id;
  auto fail = [&](const Error& e) { s.error = e.describe(); return s; };
  auto pred = readVolume(predFile);
  if (!pred) return fail(pred.error());
  auto label = readVolume(gtFile);
  if (!label) return fail(label.error());
  const Volume truth = tumorMask(*label);
  auto seg = segmentationScores(tumorMask(*pred), truth);
  if (!seg) return fail(makeError(predFile, seg.error().message));
  s.segmentation = *seg;
  if (imageFile.empty()) return s;
  auto ref = readVolume(refFile);
  if (!ref) return fail(ref.error());
  auto image = imageFile == kMeanImage ? meanImageOf(*ref) : readVolume(imageFile);
  if (!image) return fail(image.error());
  auto syn = synthesisScores(*image, *ref, truth, range);
  if (!syn) return fail(makeError(imageFile, syn.error().message));
  s.synthesis = *syn;
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
  for (const auto& [id, file] : *gt)
    if (fs::exists(resolve(o.pred, o.predPattern, id), ec)) ids.push_back(id);
  if (ids.empty())
    return makeError(o.pred, "no prediction matches '" + o.predPattern + "' for any ground-truth case");
  std::vector<CaseScores> scores(ids.size());
  std::atomic<int> done{0};
  parallelFor(ids.size(), o.threads, [&](size_t i) {
    const std::string& id = ids[i];
    const std::string image = o.meanImage ? kMeanImage : synth ? resolve(o.image, o.imagePattern, id) : "";
    if (synth && !refs.count(id)) {
      scores[i] = CaseScores{id, {}, {}, "no reference image for this case"};
    } else {
      scores[i] = scoreCase(id, resolve(o.pred, o.predPattern, id), gt->at(id), image, synth ? refs.at(id) : "",
                            o.dataRange);
    }
    if (progress) progress(++done, int(ids.size()));
  });
  return scores;
}

std::string toCsv(const std::vector<CaseScores>& scores) {
  bool synth = false;
  for (const auto& s : scores) synth = synth || s.synthesis.has_value();
  std::ostringstream out;
  out << std::fixed << std::setprecision(4);
  out << "case,dice_pct,assd_mm,hd95_mm" << (synth ? ",psnr_global_db,psnr_local_db,ssim_global,ssim_local" : "")
      << ",error\n";
  const size_t columns = synth ? 7 : 3;
  std::vector<std::vector<double>> values(columns);
  for (const auto& s : scores) {
    out << s.id;
    if (s.error.empty() && s.segmentation) {
      std::vector<double> row = {s.segmentation->dicePct, s.segmentation->assdMm, s.segmentation->hd95Mm};
      if (synth && s.synthesis)
        row.insert(row.end(), {s.synthesis->psnrGlobalDb, s.synthesis->psnrLocalDb, s.synthesis->ssimGlobal,
                               s.synthesis->ssimLocal});
      for (size_t c = 0; c < columns; ++c) {
        out << ',' << row[c];
        values[c].push_back(row[c]);
      }
      out << ",\n";
    } else {
      std::string quoted = s.error;
      for (size_t p = 0; (p = quoted.find('"', p)) != std::string::npos; p += 2) quoted.insert(p, 1, '"');
      out << std::string(columns, ',') << ",\"" << quoted << "\"\n";
    }
  }
  for (const char* stat : {"mean", "sd"}) {
    out << stat;
    for (const auto& col : values) out << ',' << (stat[0] == 'm' ? summarize(col).mean : summarize(col).sd);
    out << ",\n";
  }
  return out.str();
}

}  // namespace tiss
