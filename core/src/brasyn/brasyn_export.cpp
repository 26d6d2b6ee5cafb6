// tissnet export nnunet: a glioma data set (or its completed BraSyn cases) as an nnU-Net v2
// raw dataset, so nnU-Net can train on it or segment it.
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "brasyn/brasyn_common.h"
#include "tiss/util/atomic_file.h"
#include "tiss/io/image_io.h"
#include "tiss/util/safe_path.h"

namespace fs = std::filesystem;

namespace tiss {
namespace {

// nnU-Net's channel order for the glioma task, and the names its dataset.json gives them.
const std::vector<std::pair<std::string, std::string>> kChannels{{"t1", "T1"}, {"t1ce", "T1ce"}, {"t2", "T2"}, {"flair", "FLAIR"}};

Status copyImage(const std::string& from, const std::string& to) {
  // A plain .nii.gz copies as it is; a channel of a 4D image or another format goes through ITK.
  if (parseChannelRef(from).channel < 0 && from.size() > 7 && from.compare(from.size() - 7, 7, ".nii.gz") == 0)
    return copyFileAtomically(from, to);
  auto v = readVolume(from);
  if (!v) return v.error();
  return writeVolume(*v, to);
}

// Labels renumbered to 0..K in sorted order (nnU-Net wants consecutive integers).
Status writeLabel(const std::string& from, const std::vector<int>& values, const std::string& to) {
  auto v = readVolume(from);
  if (!v) return v.error();
  for (float& x : v->voxels) {
    const auto it = std::find(values.begin(), values.end(), int(std::lround(x)));
    if (it == values.end()) return makeError(from, "label value " + std::to_string(int(std::lround(x))) + " is not one of the task's");
    x = float(it - values.begin());
  }
  return writeVolume(*v, to);
}

nlohmann::json datasetJson(const std::vector<int>& values, int training) {
  nlohmann::json channels = nlohmann::json::object(), labels = nlohmann::json::object();
  for (size_t i = 0; i < kChannels.size(); ++i) channels[std::to_string(i)] = kChannels[i].second;
  for (size_t i = 0; i < values.size(); ++i) labels[values[i] == 0 ? "background" : "label_" + std::to_string(values[i])] = int(i);
  return {{"channel_names", channels}, {"labels", labels}, {"numTraining", training}, {"file_ending", ".nii.gz"},
          {"converted_by", "tissnet export nnunet (label values renumbered 0..K in order; names give the original values)"}};
}

}  // namespace

Result<NnunetExport> exportNnunet(const NnunetExportOptions& o) {
  if (!std::regex_match(fs::path(o.out).filename().string(), std::regex("Dataset[0-9]{3}_[A-Za-z0-9_-]+")))
    return makeError(o.out, "nnU-Net needs the folder named DatasetXXX_Name (three digits, e.g. Dataset137_BraTS)");
  std::error_code ec;
  if (fs::exists(o.out, ec) && !fs::is_empty(o.out, ec))
    return makeError(o.out, "already exists and is not empty; choose a new folder (stale cases would mix in)");
  auto d = openDataset(o.data);
  if (!d) return d.error();
  if (auto st = requireFourSequences(*d); !st) return st.error();
  if (!o.completed.empty())
    if (auto st = requireFinished((fs::path(o.completed) / kCompleteRecord).string(), "tissnet complete", true); !st) return st.error();
  Result<Dataset> completed = o.completed.empty() ? Result<Dataset>(makeError("", "")) : openDataset(o.completed);
  if (!o.completed.empty() && !completed) return completed.error();
  std::vector<int> values = d->manifest.task.labelValues;
  if (values.empty()) values = {0, 1};
  NnunetExport counts;
  for (const CaseFiles& c : d->cases) {
    const CaseFiles* images = completed ? completed->find(c.id) : &c;
    if (!images) continue;  // --completed: only the cases it holds
    const auto label = c.paths.find(d->manifest.task.label);
    // A held-out case stays held out, even where a label file happens to exist.
    const bool labelled = !c.heldOut && label != c.paths.end() && volumeExists(label->second);
    const std::string folder = labelled ? "imagesTr" : "imagesTs";
    for (size_t ch = 0; ch < kChannels.size(); ++ch) {
      char name[32];
      std::snprintf(name, sizeof name, "_%04zu.nii.gz", ch);
      const auto from = images->paths.find(kChannels[ch].first);
      if (from == images->paths.end() || !volumeExists(from->second))
        return makeError(o.completed.empty() ? o.data : o.completed, "case " + c.id + " has no " + kChannels[ch].first + " (complete it first)");
      auto to = pathInside(o.out, folder + "/" + c.id + name);
      if (!to) return to.error();
      if (auto st = copyImage(from->second, *to); !st) return st.error();
    }
    if (labelled) {
      auto to = pathInside(o.out, "labelsTr/" + c.id + ".nii.gz");
      if (!to) return to.error();
      if (auto st = writeLabel(label->second, values, *to); !st) return st.error();
    }
    ++(labelled ? counts.training : counts.test);
  }
  if (counts.training + counts.test == 0) return makeError(o.completed, "holds none of the data set's cases");
  if (auto st = writeFileAtomically((fs::path(o.out) / "dataset.json").string(), datasetJson(values, counts.training).dump(2) + "\n"); !st)
    return st.error();
  return counts;
}

}  // namespace tiss
