#include "layout/CaseImages.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>

#include "tiss/io/image_io.h"

namespace tiss::viewers {

std::shared_ptr<const Volume> CaseImages::get(const QString& key) const {
  const auto it = volumes.find(key);
  return it == volumes.end() ? nullptr : it->second;
}

QStringList CaseImages::keys() const {
  QStringList k;
  for (const auto& [key, unused] : volumes) k << key;
  return k;
}

Result<CaseImages> loadCaseImages(const QString& caseId, const std::map<QString, QString>& files) {
  CaseImages images;
  images.caseId = caseId;
  bool first = true;
  for (const auto& [key, path] : files) {
    auto v = readVolume(path.toStdString());
    if (!v) return v.error();
    auto lps = std::make_shared<const Volume>(reorientToLps(*v));
    if (first) images.geometry = lps->geometry;
    else if (!lps->geometry.sameAs(images.geometry))
      return makeError(path.toStdString(), "its geometry (size, spacing, origin or direction) differs from the case's other images");
    first = false;
    images.volumes[key] = std::move(lps);
  }
  if (images.volumes.empty()) return makeError(caseId.toStdString(), "no image to show");
  return images;
}

std::map<QString, QString> resultFiles(const QString& folder, const QString& caseId) {
  std::map<QString, QString> files;
  const QString run = QFileInfo(folder).fileName();
  const QDir dir(QDir(folder).filePath(caseId));
  const QString prefix = caseId + "_";
  for (const QString& f : dir.entryList({prefix + "*.nii.gz"}, QDir::Files, QDir::Name)) {
    const QString name = f.mid(prefix.size(), f.size() - prefix.size() - 7);
    files[run + "/" + name] = dir.filePath(f);
  }
  return files;
}

Volume absoluteDifference(const Volume& a, const Volume& b) {
  Volume d(a.geometry);
  for (size_t i = 0; i < d.voxels.size() && i < b.voxels.size(); ++i) d.voxels[i] = std::abs(a.voxels[i] - b.voxels[i]);
  return d;
}

}  // namespace tiss::viewers
