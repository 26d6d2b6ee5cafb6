#include "tiss/preprocessing/preprocess.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "tiss/io/image_io.h"
#include "tiss/metrics/metrics.h"

namespace tiss {
namespace {

float percentileOf(std::vector<float> v, double q) {
  if (v.empty()) return 0.f;
  const size_t k = std::min(v.size() - 1, size_t(q / 100.0 * double(v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + long(k), v.end());
  return v[k];
}

float headThreshold(const Volume& image) { return 0.05f * percentileOf(image.voxels, 99.5); }

// An interval of `length` (at most `limit`) centred on [lo, hi), shifted to lie in [0, limit).
std::pair<long, long> centredInterval(long lo, long hi, long length, long limit) {
  length = std::min(length, limit);
  long begin = (lo + hi) / 2 - length / 2;
  begin = std::clamp(begin, 0L, limit - length);
  return {begin, length};
}

}  // namespace

PreprocessOptions PreprocessOptions::forTask(const Task& task) {
  PreprocessOptions o;
  o.crop = task.name == "vs" ? CropRule::FixedBox : CropRule::ZRange;
  return o;
}

PreprocessOptions PreprocessOptions::forTesting(const Task& task, bool cropFromLabel) {
  PreprocessOptions o = forTask(task);
  if (!cropFromLabel) o.crop = CropRule::Head;
  return o;
}

std::string PreprocessOptions::signature() const {
  std::ostringstream s;
  s << "crop=" << int(crop) << " margin=" << zMarginVoxels << " box=" << formatSizeDHW(box)
    << " min=" << formatSizeDHW(minSize) << " pct=" << lowPercentile << "," << highPercentile;
  return s.str();
}

Volume headMask(const Volume& image) {
  const float t = headThreshold(image);
  Volume m(image.geometry, 0.f, PixelType::UInt8);
  for (size_t i = 0; i < m.voxels.size(); ++i) m.voxels[i] = image.voxels[i] > t ? 1.f : 0.f;
  return m;
}

Box cropBox(const Volume& label, const Volume& reference, const PreprocessOptions& o) {
  const Size3& n = reference.size();
  Box full{{0, 0, 0}, n};
  if (o.crop == CropRule::None) return full;
  Box focus = label.voxels.empty() || !o.cropUsesLabel() ? Box{} : boundingBox(label, 0.f);
  if (focus.empty()) focus = boundingBox(headMask(reference), 0.5f);
  if (focus.empty()) return full;
  Box b = full;
  if (o.crop == CropRule::Head) {
    for (int a = 0; a < 3; ++a)
      std::tie(b.begin[a], b.size[a]) =
          centredInterval(focus.begin[a], focus.end(a), std::max(focus.size[a], o.minSize[a]), n[a]);
    return b;
  }
  if (o.crop == CropRule::ZRange) {
    const long lo = std::max(0L, focus.begin[2] - o.zMarginVoxels);
    const long hi = std::min(n[2], focus.end(2) + o.zMarginVoxels);
    std::tie(b.begin[2], b.size[2]) = centredInterval(lo, hi, std::max(hi - lo, o.minSize[2]), n[2]);
    return b;
  }
  for (int a = 0; a < 3; ++a)
    std::tie(b.begin[a], b.size[a]) =
        centredInterval(focus.begin[a], focus.end(a), std::max(o.box[a], o.minSize[a]), n[a]);
  return b;
}

Volume normalizeIntensity(const Volume& image, const PreprocessOptions& o) {
  const float t = headThreshold(image);
  std::vector<float> head;
  head.reserve(image.voxels.size());
  for (float v : image.voxels)
    if (v > t) head.push_back(v);
  const float lo = percentileOf(head, o.lowPercentile), hi = percentileOf(head, o.highPercentile);
  const float scale = hi > lo ? 2.f / (hi - lo) : 0.f;
  Volume out(image.geometry, -1.f, PixelType::Float32);
  for (size_t i = 0; i < out.voxels.size(); ++i)
    if (image.voxels[i] > t) out.voxels[i] = std::clamp((image.voxels[i] - lo) * scale - 1.f, -1.f, 1.f);
  return out;
}

Result<PreparedCase> prepareCase(const Dataset& d, const CaseFiles& c, const PreprocessOptions& o,
                                 Need target, Need needLabel) {
  const Task& task = d.manifest.task;
  PreparedCase p;
  p.id = c.id;
  std::vector<std::string> keys = task.sources;
  if (target != Need::No) keys.push_back(task.target);
  // A label-centred crop cannot be made without the label.
  if (needLabel == Need::No && o.cropUsesLabel()) needLabel = Need::Yes;
  std::vector<Volume> raw;
  for (const auto& key : keys) {
    const auto path = c.paths.find(key);
    if (path == c.paths.end() && key == task.target && target == Need::IfPresent) continue;  // a task without target
    if (path == c.paths.end())
      return makeError(c.id, key.empty() ? std::string("the data set's task names no target modality, which this stage needs")
                                         : "has no file for '" + key + "' (see the manifest's patterns)");
    auto v = readVolume(path->second);
    if (!v && key == task.target && target == Need::IfPresent) continue;
    if (!v) return v.error();
    if (!raw.empty() && !v->geometry.sameAs(raw.front().geometry))
      return makeError(c.paths.at(key), "geometry differs from " + task.sources.front() + " of the same case");
    p.channelKeys.push_back(key);
    raw.push_back(std::move(*v));
  }
  Volume label;
  if (needLabel != Need::No) {
    const auto path = c.paths.find(task.label);
    auto l = path != c.paths.end() ? readVolume(path->second)
                                   : Result<Volume>(makeError(c.id, "has no label file (see the manifest's patterns)"));
    if (l) {
      if (!l->geometry.sameAs(raw.front().geometry)) return makeError(path->second, "label geometry differs from the images");
      label = tumorMask(*l);
    } else if (needLabel == Need::Yes) {
      return l.error();
    }
  }
  p.original = raw.front().geometry;
  p.crop = cropBox(label, raw.front(), o);
  for (auto& v : raw) p.channels.push_back(crop(normalizeIntensity(v, o), p.crop));
  if (!label.voxels.empty()) p.label = crop(label, p.crop);
  return p;
}

}  // namespace tiss
