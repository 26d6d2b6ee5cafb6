#include "tiss/data/check.h"

#include <atomic>
#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>
#include <thread>

#include "tiss/util/parallel.h"

namespace tiss {
namespace {

std::string join(const std::set<int>& values) {
  std::ostringstream s;
  for (auto it = values.begin(); it != values.end(); ++it) s << (it == values.begin() ? "" : ", ") << *it;
  return s.str();
}

std::string vec(const Vec3& v) {
  std::ostringstream s;
  s.precision(4);
  s << v[0] << " x " << v[1] << " x " << v[2];
  return s.str();
}

// Names the first geometric property in which `g` differs from the reference file's.
std::string geometryDifference(const Geometry& g, const Geometry& ref, const std::string& refKey) {
  Geometry probe = ref;
  probe.size = g.size;
  if (g.size != ref.size)
    return "shape " + formatSizeDHW(g.size) + " (DxHxW) differs from " + refKey + "'s " + formatSizeDHW(ref.size);
  probe.spacing = g.spacing;
  if (!probe.sameAs(ref)) return "spacing " + vec(g.spacing) + " mm differs from " + refKey + "'s " + vec(ref.spacing);
  probe.origin = g.origin;
  if (!probe.sameAs(ref)) return "origin " + vec(g.origin) + " mm differs from " + refKey + "'s " + vec(ref.origin);
  if (!g.sameAs(ref)) return "direction differs from " + refKey + "'s";
  return {};
}

void checkLabel(const Volume& label, const Task& task, const std::string& path, CaseReport& r) {
  std::set<int> unexpected;
  long tumor = 0;
  for (float v : label.voxels) {
    const int iv = int(std::lround(v));
    if (float(iv) != v) unexpected.insert(iv);
    else if (!task.labelValues.empty() &&
             std::find(task.labelValues.begin(), task.labelValues.end(), iv) == task.labelValues.end())
      unexpected.insert(iv);
    tumor += v > 0;
  }
  const Vec3& s = label.spacing();
  r.tumorVolumeMl = double(tumor) * s[0] * s[1] * s[2] / 1000.0;
  if (!unexpected.empty())
    r.problems.push_back(path + ": unexpected label values " + join(unexpected) + " (expected " +
                         join(std::set<int>(task.labelValues.begin(), task.labelValues.end())) + ")");
  if (tumor == 0) r.problems.push_back(path + ": empty tumor mask (no voxel > 0)");
}

}  // namespace

CaseReport checkCase(const Dataset& d, const CaseFiles& c, const CheckOptions& o) {
  CaseReport r;
  r.id = c.id;
  std::string refKey;
  Geometry ref;
  for (const auto& [key, path] : c.paths) {
    const bool isLabel = key == d.manifest.task.label;
    Geometry g;
    if (!volumeExists(path)) {
      r.problems.push_back(path + ": missing modality '" + key + "' (file not found)");
      continue;
    }
    if (o.headersOnly) {
      auto h = readHeader(path);
      if (!h) { r.problems.push_back(h.error().describe()); continue; }
      if (h->dimensions != 3) {
        r.problems.push_back(path + ": is a " + std::to_string(h->dimensions) + "D image; a 3D volume is required");
        continue;
      }
      r.headers[key] = *h;
      g = h->geometry;
    } else {
      auto v = readVolume(path);
      if (!v) { r.problems.push_back(v.error().describe()); continue; }
      r.headers[key] = VolumeHeader{v->geometry, v->pixelType, 3, 1};
      g = v->geometry;
      if (isLabel) checkLabel(*v, d.manifest.task, path, r);
    }
    if (refKey.empty()) {
      refKey = key;
      ref = g;
    } else if (auto diff = geometryDifference(g, ref, refKey); !diff.empty()) {
      r.problems.push_back(path + ": " + diff);
    }
  }
  return r;
}

std::vector<CaseReport> checkDataset(const Dataset& d, const CheckOptions& o,
                                     const std::function<void(int, int)>& progress) {
  std::vector<CaseReport> reports(d.cases.size());
  std::atomic<int> done{0};
  parallelFor(d.cases.size(), o.threads, [&](size_t i) {
    reports[i] = checkCase(d, d.cases[i], o);
    if (progress) progress(++done, int(d.cases.size()));
  });
  return reports;
}

}  // namespace tiss
