#include "dataset/CaseRecord.h"

namespace tiss::ui {

CaseRecord recordFromReport(const CaseReport& report, const Manifest& manifest, bool full) {
  CaseRecord r;
  r.id = QString::fromStdString(report.id);
  // Images in task order (sources, target), then the label.
  std::vector<std::string> order = manifest.task.sources;
  order.push_back(manifest.task.target);
  order.push_back(manifest.task.label);
  for (const auto& [key, unused] : manifest.patterns)
    if (std::find(order.begin(), order.end(), key) == order.end()) order.push_back(key);
  for (const auto& key : order) {
    const auto h = report.headers.find(key);
    if (h == report.headers.end()) continue;
    r.modalities << QString::fromStdString(key);
    if (r.size[0] == 0) {
      r.size = h->second.geometry.size;
      r.spacing = h->second.geometry.spacing;
    }
  }
  for (const auto& p : report.problems) r.problems << QString::fromStdString(p);
  r.tumorVolumeMl = report.tumorVolumeMl;
  r.stage = full ? CaseRecord::Stage::FullyChecked : CaseRecord::Stage::HeadersChecked;
  return r;
}

}  // namespace tiss::ui
